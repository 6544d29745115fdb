// Reading an API Gateway (HTTP API, payload v2) request as Slack sent it, and why this is not Bolt's
// AwsLambdaReceiver (Bolt 5.1, read from its source):
// - it decodes base64 bodies as ASCII, which breaks å/ä/ö and with them the signature: decode as UTF-8;
// - it parses form bodies only when Content-Type is exactly application/x-www-form-urlencoded, so
//   `; charset=UTF-8` (what fetch sends) falls through to JSON.parse and throws: compare the bare type;
// - it parses the body before checking the signature, and a body it cannot parse makes the handler
//   reject (a 500 from API Gateway, and a retry from Slack): answer 400;
// - it reads headers with Object.keys, so a missing headers object would throw: always make one.
import { parse as parseForm } from 'node:querystring';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ConfigError } from './config.ts';

/** The request body is not something Slack sends: not UTF-8, not JSON, not form data with a JSON payload. */
export class MalformedRequestError extends Error {
  override readonly name = 'MalformedRequestError';
}

const FORM = 'application/x-www-form-urlencoded';

// A signed request is trusted to come from Slack, not to be small or shallow: a mention whose JSON nests
// 10,000 levels brought `npm run dev` down, and a 1.5 MB body could not be handed to the worker (over
// Lambda's 1 MB for an asynchronous Invoke), so Slack got a 503 and retried it three times. Both are
// refused with a 400 before anything parses them.

/**
 * The largest body accepted. Slack's own are far smaller: a message holds at most 40,000 characters,
 * sent twice (text and blocks), at most ~330 KB even in four-byte characters.
 */
export const MAX_BODY_BYTES = 512 * 1024;
/** Deepest nesting of JSON objects and arrays accepted; Slack's payloads stay under 15. */
export const MAX_DEPTH = 64;
/** Throws MalformedRequestError when `raw` is over MAX_BODY_BYTES. */
export function checkSize(raw: string): void {
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) {
    throw new MalformedRequestError(`body is over ${MAX_BODY_BYTES} bytes`);
  }
}

/** Throws MalformedRequestError when the JSON text nests deeper than MAX_DEPTH; one pass, no recursion. */
export function checkDepth(json: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > MAX_DEPTH) throw new MalformedRequestError(`JSON nests deeper than ${MAX_DEPTH} levels`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeBody(event: APIGatewayProxyEventV2): string {
  const body = event.body ?? '';
  if (!event.isBase64Encoded) return body;
  try {
    return utf8.decode(Buffer.from(body, 'base64'));
  } catch {
    throw new MalformedRequestError('body is not UTF-8');
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parsesAsObject(json: string, what: string): Record<string, unknown> {
  checkDepth(json);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new MalformedRequestError(`${what} is not valid JSON`);
  }
  if (!isObject(value)) throw new MalformedRequestError(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

/** A request's headers (lower-cased), its body as the UTF-8 text Slack signed, and its bare media type. */
export interface RawRequest {
  headers: Record<string, string>;
  rawBody: string;
  mediaType: string | undefined;
}

/** Decodes the body; throws MalformedRequestError for an empty or non-UTF-8 one. */
export function readRequest(event: APIGatewayProxyEventV2): RawRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  const mediaType = headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
  const rawBody = decodeBody(event);
  checkSize(rawBody);
  if (rawBody.trim() === '') throw new MalformedRequestError('body is empty');
  return { headers, rawBody, mediaType };
}

/**
 * The payload as an object: JSON for events, the form's fields for slash commands, the form field
 * `payload` (JSON) for button clicks. Throws MalformedRequestError for anything else.
 */
export function parseBody({ rawBody, mediaType }: RawRequest): Record<string, unknown> {
  if (mediaType !== FORM) return parsesAsObject(rawBody, 'body');
  const form = parseForm(rawBody);
  // Interactivity sends its JSON in `payload`; slash commands are plain form fields.
  if (form.payload !== undefined) {
    if (typeof form.payload !== 'string') throw new MalformedRequestError('form field "payload" repeats');
    return parsesAsObject(form.payload, 'form field "payload"');
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(form)) {
    if (typeof value === 'string') fields[name] = value;
  }
  return fields;
}

/** Not signed by Slack with our secret, or signed too long ago (or in the future): a replay or a forgery. */
export class InvalidSignatureError extends Error {
  override readonly name = 'InvalidSignatureError';
}

/** The worker could not be handed the work (the Lambda API refused or did not answer in time). */
export class HandOverError extends Error {
  override readonly name = 'HandOverError';
}

/** Maps an error to the HTTP answer Slack gets; callers log it first. Plain bodies, no detail. */
export function errorResponse(error: unknown): APIGatewayProxyStructuredResultV2 {
  if (error instanceof MalformedRequestError) return { statusCode: 400, body: 'Bad Request' };
  if (error instanceof InvalidSignatureError) return { statusCode: 401, body: 'Unauthorized' };
  // Slack retries an event that got a 5xx: the retry may find the Lambda API well again.
  if (error instanceof HandOverError) return { statusCode: 503, body: 'Service Unavailable' };
  if (error instanceof ConfigError) return { statusCode: 500, body: 'Not configured' };
  return { statusCode: 500, body: 'Internal Server Error' };
}
