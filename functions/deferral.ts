// What happens to a reply after its last post, and the posts Slack asked us to make later.
//
// Slack's rate limit answers 429 with Retry-After (often 30 s or more for chat.postMessage in one
// channel). The ack answered Slack long ago, so nothing would ever deliver the event again: a reply that
// gives up here is lost. A wait that fits in the worker's invocation is waited out (delivery.ts); a
// longer one goes to an SQS queue with DelaySeconds, whose messages Lambda hands back to the worker
// (serverless.yml: the worker's sqs event) once the wait is over. The record holds the rendered reply,
// where it goes and the question with personal data removed: never the raw text or a user id.
//
// Why a delay queue and not a scheduled re-invoke: SQS holds the message durably from the moment
// SendMessage returns, DelaySeconds is per message (up to 15 minutes), and Lambda's event source mapping
// retries and dead-letters it without code of ours; EventBridge Scheduler would need a schedule per reply
// (created and deleted, with its own IAM role) and rounds to the minute, and a sleeping re-invoke would
// pay for the wait and die with a timeout.
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Lang } from '../knowledge/types.ts';
import {
  apologyCanArrive,
  type Delivery,
  deliver,
  failureName,
  postToResponseUrl,
  type RetryPolicy,
} from './delivery.ts';
import type { WorkKind } from './inbound.ts';
import { describeError } from './logger.ts';
import type { Metrics } from './metrics.ts';
import { scrubPersonalData } from './privacy.ts';
import { sqsClient } from './sqs.ts';
import type { Store } from './store/store.ts';
import type { UndeliveredSink } from './undelivered.ts';

/** One post as data, so it can wait in a queue: a Web API chat.postMessage or a response_url POST. */
export type PostRequest =
  | { via: 'chat.postMessage'; args: Record<string, unknown> }
  | { via: 'response_url'; url: string; body: Record<string, unknown> };

/** Makes one post; the worker gives it Bolt's Web API client. */
export type Send = (request: PostRequest) => Promise<unknown>;

/** A reply whose post is under way: what settling it needs, and all a deferred post carries. */
export interface PendingReply {
  kind: WorkKind;
  /** The claim that keeps a second reply out: settled (posted, deferred or released) here. */
  claim: [string, string];
  reply: PostRequest;
  /** Where a short apology would go if the reply finally fails; undefined: nowhere to apologise. */
  apology: PostRequest | undefined;
  /** For the undelivered record; scrubbed before it is queued or recorded. */
  question: string;
  /** Where the reply should have gone, for an operator's manual answer. */
  channel: string | undefined;
  threadTs: string | undefined;
  lang: Lang;
  /** How many times this reply was deferred already. */
  deferrals: number;
}

/** Queues a reply to be posted after `afterMs`; false when there is no queue or it refused. */
export type DeferSink = (reply: PendingReply, afterMs: number) => Promise<boolean>;

/** Deferred this many times, a reply is recorded as undelivered instead: Slack has been limiting an hour. */
export const MAX_DEFERRALS = 4;
/** SQS's longest DelaySeconds. */
const MAX_DELAY_SECONDS = 900;

/** Sends deferred replies to `queueUrl` with the wait as DelaySeconds; without a queue it says false. */
export function deferralQueue(queueUrl: string | undefined, logger: Pick<Logger, 'error'>): DeferSink {
  return async (reply, afterMs) => {
    if (queueUrl === undefined) return false;
    const record: PendingReply = { ...reply, question: scrubPersonalData(reply.question) };
    try {
      const { client, Send } = await sqsClient(queueUrl);
      await client.send(
        new Send({
          QueueUrl: queueUrl,
          MessageBody: JSON.stringify(record),
          DelaySeconds: Math.min(MAX_DELAY_SECONDS, Math.max(1, Math.ceil(afterMs / 1000))),
        }),
      );
      return true;
    } catch (error) {
      logger.error('Deferral queue refused the reply', { kind: reply.kind, ...describeError(error) });
      return false;
    }
  };
}

export interface SettleDeps {
  store: Pick<Store, 'markPosted' | 'markDeferred' | 'release'>;
  metrics: Pick<Metrics, 'count'>;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  retry: RetryPolicy;
  undelivered: UndeliveredSink;
  defer: DeferSink;
  send: Send;
}

