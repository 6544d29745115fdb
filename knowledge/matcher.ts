// Topic matching in two steps. Fuse.js first finds, for each word of the question, the known words it
// may be (typos and inflections: "fordelas" → "fördelar"); the FAQ entries are then ranked by how much of
// the question's weight (rarer words weigh more, as in BM25's idf) they cover. Fuse runs once per distinct
// word and its result is kept, so a warm engine answers with map lookups.
import Fuse from 'fuse.js';
import type { EntryTerms, FaqEntry } from './content.ts';
import { editDistance } from './text.ts';

/** A ranked entry: score 0 is a perfect match, 1 is none (Fuse's convention). */
export interface Ranked {
  entry: FaqEntry;
  score: number;
  /** How much of the weight of the question's known words the entry covers (0..1): 1 when every word
   *  the entries know points at this one, whatever unknown words come with them. */
  coverage: number;
}

export interface Matcher {
  /** Ranks the entries against a question's topic words, best first. */
  rank(terms: string[], limit: number): Ranked[];
  /**
   * How much of the question is words no entry knows, not even as a typo (0..1, weighing a known word by
   * how strongly it belongs to some entry): above one half, the question is about something else.
   */
  unknownShare(terms: string[], alsoKnown?: number): number;
  /** Every word the entries know, as the tokenizer gives them. */
  readonly vocabulary: readonly string[];
  /**
   * True for a word an entry knows, or a typo or inflection of one; unless `strictly`, also a compound
   * with a known head ("totalbelopp"), which says what kind of thing it is but not which ("medfinansiera").
   */
  knows(word: string, strictly?: boolean): boolean;
}

/** Keywords carry the topic; phrasings only show how people ask, so their words count for less. */
const KEYWORD_WEIGHT = 1;
const PHRASING_WEIGHT = 0.6;
/** How different a word may be from a known one and still count as it (Fuse: 0 exact, 1 anything). */
const WORD_THRESHOLD = 0.3;
/** How much a compound counts as its head word. */
const COMPOUND_QUALITY = 0.8;
/** Words kept in the per-word cache before it starts afresh: bounded memory on a long-lived Lambda. */
const CACHE_LIMIT = 20_000;

type Match = { word: string; quality: number };

/** An entry's words as the tokenizer gives them: its example questions', its weak words' and keywords'. */
export type { EntryTerms };

/** Tokenizes an entry's words once (at \`npm run kb:build\`; the compiled content carries the result). */
export function entryTerms(e: FaqEntry, tokenize: (text: string) => string[]): EntryTerms {
  const all = (texts: readonly string[]) => [...new Set(texts.flatMap(tokenize))];
  return {
    phrasings: all([...e.examples.sv, ...e.examples.en]),
    weak: all(e.weak),
    keywords: all(e.keywords),
  };
}

/** Builds the matcher once from the FAQ entries and their words, tokenized as questions are. */
/** Each entry's words and their weights: a keyword weighs more than a word of an example. */
function entryWeights(
  entries: readonly FaqEntry[],
  termsOf: (e: FaqEntry) => EntryTerms,
): Map<string, number>[] {
  return entries.map((e) => {
    const terms = termsOf(e);
    const w = new Map<string, number>();
    for (const t of terms.phrasings) w.set(t, PHRASING_WEIGHT);
    for (const t of terms.weak) w.set(t, PHRASING_WEIGHT);
    for (const t of terms.keywords) w.set(t, KEYWORD_WEIGHT);
    return w;
  });
}

