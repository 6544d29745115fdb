// What the engine builds once from the content, before any question: the lookups, the compiled cue
// patterns, the matcher and the gazetteer. Reading, the rules and the message splitter all take it, so
// each is a plain module of functions instead of closures inside one long createEngine.
import { COMPOSERS, type Composer, type Context, type Parts, PHRASES, template } from './answers.ts';
import { type Content, ContentError, createKnowledge, type FaqEntry, type Knowledge } from './content.ts';
import type { CueSources, FoldedWords, PatternSource } from './cues.ts';
import { gatePattern, mayMatch } from './gate.ts';
import { createLanguageDetector } from './language.ts';
import { createMatcher, entryTerms } from './matcher.ts';
import { createGazetteer } from './municipalities.ts';
import { createPassageSearch, type PassageSearch } from './passages.ts';
import { finder, knownNames } from './query/claims.ts';
import { createTopicTerms, isCompoundOf } from './terms.ts';
import { fold } from './text.ts';
import type { PeriodCues } from './years.ts';

/** The cue patterns of words.yaml: their sources come compiled with the content (`npm run kb:build`). */
function compileCues(sources: CueSources) {
  return Object.fromEntries(
    Object.entries(sources).map(([name, p]: [string, PatternSource]) => [
      name,
      gatePattern(new RegExp(p.source, p.flags), p.first),
    ]),
  ) as { [K in keyof CueSources]: RegExp };
}
export type Cues = ReturnType<typeof compileCues>;

/** Whether a cue can match a folded text whose words (split as its pattern's \b splits them) are these. */
export type CueGate = (cue: keyof Cues, words: ReadonlySet<string>) => boolean;

function cueGate(cues: Cues): CueGate {
  return (cue, words) => mayMatch(cues[cue], words);
}

/** The engine's lookups, built once per content. */
export interface Kit {
  content: Content;
  kb: Knowledge;
  entries: Map<string, FaqEntry>;
  cues: Cues;
  /** Whether a cue can match at all, by the words its phrases begin with: most need not run. */
  mayCue: CueGate;
  folded: FoldedWords;
  periodCues: PeriodCues;
  words: {
    stopwords: Set<string>;
    programme: Set<string>;
    helpPhrases: Set<string>;
    helpOnly: Set<string>;
    thanks: Set<string>;
    thanksStart: Set<string>;
    neutral: Set<string>;
    suffixes: Set<string>;
    discourse: Set<string>;
    newTopic: Set<string>;
    cueWords: Set<string>;
    /** Question words that ask for a fact, not a yes or no ("vad", "how"). */
    wh: Set<string>;
  };
  isCueWord(x: string): boolean;
  isProgrammeCompound(word: string): boolean;
  beginsProgramme(word: string): boolean;
  topicTerms: ReturnType<typeof createTopicTerms>;
  known: ReturnType<typeof knownNames>;
  /** The agencies the documents name (agencies.yaml), found by any of their names (words.yaml → known). */
  agencies: ReturnType<typeof finder>;
  /** The words of the documented agencies' names, folded: a name, not a topic. */
  agencyWords: Set<string>;
  matcher: ReturnType<typeof createMatcher>;
  gazetteer: ReturnType<typeof createGazetteer>;
  /** Every sentence of the documents, to find the one that says what no fact answers. */
  passages: PassageSearch;
  detectLanguage: ReturnType<typeof createLanguageDetector>;
  /** Every word the documents quote, folded. */
  quoted: Set<string>;
  /** Whether the words hold a whole phrase of the subjects the documents do not cover (words.yaml →
   * cues.uncovered), every word of it one that `known` accepts. */
  knowsUncovered(words: readonly string[], known: (folded: string) => boolean): boolean;
  /** An ordinary word, never read as a misspelt municipality. */
  isWord(folded: string): boolean;
  /** The answer of an FAQ entry or composer by id. */
  compose(id: string, ctx: Context): Parts;
}

/**
 * The agencies the documents name, by any of their names. Only these: "Ministry of Finance" read as
 * "Finansdepartementet" would be a word no FAQ entry knows.
 */
const documentedAgencies = (content: Content) =>
  finder(content.words.known.agencies.filter((a) => content.agencies.some((x) => x.name === a.name)));

/** Every phrase the code uses, and every composer an FAQ entry names, is there: else a ContentError. */
function checkUsed(content: Content): void {
  for (const id of PHRASES)
    if (!content.phrases[id]) throw new ContentError(`phrases.yaml has no "${id}", which the engine uses`);
  for (const e of content.faq)
    if (e.composer ? !COMPOSERS[e.composer] : !e.answer)
      throw new ContentError(`faq.yaml: "${e.id}" names no composer the engine has, and has no answer`);
}

