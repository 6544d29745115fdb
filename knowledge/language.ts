// Tells Swedish from English by the small words every question has. Municipality names are left out
// ("Is Malmö eligible?" is English), and a tie goes to the conversation's language, else Swedish.

import { fold, type Word } from './text.ts';
import type { Lang } from './types.ts';

interface LanguageLists {
  sv: readonly string[];
  en: readonly string[];
  /** Units that count only written onto a figure ("850m", "850mkr"). */
  units: { sv: readonly string[]; en: readonly string[] };
}

interface Known {
  SWEDISH: ReadonlySet<string>;
  SWEDISH_FOLDED: ReadonlySet<string>;
  ENGLISH: ReadonlySet<string>;
  UNITS_SV: ReadonlySet<string>;
  UNITS_EN: ReadonlySet<string>;
}

const lowerSet = (list: readonly string[]) => new Set(list.map((w) => w.toLowerCase()));

/** Tells the language of a question from the small words of each language (words.yaml `language`). */
export function createLanguageDetector(
  lists: LanguageLists,
  isPlaceWord: (folded: string) => boolean = () => false,
): (words: readonly Word[], tie?: Lang) => Lang {
  const SWEDISH = lowerSet(lists.sv);
  const known: Known = {
    SWEDISH,
    // Swedish typed without å, ä, ö ("hur mycket far goteborg") still counts, at half weight.
    SWEDISH_FOLDED: new Set([...SWEDISH].map(fold)),
    ENGLISH: lowerSet(lists.en),
    UNITS_SV: lowerSet(lists.units.sv),
    UNITS_EN: lowerSet(lists.units.en),
  };
  return (words, tie = 'sv') => detect(words, known, isPlaceWord, tie);
}

function detect(
  words: readonly Word[],
  known: Known,
  isPlaceWord: (folded: string) => boolean,
  tie: Lang,
): Lang {
  let sv = 0;
  let en = 0;
  for (const w of words) {
    if (isPlaceWord(w.folded)) continue;
    const lower = w.raw.toLowerCase();
    // A figure with its unit written on ("850m", "2bn", "850mkr") counts as its unit.
    const unit = /^[0-9]+([a-zåäö]+)$/.exec(lower)?.[1];
    if (unit !== undefined) {
      if (known.UNITS_SV.has(unit) || known.SWEDISH.has(unit)) sv += 1;
      if (known.UNITS_EN.has(unit) || known.ENGLISH.has(unit)) en += 1;
      continue;
    }
    if (known.SWEDISH.has(lower)) sv += 1;
    else if (known.SWEDISH_FOLDED.has(lower) && !known.ENGLISH.has(lower)) sv += 0.5;
    if (known.ENGLISH.has(lower)) en += 1;
    if (/[åäö]/.test(lower)) sv += 0.5;
  }
  // No word of either ("plus 2022?", "Malmö?"): the language the conversation was in, if any.
  return en > sv ? 'en' : sv > en ? 'sv' : tie;
}
