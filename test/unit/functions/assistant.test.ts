// The assistant panel's small decisions: which language to greet in, and how a question becomes a title.
import { describe, expect, it } from 'vitest';
import { langOfUser, TITLE_MAX_CHARS, titleFrom } from '../../../functions/assistant.ts';

describe('the greeting’s language', () => {
  it('is Swedish for a Swedish locale, should Slack ever offer one', () => {
    expect(langOfUser({ locale: 'sv-SE', tz: 'America/New_York' })).toBe('sv');
  });

  it('is Swedish for someone in Stockholm’s time zone: Slack’s interface has no Swedish', () => {
    expect(langOfUser({ locale: 'en-US', tz: 'Europe/Stockholm' })).toBe('sv');
  });

  it('is English for any other locale elsewhere', () => {
    expect(langOfUser({ locale: 'en-GB', tz: 'Europe/London' })).toBe('en');
    expect(langOfUser({ locale: 'de-DE', tz: 'Europe/Berlin' })).toBe('en');
  });

  it('is Swedish, the bot’s first language, when Slack says nothing', () => {
    expect(langOfUser(undefined)).toBe('sv');
    expect(langOfUser({})).toBe('sv');
    expect(langOfUser({ locale: 42 })).toBe('sv');
  });
});

describe('a thread’s title', () => {
  it('is a short question as it was asked, spaces tidied', () => {
    expect(titleFrom('  Vem fördelar\n pengarna?  ')).toBe('Vem fördelar pengarna?');
  });

  it('is a long question cut at the last whole word, with an ellipsis, within the limit', () => {
    const title = titleFrom(
      'Hur mycket pengar avsätts totalt för hela perioden, till kommuner med socioekonomiska utmaningar?',
    );
    expect(title).toBe('Hur mycket pengar avsätts totalt för hela perioden, till…');
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX_CHARS);
  });

  it('cuts one very long word where it must', () => {
    const title = titleFrom('x'.repeat(100));
    expect(title).toBe(`${'x'.repeat(TITLE_MAX_CHARS - 1)}…`);
  });
});
