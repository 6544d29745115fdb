// Posting a reply exactly once over an API that is not idempotent. chat.postMessage and a response_url
// post have no idempotency key, and reading the channel back to see whether a post went through would
// need the channels:history scopes. So each failure is sorted by what it proves:
// - it failed for sure (HTTP 5xx or 429 before any side effect, connection refused, an ok:false that
//   Slack documents as retryable): repeat it, after Retry-After when Slack gives one, with backoff;
// - its outcome is unknown (our timeout, a reset mid-response): never repeat it (a second post is the
//   worse failure), count it as posted and log it;
// - it failed for good (channel_not_found, invalid_auth…): no repeat.
// A wait Slack asks for (Retry-After) that fits in what is left of the invocation is waited out here;
// a longer one is handed back as 'later', and the caller posts it from a delay queue (deferral.ts).
// The Web API client itself makes no retries (retryConfig: retries 0) so this is the only place that does.
import { ConnectionError, keepAliveFetch } from './http-fetch.ts';

export type Delivery =
  | { status: 'posted'; attempts: number }
  | { status: 'unknown'; attempts: number; error: unknown }
  | { status: 'failed'; attempts: number; error: unknown }
  /** Slack asked for a wait longer than this invocation has left: post it after `afterMs`, elsewhere. */
  | { status: 'later'; attempts: number; afterMs: number; error: unknown };

type Verdict = { kind: 'retry'; afterMs: number | undefined } | { kind: 'unknown' } | { kind: 'final' };

/** Slack's ok:false errors that say nothing happened and a later try may work. */
const RETRYABLE_PLATFORM_ERRORS = new Set(['ratelimited', 'service_unavailable', 'request_timeout']);

/** A response_url post answered with a status other than 200. */
export class ResponseUrlError extends Error {
  override readonly name = 'ResponseUrlError';
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`response_url answered HTTP ${status}`);
  }
}

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;

const seconds = (value: unknown): number | undefined => {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n * 1000 : undefined;
};

/** What a failed post proves; errors of @slack/web-api are told apart by their `code`. */
export function judge(error: unknown): Verdict {
  const code = field(error, 'code');
  if (code === 'slack_webapi_rate_limited_error') {
    return { kind: 'retry', afterMs: seconds(field(error, 'retryAfter')) };
  }
  if (code === 'slack_webapi_http_error') {
    const status = Number(field(error, 'statusCode'));
    const retryAfter = seconds(field(field(error, 'headers'), 'retry-after'));
    return status >= 500 ? { kind: 'retry', afterMs: retryAfter } : { kind: 'final' };
  }
  if (code === 'slack_webapi_platform_error') {
    const data = field(error, 'data');
    const name = field(data, 'error');
    if (typeof name === 'string' && RETRYABLE_PLATFORM_ERRORS.has(name)) {
      return { kind: 'retry', afterMs: seconds(field(field(data, 'response_metadata'), 'retryAfter')) };
    }
    return { kind: 'final' };
  }
  if (code === 'slack_webapi_request_error') {
    const sent = !(field(error, 'original') instanceof ConnectionError);
    return sent ? { kind: 'unknown' } : { kind: 'retry', afterMs: undefined };
  }
  if (error instanceof ResponseUrlError) {
    if (error.status === 429 || error.status >= 500) {
      return { kind: 'retry', afterMs: error.retryAfterMs };
    }
    return { kind: 'final' };
  }
  if (error instanceof ConnectionError) return { kind: 'retry', afterMs: undefined };
  return { kind: 'unknown' };
}

export interface RetryPolicy {
  /** Posts at most this many times in all. */
  attempts: number;
  /** Backoff: this, doubled per attempt, unless Slack's Retry-After says longer. */
  baseDelayMs: number;
  /** Longest backoff of our own (no Retry-After); past it the post has failed. */
  maxDelayMs: number;
  /** How long one second of Slack's Retry-After lasts here: 1000, less in tests (RETRY_AFTER_SECOND_MS). */
  secondMs?: number;
  /** Milliseconds left before the worker must stop trying (Lambda's remaining time, less a margin). */
  remainingMs: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `post` until it succeeds, fails for good, or its outcome is unknown; see the file comment.
 * `idempotent` posts (views.publish) may be repeated after an unknown outcome too.
 */
export async function deliver(
  post: () => Promise<unknown>,
  policy: RetryPolicy,
  onRetry: (info: { attempt: number; waitMs: number; error: unknown }) => void,
  idempotent = false,
): Promise<Delivery> {
  const sleep = policy.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      await post();
      return { status: 'posted', attempts: attempt };
    } catch (error) {
      const verdict = judge(error);
      if (verdict.kind === 'final') return { status: 'failed', attempts: attempt, error };
      if (verdict.kind === 'unknown' && !idempotent) return { status: 'unknown', attempts: attempt, error };
      const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
      const asked =
        verdict.kind === 'retry' && verdict.afterMs !== undefined
          ? (verdict.afterMs * (policy.secondMs ?? 1000)) / 1000
          : undefined;
      const waitMs = Math.max(asked ?? 0, backoff);
      const fits = waitMs < policy.remainingMs();
      // Slack said when it will take the post again: never give up on that, only move it out of here.
      if (asked !== undefined && (!fits || attempt >= policy.attempts)) {
        return { status: 'later', attempts: attempt, afterMs: waitMs, error };
      }
      if (attempt >= policy.attempts || (asked === undefined && waitMs > policy.maxDelayMs) || !fits) {
        return { status: 'failed', attempts: attempt, error };
      }
      onRetry({ attempt, waitMs, error });
      await sleep(waitMs);
    }
  }
}

/**
 * Slack's name for why a post failed, for records and logs: the ok:false error (`channel_not_found`),
 * `ratelimited` for a 429, `http_<status>` for other statuses, else the error's own name.
 */
export function failureName(error: unknown): string {
  const code = field(error, 'code');
  if (code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  if (code === 'slack_webapi_platform_error') {
    const name = field(field(error, 'data'), 'error');
    if (typeof name === 'string' && /^[a-z_]{1,64}$/.test(name)) return name;
  }
  if (code === 'slack_webapi_http_error') return `http_${Number(field(error, 'statusCode'))}`;
  if (error instanceof ResponseUrlError) return error.status === 429 ? 'ratelimited' : `http_${error.status}`;
  if (code === 'slack_webapi_request_error') {
    const original = field(error, 'original');
    return original instanceof Error ? original.name : 'request_error';
  }
  return error instanceof Error ? error.name : typeof error;
}

/**
 * Failures after which an apology in the same place cannot arrive: the channel is gone or closed to the
 * bot, the token is not accepted, or Slack is limiting posts there (an apology would hit the same limit).
 */
const NO_APOLOGY = new Set([
  'ratelimited',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'no_permission',
  'restricted_action',
  'team_access_not_granted',
  'http_401',
  'http_403',
  'http_404',
  'http_410',
]);

/** Whether an apology may reach the place a reply failed to reach with `failure` (failureName()). */
export function apologyCanArrive(failure: string): boolean {
  return !NO_APOLOGY.has(failure);
}

/** POSTs a message to a response_url (slash commands, clicks); throws ResponseUrlError or the fetch's error. */
export async function postToResponseUrl(url: string, message: object, timeoutMs: number): Promise<void> {
  const response = await keepAliveFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status !== 200) {
    throw new ResponseUrlError(response.status, seconds(response.headers.get('retry-after') ?? undefined));
  }
}
