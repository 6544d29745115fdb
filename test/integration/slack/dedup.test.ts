import { describe, expect, it } from 'vitest';
import { BOT_USER_ID, DM_CHANNEL_ID, nextTs, signedEvent } from '../../support/slack.ts';
import { slackStack } from '../../support/slack-stack.ts';

const stack = slackStack();

describe('one Slack post delivered more than once', () => {
  it('is answered once when it arrives both as app_mention and as message', async () => {
    const ts = nextTs();
    const text = `<@${BOT_USER_ID}> Kan Malmö söka bidraget?`;
    const twins = [
      signedEvent({ type: 'app_mention', channel: DM_CHANNEL_ID, ts, text }),
      signedEvent({ type: 'message', channel: DM_CHANNEL_ID, channel_type: 'im', ts, text }),
    ];
    const responses = await Promise.all(twins.map((event) => stack.send(event)));
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(stack.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('is answered once when Slack retries it after the reply', async () => {
    const ts = nextTs();
    await stack.send(signedEvent({ ts }));
    for (const retryNum of [1, 2, 3]) {
      const response = await stack.send(signedEvent({ ts }, { retryNum }));
      expect(response.statusCode).toBe(200);
    }
    expect(stack.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('is answered once when eight deliveries (twins and retries) arrive at the same time', async () => {
    const ts = nextTs();
    const deliveries = Array.from({ length: 8 }, (_, i) =>
      i % 2 === 0
        ? signedEvent({ type: 'app_mention', channel: DM_CHANNEL_ID, ts }, i > 0 ? { retryNum: i } : {})
        : signedEvent({ type: 'message', channel: DM_CHANNEL_ID, ts }, { retryNum: i }),
    );
    const responses = await Promise.all(deliveries.map((event) => stack.send(event)));
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    expect(stack.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('still lets two different posts in the same channel each get their answer', async () => {
    await stack.send(signedEvent({ ts: nextTs() }));
    await stack.send(signedEvent({ ts: nextTs() }));
    expect(stack.slack.callsTo('chat.postMessage')).toHaveLength(2);
  });
});
