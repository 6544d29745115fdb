// `npm run report -- --forget U…` as an admin runs it: a child process against dynalite.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoStore } from '../../../functions/store/dynamo.ts';
import { hashUser } from '../../../functions/store/hash.ts';
import { runReport } from '../../support/cli.ts';
import { freshTable } from '../../support/dynamo.ts';
import { questionRecord } from '../../support/records.ts';

const SALT = 'forget-test-salt';
const report = runReport;

describe('npm run report -- --forget', () => {
  it("deletes the person's questions, hashed with the function's salt, and says how many", async () => {
    const { endpoint, tableName, docClient } = await freshTable('forget-cli');
    const store = new DynamoStore(docClient, tableName);
    await Promise.all([
      store.logQuestion(questionRecord({ userHash: hashUser('U0ANNA0001', SALT), question: 'Annas fråga' })),
      store.logQuestion(questionRecord({ userHash: hashUser('U0ANNA0001', SALT), question: 'Annas andra' })),
      store.logQuestion(
        questionRecord({ userHash: hashUser('U0BERTIL01', SALT), question: 'Bertils fråga' }),
      ),
    ]);
    const { code, stdout, stderr } = await report(['--forget', 'U0ANNA0001'], {
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: endpoint,
      USER_HASH_SALT: SALT,
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      `Deleted 2 questions, 0 votes and 0 claim or context items of U0ANNA0001 from ${tableName}. Point-in-time recovery still holds them for up to 35 days.\n`,
    );
    const { Items = [] } = await docClient.send(new ScanCommand({ TableName: tableName }));
    expect(Items.map((item) => item.question).filter(Boolean)).toEqual(['Bertils fråga']);
  });

  it.each([
    [['--forget', 'anna'], { TABLE_NAME: 't', USER_HASH_SALT: SALT }, /--forget needs a Slack user id/],
    [['--forget', 'U0ANNA0001'], { TABLE_NAME: 't' }, /USER_HASH_SALT is not set .*USER_HASH_SALT_PARAM/],
    [['--forget', 'U0ANNA0001'], { USER_HASH_SALT: SALT }, /TABLE_NAME is not set/],
    [
      ['--forget', 'U0ANNA0001'],
      { TABLE_NAME: 't', USER_HASH_SALT: SALT, DYNAMODB_ENDPOINT: '127.0.0.1:8000' },
      /DYNAMODB_ENDPOINT must be an http:\/\/ or https:\/\/ URL/,
    ],
    [[], { TABLE_NAME: 't', DYNAMODB_ENDPOINT: '127.0.0.1:8000' }, /DYNAMODB_ENDPOINT must be an http/],
  ])('with %j and a bad setting, says what to fix without a stack trace', async (args, env, message) => {
    const { code, stdout, stderr } = await report(args, env);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
