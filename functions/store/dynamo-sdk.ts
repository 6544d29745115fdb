// The store on the AWS SDK's DynamoDB client, for what runs with a person's own AWS credentials or
// sets tables up: the admin CLI (npm run report, --forget: any credentials the SDK finds, profiles, SSO),
// npm run dev and the tests (the table, and reading it back). The Lambda never loads this file: its
// worker uses dynamo-http.ts (dynamo.ts → createDynamoStore), which is what a cold reply waits for.
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
import { DEFAULT_REGION, DynamoStore, type DynamoStoreOptions, isLoopback, TABLE_KEYS } from './dynamo.ts';
import type { DocumentClient, Operation } from './dynamo-http.ts';

/** How to reach DynamoDB with the SDK; short timeouts unless a caller (the CLI, the tests) wants longer. */
export interface SdkClientOptions {
  /** e.g. http://127.0.0.1:8000 for dynalite; unset in AWS. */
  endpoint?: string | undefined;
  /** Unset: the SDK reads AWS_REGION; loopback endpoints get eu-north-1. */
  region?: string | undefined;
  /** Time to open a connection before giving up (ms). */
  connectionTimeoutMs?: number;
  /** Time for one whole request and response (ms). */
  requestTimeoutMs?: number;
  /** Attempts per call, the first included. */
  maxAttempts?: number;
  /** Explicit credentials; loopback endpoints get dummy ones when unset. */
  credentials?: DynamoDBClientConfig['credentials'];
}

// Loopback servers (dynalite, DynamoDB Local) accept any signature; dummy keys keep the SDK from
// walking the credential chain, which ends in an instance-metadata call that hangs without AWS.
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** A DynamoDB client with short timeouts and one retry, so a sick DynamoDB cannot eat Slack's 3 s. */
export function createDynamoClient(options: SdkClientOptions = {}): DynamoDBClient {
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

const SDK_COMMANDS = {
  GetItem: GetCommand,
  PutItem: PutCommand,
  UpdateItem: UpdateCommand,
  DeleteItem: DeleteCommand,
  Query: QueryCommand,
} as const satisfies Record<Operation, unknown>;

/** The SDK's document client as the store's DocumentClient port: the same commands, run by the SDK. */
export function sdkDocuments(doc: DynamoDBDocumentClient): DocumentClient {
  return {
    send: async (command, options = {}) => {
      const Command = SDK_COMMANDS[command.operation] as unknown as new (
        input: unknown,
      ) => Parameters<DynamoDBDocumentClient['send']>[0];
      return (await doc.send(new Command(command.input), { abortSignal: options.abortSignal })) as never;
    },
  };
}

/** The store on the SDK's client (the admin CLI: credentials from the SDK's usual chain). */
export function createSdkDynamoStore(
  config: SdkClientOptions & DynamoStoreOptions & { tableName: string },
): DynamoStore {
  return new DynamoStore(sdkDocuments(documentClient(createDynamoClient(config))), config.tableName, config);
}
