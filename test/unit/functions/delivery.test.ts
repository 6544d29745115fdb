import { describe, expect, it } from 'vitest';
import { deliver, judge, ResponseUrlError } from '../../../functions/delivery.ts';
import { ConnectionError, ResponseLostError } from '../../../functions/http-fetch.ts';

// Errors shaped as @slack/web-api 8 throws them (their `code` is what delivery.ts reads).
const rateLimited = (retryAfter: number) =>
  Object.assign(new Error('429'), { code: 'slack_webapi_rate_limited_error', retryAfter });
const httpError = (statusCode: number) =>
  Object.assign(new Error('http'), { code: 'slack_webapi_http_error', statusCode, headers: {} });
const platform = (error: string) =>
  Object.assign(new Error('ok:false'), { code: 'slack_webapi_platform_error', data: { ok: false, error } });
const requestError = (original: Error) =>
  Object.assign(new Error('request'), { code: 'slack_webapi_request_error', original });

/** Runs deliver() over a scripted sequence of failures, recording the waits instead of sleeping. */
async function run(failures: unknown[], idempotent = false) {
  const waits: number[] = [];
  let posts = 0;
  const result = await deliver(
    async () => {
      posts += 1;
      const failure = failures.shift();
      if (failure !== undefined) throw failure;
    },
    {
      attempts: 4,
      baseDelayMs: 500,
      maxDelayMs: 20_000,
      remainingMs: () => 25_000,
      sleep: async (ms) => void waits.push(ms),
    },
    () => undefined,
    idempotent,
  );
  return { result, waits, posts };
}

describe('judging a failed post', () => {
  it.each([
    ['HTTP 503', httpError(503), 'retry'],
    ['429 with Retry-After', rateLimited(2), 'retry'],
    ['ok:false ratelimited', platform('ratelimited'), 'retry'],
    ['connection refused', requestError(new ConnectionError('ECONNREFUSED')), 'retry'],
    ['a response_url 500', new ResponseUrlError(500, undefined), 'retry'],
    ['our timeout (maybe posted)', requestError(new ResponseLostError('aborted')), 'unknown'],
    ['ok:false channel_not_found', platform('channel_not_found'), 'final'],
    ['HTTP 404', httpError(404), 'final'],
  ])('%s → %s', (_name, error, kind) => {
    expect(judge(error).kind).toBe(kind);
  });
});

describe('deliver', () => {
  it('waits what Retry-After says, then posts', async () => {
    const { result, waits, posts } = await run([rateLimited(1)]);
    expect(result.status).toBe('posted');
    expect(waits).toEqual([1_000]);
    expect(posts).toBe(2);
  });

  it('backs off 0.5, 1, 2 s and gives up after four posts that failed for sure', async () => {
    const { result, waits, posts } = await run([
      httpError(500),
      httpError(500),
      httpError(500),
      httpError(500),
    ]);
    expect(result.status).toBe('failed');
    expect(waits).toEqual([500, 1_000, 2_000]);
    expect(posts).toBe(4);
  });

  it('never repeats a post whose outcome is unknown', async () => {
    const { result, posts } = await run([requestError(new ResponseLostError('timeout'))]);
    expect(result.status).toBe('unknown');
    expect(posts).toBe(1);
  });

  it('repeats an idempotent call (views.publish) after an unknown outcome', async () => {
    const { result, posts } = await run([requestError(new ResponseLostError('timeout'))], true);
    expect(result.status).toBe('posted');
    expect(posts).toBe(2);
  });
});
