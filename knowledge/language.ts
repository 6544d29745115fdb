// Tells Swedish from English by the small words every question has. Municipality names are left out
// ("Is Malmö eligible?" is English), and a tie goes to the conversation's language, else Swedish.

import { fold, type Word } from './text.ts';
import type { Lang } from './types.ts';

/** Tells the language of a question from the small words of each language (words.yaml `language`). */
export function createLanguageDetector(
  lists: { sv: readonly string[]; en: readonly string[] },
  isPlaceWord: (folded: string) => boolean = () => false,
): (words: readonly Word[], tie?: Lang) => Lang {
  const SWEDISH = new Set(lists.sv.map((w) => w.toLowerCase()));
  // Swedish typed without å, ä, ö ("hur mycket far goteborg") still counts, at half weight.
  const SWEDISH_FOLDED = new Set([...SWEDISH].map(fold));
  const ENGLISH = new Set(lists.en.map((w) => w.toLowerCase()));
  return (words, tie = 'sv') => detect(words, SWEDISH, SWEDISH_FOLDED, ENGLISH, isPlaceWord, tie);
}

function detect(
  words: readonly Word[],
  SWEDISH: ReadonlySet<string>,
  SWEDISH_FOLDED: ReadonlySet<string>,
  ENGLISH: ReadonlySet<string>,
  isPlaceWord: (folded: string) => boolean,
  tie: Lang,
): Lang {
  let sv = 0;
  let en = 0;
  for (const w of words) {
    if (isPlaceWord(w.folded)) continue;
    const lower = w.raw.toLowerCase();
    if (SWEDISH.has(lower)) sv += 1;
    else if (SWEDISH_FOLDED.has(lower) && !ENGLISH.has(lower)) sv += 0.5;
    if (ENGLISH.has(lower)) en += 1;
    if (/[åäö]/.test(lower)) sv += 0.5;
  }
  // No word of either ("plus 2022?", "Malmö?"): the language the conversation was in, if any.
  return en > sv ? 'en' : sv > en ? 'sv' : tie;
}
