import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoStore } from '../../../functions/store/dynamo.ts';
import { forgetUser } from '../../../functions/store/forget.ts';
import { freshTable } from '../../support/dynamo.ts';
import { feedbackRecord, questionRecord } from '../../support/records.ts';

const ANNA = 'a'.repeat(64);
const BERTIL = 'b'.repeat(64);

describe('forgetUser', () => {
  it("deletes one person's questions and votes, in every month, and nobody else's", async () => {
    const { docClient, tableName } = await freshTable('forget');
    const store = new DynamoStore(docClient, tableName);
    // More than one BatchWriteItem's 25, across months and outcomes.
    const annasQuestions = Array.from({ length: 30 }, (_, i) =>
      questionRecord({
        userHash: ANNA,
        answered: i % 2 === 0,
        at: new Date(Date.UTC(2026, 8 + (i % 3), 1 + i)),
      }),
    );
    await Promise.all([
      ...annasQuestions.map((record) => store.logQuestion(record)),
      store.logQuestion(questionRecord({ userHash: BERTIL, question: 'Bertils fråga' })),
      store.recordFeedback(feedbackRecord({ userHash: ANNA, answerId: 'answer-x' })),
      store.recordFeedback(feedbackRecord({ userHash: BERTIL, answerId: 'answer-x' })),
    ]);

    expect(await forgetUser(docClient, tableName, ANNA)).toEqual({
      questions: 30,
      votes: 1,
      conversation: 0,
    });

    const { Items = [] } = await docClient.send(new ScanCommand({ TableName: tableName }));
    expect(Items.filter((item) => item.userHash === ANNA)).toEqual([]);
    expect(Items.filter((item) => item.userHash === BERTIL)).toHaveLength(2);
    // The counters are numbers per day and topic, not anyone's: they stay.
    expect(Items.some((item) => String(item.pk).startsWith('COUNT#'))).toBe(true);
    expect(await store.feedbackFor('answer-x')).toMatchObject([{ userHash: BERTIL }]);
  });

  it('finds nothing to delete for someone who never asked', async () => {
    const { docClient, tableName } = await freshTable('forget');
    expect(await forgetUser(docClient, tableName, ANNA)).toEqual({ questions: 0, votes: 0, conversation: 0 });
  });
});
