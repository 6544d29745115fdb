// Passage search: every sentence of every document, found by the words of a question and quoted whole.
// The last resort before "not stated" (knowledge/rules/passages.ts), and the answer to "quote … verbatim".
//
// `npm run kb:build` cuts the documents into sentences and each sentence into stems (indexPassages), so a
// cold engine only counts them. A question's words are stemmed the same way (knowledge/stem.ts); English
// words reach the Swedish sentences through the glossary (knowledge/content/glossary.yaml); a Swedish
// compound is found by its parts ("skatt" finds "skattesänkningar", "minister" "energiminister"). Sentences
// are ranked by how much of the question's weight they cover, rarer words weighing more (BM25's idf), as
// the topic matcher (matcher.ts) ranks FAQ entries.
import { asciiPattern, cuePattern, type PatternSource } from './cues.ts';
import { englishStem, swedishStem } from './stem.ts';
import { fold, sentences, words } from './text.ts';

/** glossary.yaml as it is written. */
export interface Glossary {
  quote: string[];
  frame: string[];
  headline: string[];
  documents: string[];
  terms: { en: string[]; sv: string[] }[];
}

/** One sentence of a document, as `npm run kb:build` indexes it. */
export interface Passage {
  /** The sentence, word for word as the document has it. */
  text: string;
  /** The document's id (documents.yaml). */
  document: string;
  /** Sentences of one paragraph share the number (in order through all documents). */
  paragraph: number;
  /** A statement someone made ("– …, säger X"): all its sentences are his words. */
  speech?: boolean;
  /** The stems the sentence is found by. */
  terms: string[];
}

/** The sentences and the glossary, as the compiled content carries them. */
export interface PassageIndex {
  passages: Passage[];
  /** A folded English word's stem → the Swedish stems it finds. */
  en: Record<string, string[]>;
  /** A folded Swedish word's stem → the stems of the words that mean the same. */
  sv: Record<string, string[]>;
  /** Phrases of several words ("tax cuts", "hålla ihop"), folded and joined by one space → stems. */
  phrases: [string, string[]][];
  /** Words that say how a question is put, not what about (folded). */
  frame: string[];
  /** The pattern of a request for the exact words. */
  quote: PatternSource;
  /** The patterns of a headline word and of a word that names a document. */
  headline: PatternSource;
  document: PatternSource;
}

/** Who makes a statement: "…, säger samordnings- och energiminister Ibrahim Baylan." */
const SPEAKER = /\b(?:säger|sa|sade|says|said)\s+([^.,]+)\.?\s*$/u;
/** The title of a document: "rubrik", "headline" find it. */
const HEADLINE = '#headline';
/** Sentences shorter than this are headings and names ("Publicerad", "Borlänge"), never an answer. */
const MIN_WORDS = 3;

/** The stems of a text's words, function words left out; numbers ("2018", "151") stay as they are. */
function stems(text: string, stopwords: ReadonlySet<string>): string[] {
  return words(text)
    .map((w) => w.folded)
    .filter((w) => /^\d+$/.test(w) || (w.length >= 2 && !stopwords.has(w)))
    .map(swedishStem);
}

const joined = (text: string) =>
  words(text)
    .map((w) => w.folded)
    .join(' ');

