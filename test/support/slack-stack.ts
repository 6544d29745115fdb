// The Slack app as the tests meet it: the real ack handler and the real worker (real Bolt, the real
// DynamoDB adapter on the shared dynalite, a fresh table per test file), the ack's asynchronous Invoke
// delivered to the worker in this process by a loopback Lambda API, and the loopback stand-in for
// Slack's Web API.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { logger } from '../../functions/logger.ts';
import { handler } from '../../functions/slack.ts';
import { DynamoStore } from '../../functions/store/dynamo.ts';
import { createWorker } from '../../functions/worker.ts';
import { freshTable } from './dynamo.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';
import { type FakeSqs, startFakeSqs } from './fake-sqs.ts';
import { type LoopbackLambda, startLoopbackLambda } from './lambda-invoke.ts';
import { lambdaContext, slackEnv, WORKER_FUNCTION_NAME } from './slack.ts';

export interface SlackStack {
  slack: FakeSlack;
  /** The same table the handler writes to, for reading back what it stored. */
  store: DynamoStore;
  tableName: string;
  docClient: DynamoDBDocumentClient;
  lambda: LoopbackLambda;
  /** The deferral queue's stand-in, when the stack was asked for one. */
  sqs: FakeSqs | undefined;
  /** Calls the ack handler with one event, as API Gateway would, and waits until the worker is done. */
  send(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2>;
  /** Calls the ack handler only: its answer, while the worker may still be at work. */
  ack(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2>;
}

/** Sets up the stack for the calling test file (hooks included) and returns it once ready. */
export function slackStack(
  options: {
    dynamoEndpoint?: () => string;
    /** What Lambda says is left of the worker's invocation (its timeout is 40 s). */
    workerRemainingMs?: number;
    /** A deferral queue (DEFERRED_QUEUE_URL) whose messages go back to the worker after their delay. */
    deferralQueue?: boolean;
    /** More environment for the handlers. */
    env?: Record<string, string>;
  } = {},
): SlackStack {
  const stack = {} as SlackStack;
  beforeAll(async () => {
    const [slack, table] = await Promise.all([startFakeSlack(), freshTable('slack')]);
    const worker = createWorker();
    // The worker's timeout in serverless.yml is 40 s; its retries plan with what is left of it.
    const run = (payload: unknown) =>
      worker(payload, {
        ...lambdaContext(),
        getRemainingTimeInMillis: () => options.workerRemainingMs ?? 40_000,
      });
    const lambda = await startLoopbackLambda({ [WORKER_FUNCTION_NAME]: run });
    const sqs = options.deferralQueue ? await startFakeSqs(run) : undefined;
    // The handlers read their environment at their first request, which comes after this. Stubbed, so
    // the values do not leak into other test files that run later in the same worker process.
    const endpoint = options.dynamoEndpoint?.() ?? table.endpoint;
    for (const [name, value] of Object.entries({
      ...slackEnv(slack.apiUrl, table.tableName, endpoint, lambda.endpoint),
      ...(sqs ? { DEFERRED_QUEUE_URL: sqs.queueUrl } : {}),
      ...options.env,
    })) {
      vi.stubEnv(name, value);
    }
    // JSON log lines for every answer would bury the test report; a test that reads logs turns them on.
    logger.setLogLevel('SILENT');
    stack.slack = slack;
    stack.tableName = table.tableName;
    stack.docClient = table.docClient;
    stack.store = new DynamoStore(table.docClient, table.tableName);
    stack.lambda = lambda;
    stack.sqs = sqs;
    stack.ack = (event) => handler(event, lambdaContext());
    stack.send = async (event) => {
      const response = await handler(event, lambdaContext());
      await lambda.idle();
      return response;
    };
  });
  beforeEach(() => {
    stack.slack.reset();
    stack.sqs?.sent.splice(0);
    stack.lambda.invocations.splice(0);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await stack.slack?.close();
    await stack.lambda?.close();
    await stack.sqs?.close();
  });
  return stack;
}

/** Runs `work` with the logger at `level` and returns everything it wrote (Powertools: errors on stderr). */
export async function captureLogs(level: 'DEBUG' | 'INFO', work: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const keep = (chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(keep);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(keep);
  logger.setLogLevel(level);
  try {
    await work();
  } finally {
    logger.setLogLevel('SILENT');
    out.mockRestore();
    err.mockRestore();
  }
  return lines.join('');
}