/** What became of a reply. */
export type Settled = 'posted' | 'deferred' | 'lost';

/**
 * Settles a reply after deliver(): posted (or maybe posted) → the claim is "posted"; Slack asked for a
 * wait → queued, the claim "deferred"; failed → counted once, the claim released, an apology only where
 * it can arrive, and the undelivered record names Slack's error.
 */
export async function settle(deps: SettleDeps, pending: PendingReply, delivery: Delivery): Promise<Settled> {
  const { store, metrics, logger } = deps;
  if (delivery.status === 'posted') {
    await store.markPosted(...pending.claim);
    return 'posted';
  }
  if (delivery.status === 'unknown') {
    // Maybe posted: repeating it could post twice, so it counts as posted (README: Limits), and is
    // counted so a rise shows on the dashboard and its alarm.
    metrics.count('PostUnknown');
    logger.warn('Reply outcome unknown; not repeated', {
      via: pending.kind,
      ...describeError(delivery.error),
    });
    await store.markPosted(...pending.claim);
    return 'posted';
  }
  if (delivery.status === 'later' && pending.deferrals < MAX_DEFERRALS) {
    const next = { ...pending, deferrals: pending.deferrals + 1 };
    if (await deps.defer(next, delivery.afterMs)) {
      metrics.count('PostDeferred');
      logger.warn('Reply deferred: Slack asked to wait', { via: pending.kind, afterMs: delivery.afterMs });
      await store.markDeferred(...pending.claim);
      return 'deferred';
    }
  }
  const failure = failureName(delivery.error);
  metrics.count('PostFailure');
  logger.error('Reply not delivered', { via: pending.kind, attempts: delivery.attempts, failure });
  await store.release(...pending.claim);
  const { apology } = pending;
  let apologised = false;
  if (apology !== undefined && apologyCanArrive(failure)) {
    const sent = await deliver(
      () => deps.send(apology),
      deps.retry,
      () => undefined,
    );
    apologised = sent.status === 'posted';
  }
  await deps.undelivered({
    kind: pending.kind,
    channel: pending.channel,
    threadTs: pending.threadTs,
    question: pending.question,
    reason: `${failure} after ${delivery.attempts} attempt(s)${pending.deferrals > 0 ? ` and ${pending.deferrals} deferral(s)` : ''}`,
    apologised,
  });
  return 'lost';
}

/** Makes a post with Bolt's Web API client, or to a response_url. */
export function sender(
  client: { chat: { postMessage: (args: never) => Promise<unknown> } },
  responseUrlTimeoutMs: number,
): Send {
  return (request) =>
    request.via === 'chat.postMessage'
      ? client.chat.postMessage(request.args as never)
      : postToResponseUrl(request.url, request.body, responseUrlTimeoutMs);
}

const isObj = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An SQS event as Lambda delivers it (only what is read here). */
export interface QueueBatch {
  Records: { messageId?: unknown; body?: unknown; eventSource?: unknown }[];
}

/** Whether the worker's invocation is a batch from the deferral queue rather than the ack's hand-over. */
export function isQueueBatch(event: unknown): event is QueueBatch {
  return (
    isObj(event) &&
    Array.isArray(event.Records) &&
    event.Records.every((record) => isObj(record) && record.eventSource === 'aws:sqs')
  );
}

function pendingFrom(body: unknown): PendingReply | undefined {
  if (typeof body !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isObj(value) || !isObj(value.reply) || !Array.isArray(value.claim) || value.claim.length !== 2) {
    return undefined;
  }
  return value as unknown as PendingReply;
}

/** Posts each deferred reply of a batch once more and settles it; never throws. */
export async function redeliver(deps: SettleDeps, batch: QueueBatch): Promise<void> {
  for (const record of batch.Records) {
    const pending = pendingFrom(record.body);
    if (pending === undefined) {
      deps.logger.error('Deferred reply unreadable; dropped', { messageId: String(record.messageId) });
      continue;
    }
    const delivery = await deliver(
      () => deps.send(pending.reply),
      deps.retry,
      (info) =>
        deps.logger.warn('Deferred reply failed; trying again', {
          attempt: info.attempt,
          waitMs: info.waitMs,
        }),
    );
    await settle(deps, pending, delivery);
  }
}
