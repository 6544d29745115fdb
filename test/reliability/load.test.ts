// A burst through the real ack and worker, in-process, counted as `npm run bench` counts it
// (bench/load.ts): what Slack would see. Some hand-overs are answered slowly by the loopback Lambda API
// (accepted, but after the ack's 2-s cap), as a busy Lambda API answers. What must hold at any load:
// no message answered twice, no message handed to the worker twice, and none answered 200 and then
// never replied to: every message is answered or refused with a 5xx, which Slack retries.
// Regression: on 56aae90 a slow answer made the ack send the Invoke again, so the worker ran twice.
import { describe, expect, it } from 'vitest';
import { burst } from '../../bench/load.ts';
import { signedEvent } from '../support/slack.ts';
import { slackStack } from '../support/slack-stack.ts';

const stack = slackStack();

describe('a burst of 150 mentions at concurrency 50, ten of them handed over slowly', () => {
  it('answers each at most once, hands each over once, and loses none after a 200', async () => {
    await stack.send(signedEvent({ text: 'hjälp' })); // warm: config and clients
    stack.lambda.invocations.splice(0);
    stack.lambda.answerSlowly(2_500, 10);
    const result = await burst(stack, { concurrency: 50, messages: 150 });

    expect(result.other).toEqual([]);
    expect(result.duplicates).toBe(0);
    expect(result.lost).toBe(0);
    expect(result.replies + result.refusedUnanswered).toBe(result.sent);
    expect(result.refused).toBeGreaterThanOrEqual(10);
    const handedOver = new Map<string, number>();
    for (const { payload } of stack.lambda.invocations) {
      const ts = String((payload as { body?: { event?: { ts?: unknown } } }).body?.event?.ts);
      handedOver.set(ts, (handedOver.get(ts) ?? 0) + 1);
    }
    expect([...handedOver.values()].filter((n) => n > 1)).toEqual([]);
  }, 60_000);
});
