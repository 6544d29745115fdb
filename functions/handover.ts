// The lazy listener's hand-over: the ack function invokes the worker asynchronously (InvocationType
// Event) with the verified payload, and Lambda queues it; the ack never waits for the answer. Lambda
// retries a failed asynchronous invocation twice and then sends it to the on-failure destination
// (infra/queue.yml); serverless-offline runs Event invocations (202) but has neither.
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { AckConfig } from './config.ts';
import { HandOverError } from './request.ts';

/** What the worker is given: the verified Slack payload and Slack's retry headers. */
export interface WorkItem {
  body: Record<string, unknown>;
  retryNum?: number;
  retryReason?: string;
  /** When the ack received it (ms since the epoch), for the worker's logs. */
  receivedAt: number;
}

// Loopback Lambda APIs (serverless-offline, the tests') accept any signature; dummy keys keep the SDK
// from walking the credential chain.
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

let client:
  | Promise<{ client: LambdaClient; Invoke: typeof import('@aws-sdk/client-lambda').InvokeCommand }>
  | undefined;

async function lambda(endpoint: string | undefined) {
  // Imported on first use, so a url_verification or an ignored event never loads the SDK client.
  const { LambdaClient, InvokeCommand } = await import('@aws-sdk/client-lambda');
  const local = endpoint !== undefined && /^http:\/\/(127\.|localhost)/.test(endpoint);
  return {
    client: new LambdaClient({
      ...(endpoint ? { endpoint } : {}),
      ...(local ? { credentials: LOCAL_CREDENTIALS, region: process.env.AWS_REGION ?? 'eu-north-1' } : {}),
      // One attempt: an Invoke that timed out may have been queued, and a second would run the worker
      // twice. handOver() repeats only what was certainly not accepted. Inside Slack's 3 s.
      maxAttempts: 1,
      requestHandler: { connectionTimeout: 300, requestTimeout: 2_000, throwOnRequestTimeout: true },
    }),
    Invoke: InvokeCommand,
  };
}

/** Network errors that mean the request never reached Lambda. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Whether a failed Invoke was certainly not accepted, so repeating it cannot run the worker twice: the
 * connection never opened, or Lambda throttled it (429). A timeout, a reset or a 5xx leaves it unknown.
 */
function notAccepted(error: unknown): boolean {
  const { code, name, message, $metadata } = (error ?? {}) as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  if (typeof code === 'string' && NOT_SENT.has(code)) return true;
  if ($metadata?.httpStatusCode === 429 || name === 'TooManyRequestsException') return true;
  return typeof message === 'string' && message.includes('without establishing a connection');
}

/**
 * Queues `item` for the worker; throws HandOverError when Lambda does not accept it, or does not say
 * so in time. Never repeats an Invoke whose outcome is unknown: the ack then answers 5xx, Slack retries
 * the event, and the worker's claim lets only one of the two runs reply.
 */
export async function handOver(worker: AckConfig['worker'], item: WorkItem): Promise<void> {
  client ??= lambda(worker.endpoint).catch((error: unknown) => {
    client = undefined;
    throw error;
  });
  const { client: lambdaClient, Invoke } = await client;
  const invoke = () =>
    lambdaClient.send(
      new Invoke({
        FunctionName: worker.functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(item)),
      }),
    );
  try {
    const result = await invoke().catch((error: unknown) => {
      if (notAccepted(error)) return invoke();
      throw error;
    });
    if (result.StatusCode !== 202) throw new Error(`Invoke answered ${result.StatusCode}`);
  } catch (error) {
    throw new HandOverError(`could not hand the work to ${worker.functionName}`, { cause: error });
  }
}
