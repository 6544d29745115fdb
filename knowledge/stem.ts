// Light stemmers for passage search (knowledge/passages.ts): Swedish and English by plain suffixes. Both
// work on folded words (text.ts `fold`), as everything the engine compares, and run at `npm run kb:build`
// over the documents and at answer time over a question, so both agree.

// Inflectional endings of Swedish nouns, adjectives and verbs, folded, longest first so "arna" is taken
// before "a". Lighter than Snowball's Swedish step 1, which cuts "område" to "omr" but "områden" to
// "omrad": here all of område, området, områden, områdena give "omrad".
const ENDINGS = [
  'heterna',
  'hetens',
  'arnas',
  'ernas',
  'ornas',
  'heten',
  'heter',
  'andes',
  'andet',
  'arens',
  'arna',
  'erna',
  'orna',
  'ande',
  'ende',
  'aren',
  'ena',
  'ana',
  'ens',
  'ern',
  'ets',
  'het',
  'en',
  'ar',
  'er',
  'or',
  'as',
  'es',
  'et',
  'at',
  'na',
  'a',
  'e',
  't',
  's',
];
/** A stem keeps at least this many letters, one of them a vowel. */
const MIN_STEM = 3;
const VOWEL = /[aeiouyåäö]/;

/** "lärdomarna" → "lardom", "områdena" → "omrad", "tryggt" → "trygg": a light Swedish stem of a folded word. */
export function swedishStem(word: string): string {
  if (/\d/.test(word)) return word;
  for (const e of ENDINGS) {
    if (!word.endsWith(e)) continue;
    const stem = word.slice(0, -e.length);
    if (stem.length >= MIN_STEM && VOWEL.test(stem)) return stem;
  }
  return word;
}

/** "lessons" → "lesson", "learned" → "learn", "characterises" → "characteris": a light English stem. */
export function englishStem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}