/** Cuts the documents into sentences and indexes them and the glossary; run by `npm run kb:build`. */
export function indexPassages(
  documents: readonly { id: string; title: string; text: string }[],
  glossary: Glossary,
  stopwords: ReadonlySet<string>,
): PassageIndex {
  const passages: Passage[] = [];
  const seen = new Set<string>();
  // A headline is found by the words for one, which its own words are not: a token no word stems to.
  const headline = [HEADLINE];
  let paragraph = 0;
  for (const d of documents)
    for (const block of d.text.split(/\n\s*\n/)) {
      paragraph++;
      // "– Det här är …, säger samordnings- och energiminister Ibrahim Baylan.": the speaker's words
      // and "säger" belong to every sentence of the statement.
      const speech = /^\s*[–-]\s/.test(block);
      const speaker = speech
        ? (block.match(/\b(?:säger|sa|sade|says|said)\s+([^.]+)\.?\s*$/u)?.[1] ?? '')
        : '';
      const extra = speech ? stems(`säger ${speaker}`, stopwords) : [];
      for (const line of block.split('\n'))
        for (const s of sentences(line)) {
          const text = s.replace(/^[–-]\s+/, '');
          if (words(text).length < MIN_WORDS || seen.has(text) || !d.text.includes(text)) continue;
          seen.add(text);
          const own = stems(text, stopwords);
          const terms = [...new Set([...own, ...extra, ...(text === d.title ? headline : [])])];
          passages.push({ text, document: d.id, paragraph, ...(speech ? { speech } : {}), terms });
        }
    }

  const en: Record<string, string[]> = {};
  const sv: Record<string, string[]> = {};
  const phrases = new Map<string, string[]>();
  const add = (map: Record<string, string[]>, key: string, found: string[]) => {
    map[key] = [...new Set([...(map[key] ?? []), ...found])];
  };
  const groups = [
    ...glossary.terms.map((g) => ({ ...g, found: [...new Set(g.sv.flatMap((w) => stems(w, stopwords)))] })),
    { en: glossary.headline, sv: glossary.headline, found: headline },
  ];
  for (const { found, ...group } of groups) {
    for (const [lang, list] of [
      ['en', group.en],
      ['sv', group.sv],
    ] as const)
      for (const item of list) {
        const key = joined(item);
        if (key.includes(' ')) phrases.set(key, [...new Set([...(phrases.get(key) ?? []), ...found])]);
        else if (lang === 'en') add(en, englishStem(key), found);
        else add(sv, swedishStem(key), found);
      }
  }
  // Run on folded text: compiled without the Unicode flag where they can be (as the cue patterns are).
  const source = (re: RegExp): PatternSource => asciiPattern({ source: re.source, flags: re.flags });
  return {
    passages,
    en,
    sv,
    // Longest first: "lessons learned" before "learned".
    phrases: [...phrases].sort((a, b) => b[0].length - a[0].length),
    frame: [...new Set(glossary.frame.map(fold))],
    quote: source(cuePattern(glossary.quote)),
    headline: source(cuePattern(glossary.headline)),
    document: source(cuePattern(glossary.documents)),
  };
}

/** A sentence found, with how much of the question it covers (0..1). */
export interface Hit {
  passage: Passage;
  score: number;
}

export interface PassageSearch {
  /** The sentences that say what the text asks, best first; none when nothing covers enough of it. */
  find(text: string): Hit[];
  /** The text asks for the exact words ("citera", "verbatim", "exact words") or a document's headline. */
  asksQuote(foldedText: string): boolean;
  /** The text asks for someone's words ("citat", "quote"), not for a headline. */
  asksWords(foldedText: string): boolean;
  /** The sentences to quote for the hits: the best, its neighbours that say more, a whole statement. */
  select(hits: readonly Hit[], quote: boolean): Passage[];
  /** A line set against a sentence: its words the sentence lacks, and the sentence's words it lacks. */
  compare(text: string, passage: Passage): Difference;
  /** Each statement someone makes in the documents ("– …, säger X."): its sentences, and who says it. */
  statements(): { passages: Passage[]; speaker: string }[];
}

/** How a line differs from a document's sentence, word by word, as each writes them. */
export interface Difference {
  /** The line's words that no word of the sentence matches ("jämlikt"). */
  missing: string[];
  /** The sentence's words that no word of the line matches ("hållbart"). */
  extra: string[];
  /** How many words of the line carry content (the rest say how it is put). */
  words: number;
}

/** How well a sentence's stem matches a question's: the same word, an inflection, or a compound's part. */
const SAME = 1;
const INFLECTED = 0.9;
const HEAD = 0.8;
const MODIFIER = 0.7;
/** A question's compound by a document's word: its head ("totalbelopp" → "belopp"), or its first part. */
const PART_HEAD = 0.6;
const PART_FIRST = 0.4;
/** A stem shorter than this is matched only whole: "bar" is no part of "barn". */
const MIN_PART = 4;
/** At most this many sentences are quoted: an answer, not the document. */
const MAX_QUOTED = 3;

