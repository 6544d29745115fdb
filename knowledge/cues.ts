// Cue phrases from knowledge/content/words.yaml made into patterns over a folded question. The syntax is
// the content file's: `word*` is any word beginning so, `_` any one word, a leading `^` the start.

import { fold } from './text.ts';
import type { Words } from './words.ts';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One phrase as a regular-expression source, without the word boundaries around it. */
function phraseSource(phrase: string): { source: string; anchored: boolean } {
  const trimmed = phrase.trim();
  const anchored = trimmed.startsWith('^');
  const source = fold(trimmed.replace(/^\^\s*/, ''))
    .split(/\s+/)
    .map((w) =>
      w === '_' ? '\\p{L}+' : w.endsWith('*') ? `${escapeRegExp(w.slice(0, -1))}\\p{L}*` : escapeRegExp(w),
    )
    .join('\\s+');
  return { source, anchored };
}

/** The alternatives of a list, longest first so "hur mycket" wins over "hur". */
export function alternatives(phrases: readonly string[]): string {
  return phrases
    .filter((p) => !p.trim().startsWith('^'))
    .map((p) => phraseSource(p).source)
    .sort((a, b) => b.length - a.length)
    .join('|');
}

/** A pattern that finds any of the phrases, as whole words, in a folded text. */
export function cuePattern(phrases: readonly string[]): RegExp {
  const free = alternatives(phrases);
  const anchored = phrases
    .filter((p) => p.trim().startsWith('^'))
    .map((p) => phraseSource(p).source)
    .join('|');
  const parts = [free ? `\\b(?:${free})\\b` : '', anchored ? `^(?:${anchored})\\b` : ''].filter(Boolean);
  // A list with nothing in it matches nothing.
  return new RegExp(parts.length ? parts.join('|') : '(?!)', 'u');
}

/** A question word, perhaps after a preposition ("till vilken myndighet", "from which year"). */
function questionStart(q: Words['questions']): string {
  return `(?:(?:${alternatives(q.prepositions)})\\s+)?(?:${alternatives(q.starts)})\\b`;
}

/** A pattern as it is stored in the compiled content: its source and flags. */
export interface PatternSource {
  source: string;
  flags: string;
  /**
   * The words one of the phrases must begin with ("snitt*" any word beginning so), when every phrase has
   * one: a text with none of them cannot match, and its pattern need not run (nor be compiled, which a
   * cold engine pays on a pattern's first test).
   */
  first?: string[];
}

const u = (source: string): PatternSource => ({ source, flags: 'u' });
const cue = (phrases: readonly string[]): PatternSource => {
  const re = cuePattern(phrases);
  // "isn't" begins with the word "isn", as \b cuts it; "_" (any word) could begin anywhere: no first
  // words for the list then.
  const first = phrases.map((p) => {
    const w = fold(p.trim().replace(/^\^\s*/, '')).split(/\s+/)[0] ?? '';
    return /^[a-z0-9_]+\*?$/.test(w) ? w : (w.split(/[^a-z0-9_]/)[0] ?? '');
  });
  const plain = first.length > 0 && first.every((w) => /^[a-z0-9_]+\*?$/.test(w) && w !== '_');
  return { source: re.source, flags: re.flags, ...(plain ? { first: [...new Set(first)] } : {}) };
};

/**
 * Every pattern the engine matches a question against, as sources: built once by `npm run kb:build`
 * and stored in the compiled content, so a cold engine only turns strings into RegExps.
 */
export function cueSources(w: Words) {
  const all = allCueSources(w);
  // Every pattern runs on folded text, where a letter is a–z: without the Unicode flag and its \p{L}
  // classes V8 compiles them several times faster, which a cold Lambda pays on its first question
  // (~120 M instructions of ~460 M for the engine's whole cold start). `join` too: message.ts cuts the
  // text as typed where the pattern matched its folded copy.
  return Object.fromEntries(Object.entries(all).map(([k, p]) => [k, asciiPattern(p)])) as typeof all;
}

