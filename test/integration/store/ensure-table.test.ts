import { randomUUID } from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ensureTable } from '../../../functions/store/dynamo-sdk.ts';
import { freshTable } from '../../support/dynamo.ts';

describe('ensureTable', () => {
  it('creates an on-demand table keyed on pk and sk', async () => {
    const { client, tableName } = await freshTable('ensure');
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('tolerates two processes creating the same table at once, and a later run on the existing one', async () => {
    const { client } = await freshTable('ensure');
    const tableName = `ensure-race-${randomUUID()}`;
    await Promise.all([ensureTable(client, tableName), ensureTable(client, tableName)]);
    await ensureTable(client, tableName);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
  });
});
