// Slack's Web API failing in the ways it does (HTTP 500, 429 with Retry-After, ok:false, slow), through
// the real ack and worker: the stand-in is the only fake, at the network boundary. What must hold: Slack
// gets its 200 within its 3 s, and each question's reply is delivered exactly once.
import { describe, expect, it } from 'vitest';
import { BOT_USER_ID, CHANNEL_ID, nextTs, signedEvent } from '../support/slack.ts';
import { captureLogs, slackStack } from '../support/slack-stack.ts';

const stack = slackStack();
/** Slack retries an event that has no 200 within this long (api.slack.com/apis/events-api). */
const SLACK_DEADLINE_MS = 3_000;

const mention = (text: string, ts = nextTs()) => signedEvent({ text: `<@${BOT_USER_ID}> ${text}`, ts });

/** Acks one event, checks the ack came within Slack's deadline, then waits for the worker. */
async function askAndWait(event: ReturnType<typeof mention>): Promise<void> {
  const started = performance.now();
  const response = await stack.ack(event);
  expect(performance.now() - started).toBeLessThan(SLACK_DEADLINE_MS);
  expect(response.statusCode).toBe(200);
  await stack.lambda.idle();
}

describe('Slack API faults on the first post', () => {
  it.each([
    ['HTTP 500', { kind: 'http500' } as const],
    ['429 with Retry-After: 1', { kind: 'rateLimited', retryAfterSeconds: 1 } as const],
    ['ok:false service_unavailable', { kind: 'okFalse', error: 'service_unavailable' } as const],
  ])('%s: the reply arrives exactly once', async (_name, fault) => {
    stack.slack.inject('chat.postMessage', fault);
    await askAndWait(mention('Kan Malmö söka bidraget?'));
    expect(stack.slack.attemptsAt('chat.postMessage')).toHaveLength(2);
    const [reply, ...more] = stack.slack.callsTo('chat.postMessage');
    expect(more).toEqual([]);
    expect(String(reply?.args.text)).toContain('Malmö');
  });

  it('is not repeated when the error says the post can never work (channel_not_found)', async () => {
    stack.slack.inject('chat.postMessage', { kind: 'okFalse', error: 'channel_not_found' }, 2);
    await askAndWait(mention('Vem fördelar pengarna?'));
    // The reply once, and no apology: it could not reach a channel that is not there.
    expect(stack.slack.attemptsAt('chat.postMessage')).toHaveLength(1);
  });
});

describe('Slack API slow (5 s per call)', () => {
  it('still gets its 200 within 3 s, and exactly one post', async () => {
    stack.slack.inject('chat.postMessage', { kind: 'slow', delayMs: 5_000 });
    await askAndWait(mention('Hur mycket avsätts 2019?'));
    expect(stack.slack.attemptsAt('chat.postMessage')).toHaveLength(1);
    expect(stack.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('a reply that fails on every try', () => {
  it('releases the claim, apologises in the thread, records the work scrubbed, and a Slack retry answers', async () => {
    const ts = nextTs();
    const question = 'Kan min kollega 19800101-1234 (anna@example.se, 070-123 45 67) söka?';
    // Four failures: every attempt of the reply; the apology then finds Slack reachable again.
    stack.slack.inject('chat.postMessage', { kind: 'http500' }, 4);
    const logged = await captureLogs('INFO', async () => {
      await askAndWait(mention(question, ts));
    });
    const [apology, ...more] = stack.slack.callsTo('chat.postMessage');
    expect(more).toEqual([]);
    expect(apology?.args).toMatchObject({ channel: CHANNEL_ID, thread_ts: ts });
    expect(String(apology?.args.text)).toMatch(/Förlåt/);
    // The dead-letter record (logged, as no queue is configured here) holds the question scrubbed.
    expect(logged).toContain('Reply undelivered');
    expect(logged).toContain('[personnummer]');
    expect(logged).not.toContain('19800101-1234');
    expect(logged).not.toContain('anna@example.se');
    expect(logged).not.toContain('070-123 45 67');

    // The claim was given back, so Slack's retry of the same message is answered (once).
    stack.slack.reset();
    await askAndWait(signedEvent({ text: `<@${BOT_USER_ID}> ${question}`, ts }, { retryNum: 1 }));
    expect(stack.slack.callsTo('chat.postMessage')).toHaveLength(1);
  }, 30_000);
});