/** A pattern over folded text, without the Unicode flag where nothing in it needs it. */
export function asciiPattern(p: PatternSource): PatternSource {
  if (/[^ -~]/.test(p.source) || /\\p\{(?!L\})|\\u\{/.test(p.source)) return p;
  return { ...p, source: p.source.replaceAll('\\p{L}', '[a-z]'), flags: p.flags.replace('u', '') };
}

function allCueSources(w: Words) {
  const c = w.cues;
  const { list, per_municipality: per } = c;
  const qs = questionStart(w.questions);
  const q = w.questions;
  const links = alternatives(q.reported_links);
  return {
    amount: cue(c.amount),
    eligibility: cue(c.eligibility),
    howToApply: cue(c.how_to_apply),
    offListRef: cue(c.off_list_ref),
    onListRef: cue(c.on_list_ref),
    uncovered: cue(c.uncovered),
    money: cue(c.money),
    duration: cue(c.duration),
    purpose: cue(c.purpose),
    overview: cue(c.overview),
    otherApplicants: cue(c.other_applicants),
    why: cue(c.why),
    average: cue(c.average),
    currency: cue(c.currency),
    source: cue(c.source),
    correction: cue(c.correction),
    ellipsis: cue(c.ellipsis),
    pronounPlace: cue(c.pronoun_place),
    pronounYear: cue(c.pronoun_year),
    pronounPerson: cue(c.pronoun_person),
    pronounThing: cue(c.pronoun_thing),
    consequenceRef: cue(c.consequence_ref),
    ...threadCueSources(c),
    widen: cue(c.widen),
    yearAfter: cue(c.year_after),
    yearBefore: cue(c.year_before),
    ratio: cue(c.ratio),
    pronounPlural: cue(c.pronoun_plural),
    whyList: cue(c.why_list),
    regionalAuthority: cue(c.regional_authority),
    // Being on a list: its words, or "är X med?", "med eller inte", "… med?" at the end, "are they in?".
    belongs: u(
      `${cue(c.belongs).source}|\\bmed\\b[\\s?!.]*$|\\bmed\\s+(?:eller|or)\\b|\\b(?:ar|var|blev|kommer|finns)\\s+(?:\\p{L}+\\s+){0,3}med\\b|\\bmed bland\\b|\\b(?:are|is)\\s+(?:they|it|we|\\p{L}+)\\s+in\\b[\\s?!.]*$`,
    ),
    total: cue(c.total),
    compare: cue(c.compare),
    firstYear: cue(c.first_year),
    // "Vilka kommuner …", "How many municipalities …", "kommuner på listan", "lista kommunerna",
    // and "40 municipalities qualify": a number of municipalities is a question about the list.
    list: u(
      `\\b\\d+\\s+(?:${alternatives(list.nouns)})\\b|\\b(?:${alternatives(list.asks)})\\b(?:\\s+(?:${alternatives(list.fillers)}))*\\s+(?:${alternatives(list.nouns)})\\b` +
        `|\\b(?:${alternatives(list.nouns)})\\s+(?:${alternatives(list.after)})\\b|\\b(?:${alternatives(list.phrases)})`,
    ),
    // "Hur mycket får varje kommun?", or the money "fördelas … mellan" the municipalities.
    perMunicipality: u(
      `\\b(?:${alternatives(per.each)})\\s+(?:${alternatives(per.nouns)})\\b|\\b(?:${alternatives(per.split)})\\b.*\\b(?:${alternatives(per.between)})\\b`,
    ),
    listAsk: u(`\\b(?:${alternatives(list.asks)})\\b`),
    ...queryCueSources(w.query),
    questionStart: u(`^${qs}`),
    yesNo: u(`^(?:${alternatives(w.questions.yes_no)})\\b`),
    // A join before a question word starts a new question: "… och hur mycket …", "…, and who …".
    join: {
      source: `(?:,\\s*|\\s+)(?:(?:${alternatives(w.questions.joins)})\\s+)(?=${qs})|[,;]\\s+(?=${qs})`,
      flags: 'giu',
    },
    // "…, and also who the press contact is", "… samt vem som fördelar": another question after it.
    alsoJoin: { source: `\\s*,?\\s+(?:${alternatives(w.questions.also)})\\s+`, flags: 'giu' },
    // "Fråga: kan vi söka?" inside a longer sentence: the question begins after the colon.
    colonQuestion: u(`:\\s+(?=${qs})`),
    // "TT undrar om Malmö kan söka", "Ekot vill ha beloppet": the lead-in of a reported question, the
    // outlet's few words and the verb (and "om", "whether" after it). The gate opens on the verbs' first
    // words, as a cue's does.
    reported: {
      ...u(
        `^(?:[^\\s?!]+\\s+){1,6}?(?:(?:${alternatives(q.reported)})\\s*:?\\s+(?:(?:${links})\\s+|(?=${qs}))|(?:${alternatives(q.reported_object)})\\s*:?\\s+(?:(?:${links})\\s+)?)(?=\\S)`,
      ),
      first: cue([...q.reported, ...q.reported_object]).first,
    },
  };
}
/** The patterns of a thread's references (knowledge/rules/thread.ts): counties, places asked, new topics. */
function threadCueSources(c: Words['cues']) {
  return {
    newTopic: cue(c.new_topic),
    countyAsk: cue(c.county_ask),
    countiesAsk: cue(c.counties_ask),
    sameCounty: cue(c.same_county),
    noneOf: cue(c.none_of),
    askedAbout: cue(c.asked_about),
    bothCounties: cue(c.both_counties),
    countAsk: cue(c.count_ask),
    startsWith: cue(c.starts_with),
    sentenceNext: cue(c.sentence_next),
    sentenceLast: cue(c.sentence_last),
    sentenceMiddle: cue(c.sentence_middle),
  };
}

/** The patterns of a typed query (knowledge/query/): operations, units and claims. */
function queryCueSources(q: Words['query']) {
  return {
    percent: u(`${cue(q.percent).source}|\\d\\s*%|%`),
    share: u(`${cue(q.share).source}|%\\s*(?:av|of)\\b`),
    perMonth: cue(q.per_month),
    perDay: cue(q.per_day),
    approx: cue(q.approx),
    ratioOf: u(`${cue(q.ratio).source}|\\d\\s*x\\b`),
    unitTkr: cue(q.unit_tkr),
    perQuarter: cue(q.per_quarter),
    schedule: cue(q.schedule),
    countYears: cue(q.count_years),
    middle: cue(q.middle),
    unitKronor: cue(q.unit_kronor),
    unitMkr: cue(q.unit_mkr),
    unitMiljoner: cue(q.unit_miljoner),
    unitMiljarder: cue(q.unit_miljarder),
    check: cue(q.check),
    started: cue(q.started),
    agencyClaim: cue(q.agency_claim),
    partyClaim: cue(q.party_claim),
    besides: cue(q.besides),
    draft: cue(q.draft),
    evenSplit: cue(q.even_split),
    fullLevel: cue(q.full_level),
    bothYears: cue(q.both_years),
    exclude: cue(q.exclude),
    yearly: cue(q.yearly),
    below: cue(q.below),
    above: cue(q.above),
    yearsWith: cue(q.years_with),
    lowest: cue(q.lowest),
    highest: cue(q.highest),
    whichYear: cue(q.which_year),
    edgeFirst: cue(q.edge_first),
    edgeLast: cue(q.edge_last),
    sameLevel: cue(q.same_level),
    hypothetical: cue(q.hypothetical),
    eachOne: cue(q.each_one),
    allTogether: cue(q.all_together),
    perWeek: cue(q.per_week),
    positions: cue(q.positions),
    negation: cue(q.negation),
    howMany: cue(q.how_many),
    personRole: cue(q.person_role),
    contactClaim: cue(q.contact_claim),
    contactTitle: cue(q.contact_titles),
    specifics: cue(q.specifics),
    wording: cue(q.wording),
    placeOpener: cue(q.place_opener),
    elsewhere: cue(q.elsewhere),
    besidePlace: cue(q.beside_place),
    // (Threads: not cue words, so a word of them in a question of its own stays unknown.)
    wholeProgramme: cue(q.whole_programme),
    unheldAttribute: cue(q.unheld_attribute),
    personAttribute: cue(q.person_attribute),
    whoSaid: cue(q.who_said),
    inEnglish: cue(q.in_english),
    population: cue(q.population),
    agencyPointer: cue(q.agency_pointer),
    nameAsk: cue(q.name_ask),
    english: cue(q.english),
  };
}

export type CueSources = ReturnType<typeof cueSources>;

/** The single words of phrases, folded ("hur mycket" gives "hur", "mycket"; "snitt*" stays a prefix). */
function singleWords(phrases: readonly string[]): string[] {
  return phrases
    .flatMap((phrase) => fold(phrase).replace(/[_^]/g, ' ').split(/\s+/))
    .filter((x) => x.replace('*', '').length >= 3);
}

/** The word lists folded as the engine compares them, once, at `npm run kb:build`. */
export function foldedWords(w: Words, nameSuffixes: readonly string[]) {
  // Words that only say which years ("exklusive", "both years", "the last three") are put as cues are.
  const { exclude, both_years, positions } = w.query;
  // "starts with" is no cue word: 'börjar', 'start' also ask when something begins, which the documents
  // may not say ("när börjar ansökningsperioden?" must stay a question about an unknown).
  const {
    starts_with: _letter,
    sentence_next: _next,
    sentence_last: _last,
    sentence_middle: _middle,
    ...cues
  } = w.cues;
  const cueLists = [...Object.values(cues), exclude, both_years, positions].flatMap((v) =>
    Array.isArray(v) ? [v as string[]] : Object.values(v as Record<string, string[]>),
  );
  const cueWords = singleWords(cueLists.flat());
  const c = w.cues;
  return {
    stopwords: w.stopwords.map(fold),
    programme: w.programme.map(fold),
    programmeEndings: w.programme_endings.map(fold),
    programmeBeginnings: w.programme_beginnings.map(fold),
    helpPhrases: w.help.phrases.map(fold),
    helpOnly: w.help.only.map(fold),
    thanks: w.thanks.map(fold),
    thanksStart: w.thanks_start.map(fold),
    neutral: w.neutral.map(fold),
    nameSuffixes: nameSuffixes.map(fold),
    cueWords: cueWords.filter((x) => !x.endsWith('*')),
    cuePrefixes: cueWords.filter((x) => x.endsWith('*')).map((x) => x.slice(0, -1)),
    // Words that point back at an earlier question ("samma", "och", "de") are no topic.
    discourse: singleWords(
      [c.ellipsis, c.pronoun_place, c.pronoun_year, c.correction, c.source].flat(),
    ).filter((x) => !x.endsWith('*')),
    // "Switching topics — …": words that only announce a new topic, no topic of their own.
    newTopic: singleWords(c.new_topic).filter((x) => !x.endsWith('*')),
    yesNo: w.questions.yes_no.map(fold),
    starts: w.questions.starts.map(fold),
  };
}
export type FoldedWords = ReturnType<typeof foldedWords>;
