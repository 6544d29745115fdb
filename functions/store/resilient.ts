import type { Metrics } from '../metrics.ts';
import type { FeedbackRecord, QuestionRecord, Store, StoredContext, UsageStats } from './store.ts';

/** The one logger method this needs; Powertools' Logger fits it. */
export interface StoreLogger {
  // A rest parameter, not `extra?:`: Powertools types its extras as a rest tuple and rejects an optional one.
  error(msg: string, ...extra: Record<string, unknown>[]): void;
}

export interface ResilientOptions {
  /** Cap on each store call; Slack allows 3 s for the whole reply. */
  timeoutMs?: number;
  /** Cap on stats(), which makes several reads; defaults to timeoutMs. */
  statsTimeoutMs?: number;
  /**
   * Cap on claim(), which decides between one reply and two; defaults to timeoutMs. Worth more than the
   * other calls: a cold Lambda's first DynamoDB call also opens the connection.
   */
  claimTimeoutMs?: number;
  logger: StoreLogger;
  /** Counts StoreFailure for every failed call, and QuestionLogFailure for a lost question-log write. */
  metrics?: Pick<Metrics, 'count'>;
}

/** A store call that did not settle within its cap. */
export class StoreTimeoutError extends Error {
  override readonly name = 'StoreTimeoutError';
  constructor(op: string, timeoutMs: number) {
    super(`store.${op} did not finish within ${timeoutMs} ms`);
  }
}

function errorCode(error: unknown): string | undefined {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Stand-in stats for when the table cannot be read. */
export function emptyStats(): UsageStats {
  return { total: 0, answered: 0, byIntent: {}, latestUnanswered: [], unavailable: true };
}

/**
 * Wraps a store so no call takes longer than its cap or throws: failures become an ERROR log line, a
 * StoreFailure count and a safe default. A call past its cap is aborted (the SDK closes its socket),
 * not left running in the background of the next invocation.
 */
export function resilient(
  store: Store,
  { timeoutMs = 300, statsTimeoutMs, claimTimeoutMs, logger, metrics }: ResilientOptions,
): Store {
  async function capped<T>(
    op: keyof Store,
    cap: number,
    run: (signal: AbortSignal) => Promise<T>,
    fallback: () => T,
  ): Promise<T> {
    const started = performance.now();
    const abort = new AbortController();
    // Promise.resolve().then turns a synchronous throw into a rejection we can handle like the rest.
    const work = Promise.resolve().then(() => run(abort.signal));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new StoreTimeoutError(op, cap);
        abort.abort(error);
        reject(error);
      }, cap);
    });
    try {
      // race() subscribes to `work`, so a rejection after the timeout is handled, not an unhandled rejection.
      return await Promise.race([work, timeout]);
    } catch (error) {
      metrics?.count('StoreFailure');
      if (op === 'logQuestion') metrics?.count('QuestionLogFailure');
      // ERROR, not WARN: every failure here is DynamoDB misbehaving, and the bot then runs without its
      // duplicate guard or loses a question from the log. Only the operation and the error's kind:
      // records hold question text and user hashes, keep them out.
      logger.error(`Store ${op} failed; carrying on without it`, {
        op,
        reason: error instanceof StoreTimeoutError ? 'timeout' : 'error',
        error: error instanceof Error ? error.name : typeof error,
        // Network failures arrive as a plain Error whose code (ECONNREFUSED, ETIMEDOUT…) is the useful part.
        code: errorCode(error),
        detail: error instanceof Error ? error.message.slice(0, 200) : undefined,
        elapsedMs: Math.round(performance.now() - started),
        timeoutMs: cap,
      });
      return fallback();
    } finally {
      clearTimeout(timer);
    }
  }

  const nothing = () => undefined;
  return {
    // A duplicate reply is a nuisance; no reply at all looks like a broken bot.
    claim: (channel, id) =>
      capped(
        'claim',
        claimTimeoutMs ?? timeoutMs,
        (signal) => store.claim(channel, id, signal),
        () => true,
      ),
    markPosted: (channel, id) =>
      capped('markPosted', timeoutMs, (signal) => store.markPosted(channel, id, signal), nothing),
    markDeferred: (channel, id) =>
      capped('markDeferred', timeoutMs, (signal) => store.markDeferred(channel, id, signal), nothing),
    release: (channel, id) =>
      capped('release', timeoutMs, (signal) => store.release(channel, id, signal), nothing),
    // No context is a correct answer to a follow-up, only a less helpful one.
    getContext: (conversation) =>
      capped(
        'getContext',
        timeoutMs,
        (signal) => store.getContext(conversation, signal),
        () => null,
      ),
    putContext: (conversation, stored: StoredContext) =>
      capped('putContext', timeoutMs, (signal) => store.putContext(conversation, stored, signal), nothing),
    logQuestion: (record: QuestionRecord) =>
      capped(
        'logQuestion',
        timeoutMs,
        (signal) => store.logQuestion(record, signal),
        () => undefined,
      ),
    recordFeedback: (record: FeedbackRecord) =>
      capped(
        'recordFeedback',
        timeoutMs,
        (signal) => store.recordFeedback(record, signal),
        () => undefined,
      ),
    stats: () => capped('stats', statsTimeoutMs ?? timeoutMs, (signal) => store.stats(signal), emptyStats),
  };
}

/**
 * Remembers, per container, the claims this container won. When DynamoDB is unreachable the resilient
 * claim says yes to everyone; a retry or a twin event that reaches this same warm container then still
 * stays silent. Bounded: the oldest entries are forgotten first (a Set iterates in insertion order).
 */
export function rememberingClaims(store: Store, capacity = 2_000): Store {
  const won = new Set<string>();
  const key = (channel: string, id: string) => `${channel}#${id}`;
  return {
    ...store,
    claim: async (channel, id, signal) => {
      if (won.has(key(channel, id))) return false;
      // Reserved before the await, so two deliveries arriving together in one container cannot both pass.
      won.add(key(channel, id));
      if (won.size > capacity) won.delete(won.values().next().value ?? '');
      const claimed = await store.claim(channel, id, signal);
      if (!claimed) won.delete(key(channel, id));
      return claimed;
    },
    release: async (channel, id, signal) => {
      won.delete(key(channel, id));
      await store.release(channel, id, signal);
    },
  };
}
