import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type DynamoDBClientConfig,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ConversationContext, Intent, Lang } from '../../knowledge/types.ts';
import { scrubPersonalData } from '../privacy.ts';
import type { FeedbackRecord, QuestionRecord, Store, StoredContext, UsageStats } from './store.ts';

/*
 * Single-table layout (pk, sk, ttl in epoch seconds; every key is a string):
 *
 *   item       pk                                  sk                          ttl
 *   claim      CLAIM#<channel>#<ts>                CLAIM                       +1 day
 *              CLAIM#<channel>#<msg ts>#<action>#<user hash>   (a button click)
 *   context    CONTEXT#<team>#<channel>[#<thread>] CONTEXT                     +1 day (a DM's: + userHash)
 *   question   QUESTION#answered#<yyyy-mm>         <ISO time>#<answerId>       +90 days (configurable)
 *              QUESTION#unanswered#<yyyy-mm>       <ISO time>#<answerId>       +90 days
 *   feedback   FEEDBACK#<answerId>                 USER#<userHash>             +90 days
 *   counter    COUNT#<yyyy-mm>                     <yyyy-mm-dd>#<intent>       none (no personal data)
 *
 * Why these keys:
 * - Claims are keyed per message, so they spread over the key space and never contend with each other.
 *   A claim has a state: "claimed" (a worker is answering; its lease says until when) → "posted", or
 *   "deferred" (Slack asked for a wait; the reply is in the deferral queue) → "posted". A reply
 *   that finally failed deletes its claim, so Slack's retry of the message can answer.
 * - Context is one small item per conversation: the engine's slot ids and the time, never the text.
 * - Questions are split by outcome so "latest unanswered" is a plain Query on one partition read backwards,
 *   not a Scan and not a Query that filters away the (many) answered ones.
 * - Hot partitions: bucketing by time does not spread concurrent writes (all of them land in the current
 *   bucket whatever its size), it only bounds how much a read walks. One partition key takes ~1000 writes/s
 *   and this bot sees well under one question a second, so write sharding (random suffixes, N reads per
 *   query) would cost more than it saves. Month buckets keep a 90-day look-back to at most four Queries.
 * - Feedback is keyed by the rated answer and the voter, so a re-click or a Slack retry overwrites one vote
 *   instead of counting twice.
 * - Counters are one item per day and intent, incremented with ADD so concurrent Lambdas never lose a count;
 *   a month partition holds at most ~31 × 11 small items, so stats for a window are one or two Queries.
 * Days and months are UTC.
 */

const DAY_SECONDS = 86_400;
/**
 * How long a "claimed" item keeps others out. Longer than the worker may run (40 s), shorter than
 * Lambda's first retry of an invocation that died (about a minute), which may then take it again.
 */
export const CLAIM_LEASE_SECONDS = 45;
const LATEST_UNANSWERED = 10;

/** Key and attribute names CloudFormation must declare too (infra/ owns the production table). */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk', ttlAttribute: 'ttl' } as const;

/** How to reach DynamoDB; short timeouts because the bot must answer within Slack's 3 s. */
export interface DynamoClientOptions {
  /** e.g. http://127.0.0.1:8000 for dynalite; unset in AWS. */
  endpoint?: string;
  /** Unset: the SDK reads AWS_REGION (Lambda always sets it); loopback endpoints get eu-north-1. */
  region?: string;
  /** Time to open a connection before giving up (ms). */
  connectionTimeoutMs?: number;
  /** Time for one whole request and response (ms). */
  requestTimeoutMs?: number;
  /** Attempts per call, the first included. */
  maxAttempts?: number;
  /** Explicit credentials; loopback endpoints get dummy ones when unset. */
  credentials?: DynamoDBClientConfig['credentials'];
}

/** Behaviour of the store itself, independent of the connection. */
export interface DynamoStoreOptions {
  /** How long questions and feedback are kept; they contain free text people typed. */
  questionTtlDays?: number;
  /** How many days (ending today, UTC) `stats()` counts. */
  statsDays?: number;
  /** The clock; tests pin it. */
  now?: () => Date;
}

export interface DynamoStoreConfig extends DynamoClientOptions, DynamoStoreOptions {
  tableName: string;
}

export const DEFAULT_REGION = 'eu-north-1';

// Loopback servers (dynalite, DynamoDB Local) accept any signature; dummy keys keep the SDK from
// walking the credential chain, which ends in an instance-metadata call that hangs without AWS.
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

function isLoopback(endpoint: string): boolean {
  // config.ts rejects an endpoint that is no URL; a caller that skipped it gets the SDK's own error.
  if (!URL.canParse(endpoint)) return false;
  const host = new URL(endpoint).hostname;
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}

