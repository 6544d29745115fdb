// Reading one part of a message: its language, places, years, topic words and cues, read once. The rules
// (knowledge/rules/) decide on a Reading; they never look at the text again but through it.
import type { FaqEntry } from './content.ts';
import type { Cues, Kit } from './kit.ts';
import type { Ranked } from './matcher.ts';
import type { County, Mention } from './municipalities.ts';
import { statedKronor } from './query/stated.ts';
import { fold, type Word, words } from './text.ts';
import type { Lang } from './types.ts';
import { hasYears, type Period, parsePeriod } from './years.ts';

/** A question's score at or under this answers directly (Fuse: 0 is perfect, 1 is nothing). */
export const ANSWER_AT = 0.55;
/** Between the two, the bot offers "did you mean" suggestions instead. */
export const SUGGEST_AT = 0.7;
/** Content words of a question given to Fuse; more would cost time and add only noise. */
const MAX_TOPIC_TERMS = 8;

/** What one part of a message says, read once; the rules decide on it. */
export interface Reading {
  text: string;
  /** The text folded (case and accents aside), for the cue patterns. */
  f: string;
  all: Word[];
  lang: Lang;
  period: Period;
  mentions: Mention[];
  ambiguous: Mention['municipality'][];
  county: County | null;
  query: string[];
  results: Ranked[];
  top: Ranked | undefined;
  score: number;
  strong: FaqEntry | null;
  offTopic: boolean;
  /** Content words no entry, cue or place knows: what the part asks about that the documents may not cover. */
  unknown: string[];
  /** A stated amount ("2,2 miljarder"), to check a premise against. */
  statedKronor: number | null;
  cue: { [K in keyof Cues]: boolean };
}

/** Reads one part of a message: everything the rules decide on. */
export function read(kit: Kit, text: string, lang: Lang): Reading {
  const { words: w, matcher, gazetteer } = kit;
  const all = words(text);
  const f = fold(text);
  const period = parsePeriod(text, f, kit.periodCues);
  const recognition = gazetteer.recognise(all, kit.isWord);
  // An unknown ordinary word ("exakt", "across") would dilute the topic, and the words that point back
  // at an earlier question ("samma", "och", "de") are no topic: leave them out.
  // "vad gör tvv?": the other names of an agency the documents name (words.yaml → known.agencies) are
  // read as its name, which the FAQ knows.
  // "Switching topics — who's the press secretary?": the words that announce a new topic are none.
  const fresh = kit.cues.newTopic.test(f);
  const query = [...new Set(kit.topicTerms(kit.agencies.spelled(text)))]
    .filter((x) => (!w.neutral.has(x) || matcher.knows(x)) && !w.discourse.has(x))
    .filter((x) => !(fresh && w.newTopic.has(x)))
    .slice(0, MAX_TOPIC_TERMS);
  const results = matcher.rank(query, 5);
  const top = results[0];
  const score = top?.score ?? 1;
  // Cue words ("mycket", "söka") say how a question is put, not what it is about: they do not make a
  // question about rain or passports one about the grant.
  // Capitalised unknown words beside a named municipality are more names ("Norra Faladen i Lund"), and
  // compounds of the programme's words ("satsningsperioden") are about it: neither is off the subject.
  const proper = new Set(
    recognition.mentions.length
      ? all.filter((x) => /^\p{Lu}/u.test(x.raw) && x.index > 0).map((x) => x.folded)
      : [],
  );
  const judged = query.filter(
    (x) =>
      !gazetteer.isPlaceWord(x) &&
      !w.suffixes.has(x) &&
      !kit.isCueWord(x) &&
      !w.neutral.has(x) &&
      !proper.has(x) &&
      !kit.beginsProgramme(x),
  );
  // A word the documents themselves use ("investeras") is on the subject by definition: it counts as known.
  const places = judged.filter((x) => !kit.quoted.has(x) || matcher.knows(x));
  const quotedOnly = judged.length - places.length;
  const named = new Set(recognition.mentions.flatMap((m) => words(m.said).map((x) => x.folded)));
  // "Can I say Karlstad is eligible?", "kan jag skriva att …": the frame asks to check what follows; its
  // "can I" is no applicant and its "list" no request for the list.
  const framed = kit.cues.draft.test(f);
  const said = framed ? f.replace(kit.cues.draft, ' ') : f;
  const cue = cuesOf(kit, said);
  if (framed) cue.check = cue.draft = true;
  const stated = statedKronor(f);
  const county = gazetteer.county(all);
  return {
    text,
    f,
    all,
    lang,
    period,
    mentions: recognition.mentions,
    ambiguous: recognition.ambiguous.flatMap((a) => a.candidates),
    county,
    query,
    results,
    top,
    score,
    strong: strongEntry(kit, { text, all, query, results, period, cue, county }),
    // A figure in kronor ("2.2 bn") is about the programme's money, whatever words come with it.
    offTopic: matcher.unknownShare(places, quotedOnly) > 0.5 && stated === null,
    unknown: places.filter((x) => x.length >= 4 && !named.has(x) && !matcher.knows(x, true)),
    statedKronor: stated,
    cue,
  };
}

