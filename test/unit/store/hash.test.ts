import { describe, expect, it } from 'vitest';
import { hashUser, MissingSaltError } from '../../../functions/store/hash.ts';

describe('hashUser', () => {
  it('never returns the raw user id', () => {
    expect(hashUser('U012ABCDEF', 'salt')).not.toBe('U012ABCDEF');
    expect(hashUser('U012ABCDEF', 'salt')).not.toContain('U012ABCDEF');
  });

  it('is stable for one salt and differs between salts and between users', () => {
    expect(hashUser('U012ABCDEF', 'salt-a')).toBe(hashUser('U012ABCDEF', 'salt-a'));
    expect(hashUser('U012ABCDEF', 'salt-a')).not.toBe(hashUser('U012ABCDEF', 'salt-b'));
    expect(hashUser('U012ABCDEF', 'salt-a')).not.toBe(hashUser('U012ABCDEG', 'salt-a'));
  });

  it('is HMAC-SHA256 in hex (RFC 4231 test case 2)', () => {
    expect(hashUser('what do ya want for nothing?', 'Jefe')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('refuses an empty salt, which would make the hash reversible by enumerating user ids', () => {
    expect(() => hashUser('U012ABCDEF', '')).toThrow(MissingSaltError);
  });
});