/** A DynamoDB client with short timeouts and one retry, so a sick DynamoDB cannot eat Slack's 3 s. */
export function createDynamoClient(options: DynamoClientOptions = {}): DynamoDBClient {
  const { endpoint } = options;
  const local = endpoint !== undefined && isLoopback(endpoint);
  const credentials = options.credentials ?? (local ? LOCAL_CREDENTIALS : undefined);
  const region = options.region ?? (local ? DEFAULT_REGION : undefined);
  return new DynamoDBClient({
    ...(region ? { region } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { credentials } : {}),
    maxAttempts: options.maxAttempts ?? 2,
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? 200,
      requestTimeout: options.requestTimeoutMs ?? 500,
      // Without this the SDK only warns when requestTimeout passes and keeps waiting.
      throwOnRequestTimeout: true,
    },
  });
}

/** Wraps a client for plain JS values; undefined fields are dropped rather than rejected. */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** Thrown when a table does not become ACTIVE in time. */
export class TableNotReadyError extends Error {
  override readonly name = 'TableNotReadyError';
  constructor(tableName: string, waitedMs: number) {
    super(`DynamoDB table ${tableName} was not ACTIVE after ${waitedMs} ms.`);
  }
}

/** Creates the table (pk/sk, on demand) unless it exists, then waits until it is ACTIVE. */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  { maxWaitMs = 60_000, pollMs = 250 }: { maxWaitMs?: number; pollMs?: number } = {},
): Promise<void> {
  const started = Date.now();
  let status = await tableStatus(client, tableName);
  if (status === undefined) {
    try {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: TABLE_KEYS.partitionKey, AttributeType: 'S' },
            { AttributeName: TABLE_KEYS.sortKey, AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
            { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
          ],
        }),
      );
    } catch (error) {
      // Another process created it between our describe and create: fine, wait for it like ours.
      if (errorName(error) !== 'ResourceInUseException') throw error;
    }
    // No UpdateTimeToLive here: dynalite lacks it, and in AWS CloudFormation enables TTL on `ttl`.
    status = await tableStatus(client, tableName);
  }
  while (status !== 'ACTIVE') {
    if (Date.now() - started > maxWaitMs) throw new TableNotReadyError(tableName, Date.now() - started);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    status = await tableStatus(client, tableName);
  }
}

async function tableStatus(client: DynamoDBClient, tableName: string): Promise<string | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return Table?.TableStatus ?? 'UNKNOWN';
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

const day = (at: Date) => at.toISOString().slice(0, 10);
const month = (at: Date) => at.toISOString().slice(0, 7);
const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** Months (yyyy-mm) from `to` back to `from`, newest first. */
function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), 1));
  const last = month(from);
  while (month(cursor) >= last) {
    months.push(month(cursor));
    cursor.setUTCMonth(cursor.getUTCMonth() - 1);
  }
  return months;
}

const claimKey = (channel: string, id: string) => ({ pk: `CLAIM#${channel}#${id}`, sk: 'CLAIM' });
const contextKey = (conversation: string) => ({ pk: `CONTEXT#${conversation}`, sk: 'CONTEXT' });

const SCB_CODE = /^\d{4}$/;
const texts = (value: unknown, keep: (text: string) => boolean): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && keep(item)) : [];
const numbers = (value: unknown): number[] =>
  Array.isArray(value) ? value.filter((item): item is number => Number.isInteger(item)) : [];
const scrubbed = (value: unknown): string | null =>
  typeof value === 'string' ? scrubPersonalData(value) : null;

/**
 * A conversation context as it may be stored and read back: the engine's slot ids field by field (SCB
 * codes, years, a topic id, a county's name), each string scrubbed like a question, so neither a new
 * field nor a bug that put text in one carries what someone wrote into the table.
 */
function slotsOnly(value: unknown): ConversationContext | null {
  if (value === null || typeof value !== 'object') return null;
  const context = value as Record<string, unknown>;
  return {
    topic: scrubbed(context.topic),
    places: texts(context.places, (code) => SCB_CODE.test(code)),
    ...(Array.isArray(context.seen) ? { seen: texts(context.seen, (code) => SCB_CODE.test(code)) } : {}),
    years: numbers(context.years),
    ranges: Array.isArray(context.ranges)
      ? context.ranges.filter(
          (range): range is [number, number] =>
            Array.isArray(range) && range.length === 2 && range.every((year) => Number.isInteger(year)),
        )
      : [],
    county: scrubbed(context.county),
    lang: context.lang === 'sv' || context.lang === 'en' ? context.lang : null,
  };
}

const questionPk = (answered: boolean, at: Date) =>
  `QUESTION#${answered ? 'answered' : 'unanswered'}#${month(at)}`;

