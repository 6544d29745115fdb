import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoStore } from '../../../functions/store/dynamo.ts';
import { type FreshTable, freshTable } from '../../support/dynamo.ts';

describe('claim', () => {
  let table: FreshTable;
  let store: DynamoStore;
  beforeAll(async () => {
    table = await freshTable('claim');
    store = new DynamoStore(table.documents, table.tableName);
  });

  it('is won by the first caller and lost by the next one for the same message', async () => {
    expect(await store.claim('C1', '1700000000.000100')).toBe(true);
    expect(await store.claim('C1', '1700000000.000100')).toBe(false);
  });

  it('gives exactly one of 8 concurrent deliveries of one message the right to reply', async () => {
    // Slack retries plus the twin app_mention/message events all carry the same channel and ts.
    const results = await Promise.all(
      Array.from({ length: 8 }, () => store.claim('C2', '1700000000.000200')),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('lets a different ts in the same channel, or the same ts in another channel, be claimed', async () => {
    expect(await store.claim('C3', '1700000000.000300')).toBe(true);
    expect(await store.claim('C3', '1700000000.000301')).toBe(true);
    expect(await store.claim('C4', '1700000000.000300')).toBe(true);
  });

  it('expires the claim after one day through the ttl attribute', async () => {
    const before = Math.floor(Date.now() / 1000);
    await store.claim('C5', '1700000000.000500');
    const { Item } = await table.docClient.send(
      new GetCommand({ TableName: table.tableName, Key: { pk: 'CLAIM#C5#1700000000.000500', sk: 'CLAIM' } }),
    );
    expect(Item?.ttl).toBeGreaterThanOrEqual(before + 86_400);
    expect(Item?.ttl).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 86_400);
  });
});
