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
      // Slack wants its 200 within 3 s: two short attempts, never the SDK's unbounded default.
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 300, requestTimeout: 1_000, throwOnRequestTimeout: true },
    }),
    Invoke: InvokeCommand,
  };
}

/** Queues `item` for the worker; throws HandOverError when Lambda does not accept it. */
export async function handOver(worker: AckConfig['worker'], item: WorkItem): Promise<void> {
  client ??= lambda(worker.endpoint).catch((error: unknown) => {
    client = undefined;
    throw error;
  });
  const { client: lambdaClient, Invoke } = await client;
  try {
    const result = await lambdaClient.send(
      new Invoke({
        FunctionName: worker.functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(item)),
      }),
    );
    if (result.StatusCode !== 202) throw new Error(`Invoke answered ${result.StatusCode}`);
  } catch (error) {
    throw new HandOverError(`could not hand the work to ${worker.functionName}`, { cause: error });
  }
}
