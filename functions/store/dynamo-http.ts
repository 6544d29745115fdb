// The worker's DynamoDB client: the five item operations the store makes (GetItem, PutItem,
// UpdateItem, DeleteItem, Query), as DynamoDB's JSON API over the keep-alive connection of
// http-fetch.ts, signed with sigv4.ts. Why not the SDK's client: importing it and making its first call
// (middleware stack, endpoint rules, schema-based serde) took ~70–100 ms of a cold worker here, about a
// third of the reply a person waits for after a cold start (README → Cold start); this takes ~1 ms to
// load. Values are converted by @aws-sdk/util-dynamodb, the SDK's own marshaller.
// The commands keep lib-dynamodb's names and input shapes, so dynamo.ts reads as it would with the SDK,
// and dynamo-sdk.ts runs the same store on the SDK's client for the admin CLI (any credentials the
// SDK finds) and the tests' inspections.
import type {
  DeleteCommandInput,
  DeleteCommandOutput,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  PutCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  UpdateCommandInput,
  UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { ConnectionError, keepAliveFetch } from '../http-fetch.ts';
import { type Credentials, signRequest } from '../sigv4.ts';

export type Operation = 'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'Query';

/** One call: the operation and lib-dynamodb's input (plain JS values); O is what it answers. */
export abstract class DocumentCommand<I extends object, O> {
  abstract readonly operation: Operation;
  /** Never set: carries the output type for DocumentClient.send. */
  declare readonly output?: O;
  constructor(readonly input: I) {}
}

export class GetCommand extends DocumentCommand<GetCommandInput, GetCommandOutput> {
  readonly operation = 'GetItem';
}
export class PutCommand extends DocumentCommand<PutCommandInput, PutCommandOutput> {
  readonly operation = 'PutItem';
}
export class UpdateCommand extends DocumentCommand<UpdateCommandInput, UpdateCommandOutput> {
  readonly operation = 'UpdateItem';
}
export class DeleteCommand extends DocumentCommand<DeleteCommandInput, DeleteCommandOutput> {
  readonly operation = 'DeleteItem';
}
export class QueryCommand extends DocumentCommand<QueryCommandInput, QueryCommandOutput> {
  readonly operation = 'Query';
}

/** The port DynamoStore talks to: this file's HTTP client, or the SDK's (dynamo-sdk.ts). */
export interface DocumentClient {
  send<I extends object, O>(
    command: DocumentCommand<I, O>,
    options?: { abortSignal?: AbortSignal | undefined },
  ): Promise<O>;
}

/** DynamoDB answered with an error; `name` is its type (ConditionalCheckFailedException…), as the SDK's. */
export class DynamoDBError extends Error {
  constructor(
    override readonly name: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** How to reach DynamoDB; short timeouts because the bot must answer within Slack's 3 s. */
export interface HttpDocumentClientOptions {
  /** e.g. http://127.0.0.1:8000 for dynalite; unset: DynamoDB of `region`. */
  endpoint?: string | undefined;
  region: string;
  credentials: Credentials;
  /** Time for one whole request and response (ms). */
  requestTimeoutMs?: number;
  /** Attempts per call, the first included; only a call that certainly did nothing is repeated. */
  maxAttempts?: number;
}

/** Fields of an input that hold items or keys, which DynamoDB wants as typed attribute values. */
const ITEM_FIELDS = ['Item', 'Key', 'ExclusiveStartKey'] as const;
/** Fields of an output that hold items or keys. */
const OUTPUT_ITEMS = ['Item', 'Attributes', 'LastEvaluatedKey'] as const;
/** DynamoDB's answers that say the call was refused before it did anything: safe to repeat. */
const THROTTLED = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
]);

function wire(input: Record<string, unknown>): string {
  const out: Record<string, unknown> = { ...input };
  const convert = (value: unknown) =>
    marshall(value as Record<string, unknown>, { removeUndefinedValues: true });
  for (const field of ITEM_FIELDS) if (out[field] !== undefined) out[field] = convert(out[field]);
  if (out.ExpressionAttributeValues !== undefined) {
    out.ExpressionAttributeValues = convert(out.ExpressionAttributeValues);
  }
  return JSON.stringify(out);
}

function fromWire(text: string): Record<string, unknown> {
  const out = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  const convert = (value: unknown) => unmarshall(value as Parameters<typeof unmarshall>[0]);
  for (const field of OUTPUT_ITEMS) if (out[field] !== undefined) out[field] = convert(out[field]);
  if (Array.isArray(out.Items)) out.Items = out.Items.map(convert);
  return out;
}

/** DynamoDB's error body: `{"__type": "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", …}`. */
function errorFrom(status: number, text: string): DynamoDBError {
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  const type = typeof body.__type === 'string' ? (body.__type.split('#').pop() ?? '') : '';
  const message = body.message ?? body.Message;
  return new DynamoDBError(
    type || `HTTP${status}`,
    typeof message === 'string' ? message : `DynamoDB answered HTTP ${status}`,
    status,
  );
}

/** A DocumentClient on DynamoDB's JSON API; see the file comment. */
export function httpDocumentClient(options: HttpDocumentClientOptions): DocumentClient {
  const { region, credentials } = options;
  const url = new URL(options.endpoint ?? `https://dynamodb.${region}.amazonaws.com`);
  const timeoutMs = options.requestTimeoutMs ?? 500;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 2);

  return {
    async send<I extends object, O>(
      command: DocumentCommand<I, O>,
      { abortSignal }: { abortSignal?: AbortSignal | undefined } = {},
    ): Promise<O> {
      const body = wire(command.input as Record<string, unknown>);
      let last: unknown;
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        abortSignal?.throwIfAborted();
        const headers = signRequest(
          {
            method: 'POST',
            url,
            headers: {
              'content-type': 'application/x-amz-json-1.0',
              'x-amz-target': `DynamoDB_20120810.${command.operation}`,
            },
            body,
          },
          credentials,
          region,
          'dynamodb',
          new Date(),
        );
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = abortSignal ? AbortSignal.any([abortSignal, timeout]) : timeout;
        let response: Response;
        try {
          response = await keepAliveFetch(url, { method: 'POST', headers, body, signal });
        } catch (error) {
          // A timeout or a reset mid-answer may have been applied, and a conditional write repeated then
          // would fail its own condition: only a request that never reached DynamoDB is repeated.
          if (!(error instanceof ConnectionError)) throw error;
          last = error;
          continue;
        }
        const text = await response.text();
        if (response.status === 200) return fromWire(text) as O;
        const refused = errorFrom(response.status, text);
        if (!THROTTLED.has(refused.name)) throw refused;
        last = refused;
      }
      throw last;
    },
  };
}