function quality(asked: string, stem: string): number {
  if (asked === stem) return SAME;
  const [short, long] = asked.length <= stem.length ? [asked, stem] : [stem, asked];
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  if (common >= 5 && common >= short.length - 2 && long.length - common <= 3) return INFLECTED;
  if (asked.length >= MIN_PART && stem.length >= asked.length + 3) {
    if (stem.endsWith(asked)) return HEAD;
    if (stem.startsWith(asked)) return MODIFIER;
  }
  if (stem.length >= 5 && asked.length >= stem.length + 3) {
    if (asked.endsWith(stem)) return PART_HEAD;
    // "ansökningstider" is about times, not about applying.
    if (asked.startsWith(stem)) return PART_FIRST;
  }
  return 0;
}

/** What a question's words are matched against: the sentences' stems, their weights, the glossary. */
interface Lookups {
  index: PassageIndex;
  en: Map<string, string[]>;
  sv: Map<string, string[]>;
  frame: Set<string>;
  quoteWords: RegExp;
  skip: { stopwords: ReadonlySet<string>; programme: ReadonlySet<string> };
}

/** Each word of the question that carries its topic, as the stems it may be. */
function asked(l: Lookups, text: string): string[][] {
  // "ordagrant", "exact words": how the question asks, not what about.
  let rest = ` ${joined(text).replace(l.quoteWords, ' ')} `;
  const out: string[][] = [];
  for (const [phrase, found] of l.index.phrases)
    if (rest.includes(` ${phrase} `)) {
      out.push(found);
      rest = rest.replace(` ${phrase} `, '  ');
    }
  for (const w of rest.split(' ')) {
    if (!w || l.frame.has(w)) continue;
    if (/^\d+$/.test(w)) {
      out.push([w]);
      continue;
    }
    const own = swedishStem(w);
    const glossed = [...(l.en.get(englishStem(w)) ?? []), ...(l.sv.get(own) ?? [])];
    if (glossed.length) out.push([...new Set([own, ...glossed])]);
    else if (w.length >= 3 && !l.skip.stopwords.has(w) && !l.skip.programme.has(w)) out.push([own]);
  }
  return out;
}

