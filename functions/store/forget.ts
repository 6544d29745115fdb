// "Forget me": delete every question and vote one person left in the table, and what is keyed by their
// DM channel (its claims and context: a DM channel id identifies the person), for an admin acting on a
// request under the GDPR (README → Privacy). Not part of the Store port: the bot never does this, and
// the Lambda's IAM role has no Scan or DeleteItem; an admin runs it with their own credentials
// (npm run report -- --forget U…).
import { BatchWriteCommand, type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';

/** What was deleted. The daily counters stay: they hold numbers per topic, nobody's id. */
export interface ForgetResult {
  questions: number;
  votes: number;
  /** Claims and conversation contexts keyed by the person's DM channel or carrying their hash. */
  conversation: number;
}

/** Some deletes were still refused (throttled) after every retry; run the command again. */
export class ForgetIncompleteError extends Error {
  override readonly name = 'ForgetIncompleteError';
  constructor(readonly left: number) {
    super(`${left} items could not be deleted (DynamoDB throttled the deletes); run the command again.`);
  }
}

// DynamoDB's BatchWriteItem takes at most 25 requests.
const BATCH = 25;
const RETRIES = 5;

type Key = { pk: string; sk: string };

/**
 * Deletes every item whose `userHash` is the given one (questions and 👍/👎 votes) and says how many.
 * A Scan, because the table is keyed by month and answer, not by person: a full read of the table, fine
 * for a rare admin task (about a cent per GB read), and it also finds items whose TTL has passed but
 * that DynamoDB has not yet deleted.
 */
export async function forgetUser(
  doc: DynamoDBDocumentClient,
  tableName: string,
  userHash: string,
): Promise<ForgetResult> {
  // Their questions, votes and DM contexts carry the hash; a click's claim has it in its key.
  const keys = await scanKeys(doc, tableName, '#userHash = :userHash OR contains(pk, :userHash)', {
    ':userHash': userHash,
  });
  // A DM context's key names the DM channel; the claims of messages in that channel are keyed by it.
  const dmChannels = [
    ...new Set(
      keys.flatMap((key) =>
        key.pk.startsWith('CONTEXT#') ? (/#(D[A-Z0-9]+)$/.exec(key.pk)?.[1] ?? []) : [],
      ),
    ),
  ];
  for (const dm of dmChannels) {
    for (const key of await scanKeys(doc, tableName, 'contains(pk, :dm)', { ':dm': `#${dm}` })) {
      if (!keys.some((known) => known.pk === key.pk && known.sk === key.sk)) keys.push(key);
    }
  }

  for (let i = 0; i < keys.length; i += BATCH) {
    await deleteAll(doc, tableName, keys.slice(i, i + BATCH));
  }
  const count = (prefix: string) => keys.filter((key) => key.pk.startsWith(prefix)).length;
  return {
    questions: count('QUESTION#'),
    votes: count('FEEDBACK#'),
    conversation: count('CLAIM#') + count('CONTEXT#'),
  };
}

async function scanKeys(
  doc: DynamoDBDocumentClient,
  tableName: string,
  filter: string,
  values: Record<string, string>,
): Promise<Key[]> {
  const keys: Key[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: filter,
        ProjectionExpression: 'pk, sk',
        ...(filter.includes('#userHash') ? { ExpressionAttributeNames: { '#userHash': 'userHash' } } : {}),
        ExpressionAttributeValues: values,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) keys.push({ pk: String(item.pk), sk: String(item.sk) });
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return keys;
}

async function deleteAll(doc: DynamoDBDocumentClient, tableName: string, keys: Key[]): Promise<void> {
  let requests = keys.map((Key) => ({ DeleteRequest: { Key } }));
  for (let attempt = 0; requests.length > 0; attempt += 1) {
    if (attempt > RETRIES) throw new ForgetIncompleteError(requests.length);
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    const { UnprocessedItems } = await doc.send(
      new BatchWriteCommand({ RequestItems: { [tableName]: requests } }),
    );
    requests = (UnprocessedItems?.[tableName] ?? []).flatMap((request) =>
      request.DeleteRequest?.Key ? [{ DeleteRequest: { Key: request.DeleteRequest.Key as Key } }] : [],
    );
  }
}
