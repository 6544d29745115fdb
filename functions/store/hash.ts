import { createHmac } from 'node:crypto';

/** Thrown when no salt is configured: an unsalted hash of a Slack user id is as good as the id itself. */
export class MissingSaltError extends Error {
  override readonly name = 'MissingSaltError';
  constructor() {
    super(
      'The user-id salt is empty: set a long random secret so logged questions cannot be traced to people.',
    );
  }
}

/** The Slack user id as HMAC-SHA256(salt, userId) in hex: stable per salt, not reversible without it. */
export function hashUser(userId: string, salt: string): string {
  // Slack user ids are few and guessable, so a plain hash could be reversed by enumeration; the key prevents that.
  if (salt.length === 0) throw new MissingSaltError();
  return createHmac('sha256', salt).update(userId, 'utf8').digest('hex');
}
