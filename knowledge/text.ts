/** The most of a question the engine reads; the rest cannot change the answer and would cost time. */
export const MAX_QUESTION_CHARS = 500;

const EXTRA_FOLDS: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', ð: 'd', þ: 'th', ł: 'l', đ: 'd' };

/** Lower case without diacritics, for comparing names typed on any keyboard ("Västerås" → "vasteras"). */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øæßðþłđ]/g, (c) => EXTRA_FOLDS[c] ?? c);
}

/** Trims, drops control characters and caps the length, so every later step works on a bounded string. */
export function clean(text: string): string {
  return text
    .slice(0, MAX_QUESTION_CHARS * 2)
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
}

/** A word of the question: its text as typed, and folded. */
export interface Word {
  raw: string;
  folded: string;
  /** Index of the word in the question, for n-grams and "first word" rules. */
  index: number;
}

/** Splits a question into words (letters and digits; hyphens split, as in "Upplands-Bro"). */
export function words(text: string): Word[] {
  const out: Word[] = [];
  // An apostrophe ends a word: "Malmö's" is Malmö, "who's" is who.
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    out.push({ raw: m[0], folded: fold(m[0]), index: out.length });
  }
  return out;
}

/** Damerau-Levenshtein (optimal string alignment) distance, giving up above `max` to stay cheap. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      }
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}
