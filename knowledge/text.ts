/**
 * The most of a message the engine reads. A message may be a pasted paragraph with the question last, so
 * this is generous; each question in it is then matched on its own, so the cost stays per question.
 */
export const MAX_MESSAGE_CHARS = 2_000;

/** Nothing to fold beyond lower case. */
const ASCII = /^[ -~]*$/;

const EXTRA_FOLDS: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', ð: 'd', þ: 'th', ł: 'l', đ: 'd' };

/** Lower case without diacritics, for comparing names typed on any keyboard ("Västerås" → "vasteras"). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Most words are plain ASCII: skip Unicode normalisation for them (it dominates the engine's start).
  if (ASCII.test(lower)) return lower;
  // Swedish words recur (the content folds each of them many times at start): remember short ones.
  const known = folded.get(lower);
  if (known !== undefined) return known;
  const out = normalise(lower);
  if (lower.length <= 40) {
    if (folded.size >= FOLD_CACHE_LIMIT) folded.clear();
    folded.set(lower, out);
  }
  return out;
}

/** Folded short texts; cleared when full, so a long-lived Lambda's memory stays bounded. */
const folded = new Map<string, string>();
const FOLD_CACHE_LIMIT = 5_000;

function normalise(lower: string): string {
  return lower
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øæßðþłđ]/g, (c) => EXTRA_FOLDS[c] ?? c);
}

/**
 * Slack's markup as plain words, before anything else reads the text: other users' mentions and special
 * mentions (<@U…>, <!here>) are dropped, channels and links keep their label (<#C…|general>,
 * <https://…|pressmeddelandet>), bare links and :emoji: go, code spans keep their text, and Slack's
 * escaping (&amp; &lt; &gt;) is undone. Quoted lines ("> …") are kept but marked, so they count as
 * context, not as the question.
 */
export function unmarkup(text: string): string {
  return (
    text
      .slice(0, MAX_MESSAGE_CHARS * 2)
      .replace(/<[@!][^>]*>/g, ' ')
      .replace(/<#[^|>]*\|([^>]*)>/g, '$1')
      .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, '$1')
      .replace(/<[^>\s]*>/g, ' ')
      .replace(/:[a-z0-9_+-]+:/g, ' ')
      // ~struck through~: the writer took it back ("~Köping~ sorry, I meant Nyköping").
      .replace(/~[^~\n]+~/g, ' ')
      // *bold* and _italic_ unwrapped, so "*Quick one:* who …" reads as "Quick one: who …".
      .replace(/(^|[\s(])([*_])([^*_\n]+?)\2(?=[\s.,:;!?)]|$)/gm, '$1$3')
      .replace(
        /```([\s\S]*?)```|`([^`]*)`/g,
        (_, block: string | undefined, span: string | undefined) => block ?? span ?? '',
      )
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .replace(/^\s*>\s?(.*)$/gm, (_, quoted: string) => `${QUOTED}${quoted}\n`)
  );
}

/** Marks a line someone quoted: the engine reads it as context, never as the question. */
export const QUOTED = '\uE000';

/** Trims, drops control characters and caps the length, so every later step works on a bounded string. */
export function clean(text: string): string {
  return text
    .slice(0, MAX_MESSAGE_CHARS * 2)
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]+/gu, (run) => (/\p{Cc}/u.test(run) ? ' ' : '')) // Cf (soft hyphen, ZWSP) joins
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_MESSAGE_CHARS);
}

/**
 * A message as sentences: split after ".", "!", "?" or a line break, but not inside numbers ("2,2",
 * "1.35"), abbreviations ("t.o.m.", "fr.o.m.", "e.g.") or the ordinance's "2018:151". Quoted lines stay
 * marked with QUOTED.
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    const quoted = line.startsWith(QUOTED);
    const parts = line
      .replace(QUOTED, '')
      .split(/(?<=[?!]|(?<![\p{Lu}.]\p{L}{0,2})\.)\s+(?=[\p{Lu}\p{N}\-–"”'(])|(?<=\?)\s*/u);
    // A quote and the reply typed on one line ("> Kan Lund söka? +1, undrar samma sak"): the quote is
    // its first sentence, the rest is the reply.
    parts.forEach((p, i) => {
      const t = p.trim();
      if (t) out.push(quoted && (i === 0 || parts.length === 1) ? QUOTED + t : t);
    });
  }
  return out;
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
