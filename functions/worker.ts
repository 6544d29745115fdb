// The worker function: answers what the ack function verified and handed over (an asynchronous
// Invoke). Wiring only: config, Bolt's App, the engine and the store are built once per cold start.
// It runs the payload through Bolt's App.processEvent, so the listeners are plain Bolt listeners, but
// never re-checks the signature: Slack signed the request for the ack, and a delayed retry of this
// invocation would fail Bolt's 5-minute window. Only the ack (by IAM) may invoke it.
//
// It never throws out: Lambda would retry a thrown invocation (and post twice if the first post had gone
// out), and serverless-offline has no retries and can go down with it. What can be retried, the
// listeners retry themselves (delivery.ts); what finally fails goes to the dead-letter queue.
import { App, type Receiver } from '@slack/bolt';
import type { Context } from 'aws-lambda';
import { createEngine } from '../knowledge/engine.ts';
import { boltLogger } from './bolt-logger.ts';
import { type Config, loadConfig } from './config.ts';
import { deferralQueue, isQueueBatch, redeliver, type SettleDeps, sender } from './deferral.ts';
import type { WorkItem } from './handover.ts';
import { keepAliveFetch } from './http-fetch.ts';
import { classify } from './inbound.ts';
import { registerListeners } from './listeners.ts';
import { describeError, logger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createDynamoStore } from './store/dynamo.ts';
import { rememberingClaims, resilient } from './store/resilient.ts';
import { undeliveredSink } from './undelivered.ts';

/**
 * One post waits this long for Slack. Generous on purpose: a timed-out post may still have gone out and
 * is never repeated (delivery.ts), so a short timeout would turn a slow Slack into lost replies.
 */
const POST_TIMEOUT_MS = 10_000;
/**
 * Start no retry later than this long before Lambda's timeout (40 s, serverless.yml): the last reply
 * post may take POST_TIMEOUT_MS, then the claim's release, the apology's first post (POST_TIMEOUT_MS
 * again) and the dead-letter record must still fit.
 */
const SAFETY_MARGIN_MS = 2 * POST_TIMEOUT_MS + 6_000;

/** Bolt needs a receiver; the worker's events come from the Invoke payload, not from HTTP. */
const invokeReceiver: Receiver = {
  init: () => undefined,
  start: async () => undefined,
  stop: async () => undefined,
};

interface Built {
  app: App;
  botUserId: string;
  /** What posting a deferred reply (a batch from the deferral queue) needs. */
  settling: SettleDeps;
}

function build(config: Config, remainingMs: () => number, metrics: Metrics): Built {
  const app = new App({
    receiver: invokeReceiver,
    token: config.slack.botToken,
    // Both ids given: Bolt then never calls auth.test, which without network retries for half an hour.
    botId: config.slack.botId,
    botUserId: config.slack.botUserId,
    logger: boltLogger(),
    clientOptions: {
      slackApiUrl: config.slack.apiUrl,
      // Node's fetch would load undici and compile its WebAssembly parser at the first post (http-fetch.ts).
      fetch: keepAliveFetch,
      // No retries inside the client: chat.postMessage is not idempotent, so delivery.ts decides.
      retryConfig: { retries: 0 },
      timeout: POST_TIMEOUT_MS,
      // A 429 comes back as an error with its Retry-After, which delivery.ts honours.
      rejectRateLimitedCalls: true,
    },
  });
  app.error(async (error) => {
    logger.error('Listener failed', describeError(error));
  });
  const store = rememberingClaims(
    resilient(
      createDynamoStore({
        tableName: config.store.tableName,
        endpoint: config.store.endpoint,
        questionTtlDays: config.store.questionLogDays,
      }),
      // The App Home's stats make several reads and nobody waits on a reply there: allow a bit longer.
      // The claim decides between one reply and two, and on a cold start it also opens the connection.
      { timeoutMs: 300, claimTimeoutMs: 800, statsTimeoutMs: 1_000, logger, metrics },
    ),
  );
  const settling: SettleDeps = {
    store,
    logger,
    metrics,
    retry: {
      attempts: 4,
      baseDelayMs: 500,
      maxDelayMs: 20_000,
      remainingMs,
      secondMs: config.retryAfterSecondMs,
    },
    undelivered: undeliveredSink(config.undeliveredQueueUrl),
    defer: deferralQueue(config.deferredQueueUrl, logger),
    send: sender(app.client, POST_TIMEOUT_MS),
  };
  registerListeners(app, {
    ...settling,
    store,
    engine: createEngine(),
    userHashSalt: config.userHashSalt,
    botUserId: config.slack.botUserId,
    adminUserIds: config.adminUserIds,
  });
  return { app, botUserId: config.slack.botUserId, settling };
}

const isObj = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Builds a worker handler; `handler` below is the one Lambda runs. */
export function createWorker() {
  let built: Promise<Built> | undefined;
  // The current invocation's deadline; the listeners' retries read it through remainingMs.
  let deadline = 0;
  const remainingMs = () => deadline - Date.now();
  // Per worker, not per cold start: a failed cold start still flushes what it counted.
  const metrics = createMetrics();

  return async (item: unknown, context?: Context): Promise<void> => {
    deadline = Date.now() + (context?.getRemainingTimeInMillis() ?? 40_000) - SAFETY_MARGIN_MS;
    // Every line of this invocation carries the request id, the function and whether it is a cold start.
    if (context !== undefined) logger.addContext(context);
    try {
      const batch = isQueueBatch(item);
      if (!batch && (!isObj(item) || !isObj(item.body))) {
        throw new TypeError('the invocation carries no Slack payload');
      }
      // A failed cold start (SSM unreachable) is not cached: the next invocation tries again.
      built ??= loadConfig()
        .then((config) => build(config, remainingMs, metrics))
        .catch((error: unknown) => {
          built = undefined;
          throw error;
        });
      const { app, botUserId, settling } = await built;
      // Replies Slack asked us to post later, back from the deferral queue (deferral.ts).
      if (batch) return await redeliver(settling, item);
      const work = item as unknown as WorkItem;
      // The ack classified it already; again here, cheaply, so a malformed invocation is named, not a crash.
      const inbound = classify(work.body, botUserId);
      if (inbound.kind !== 'work') {
        logger.warn('Not work for the worker', { kind: inbound.kind });
        return;
      }
      await app.processEvent({
        body: work.body,
        retryNum: work.retryNum,
        retryReason: work.retryReason,
        // The ack answered Slack long ago; Bolt's listeners still call ack(), which does nothing here.
        ack: async () => undefined,
      });
    } catch (error) {
      logger.error('Work failed', describeError(error));
    } finally {
      // One EMF line per invocation: the outcome, follow-ups, conflicts and failures it counted.
      metrics.flush();
    }
  };
}

/** Lambda entry: the ack function's asynchronous Invoke. */
export const handler = createWorker();
