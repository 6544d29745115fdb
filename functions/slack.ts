// The Lambda entry: wiring only. Config, Bolt, the engine and the store are built once per cold start,
// on the first request rather than at import, because the secrets may need an SSM read first.
import { App, AwsLambdaReceiver } from '@slack/bolt';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createEngine } from '../knowledge/engine.ts';
import { type Config, loadConfig } from './config.ts';
import { registerListeners } from './listeners.ts';
import { boltLogger, logger, redact } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { errorResponse, prepareRequest } from './request.ts';
import { createDynamoStore } from './store/dynamo.ts';
import { resilient } from './store/resilient.ts';

type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    error: error.name,
    code: typeof code === 'string' ? code : undefined,
    detail: redact(error.message),
  };
}

// Module scope, not per cold start: the ack latency of a request whose cold start fails counts too.
const metrics = createMetrics();

function build(config: Config): Handler {
  const receiver = new AwsLambdaReceiver({ signingSecret: config.slack.signingSecret, logger: boltLogger() });
  const app = new App({
    receiver,
    token: config.slack.botToken,
    // Both ids given: Bolt then never calls auth.test, which without network retries for half an hour.
    botId: config.slack.botId,
    botUserId: config.slack.botUserId,
    logger: boltLogger(),
    clientOptions: {
      slackApiUrl: config.slack.apiUrl,
      // The defaults retry for about 30 minutes; Slack wants its answer within 3 s and retries on its own.
      retryConfig: { retries: 1, factor: 1, minTimeout: 100, maxTimeout: 100 },
      timeout: 2_000,
      rejectRateLimitedCalls: true,
    },
  });
  // Bolt's default error handler rethrows, which makes the receiver answer 500 and Slack retry; the retry
  // then loses the claim and stays silent anyway. Log and let the receiver answer 200.
  app.error(async (error) => {
    logger.error('Listener failed', describe(error));
  });
  const store = resilient(
    createDynamoStore({
      tableName: config.store.tableName,
      endpoint: config.store.endpoint,
      questionTtlDays: config.store.questionLogDays,
    }),
    // The App Home's stats make several reads and nobody waits on a reply there: allow a bit longer.
    // The claim decides between one reply and two, and on a cold start it also opens the connection:
    // 800 ms still leaves the reply well inside Slack's 3 s.
    { timeoutMs: 300, claimTimeoutMs: 800, statsTimeoutMs: 1_000, logger, metrics },
  );
  registerListeners(app, {
    engine: createEngine(),
    store,
    userHashSalt: config.userHashSalt,
    botUserId: config.slack.botUserId,
    adminUserIds: config.adminUserIds,
    logger,
    metrics,
  });
  return receiver.toHandler();
}

let bolt: Promise<Handler> | undefined;

/** API Gateway (HTTP API, payload v2) → Bolt; errors become status codes here and nowhere else. */
export const handler: Handler = async (event, context) => {
  const started = performance.now();
  // Every line of this invocation carries the request id, the function and whether it is a cold start.
  logger.addContext(context);
  try {
    // A failed cold start (SSM unreachable) is not cached: the next request tries again.
    bolt ??= loadConfig()
      .then(build)
      .catch((error: unknown) => {
        bolt = undefined;
        throw error;
      });
    const boltHandler = await bolt;
    return await boltHandler(prepareRequest(event), context);
  } catch (error) {
    const response = errorResponse(error);
    (response.statusCode === 400 ? logger.warn : logger.error).call(logger, 'Request failed', {
      status: response.statusCode,
      ...describe(error),
    });
    return response;
  } finally {
    // AwsLambdaReceiver answers Slack only when every listener has finished: this is Slack's wait.
    metrics.duration('AckLatency', performance.now() - started);
    metrics.flush();
  }
};
