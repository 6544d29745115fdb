// One reply per delivery: claims always expire, and a replayed /bidrag is answered once. Through the
// real DynamoDB adapter on dynalite and, for /bidrag, the real ack and worker.
// Regressions: on 56aae90 markPosted on a claim that was never written (its write timed out) created
// a claim with no TTL, kept forever; the same signed /bidrag sent three times within its five minutes
// got three answers, three question-log rows and three counts; and a claim whose PutItem landed but
// whose answer came too late was repeated by the SDK, failed its condition on itself, and the message
// was never answered (once in about ten bursts of 150 at concurrency 50).
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDynamoStore, DynamoStore } from '../../functions/store/dynamo.ts';
import { freshTable, loggedQuestions } from '../support/dynamo.ts';
import { signedCommand } from '../support/slack.ts';
import { slackStack } from '../support/slack-stack.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

const DAY_SECONDS = 86_400;

describe('a claim settled without ever being written (its write timed out)', () => {
  it.each([
    ['posted', (store: DynamoStore) => store.markPosted('C0CHANNEL01', '1700000000.000001')],
    ['deferred', (store: DynamoStore) => store.markDeferred('C0CHANNEL01', '1700000000.000001')],
  ])('marked %s, still expires a day later', async (state, settle) => {
    const { docClient, tableName } = await freshTable('claims');
    const now = new Date('2026-12-01T12:00:00Z');
    await settle(new DynamoStore(docClient, tableName, { now: () => now }));
    const { Item } = await docClient.send(
      new GetCommand({
        TableName: tableName,
        Key: { pk: 'CLAIM#C0CHANNEL01#1700000000.000001', sk: 'CLAIM' },
      }),
    );
    expect(Item?.state).toBe(state);
    expect(Item?.ttl).toBe(now.getTime() / 1000 + DAY_SECONDS);
  });

  it('keeps the TTL the claim was written with', async () => {
    const { docClient, tableName } = await freshTable('claims');
    const written = new Date('2026-12-01T12:00:00Z');
    let now = written;
    const store = new DynamoStore(docClient, tableName, { now: () => now });
    await store.claim('C1', '1.0');
    now = new Date(written.getTime() + 30_000);
    await store.markPosted('C1', '1.0');
    const { Item } = await docClient.send(
      new GetCommand({ TableName: tableName, Key: { pk: 'CLAIM#C1#1.0', sk: 'CLAIM' } }),
    );
    expect(Item?.ttl).toBe(written.getTime() / 1000 + DAY_SECONDS);
  });
});

describe('a claim whose write lands but whose answer comes too late (the SDK repeats it)', () => {
  let proxy: TcpProxy;
  beforeAll(async () => {
    proxy = await startTcpProxy(inject('dynamoEndpoint'));
  });
  afterAll(async () => {
    await proxy.close();
  });

  it('is still the first caller’s, and a real second caller still loses', async () => {
    const { tableName } = await freshTable('claims');
    // The worker's store: one repeat, answers capped at 500 ms; this answer comes after 800.
    const store = createDynamoStore({
      tableName,
      endpoint: proxy.endpoint,
      requestTimeoutMs: 500,
      maxAttempts: 2,
    });
    proxy.delayAnswers(1, 800);
    expect(await store.claim('C0CHANNEL01', '1700000000.000009')).toBe(true);
    expect(proxy.operations.filter((op) => op.target === 'PutItem')).toHaveLength(2);
    expect(await store.claim('C0CHANNEL01', '1700000000.000009')).toBe(false);
  });
});

describe('a replayed /bidrag (the same signed request, three times within five minutes)', () => {
  const stack = slackStack();

  it('is answered once, logged once', async () => {
    const command = signedCommand({
      text: 'Vem fördelar pengarna?',
      response_url: stack.slack.responseUrl('replay'),
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await stack.send(command)).statusCode);
    expect(statuses).toEqual([200, 200, 200]);
    expect(stack.slack.callsTo('response_url')).toHaveLength(1);
    const logged = await loggedQuestions(stack.docClient, stack.tableName);
    expect(logged.filter((item) => item.question === 'Vem fördelar pengarna?')).toHaveLength(1);
  });

  it('still answers two different commands with the same text', async () => {
    const url = stack.slack.responseUrl('twice');
    await stack.send(signedCommand({ text: 'Kan Lund söka?', response_url: url }));
    await stack.send(signedCommand({ text: 'Kan Lund söka?', response_url: url }));
    expect(stack.slack.callsTo('response_url')).toHaveLength(2);
  });
});
