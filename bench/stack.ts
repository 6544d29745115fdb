// The whole bot in this process for the benchmarks: the real ack handler and the real worker (its
// asynchronous Invoke delivered by a loopback Lambda API), real Bolt, the real DynamoDB adapter on an
// in-memory dynalite, and the loopback Slack stand-in. The same parts the reliability tests use.
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import dynalite from 'dynalite';
import { logger } from '../functions/logger.ts';
import { handler } from '../functions/slack.ts';
import { createDynamoClient, ensureTable } from '../functions/store/dynamo-sdk.ts';
import { createWorker } from '../functions/worker.ts';
import { type FakeSlack, startFakeSlack } from '../test/support/fake-slack.ts';
import { type LoopbackLambda, startLoopbackLambda } from '../test/support/lambda-invoke.ts';
import { lambdaContext, slackEnv, WORKER_FUNCTION_NAME } from '../test/support/slack.ts';

export interface BenchStack {
  slack: FakeSlack;
  lambda: LoopbackLambda;
  /** When each worker invocation began (Date.now(), as the Slack stand-in stamps its calls). */
  workerStarts: number[];
  /** The ack's answer only. */
  ack(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2>;
  close(): Promise<void>;
}

let shared: Promise<BenchStack> | undefined;

/**
 * The one stack of this process, started on first use. One, because the handlers keep their config
 * and clients for the life of the module (as a warm Lambda does): a second stack's endpoints would
 * never reach them.
 */
export function benchStack(): Promise<BenchStack> {
  shared ??= startBenchStack('bench-slack');
  return shared;
}

/** Stops the shared stack, if one was started. */
export async function closeBenchStack(): Promise<void> {
  if (shared) await (await shared).close();
  shared = undefined;
}

async function startBenchStack(table: string): Promise<BenchStack> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const db = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => db.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(db.address() as AddressInfo).port}`;
  const admin = createDynamoClient({ endpoint });
  await ensureTable(admin, table);
  admin.destroy();
  const slack = await startFakeSlack();
  const worker = createWorker();
  const workerStarts: number[] = [];
  const lambda = await startLoopbackLambda({
    [WORKER_FUNCTION_NAME]: (payload) => {
      workerStarts.push(Date.now());
      return worker(payload, { ...lambdaContext(), getRemainingTimeInMillis: () => 40_000 });
    },
  });
  Object.assign(process.env, slackEnv(slack.apiUrl, table, endpoint, lambda.endpoint));
  logger.setLogLevel('SILENT');
  // Both handlers publish their metrics as one EMF line per invocation on stdout, as on Lambda: still
  // written (their cost is part of each request), but kept out of the tables.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
    String(chunk).startsWith('{"_aws"') ? true : write(chunk, ...rest)) as typeof process.stdout.write;
  return {
    slack,
    lambda,
    workerStarts,
    ack: (event) => handler(event, lambdaContext()),
    close: async () => {
      await lambda.idle();
      // Store calls cut at their cap (resilient.ts) still run to the end in the background; let them.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      process.stdout.write = write;
      await slack.close();
      await lambda.close();
      db.closeAllConnections?.();
      await new Promise((resolve) => db.close(resolve));
    },
  };
}
