// DynamoDB failing the ways a network does (refused, black-holed, reset), through a TCP proxy in front of
// dynalite and the real ack and worker: every question is still answered, Slack's 200 still comes within
// 3 s, and copies of one message reaching this warm container stay silent (its memory of claims).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BOT_USER_ID, DM_CHANNEL_ID, nextTs, signedEvent } from '../support/slack.ts';
import { slackStack } from '../support/slack-stack.ts';
import { type ProxyMode, startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

let proxy: TcpProxy;
beforeAll(async () => {
  proxy = await startTcpProxy(inject('dynamoEndpoint'));
});
afterAll(async () => {
  await proxy.close();
});
const stack = slackStack({ dynamoEndpoint: () => proxy.endpoint });
const SLACK_DEADLINE_MS = 3_000;

describe.each<ProxyMode>(['refuse', 'blackhole', 'reset'])('DynamoDB %s', (mode) => {
  beforeAll(async () => {
    await proxy.setMode(mode);
  });
  afterAll(async () => {
    await proxy.setMode('pass');
  });

  it('still answers, with the 200 within 3 s', async () => {
    const started = performance.now();
    const response = await stack.ack(signedEvent({ text: `<@${BOT_USER_ID}> Kan Malmö söka?` }));
    expect(performance.now() - started).toBeLessThan(SLACK_DEADLINE_MS);
    expect(response.statusCode).toBe(200);
    await stack.lambda.idle();
    expect(stack.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers 20 concurrent copies of one message once (they reach this one warm container)', async () => {
    const ts = nextTs();
    const copies = Array.from({ length: 20 }, (_, i) =>
      signedEvent(
        { type: 'message', channel: DM_CHANNEL_ID, ts, text: 'Vem fördelar pengarna?' },
        i ? { retryNum: i % 3 } : {},
      ),
    );
    const responses = await Promise.all(copies.map((event) => stack.ack(event)));
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    await stack.lambda.idle();
    expect(stack.slack.callsTo('chat.postMessage')).toHaveLength(1);
  }, 30_000);
});

describe('DynamoDB back after an outage', () => {
  it('claims in the table again (a retry reaching another container would stay silent)', async () => {
    const ts = nextTs();
    await stack.send(signedEvent({ text: `<@${BOT_USER_ID}> Kan Malmö söka?`, ts }));
    const claimed = proxy.operations.filter((op) => op.target === 'PutItem' && op.body.includes(`CLAIM#`));
    expect(claimed.some((op) => op.body.includes(ts))).toBe(true);
    expect(stack.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('reads a thread context with one GetItem, and none for a question that starts a thread', async () => {
    const gets = () => proxy.operations.filter((op) => op.target === 'GetItem').length;
    const before = gets();
    const root = nextTs();
    await stack.send(signedEvent({ text: `<@${BOT_USER_ID}> Kan Malmö söka?`, ts: root }));
    expect(gets()).toBe(before);
    await stack.send(signedEvent({ text: `<@${BOT_USER_ID}> och 2019?`, thread_ts: root }));
    expect(gets()).toBe(before + 1);
  });
});