/** A test for the single words of a cue list ("utvärder*" any word it begins, "followed up" both words). */
function wordOf(
  phrases: readonly string[],
): (words: readonly string[], known: (folded: string) => boolean) => boolean {
  // A phrase counts only whole: "actually spent" is covered when an entry knows "actually" and "spent",
  // not because the amounts' entry knows "spent"; "followed up" when an entry knows "followed".
  const list = phrases
    .map((p) =>
      fold(p)
        .split(/\s+/)
        .filter((x) => x.replace('*', '').length >= 3),
    )
    .filter((words) => words.length > 0);
  const is = (u: string, x: string) => (u.endsWith('*') ? x.startsWith(u.slice(0, -1)) : x === u);
  return (words, known) =>
    list.some((phrase) => phrase.every((u) => words.some((x) => is(u, x) && known(x))));
}

/** The answer of an FAQ entry (its composer, or its template) or of a composer by id. */
function composeWith(entries: ReadonlyMap<string, FaqEntry>) {
  return (id: string, ctx: Context): Parts => {
    const entry = entries.get(id);
    if (entry) {
      const composer: Composer | undefined = entry.composer ? COMPOSERS[entry.composer] : undefined;
      return composer ? composer(ctx) : template(ctx, entry);
    }
    const composer = COMPOSERS[id];
    if (!composer) throw new ContentError(`no FAQ entry or composer "${id}"`);
    return composer(ctx);
  };
}

/** Checks that the content has what the code uses, then builds the lookups. */
export function createKit(content: Content): Kit {
  const kb = createKnowledge(content);
  checkUsed(content);
  const entries = new Map(content.faq.map((e) => [e.id, e]));
  const w = content.words;
  const cues = compileCues(content.derived.cues);
  const folded = content.derived.folded;
  const cueWords = new Set(folded.cueWords);
  const yesNo = new Set(folded.yesNo);
  const topicTerms = createTopicTerms(folded);
  const matcher = createMatcher(content.faq, (e) => content.derived.terms[e.id] ?? entryTerms(e, topicTerms));
  const gazetteer = createGazetteer(content.places, w.not_typos);
  const stopwords = new Set(folded.stopwords);
  const programme = new Set(folded.programme);
  // Ordinary words, never read as a misspelt municipality: function words, the programme's words, every
  // word the FAQ knows (as the matcher already tokenized them) and every word the documents quote.
  const vocabulary = new Set<string>([...stopwords, ...programme, ...matcher.vocabulary, ...cueWords]);
  // Each sentence once: many facts share one (ten years' amounts stand in two sentences).
  const quoted = new Set(content.derived.quoted.filter((x) => !gazetteer.isPlaceWord(x)));
  for (const x of quoted) vocabulary.add(x);

  return {
    content,
    kb,
    entries,
    cues,
    mayCue: cueGate(cues),
    folded,
    periodCues: {
      total: cues.total,
      compare: cues.compare,
      firstYear: cues.firstYear,
      firstAmountYear: kb.firstYear,
      lastAmountYear: kb.lastYear,
    },
    words: {
      stopwords,
      programme,
      helpPhrases: new Set(folded.helpPhrases),
      helpOnly: new Set(folded.helpOnly),
      thanks: new Set(folded.thanks),
      thanksStart: new Set(folded.thanksStart),
      neutral: new Set(folded.neutral),
      // "Malmö stad?": the words around a name are part of it, not another subject.
      suffixes: new Set(folded.nameSuffixes),
      discourse: new Set(folded.discourse),
      newTopic: new Set(folded.newTopic),
      cueWords,
      wh: new Set(folded.starts.filter((x) => !yesNo.has(x))),
    },
    // A word some cue list has ("snittet" by "snitt*").
    isCueWord: (x) => cueWords.has(x) || folded.cuePrefixes.some((p) => x.startsWith(p)),
    // "miljardsatsningen", "segregationsbidraget": compounds that still only name the programme.
    isProgrammeCompound: (word) => isCompoundOf(word, folded.programmeEndings),
    beginsProgramme: (word) =>
      folded.programmeBeginnings.some((b) => word.length >= b.length + 3 && word.startsWith(b)),
    topicTerms,
    known: knownNames(w.known),
    agencies: documentedAgencies(content),
    agencyWords: new Set(content.agencies.flatMap((a) => topicTerms(a.name))),
    matcher,
    gazetteer,
    passages: createPassageSearch(content.derived.passages, { stopwords, programme }),
    detectLanguage: createLanguageDetector(w.language, gazetteer.isPlaceWord),
    quoted,
    isWord: (x) => vocabulary.has(x),
    knowsUncovered: wordOf(w.cues.uncovered),
    compose: composeWith(entries),
  };
}