/** How many entries have each word, and the inverse document frequency of a count (BM25's). */
function documentFrequencies(weights: readonly Map<string, number>[]) {
  const df = new Map<string, number>();
  for (const w of weights) for (const t of w.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = weights.length;
  return { df, idf: (count: number) => Math.log(1 + (n - count + 0.5) / (count + 0.5)) };
}

export function createMatcher(entries: readonly FaqEntry[], termsOf: (e: FaqEntry) => EntryTerms): Matcher {
  const weights = entryWeights(entries, termsOf);
  const { df, idf } = documentFrequencies(weights);
  const vocabulary = [...df.keys()];
  const longest = Math.max(...vocabulary.map((w) => w.length));
  const alphabet = new Set(vocabulary.flatMap((w) => [...w]));
  const heads = vocabulary.filter((w) => w.length >= 5 && !w.includes(' '));
  const fuse = new Fuse(vocabulary, { includeScore: true, threshold: WORD_THRESHOLD, ignoreLocation: true });
  const cache = new Map<string, Match[]>();

  /** The known words a question word may be, with how close each is (1 = the same word). */
  function known(word: string): Match[] {
    const hit = cache.get(word);
    if (hit) return hit;
    const found: Match[] = df.has(word) ? [{ word, quality: 1 }] : [];
    // A word far longer than any known one, or with letters no known word has, cannot be a typo of one:
    // skipping it spares Fuse a hopeless search (random and foreign-script input).
    const strange = [...word].filter((c) => !alphabet.has(c)).length;
    const candidates = word.length > longest + 3 || strange > 1 ? [] : fuse.search(word, { limit: 8 });
    for (const r of candidates) {
      if (r.item === word || !sameWord(word, r.item)) continue;
      found.push({ word: r.item, quality: 1 - (r.score ?? 1) });
    }
    // A Swedish compound ends in its head word: "totalbelopp" is a kind of "belopp", "ansökningstiden" of
    // "tiden". Heads of five letters or more, after at least three letters, count, a little less than the word.
    if (found.length === 0 && word.length >= 8)
      for (const head of heads)
        if (word.length >= head.length + 3 && word.endsWith(head))
          found.push({ word: head, quality: COMPOUND_QUALITY });
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, found);
    return found;
  }

  function rank(terms: string[], limit: number): Ranked[] {
    if (terms.length === 0) return [];
    const perTerm = terms.map((t) => {
      const matches = known(t);
      const rarest = matches.reduce((best, m) => Math.max(best, idf(df.get(m.word) ?? 0)), 0);
      // A word we know nothing of weighs as much as the rarest word: it is likely the real subject.
      return { matches, weight: matches.length ? rarest : idf(0) };
    });
    const { total, knownTotal } = totals(perTerm);
    const ranked: Ranked[] = [];
    entries.forEach((entry, i) => {
      const w = weights[i];
      if (!w) return;
      let covered = 0;
      for (const t of perTerm) {
        let best = 0;
        for (const m of t.matches) best = Math.max(best, m.quality * (w.get(m.word) ?? 0));
        covered += t.weight * best;
      }
      if (covered > 0) ranked.push({ entry, score: 1 - covered / total, coverage: covered / knownTotal });
    });
    return ranked.sort((a, b) => a.score - b.score).slice(0, limit);
  }

  const strongest = new Map<string, number>();
  for (const w of weights) for (const [t, v] of w) strongest.set(t, Math.max(v, strongest.get(t) ?? 0));

  function unknownShare(terms: string[], alsoKnown = 0): number {
    let unknown = 0;
    // Words known elsewhere (the documents' own words) count as known, at full weight.
    let knownWeight = alsoKnown;
    for (const t of terms) {
      const matches = known(t);
      if (matches.length === 0) unknown += 1;
      else knownWeight += Math.max(...matches.map((m) => m.quality * (strongest.get(m.word) ?? 0)));
    }
    return unknown === 0 ? 0 : unknown / (unknown + knownWeight);
  }

  return {
    rank,
    unknownShare,
    vocabulary,
    knows: (word, strictly = false) => known(word).some((m) => !strictly || m.quality !== COMPOUND_QUALITY),
  };
}

/** The weight of all the question's words, and of those some entry knows. */
function totals(perTerm: readonly { matches: readonly Match[]; weight: number }[]) {
  let total = 0;
  let knownTotal = 0;
  for (const t of perTerm) {
    total += t.weight;
    if (t.matches.length) knownTotal += t.weight;
  }
  return { total, knownTotal };
}

/**
 * Fuse finds a word inside a longer one ("del" in "delegationen") and is generous with short words
 * ("valet" ~ "målet"). Only these count as the same word: a shared stem of five letters or more
 * ("fördelas"/"fördelning"), or, for words of six letters or more, a typo that keeps the first letter
 * (one edit, two from nine letters).
 */
function sameWord(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  if (common >= 5 && common >= short.length - 2) return true;
  if (short.length < 6 || a[0] !== b[0]) return false;
  const budget = short.length >= 9 ? 2 : 1;
  return editDistance(a, b, budget) <= budget;
}
