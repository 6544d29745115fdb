// AWS Signature Version 4 for the one AWS call on the ack's path (functions/handover.ts: Lambda's
// Invoke). The SDK's Lambda client would do it, but importing it, building its middleware stack and
// resolving its endpoint rules cost the ack's cold start ~60–80 ms here (README → Cold start), which
// is most of the ack. The algorithm is AWS's documented one ("Create a signed AWS API request"),
// for a request without a query string; test/unit/functions/sigv4.test.ts checks it against the
// SDK's own signer.
import { createHash, createHmac } from 'node:crypto';

/** What signs a request: the function's role's temporary keys, as Lambda gives them. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present for temporary credentials (always, on Lambda). */
  sessionToken?: string | undefined;
}

export interface UnsignedRequest {
  method: string;
  url: URL;
  /** Lower-case names; every one of them is signed. */
  headers: Record<string, string>;
  body: string;
}

const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding of one path segment, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
const encodeSegment = (segment: string) =>
  encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The request's headers with `host`, `x-amz-date`, the session token and `authorization` added.
 *
 * @example
 * const headers = signRequest(request, credentials, 'eu-north-1', 'lambda', new Date());
 */
export function signRequest(
  request: UnsignedRequest,
  credentials: Credentials,
  region: string,
  service: string,
  now: Date,
): Record<string, string> {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...request.headers,
    host: request.url.host,
    'x-amz-date': amzDate,
    ...(credentials.sessionToken ? { 'x-amz-security-token': credentials.sessionToken } : {}),
  };
  const names = Object.keys(headers).sort();
  // Every service but S3 encodes the already encoded path once more.
  const path = request.url.pathname
    .split('/')
    .map((segment) => encodeSegment(decodeURIComponent(segment)))
    .map(encodeSegment)
    .join('/');
  const canonical = [
    request.method,
    path,
    '',
    ...names.map((name) => `${name}:${String(headers[name]).trim().replace(/\s+/g, ' ')}`),
    '',
    names.join(';'),
    sha256(request.body),
  ].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${credentials.secretAccessKey}`, day);
  for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}
