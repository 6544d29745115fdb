import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoStore } from '../../../functions/store/dynamo.ts';
import type { ConversationContext } from '../../../knowledge/types.ts';
import { type FreshTable, freshTable } from '../../support/dynamo.ts';

const MALMO_2019: ConversationContext = {
  topic: 'amount.per-municipality',
  places: ['1280'],
  seen: ['1280'],
  years: [2019],
  ranges: [[2019, 2021]],
  county: 'Skåne län',
  lang: 'sv',
};

describe('conversation context', () => {
  let table: FreshTable;
  let store: DynamoStore;
  beforeAll(async () => {
    table = await freshTable('context');
    store = new DynamoStore(table.documents, table.tableName);
  });

  it('reads back what was stored, with the time it was stored at', async () => {
    // Whole milliseconds survive the ISO round trip; a day-old item would be expired.
    const at = new Date(Math.floor(Date.now() / 1000) * 1000);
    await store.putContext('T1#C1#1700000000.000100', { context: MALMO_2019, at });
    expect(await store.getContext('T1#C1#1700000000.000100')).toEqual({ context: MALMO_2019, at });
    expect(await store.getContext('T1#C1#1700000000.000999')).toBeNull();
  });

  it('stores only the slot ids, each string scrubbed: no text someone wrote reaches the table', async () => {
    // A context as a bug (or a future field) might hand over: text in a slot, and fields that are no slot.
    const leaky = {
      ...MALMO_2019,
      topic: 'ring 070-123 45 67',
      county: 'anna@example.se',
      places: ['1280', 'Kan Anna 19800101-1234 söka?'],
      question: 'Kan <@U0ASKER01> söka?',
      user: 'U0ASKER01',
    } as ConversationContext;
    await store.putContext('T1#D1', { context: leaky, at: new Date() });
    const { Item } = await table.docClient.send(
      new GetCommand({ TableName: table.tableName, Key: { pk: 'CONTEXT#T1#D1', sk: 'CONTEXT' } }),
    );
    expect(Item?.context).toEqual({
      ...MALMO_2019,
      topic: 'ring [telefon]',
      county: '[e-post]',
      places: ['1280'],
    });
    expect(JSON.stringify(Item)).not.toMatch(/U0ASKER01|19800101|070-123|anna@/);
  });

  it('reads an item of the wrong shape as slot ids only, or as no context', async () => {
    await table.docClient.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          pk: 'CONTEXT#T1#D2',
          sk: 'CONTEXT',
          at: new Date().toISOString(),
          context: { places: 'Malmö', years: ['2019', 2020], lang: 'de' },
        },
      }),
    );
    expect((await store.getContext('T1#D2'))?.context).toEqual({
      topic: null,
      places: [],
      years: [2020],
      ranges: [],
      county: null,
      lang: null,
    });
    await store.putContext('T1#D3', { context: null, at: new Date() });
    expect((await store.getContext('T1#D3'))?.context).toBeNull();
  });
});
