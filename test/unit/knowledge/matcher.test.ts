import { describe, expect, it } from 'vitest';
import type { FaqEntry } from '../../../knowledge/content.ts';
import { createMatcher, entryTerms } from '../../../knowledge/matcher.ts';
import { words } from '../../../knowledge/text.ts';

const entry = (id: string, keywords: string[], examples: string[] = [], weak: string[] = []): FaqEntry => ({
  id,
  intent: 'background',
  examples: { sv: examples, en: [] },
  keywords,
  weak,
  sources: [],
});
const tokenize = (text: string) =>
  words(text)
    .map((w) => w.folded)
    .filter((w) => w.length >= 3);
const matcher = createMatcher(
  [
    entry('agency', ['fördelar', 'myndighet', 'delegationen'], ['Vem fördelar pengarna?']),
    entry('contact', ['presskontakt', 'telefon'], ['Vem är presskontakt?'], ['kontakt']),
  ],
  (e) => entryTerms(e, tokenize),
);

describe('topic matcher', () => {
  it('ranks the entry whose keywords cover the question first, with a perfect score for an exact cover', () => {
    const [top, next] = matcher.rank(['presskontakt'], 5);
    expect(top?.entry.id).toBe('contact');
    expect(top?.score).toBe(0);
    expect(next).toBeUndefined();
  });

  it('reads an inflection or a typo as the known word', () => {
    expect(matcher.rank(['fordelas'], 5)[0]?.entry.id).toBe('agency');
    expect(matcher.rank(['presskontkt'], 5)[0]?.entry.id).toBe('contact');
    expect(matcher.knows('myndigheten')).toBe(true);
  });

  it('weighs a weak word less than a keyword', () => {
    const weak = matcher.rank(['kontakt'], 5)[0]?.score ?? 1;
    const strong = matcher.rank(['telefon'], 5)[0]?.score ?? 1;
    expect(weak).toBeGreaterThan(strong);
  });

  it('does not take a short ordinary word for a part of a longer one', () => {
    expect(matcher.knows('del')).toBe(false);
    expect(matcher.rank(['valet'], 5)).toEqual([]);
  });

  it('calls a question mostly made of unknown words off the subject', () => {
    expect(matcher.unknownShare(['väder', 'imorgon'])).toBe(1);
    expect(matcher.unknownShare(['presskontakt'])).toBe(0);
    expect(matcher.unknownShare(['presskontakt', 'väder'])).toBeLessThanOrEqual(0.5);
  });
});
