import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { type Credentials, signRequest } from '../../../functions/sigv4.ts';

// The AWS SDK's own signer is the oracle: the ack's hand-made signature must be the one the SDK's
// Lambda client would send for the same request at the same moment.
const bytes = (data: string | ArrayBuffer | ArrayBufferView) =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

class Sha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView) {
    this.hash.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

const at = new Date('2026-12-07T21:30:05.123Z');
const keys: Credentials = {
  accessKeyId: 'ASIAEXAMPLEKEY000000',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//token==',
};

async function sdkAuthorization(url: URL, body: string, credentials: Credentials, region: string) {
  const signer = new SignatureV4({
    credentials,
    region,
    service: 'lambda',
    sha256: Sha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: {},
      headers: {
        host: url.host,
        'content-type': 'application/json',
        'x-amz-invocation-type': 'Event',
      },
      body,
    },
    { signingDate: at },
  );
  return signed.headers.authorization;
}

describe('SigV4 for the ack’s Invoke', () => {
  it.each([
    ['a function name, with a session token', 'bidrag-bot-prod-slack', keys, 'eu-north-1'],
    [
      'long-lived keys (no session token)',
      'bidrag-bot-prod-slack',
      { ...keys, sessionToken: undefined },
      'eu-north-1',
    ],
    [
      'an ARN in the path (colons encoded twice)',
      'arn:aws:lambda:us-east-1:123456789012:function:f',
      keys,
      'us-east-1',
    ],
  ])('signs %s exactly as the SDK does', async (_, name, credentials, region) => {
    const url = new URL(
      `https://lambda.${region}.amazonaws.com/2015-03-31/functions/${encodeURIComponent(name)}/invocations`,
    );
    const body = JSON.stringify({ body: { event: { text: 'Kan Malmö söka?' } }, receivedAt: 1 });
    const headers = signRequest(
      {
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'Event' },
        body,
      },
      credentials,
      region,
      'lambda',
      at,
    );
    expect(headers.authorization).toBe(await sdkAuthorization(url, body, credentials, region));
    expect(headers['x-amz-date']).toBe('20261207T213005Z');
    expect(headers['x-amz-security-token']).toBe(credentials.sessionToken);
  });

  it('signs the body: another body, another signature', () => {
    const url = new URL('https://lambda.eu-north-1.amazonaws.com/2015-03-31/functions/f/invocations');
    const sign = (body: string) =>
      signRequest({ method: 'POST', url, headers: {}, body }, keys, 'eu-north-1', 'lambda', at).authorization;
    expect(sign('{"a":1}')).not.toBe(sign('{"a":2}'));
  });
});
