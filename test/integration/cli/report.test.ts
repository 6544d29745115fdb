import { describe, expect, it } from 'vitest';
import { DynamoStore } from '../../../functions/store/dynamo.ts';
import { runReport, STACK_FRAME } from '../../support/cli.ts';
import { freshTable } from '../../support/dynamo.ts';
import { closedPort } from '../../support/net.ts';
import { questionRecord } from '../../support/records.ts';

/** Runs `npm run report` with the given env. */
const report = (env: Record<string, string | undefined>) => runReport([], env);

describe('npm run report', () => {
  it('prints the stats of a table on dynalite', async () => {
    const { endpoint, tableName, documents } = await freshTable('report');
    const store = new DynamoStore(documents, tableName);
    const now = Date.now();
    await Promise.all([
      store.logQuestion(questionRecord({ at: new Date(now - 60_000), intent: 'amount', answered: true })),
      store.logQuestion(
        questionRecord({
          at: new Date(now - 30_000),
          intent: 'unknown',
          answered: false,
          question: 'Vem är Kalle?',
        }),
      ),
    ]);
    const { code, stdout, stderr } = await report({ TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain(`table ${tableName}, last 30 days`);
    expect(stdout).toMatch(/^questions\s+2$/m);
    expect(stdout).toMatch(/^answered\s+1\s+50%$/m);
    expect(stdout).toMatch(/^unknown\s+1\s+50%$/m);
    expect(stdout).toMatch(/ sv {4}Vem är Kalle\?$/m);
  });

  it('explains how to set TABLE_NAME when it is missing, without a stack trace', async () => {
    const { code, stdout, stderr } = await report({});
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('TABLE_NAME is not set');
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it('names the table and endpoint when the table does not exist', async () => {
    const { endpoint } = await freshTable('report');
    const { code, stderr } = await report({ TABLE_NAME: 'missing-table', DYNAMODB_ENDPOINT: endpoint });
    expect(code).toBe(1);
    expect(stderr).toContain(`Table missing-table does not exist at ${endpoint}`);
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it('says the table is unreachable when nothing listens at the endpoint, without a stack trace', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const { code, stderr } = await report({ TABLE_NAME: 't', DYNAMODB_ENDPOINT: endpoint });
    expect(code).toBe(1);
    expect(stderr).toContain(`Could not read table t at ${endpoint}: `);
    expect(stderr).toContain('ECONNREFUSED');
    expect(stderr).not.toMatch(STACK_FRAME);
  });
});
