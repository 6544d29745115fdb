// Slack's request signature, checked with Bolt's own verifySlackRequest (what its receivers use), imported
// from its module alone: the ack function then verifies exactly as Bolt does without loading Bolt's App,
// its receivers and the Web API client, which it never uses.
import { verifySlackRequest } from '@slack/bolt/dist/receivers/verify-request.js';
import { InvalidSignatureError, type RawRequest } from './request.ts';

/** Slack signs within seconds of sending; Bolt accepts any future timestamp, this allows a little skew. */
const MAX_FUTURE_SKEW_SECONDS = 60;

/** Throws InvalidSignatureError unless Slack signed this body with `signingSecret` in the last 5 minutes. */
export function verifySignature(
  { headers, rawBody }: RawRequest,
  signingSecret: string,
  nowMs = Date.now(),
): void {
  const signature = headers['x-slack-signature'] ?? '';
  const timestamp = Number(headers['x-slack-request-timestamp']);
  if (!signature || !Number.isFinite(timestamp)) {
    throw new InvalidSignatureError('signature or timestamp header missing');
  }
  if (timestamp > nowMs / 1000 + MAX_FUTURE_SKEW_SECONDS) {
    throw new InvalidSignatureError('timestamp is in the future');
  }
  try {
    verifySlackRequest({
      signingSecret,
      body: rawBody,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
      nowMilliseconds: nowMs,
    });
  } catch (error) {
    // Bolt's message says which rule failed (stale, version, mismatch); it holds no secret.
    throw new InvalidSignatureError(error instanceof Error ? error.message : 'signature check failed', {
      cause: error,
    });
  }
}
