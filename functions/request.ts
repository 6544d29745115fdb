// What stands between API Gateway and Bolt's AwsLambdaReceiver, and why (Bolt 5.1, read from its source):
// - it decodes base64 bodies as ASCII, which breaks å/ä/ö and with them the signature: decode as UTF-8;
// - it parses form bodies only when Content-Type is exactly application/x-www-form-urlencoded, so
//   `; charset=UTF-8` (what fetch sends) falls through to JSON.parse and throws: pass the bare media type;
// - it parses the body before checking the signature, and a body it cannot parse makes the handler
//   reject (a 500 from API Gateway, and a retry from Slack): check it here and answer 400;
// - it reads headers with Object.keys, so a missing headers object would throw: always pass one.
// Signature and timestamp (older than 5 minutes) stay Bolt's job: it answers 401 itself.
import { parse as parseForm } from 'node:querystring';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ConfigError } from './config.ts';

/** The request body is not something Slack sends: not UTF-8, not JSON, not form data with a JSON payload. */
export class MalformedRequestError extends Error {
  override readonly name = 'MalformedRequestError';
}

const FORM = 'application/x-www-form-urlencoded';
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

function parsesAsObject(json: string, what: string): void {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new MalformedRequestError(`${what} is not valid JSON`);
  }
  if (!isObject(value)) throw new MalformedRequestError(`${what} is not a JSON object`);
}

/** Returns the event as Bolt can read it (UTF-8 body, bare media type); throws MalformedRequestError. */
export function prepareRequest(event: APIGatewayProxyEventV2): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  const contentType = headers['content-type'];
  const mediaType = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType !== undefined) headers['content-type'] = mediaType;

  const body = decodeBody(event);
  if (body.trim() === '') throw new MalformedRequestError('body is empty');
  if (mediaType === FORM) {
    const payload = parseForm(body).payload;
    // Interactivity sends its JSON in `payload`; slash commands are plain form fields.
    if (typeof payload === 'string') parsesAsObject(payload, 'form field "payload"');
  } else {
    // Bolt parses anything that is not form data as JSON, whatever the content type says.
    parsesAsObject(body, 'body');
  }
  return { ...event, headers, body, isBase64Encoded: false };
}

/** Maps an error to the HTTP answer Slack gets; callers log it first. Plain bodies, no detail. */
export function errorResponse(error: unknown): APIGatewayProxyStructuredResultV2 {
  if (error instanceof MalformedRequestError) return { statusCode: 400, body: 'Bad Request' };
  if (error instanceof ConfigError) return { statusCode: 500, body: 'Not configured' };
  return { statusCode: 500, body: 'Internal Server Error' };
}
