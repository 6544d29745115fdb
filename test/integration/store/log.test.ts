import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoStore, type DynamoStoreOptions } from '../../../functions/store/dynamo.ts';
import { freshTable } from '../../support/dynamo.ts';
import { feedbackRecord, questionRecord } from '../../support/records.ts';

const NOW = new Date('2026-11-27T12:00:00.000Z');

async function storeAt(now: Date, options: DynamoStoreOptions = {}) {
  const table = await freshTable('log');
  return {
    ...table,
    store: new DynamoStore(table.documents, table.tableName, { now: () => now, ...options }),
  };
}

describe('question log', () => {
  it('holds every field of a logged question, and expires it after 90 days', async () => {
    const { store, docClient, tableName } = await storeAt(NOW);
    const record = questionRecord({ answered: false, intent: 'unknown', entryId: null, confidence: 0.1 });
    await store.logQuestion(record);

    const { Items } = await docClient.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'QUESTION#unanswered#2026-11' },
      }),
    );
    expect(Items).toEqual([
      {
        pk: 'QUESTION#unanswered#2026-11',
        sk: `2026-11-27T10:00:00.000Z#${record.answerId}`,
        ttl: Math.floor(record.at.getTime() / 1000) + 90 * 86_400,
        at: '2026-11-27T10:00:00.000Z',
        question: record.question,
        lang: 'sv',
        intent: 'unknown',
        entryId: null,
        confidence: 0.1,
        answered: false,
        userHash: record.userHash,
        answerId: record.answerId,
      },
    ]);
  });

  it('stores the question without personal data, whoever calls the store', async () => {
    const { store, docClient, tableName } = await storeAt(NOW);
    await store.logQuestion(
      questionRecord({
        answered: false,
        question: 'Min kollega <@U0ANNA0001>, 19800101-1234, anna@example.se, 070-123 45 67: får hon söka?',
      }),
    );
    const { Items } = await docClient.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'QUESTION#unanswered#2026-11' },
      }),
    );
    expect(Items?.map((item) => item.question)).toEqual([
      'Min kollega [användare], [personnummer], [e-post], [telefon]: får hon söka?',
    ]);
  });

  it('keeps questions for as many days as configured', async () => {
    const { store, docClient, tableName } = await storeAt(NOW, { questionTtlDays: 7 });
    const record = questionRecord();
    await store.logQuestion(record);
    const { Items } = await docClient.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'QUESTION#answered#2026-11' },
      }),
    );
    expect(Items?.[0]?.ttl).toBe(Math.floor(record.at.getTime() / 1000) + 7 * 86_400);
  });
});

describe('feedback', () => {
  it('is stored against the answer it rates, one vote per person, a changed mind replacing the first', async () => {
    const { store } = await storeAt(NOW);
    await store.recordFeedback(feedbackRecord({ answerId: 'ans-1', userHash: 'u1', vote: 'up' }));
    await store.recordFeedback(feedbackRecord({ answerId: 'ans-1', userHash: 'u2', vote: 'up' }));
    await store.recordFeedback(
      feedbackRecord({
        answerId: 'ans-1',
        userHash: 'u2',
        vote: 'down',
        at: new Date('2026-11-27T10:01:00Z'),
      }),
    );
    await store.recordFeedback(feedbackRecord({ answerId: 'ans-2', userHash: 'u1', vote: 'down' }));

    expect(await store.feedbackFor('ans-1')).toEqual([
      { at: new Date('2026-11-27T10:00:05.000Z'), answerId: 'ans-1', vote: 'up', userHash: 'u1' },
      { at: new Date('2026-11-27T10:01:00.000Z'), answerId: 'ans-1', vote: 'down', userHash: 'u2' },
    ]);
    expect((await store.feedbackFor('ans-2')).map((f) => f.vote)).toEqual(['down']);
  });
});

describe('stats', () => {
  it('are all zero on an empty table', async () => {
    const { store } = await storeAt(NOW);
    expect(await store.stats()).toEqual({
      total: 0,
      answered: 0,
      byIntent: {},
      latestUnanswered: [],
      days: 30,
    });
  });

  it('count questions, answered ones and intents across days and a month boundary', async () => {
    const { store } = await storeAt(new Date('2026-12-02T08:00:00Z'));
    const at = (iso: string) => new Date(iso);
    await Promise.all([
      store.logQuestion(questionRecord({ at: at('2026-11-30T23:59:59Z'), intent: 'amount', answered: true })),
      store.logQuestion(questionRecord({ at: at('2026-12-01T00:00:00Z'), intent: 'amount', answered: true })),
      store.logQuestion(
        questionRecord({ at: at('2026-12-02T07:00:00Z'), intent: 'amount', answered: false }),
      ),
      store.logQuestion(
        questionRecord({ at: at('2026-12-02T07:30:00Z'), intent: 'unknown', answered: false }),
      ),
      store.logQuestion(
        questionRecord({ at: at('2026-11-15T12:00:00Z'), intent: 'contact', answered: true }),
      ),
      // Outside the 30-day window that ends on 2026-12-02: must not be counted.
      store.logQuestion(
        questionRecord({ at: at('2026-11-02T12:00:00Z'), intent: 'contact', answered: true }),
      ),
    ]);
    const stats = await store.stats();
    expect(stats).toMatchObject({ total: 5, answered: 3, byIntent: { amount: 3, unknown: 1, contact: 1 } });
  });

  it('lose no count when many questions of one day and intent arrive at once', async () => {
    const { store } = await storeAt(NOW);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.logQuestion(questionRecord({ intent: 'amount', answered: i % 4 !== 0 })),
      ),
    );
    expect(await store.stats()).toMatchObject({ total: 20, answered: 15, byIntent: { amount: 20 } });
  });

  it('list the ten latest unanswered questions newest first, across months, without answered ones', async () => {
    const { store } = await storeAt(NOW);
    // 14 unanswered questions, one every three days back from NOW, so they span October and November.
    const unanswered = Array.from({ length: 14 }, (_, i) =>
      questionRecord({
        at: new Date(NOW.getTime() - (i * 3 + 1) * 86_400_000),
        question: `unanswered ${i}`,
        answered: false,
      }),
    );
    const answered = questionRecord({
      at: new Date(NOW.getTime() - 1000),
      question: 'answered',
      answered: true,
    });
    await Promise.all([...unanswered, answered].map((r) => store.logQuestion(r)));

    const { latestUnanswered } = await store.stats();
    expect(latestUnanswered.map((q) => q.question)).toEqual(
      Array.from({ length: 10 }, (_, i) => `unanswered ${i}`),
    );
    expect(latestUnanswered[0]).toEqual({ at: unanswered[0]?.at, question: 'unanswered 0', lang: 'sv' });
    expect(latestUnanswered.at(-1)?.at.toISOString().slice(0, 7)).toBe('2026-10');
  });

  it('leave out unanswered questions whose ttl has passed but which DynamoDB has not deleted yet', async () => {
    const { store } = await storeAt(NOW, { questionTtlDays: 10 });
    await store.logQuestion(
      questionRecord({ at: new Date('2026-11-26T00:00:00Z'), question: 'fresh', answered: false }),
    );
    await store.logQuestion(
      questionRecord({ at: new Date('2026-11-10T00:00:00Z'), question: 'expired', answered: false }),
    );
    const { latestUnanswered } = await store.stats();
    expect(latestUnanswered.map((q) => q.question)).toEqual(['fresh']);
  });
});
