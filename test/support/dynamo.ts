import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { createDynamoClient, documentClient, ensureTable } from '../../functions/store/dynamo.ts';

export interface FreshTable {
  endpoint: string;
  tableName: string;
  client: DynamoDBClient;
  docClient: DynamoDBDocumentClient;
}

// Dummy keys and a region, stated here too so no test can ever reach for real AWS credentials.
export const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
export const TEST_REGION = 'eu-north-1';

/** A new, uniquely named table on the shared dynalite, made by the same ensureTable local runs use. */
export async function freshTable(prefix = 'test'): Promise<FreshTable> {
  const endpoint = inject('dynamoEndpoint');
  const tableName = `${prefix}-${randomUUID()}`;
  // Generous timeouts: the suite's files share one dynalite and run in parallel.
  const client = createDynamoClient({
    endpoint,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
    connectionTimeoutMs: 2_000,
    requestTimeoutMs: 5_000,
  });
  await ensureTable(client, tableName);
  return { endpoint, tableName, client, docClient: documentClient(client) };
}

/** Every question logged this month in `tableName`, answered or not, straight from the table. */
export async function loggedQuestions(
  docClient: DynamoDBDocumentClient,
  tableName: string,
): Promise<Record<string, unknown>[]> {
  const month = new Date().toISOString().slice(0, 7);
  const pages = await Promise.all(
    ['answered', 'unanswered'].map((outcome) =>
      docClient.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `QUESTION#${outcome}#${month}` },
        }),
      ),
    ),
  );
  return pages.flatMap((page) => page.Items ?? []);
}