/** The best sentence, and what says as much elsewhere or more of the same in its paragraph. */
function selected(passages: readonly Passage[], hits: readonly Hit[], quote: boolean): Passage[] {
  const [top] = hits;
  if (!top) return [];
  // "Citera Baylan", "the minister's exact words": the whole statement, in its order, when it is about
  // as good as the best sentence ("Statsråd på denna sida …" names a minister too).
  const statement = quote && hits.find((h) => h.score >= top.score * 0.75 && h.passage.speech);
  if (statement)
    return passages
      .filter((p) => p.speech && p.paragraph === statement.passage.paragraph)
      .slice(0, MAX_QUOTED);
  // "Regeringen har tagit lärdom …" and, in the same paragraph, "De viktigaste lärdomarna är …".
  const chosen = hits.filter(
    (h) =>
      h === top ||
      h.score >= top.score * 0.8 ||
      (h.passage.paragraph === top.passage.paragraph && h.score > top.score * 0.5),
  );
  const order = new Map(passages.map((p, i) => [p, i]));
  return chosen
    .slice(0, MAX_QUOTED)
    .map((h) => h.passage)
    .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** A line set against a sentence, word by word (PassageSearch.compare). */
function compare(lookups: Lookups, text: string, passage: Passage): Difference {
  const { skip } = lookups;
  const matches = (candidates: string[], stems: readonly string[]) =>
    stems.some((stem) => candidates.some((c) => quality(c, stem) > 0));
  // The programme's own words ("kommuner", "statsbidrag") are words of a line too, though they find nothing.
  const own = words(text).map((w) => {
    const found = asked(lookups, w.raw).flat();
    const plain = w.folded.length >= 3 && !skip.stopwords.has(w.folded) && !lookups.frame.has(w.folded);
    return { raw: w.raw, asked: found.length || !plain ? found : [swedishStem(w.folded)] };
  });
  const missing = own.filter((w) => w.asked.length && !matches(w.asked, passage.terms)).map((w) => w.raw);
  const theirs = own.flatMap((w) => w.asked);
  const extra = words(passage.text)
    .filter((w) => {
      const stem = stems(w.raw, skip.stopwords);
      return stem.length > 0 && !skip.programme.has(w.folded) && !matches(theirs, stem);
    })
    .map((w) => w.raw);
  const counted = own.filter((w) => w.asked.length).length;
  return { missing: [...new Set(missing)], extra: [...new Set(extra)], words: counted };
}

/** The statements of the documents, each with its speaker (PassageSearch.statements). */
function statements(passages: readonly Passage[]): { passages: Passage[]; speaker: string }[] {
  const byParagraph = new Map<number, Passage[]>();
  for (const p of passages)
    if (p.speech) byParagraph.set(p.paragraph, [...(byParagraph.get(p.paragraph) ?? []), p]);
  return [...byParagraph.values()].map((ps) => ({
    passages: ps,
    speaker: ps.map((p) => SPEAKER.exec(p.text)?.[1] ?? '').find(Boolean) ?? '',
  }));
}

/** Builds the search once per engine: document frequencies, the glossary's maps, the patterns. */
export function createPassageSearch(
  index: PassageIndex,
  skip: { stopwords: ReadonlySet<string>; programme: ReadonlySet<string> },
): PassageSearch {
  const { passages } = index;
  const df = new Map<string, number>();
  for (const p of passages) for (const t of p.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = passages.length;
  const idf = (count: number) => Math.log(1 + (n - count + 0.5) / (count + 0.5));
  const vocabulary = [...df.keys()];
  const pattern = (p: PatternSource, flags = p.flags) => new RegExp(p.source, flags);
  // Maps, not the records themselves: a question may say "constructor".
  const lookups: Lookups = {
    index,
    en: new Map(Object.entries(index.en)),
    sv: new Map(Object.entries(index.sv)),
    frame: new Set(index.frame),
    quoteWords: pattern(index.quote, `${index.quote.flags}g`),
    skip,
  };
  const [quote, headline, document] = [index.quote, index.headline, index.document].map((p) => pattern(p));

  function find(text: string): Hit[] {
    const terms = asked(lookups, text).map((candidates) => {
      const matches = new Map<string, number>();
      for (const stem of vocabulary) {
        const q = Math.max(...candidates.map((c) => quality(c, stem)));
        if (q > 0) matches.set(stem, q);
      }
      // A word no sentence has weighs as much as the rarest: it is likely what the question is about.
      let weight = idf(0);
      if (matches.size) weight = Math.max(...[...matches.keys()].map((s) => idf(df.get(s) ?? 0)));
      return { matches, weight };
    });
    const total = terms.reduce((sum, t) => sum + t.weight, 0);
    if (!total) return [];
    const hits: Hit[] = [];
    for (const passage of passages) {
      let covered = 0;
      for (const t of terms) {
        let best = 0;
        for (const stem of passage.terms) best = Math.max(best, t.matches.get(stem) ?? 0);
        covered += t.weight * best;
      }
      if (covered > 0) hits.push({ passage, score: covered / total });
    }
    return hits.sort((a, b) => b.score - a.score);
  }

  return {
    find,
    compare: (text, passage) => compare(lookups, text, passage),
    statements: () => statements(passages),
    // "Vad heter pressmeddelandet?": a document's headline is its own words too.
    asksQuote: (f) => quote?.test(f) || (headline?.test(f) && document?.test(f)) || false,
    asksWords: (f) => quote?.test(f) ?? false,
    select: (hits, quote) => selected(passages, hits, quote),
  };
}
