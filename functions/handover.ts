// The lazy listener's hand-over: the ack function invokes the worker asynchronously (InvocationType
// Event) with the verified payload, and Lambda queues it; the ack never waits for the answer. Lambda
// retries a failed asynchronous invocation twice and then sends it to the on-failure destination
// (infra/queue.yml); serverless-offline runs Event invocations (202) but has neither.
import type { AckConfig } from './config.ts';
import { ConnectionError, keepAliveFetch } from './http-fetch.ts';
import { HandOverError } from './request.ts';
import { signRequest } from './sigv4.ts';

/** What the worker is given: the verified Slack payload and Slack's retry headers. */
export interface WorkItem {
  body: Record<string, unknown>;
  retryNum?: number;
  retryReason?: string;
  /** When the ack received it (ms since the epoch), for the worker's logs. */
  receivedAt: number;
}

/** One attempt waits this long for Lambda's 202: Slack wants the whole ack within 3 s. */
const INVOKE_TIMEOUT_MS = 1_000;

/**
 * Queues `item` for the worker with Lambda's Invoke API (InvocationType Event), signed here (sigv4.ts)
 * and sent over the keep-alive connection of http-fetch.ts: the SDK's Lambda client is most of a cold
 * ack. Repeated once only when the request never reached Lambda (a refused connection, a stale
 * keep-alive socket) or Lambda throttled it (429: not queued); an Invoke whose outcome is unknown (a
 * timeout, a reset mid-answer, a 5xx) is never repeated, since it may have been queued and the worker
 * would run twice. Throws HandOverError when Lambda did not accept it; the ack answers 503 and Slack
 * retries (functions/request.ts).
 */
export async function handOver(worker: AckConfig['worker'], item: WorkItem): Promise<void> {
  const url = new URL(
    `/2015-03-31/functions/${encodeURIComponent(worker.functionName)}/invocations`,
    worker.endpoint ??
      `https://lambda.${worker.region}.${worker.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`,
  );
  const body = JSON.stringify(item);
  let last: unknown;
  for (let attempt = 1; attempt <= 2; attempt++) {
    // Signed per attempt: the signature carries the time.
    const headers = signRequest(
      {
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'Event' },
        body,
      },
      worker.credentials,
      worker.region,
      'lambda',
      new Date(),
    );
    try {
      const response = await keepAliveFetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(INVOKE_TIMEOUT_MS),
      });
      if (response.status === 202) return;
      const type = response.headers.get('x-amzn-errortype') ?? '';
      last = new Error(`Invoke answered HTTP ${response.status} ${type}`.trim());
      if (response.status !== 429) break;
    } catch (error) {
      last = error;
      if (!(error instanceof ConnectionError)) break;
    }
  }
  throw new HandOverError(`could not hand the work to ${worker.functionName}`, { cause: last });
}
