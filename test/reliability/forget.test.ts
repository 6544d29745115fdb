// `npm run report -- --forget U…` as an admin runs it (a child process) on what the real bot stored:
// a DM conversation through the real ack and worker on dynalite.
// Regressions: on 56aae90 a wrong salt printed "Deleted 0 …" and exited 0, and the person's DM claims
// and context (keyed by the DM channel id, which identifies them) were left, called "no one's id".
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { runReport } from '../support/cli.ts';
import { DM_CHANNEL_ID, nextTs, signedEvent, USER_HASH_SALT, USER_ID } from '../support/slack.ts';
import { slackStack } from '../support/slack-stack.ts';

const stack = slackStack();
const OTHER_DM = 'D0OTHERDM01';
const OTHER_USER = 'U0OTHER0001';

const env = (salt = USER_HASH_SALT) => ({
  TABLE_NAME: stack.tableName,
  DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
  USER_HASH_SALT: salt,
});

async function keys(): Promise<string[]> {
  const { Items = [] } = await stack.docClient.send(new ScanCommand({ TableName: stack.tableName }));
  return Items.map((item) => String(item.pk));
}

describe('report --forget', () => {
  it('with the wrong salt, warns that nothing matched and exits non-zero', async () => {
    await stack.send(signedEvent({ type: 'message', text: 'Kan Malmö söka?', ts: nextTs() }));
    const { code, stdout, stderr } = await runReport(['--forget', USER_ID], env('not-the-functions-salt'));
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/nothing of U0ASKER001 found.*USER_HASH_SALT/s);
  }, 30_000);

  it("removes the person's questions and the claims and context keyed by their DM channel, and nobody else's", async () => {
    await stack.send(signedEvent({ type: 'message', text: 'Vem fördelar pengarna?', ts: nextTs() }));
    await stack.send(
      signedEvent({
        type: 'message',
        text: 'Kan Lund söka?',
        ts: nextTs(),
        channel: OTHER_DM,
        user: OTHER_USER,
      }),
    );
    const before = await keys();
    expect(before.filter((pk) => pk.includes(DM_CHANNEL_ID)).length).toBeGreaterThanOrEqual(3);

    const { code, stdout, stderr } = await runReport(['--forget', USER_ID], env());
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^Deleted \d+ questions?, 0 votes and [3-9] claim or context items of U0ASKER001/);
    const after = await keys();
    expect(after.filter((pk) => pk.includes(DM_CHANNEL_ID))).toEqual([]);
    expect(after.filter((pk) => pk.includes(OTHER_DM)).length).toBeGreaterThanOrEqual(2);
  }, 30_000);
});