/** The Store port on one DynamoDB table; see the layout comment at the top of this file. */
export class DynamoStore implements Store {
  private readonly questionTtlDays: number;
  private readonly statsDays: number;
  private readonly now: () => Date;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
    options: DynamoStoreOptions = {},
  ) {
    this.questionTtlDays = options.questionTtlDays ?? 90;
    this.statsDays = options.statsDays ?? 30;
    this.now = options.now ?? (() => new Date());
  }

  async claim(channel: string, id: string, signal?: AbortSignal): Promise<boolean> {
    const now = epochSeconds(this.now());
    // Which attempt wrote the claim: the SDK repeats a PutItem whose answer timed out, and when the first
    // write did land, the repeat's condition fails on our own claim. Without this the message went
    // unanswered (a burst under load lost one in ~10 runs of test/reliability/load.test.ts).
    const owner = randomUUID();
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...claimKey(channel, id),
            state: 'claimed',
            owner,
            leaseUntil: now + CLAIM_LEASE_SECONDS,
            ttl: now + DAY_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR (#state = :claimed AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':claimed': 'claimed', ':now': now },
        }),
        { abortSignal: signal },
      );
      return true;
    } catch (error) {
      if (errorName(error) !== 'ConditionalCheckFailedException') throw error;
      // Someone else's claim, or our own first attempt's: a consistent read tells them apart.
      const { Item } = await this.doc.send(
        new GetCommand({ TableName: this.tableName, Key: claimKey(channel, id), ConsistentRead: true }),
        { abortSignal: signal },
      );
      return Item?.owner === owner;
    }
  }

  async markPosted(channel: string, id: string, signal?: AbortSignal): Promise<void> {
    await this.settleClaim(channel, id, 'posted', signal);
  }

  async markDeferred(channel: string, id: string, signal?: AbortSignal): Promise<void> {
    await this.settleClaim(channel, id, 'deferred', signal);
  }

  /**
   * Sets a claim's state. An update creates the item when it is missing (the claim write timed out but
   * the reply went out): the TTL is set then too, or that claim would never expire.
   */
  private async settleClaim(channel: string, id: string, state: string, signal?: AbortSignal) {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: claimKey(channel, id),
        UpdateExpression: 'SET #state = :state, #ttl = if_not_exists(#ttl, :ttl) REMOVE leaseUntil',
        ExpressionAttributeNames: { '#state': 'state', '#ttl': TABLE_KEYS.ttlAttribute },
        ExpressionAttributeValues: { ':state': state, ':ttl': epochSeconds(this.now()) + DAY_SECONDS },
      }),
      { abortSignal: signal },
    );
  }

  async release(channel: string, id: string, signal?: AbortSignal): Promise<void> {
    await this.doc
      .send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: claimKey(channel, id),
          // Never undo a reply that went out.
          ConditionExpression: '#state IN (:claimed, :deferred)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':claimed': 'claimed', ':deferred': 'deferred' },
        }),
        { abortSignal: signal },
      )
      .catch((error: unknown) => {
        if (errorName(error) !== 'ConditionalCheckFailedException') throw error;
      });
  }

  async getContext(conversation: string, signal?: AbortSignal): Promise<StoredContext | null> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: contextKey(conversation) }),
      { abortSignal: signal },
    );
    if (Item === undefined || typeof Item.at !== 'string') return null;
    // DynamoDB deletes expired items up to two days late, dynalite never.
    if (typeof Item.ttl === 'number' && Item.ttl <= epochSeconds(this.now())) return null;
    return { context: slotsOnly(Item.context), at: new Date(Item.at) };
  }

  async putContext(conversation: string, stored: StoredContext, signal?: AbortSignal): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        // Only the engine's slot ids and the time: no question, no user (slotsOnly drops anything else).
        Item: {
          ...contextKey(conversation),
          context: slotsOnly(stored.context),
          at: stored.at.toISOString(),
          userHash: stored.owner,
          ttl: epochSeconds(stored.at) + DAY_SECONDS,
        },
      }),
      { abortSignal: signal },
    );
  }

  async logQuestion(record: QuestionRecord, signal?: AbortSignal): Promise<void> {
    const at = record.at;
    // Two independent writes; dynalite has no transactions and a count off by one beats a slower reply.
    await Promise.all([
      this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: questionPk(record.answered, at),
            sk: `${at.toISOString()}#${record.answerId}`,
            ttl: this.expiry(at),
            at: at.toISOString(),
            // Here, at the one door to the table, so no caller can store a question unscrubbed.
            question: scrubPersonalData(record.question),
            lang: record.lang,
            intent: record.intent,
            entryId: record.entryId,
            confidence: record.confidence,
            answered: record.answered,
            userHash: record.userHash,
            answerId: record.answerId,
          },
        }),
        { abortSignal: signal },
      ),
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: `COUNT#${month(at)}`, sk: `${day(at)}#${record.intent}` },
          UpdateExpression: 'SET #day = :day, #intent = :intent ADD #asked :one, #answered :answered',
          ExpressionAttributeNames: {
            '#day': 'day',
            '#intent': 'intent',
            '#asked': 'asked',
            '#answered': 'answered',
          },
          ExpressionAttributeValues: {
            ':day': day(at),
            ':intent': record.intent,
            ':one': 1,
            ':answered': record.answered ? 1 : 0,
          },
        }),
        { abortSignal: signal },
      ),
    ]);
  }

  async recordFeedback(record: FeedbackRecord, signal?: AbortSignal): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: `FEEDBACK#${record.answerId}`,
          sk: `USER#${record.userHash}`,
          ttl: this.expiry(record.at),
          at: record.at.toISOString(),
          answerId: record.answerId,
          vote: record.vote,
          userHash: record.userHash,
        },
      }),
      { abortSignal: signal },
    );
  }

  async stats(signal?: AbortSignal): Promise<UsageStats> {
    const [counts, latestUnanswered] = await Promise.all([
      this.counts(signal),
      this.latestUnanswered(signal),
    ]);
    return { ...counts, latestUnanswered, days: this.statsDays };
  }

  /** Every vote on one answer, oldest first. */
  async feedbackFor(answerId: string): Promise<FeedbackRecord[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `FEEDBACK#${answerId}` },
    });
    return items
      .map((item) => ({
        at: new Date(String(item.at)),
        answerId: String(item.answerId),
        vote: item.vote === 'down' ? ('down' as const) : ('up' as const),
        userHash: String(item.userHash),
      }))
      .sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  private expiry(at: Date): number {
    return epochSeconds(at) + this.questionTtlDays * DAY_SECONDS;
  }

  private async counts(signal?: AbortSignal): Promise<Omit<UsageStats, 'latestUnanswered'>> {
    const to = this.now();
    const from = new Date(to.getTime() - (this.statsDays - 1) * DAY_SECONDS * 1000);
    const pages = await Promise.all(
      monthsBetween(from, to).map((m) =>
        this.queryAll(
          {
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
            // '#~' sorts after '#<any intent>' of the last day, so that whole day is included.
            ExpressionAttributeValues: { ':pk': `COUNT#${m}`, ':from': day(from), ':to': `${day(to)}#~` },
          },
          signal,
        ),
      ),
    );
    let total = 0;
    let answered = 0;
    const byIntent: Partial<Record<Intent, number>> = {};
    for (const item of pages.flat()) {
      const asked = Number(item.asked ?? 0);
      const intent = String(item.intent) as Intent;
      total += asked;
      answered += Number(item.answered ?? 0);
      byIntent[intent] = (byIntent[intent] ?? 0) + asked;
    }
    return { total, answered, byIntent };
  }

  private async latestUnanswered(signal?: AbortSignal): Promise<UsageStats['latestUnanswered']> {
    const now = this.now();
    const horizon = new Date(now.getTime() - this.questionTtlDays * DAY_SECONDS * 1000);
    const found: UsageStats['latestUnanswered'] = [];
    // Newest month first and stop once ten are found: usually a single Query.
    for (const m of monthsBetween(horizon, now)) {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await this.doc.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk',
            // DynamoDB deletes expired items up to two days late, dynalite never: hide them ourselves.
            FilterExpression: '#ttl > :now',
            ProjectionExpression: '#at, #question, #lang',
            ExpressionAttributeNames: {
              '#ttl': 'ttl',
              '#at': 'at',
              '#question': 'question',
              '#lang': 'lang',
            },
            ExpressionAttributeValues: { ':pk': `QUESTION#unanswered#${m}`, ':now': epochSeconds(now) },
            ScanIndexForward: false,
            Limit: LATEST_UNANSWERED - found.length,
            ExclusiveStartKey: startKey,
          }),
          { abortSignal: signal },
        );
        for (const item of page.Items ?? []) {
          found.push({
            at: new Date(String(item.at)),
            question: String(item.question),
            lang: item.lang as Lang,
          });
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey && found.length < LATEST_UNANSWERED);
      if (found.length >= LATEST_UNANSWERED) break;
    }
    return found;
  }

  private async queryAll(
    input: Pick<
      ConstructorParameters<typeof QueryCommand>[0],
      'KeyConditionExpression' | 'ExpressionAttributeValues'
    >,
    signal?: AbortSignal,
  ): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({ TableName: this.tableName, ...input, ExclusiveStartKey: startKey }),
        { abortSignal: signal },
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }
}

/** Builds the store from config: the client (short timeouts), the document wrapper and the adapter. */
export function createDynamoStore(config: DynamoStoreConfig): DynamoStore {
  return new DynamoStore(documentClient(createDynamoClient(config)), config.tableName, config);
}