/** Which cues a folded text has. A cue none of whose first words is in it cannot match: not run. */
function cuesOf(kit: Kit, said: string): Reading['cue'] {
  // A word written with a hyphen ("e-post", "e-mejl") is also the word written without it ("epost*").
  const joined = said.replace(/([a-z])-(?=[a-z])/g, '$1');
  const texts = joined === said ? [said] : [said, joined];
  // The words as a pattern's \b splits folded text.
  const tokens = new Set(texts.flatMap((t) => t.split(/[^a-z0-9_]+/)));
  const cue = Object.fromEntries(
    (Object.entries(kit.cues) as [keyof Cues, RegExp][]).map(([k, re]) => [
      k,
      kit.mayCue(k, tokens) && texts.some((t) => matches(re, t)),
    ]),
  ) as Reading['cue'];
  // The global patterns ("join") keep where they stopped: the next text starts afresh.
  for (const re of Object.values(kit.cues)) (re as RegExp).lastIndex = 0;
  return cue;
}

/** A pattern's match in a text; a global pattern ("join") starts afresh. */
function matches(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/** The entry that answers the part: its words are close to it, or point at it clearly. */
function strongEntry(
  kit: Kit,
  r: Pick<Reading, 'text' | 'all' | 'query' | 'results' | 'period' | 'cue' | 'county'>,
): FaqEntry | null {
  const top = r.results[0];
  if (!top) return null;
  if (top.score <= ANSWER_AT) return top.entry;
  // A why has its own rule, and a year the rule for years; a loose lead must at least be a question or a
  // request of some words ("ordinance number pls, need it for the footnote"): "syfte kaffe" is a mix of
  // words, which "did you mean" serves better.
  const loose =
    clearLead(r.results) &&
    !r.cue.why &&
    !hasYears(r.period) &&
    (isQuestion(kit, r.text) || r.query.length >= 3) &&
    !r.county &&
    asksTopic(kit, r.query, r.all);
  return loose ? top.entry : null;
}

/** Above ANSWER_AT, the top entry still answers when every word the entries know points at it (its
 *  keywords, not only words of its examples) and no other entry comes near: the words no entry knows are
 *  then how the asker put it ("what kind of measures can be funded", "syftet i korthet?"), not a second
 *  subject. */
const CLEAR_COVERAGE = 0.9;
const CLEAR_MARGIN = 0.1;
function clearLead(results: readonly Ranked[]): boolean {
  const [top, next] = results;
  if (!top || top.score > SUGGEST_AT || top.coverage < CLEAR_COVERAGE) return false;
  return !next || next.score - top.score >= CLEAR_MARGIN;
}

/**
 * The known words of a clear lead are more than a name, and outweigh the unknown ones: "Who chairs
 * Delegationen mot segregation?" asks something of an agency the entry does not say, and "weather in Kiruna
 * tomorrow, a reporter is going" is about the weather, whatever one known word comes with it.
 */
function asksTopic(kit: Kit, query: readonly string[], all: readonly Word[]): boolean {
  // A place (or a county, which the caller has read) is a subject of its own, which the rules for places
  // answer; so is a name we do not know ("Is Springfield on the list?").
  if (all.some((x) => kit.gazetteer.isPlaceWord(x.folded))) return false;
  if (all.some((x) => x.index > 0 && /^\p{Lu}/u.test(x.raw) && !kit.isWord(x.folded))) return false;
  const known = query.filter((x) => kit.matcher.knows(x));
  const names = kit.agencyWords;
  return known.some((x) => !names.has(x)) && known.length >= query.length - known.length;
}

/** A greeting or a call for help ("Hej igen!", "help", "?"), whatever small words come with it. */
export function isHelp(kit: Kit, text: string, all: readonly Word[]): boolean {
  if (/^[\s?!.]*\?[\s?!.]*$/.test(text)) return true;
  const { helpOnly, helpPhrases } = kit.words;
  const folded = all.map((x) => x.folded);
  if (folded.some((x) => x === 'hjalp' || x === 'help') && folded.every((x) => helpOnly.has(x))) return true;
  const phrase = folded.join(' ');
  const greeting = folded.some((x) => helpPhrases.has(x)) && folded.every((x) => helpOnly.has(x));
  return greeting || helpPhrases.has(phrase) || /^(hjalp|help)\b/.test(phrase);
}

/** Only thanks ("Tack!", "thx a lot, super helpful for my thesis"): begins with thanks, asks nothing. */
export function isThanks(kit: Kit, all: readonly Word[], text: string): boolean {
  const { thanks, thanksStart } = kit.words;
  const only =
    all.length > 0 && all.some((x) => thanksStart.has(x.folded)) && all.every((x) => thanks.has(x.folded));
  const first =
    thanksStart.has(all[0]?.folded ?? '') &&
    !text.includes('?') &&
    !all.some((x) => kit.gazetteer.isPlaceWord(x.folded)) &&
    !/\d/.test(text);
  return only || first;
}

/** "Vad …", "How …": a question for a fact, not a yes or no. */
export const whStart = (kit: Kit, f: string) => kit.words.wh.has(f.split(/[^\p{L}]+/u).find(Boolean) ?? '');

/** The part names the programme itself ("satsningen", "the grant", "miljardsatsningen"). */
export const namesProgramme = (kit: Kit, r: Reading) =>
  r.all.some((x) => kit.words.programme.has(x.folded) || kit.isProgrammeCompound(x.folded));

/** The part asks about a topic of its own, not only about a place or a year. */
export function ownTopic(kit: Kit, r: Reading): boolean {
  const c = r.cue;
  return (
    r.strong !== null ||
    c.amount ||
    c.eligibility ||
    c.list ||
    c.duration ||
    c.purpose ||
    c.howToApply ||
    c.perMunicipality ||
    c.why ||
    c.currency ||
    (c.overview && namesProgramme(kit, r)) ||
    // "who can I quote from the government?": whom the documents quote is a topic of its own ("can you
    // quote me the sentence on that?" leans on the turn before).
    (kit.passages.asksWords(r.f) && whStart(kit, r.f))
  );
}

/** A sentence that asks something: a question mark, or a question word first. */
export function isQuestion(kit: Kit, s: string): boolean {
  return /\?\s*$/.test(s) || kit.cues.questionStart.test(fold(s.trim()));
}

/** A word in an eligibility question that looks like a name but is none we know ("Kan Narnia söka?"). */
export function unknownPlace(all: readonly Word[], isWord: (folded: string) => boolean): string | null {
  const candidates = all.filter((w) => w.folded.length >= 3 && !isWord(w.folded) && !/\d/.test(w.folded));
  // A capital inside the sentence marks a name; the first word has one anyway ("Hör Atlantis till …").
  const capital = (w: Word) => /^\p{Lu}/u.test(w.raw);
  const named =
    candidates.find((w) => capital(w) && w.index > 0) ?? candidates.find(capital) ?? candidates[0];
  return named ? named.raw.slice(0, 40) : null;
}
