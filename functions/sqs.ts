// One SQS client for the worker's two queues (undelivered.ts, deferral.ts), imported on first use so a
// cold start that only answers never loads it. Loopback queue URLs (the tests' stand-in) get dummy
// credentials and a region, as the other loopback clients do, so the SDK never walks the credential chain.
import type { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

let sqs: Promise<{ client: SQSClient; Send: typeof SendMessageCommand }> | undefined;

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The shared client, made for `queueUrl`'s host; a failed import is not cached. */
export function sqsClient(queueUrl: string) {
  sqs ??= (async () => {
    const { SQSClient, SendMessageCommand } = await import('@aws-sdk/client-sqs');
    const local = /^http:\/\/(127\.|localhost[:/])/.test(queueUrl);
    return {
      client: new SQSClient({
        ...(local
          ? { endpoint: new URL(queueUrl).origin, credentials: LOCAL_CREDENTIALS, region: 'eu-north-1' }
          : {}),
        maxAttempts: 3,
        requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true },
      }),
      Send: SendMessageCommand,
    };
  })().catch((error: unknown) => {
    sqs = undefined;
    throw error;
  });
  return sqs;
}
