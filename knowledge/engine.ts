// The answer engine: pure, in memory, no I/O. The Lambda handler, the terminal chat, the batch CLI and
// the benchmarks all call it. Entities (municipalities, years, counties) are recognised by rules, because
// a wrong name or number is unacceptable; the topic is matched with Fuse.js over the FAQ entries of the
// content. What it knows (facts, answers, word lists) is content: createEngine(content) answers from any.
//
// One message is read in four steps: Slack markup is unwrapped; the message is cut into sentences, and
// the question sentences into their parts ("Vem fördelar pengarna och hur mycket är det 2021?" is two);
// each part is read (language, places, years, topic words, cues) and decided by the first rule of an
// ordered table that applies; the parts' answers are joined. A part that names no topic or place of its
// own leans on what came before it: the earlier part, the context sentences of the same message, or the
// previous question of the conversation.
import {
  askedYears,
  besides,
  COMPOSERS,
  type Composer,
  type Context,
  combine,
  eligibility,
  fallback,
  help as helpParts,
  inOtherCurrency,
  notStated,
  offTopicPlace,
  type Parts,
  PHRASES,
  suggest,
  template,
  thanks as thanksParts,
  toAnswer,
  verdicts,
  why,
} from './answers.ts';
import { CONTENT, type Content, ContentError, createKnowledge, type FaqEntry } from './content.ts';
import type { CueSources } from './cues.ts';
import { createLanguageDetector } from './language.ts';
import { createMatcher, entryTerms, type Ranked } from './matcher.ts';
import { type County, createGazetteer, type Mention, MUNICIPALITIES } from './municipalities.ts';
import { applyQuery, type QueryStep } from './query/apply.ts';
import { knownNames } from './query/claims.ts';
import { statedKronor } from './query/stated.ts';
import type { ClaimVerdict, Operation } from './query/types.ts';
import { createTopicTerms, isCompoundOf } from './terms.ts';
import { clean, fold, MAX_MESSAGE_CHARS, QUOTED, sentences, unmarkup, type Word, words } from './text.ts';
import type { Answer, ConversationContext, Intent, Lang } from './types.ts';
import { hasYears, type Period, parsePeriod } from './years.ts';

export interface Engine {
  /**
   * Answers one message, in the language it was asked in. `context` is the `context` of the previous
   * answer in the same conversation, if any; the answer carries the next one.
   */
  answer(question: string, context?: ConversationContext | null): Answer;
  /** The help text with example questions. */
  help(lang: Lang): Answer;
}

/** A question's score at or under this answers directly (Fuse: 0 is perfect, 1 is nothing). */
const ANSWER_AT = 0.55;
/** Between the two, the bot offers "did you mean" suggestions instead. */
const SUGGEST_AT = 0.7;
/** Content words of a question given to Fuse; more would cost time and add only noise. */
const MAX_TOPIC_TERMS = 8;
/** A message is answered in at most this many parts; more is a document, not a question. */
const MAX_PARTS = 3;
/** A person pointed back at ("his number") outweighs a topic matched no better than this ("number"). */
const PERSON_OVERRIDE = 0.25;
/** Places a conversation remembers for "which of those": enough for a list asked one by one. */
const MAX_SEEN = 8;

const NO_PERIOD: Period = { years: [], ranges: [], total: false, compare: false };
const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

/** The cue patterns of words.yaml: their sources come compiled with the content (`npm run kb:build`). */
function compileCues(sources: CueSources) {
  return Object.fromEntries(
    Object.entries(sources).map(([name, { source, flags }]) => [name, new RegExp(source, flags)]),
  ) as { [K in keyof CueSources]: RegExp };
}
type Cues = ReturnType<typeof compileCues>;

/** What one part of a message says, read once; the rules below decide on it. */
interface Reading {
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

/** The decision for one part, before it becomes an Answer. */
interface Decision {
  rule: string;
  parts: Parts;
  intent: Intent;
  entryId: string | null;
  confidence: number;
  ctx: Context;
  /** The topic the next question may lean on: an FAQ entry id, a composer name, or null. */
  topic: string | null;
  /** The claims the part made, checked. */
  claims?: ClaimVerdict[];
  /** The operation the part computed, for a follow-up ("och 2021?" after a sum per month). */
  operation?: Operation | null;
}

/** Builds the in-memory indexes once; answering is then pure and synchronous. */
export function createEngine(content: Content = CONTENT): Engine {
  const kb = createKnowledge(content);
  for (const id of PHRASES)
    if (!content.phrases[id]) throw new ContentError(`phrases.yaml has no "${id}", which the engine uses`);
  for (const e of content.faq)
    if (e.composer ? !COMPOSERS[e.composer] : !e.answer)
      throw new ContentError(`faq.yaml: "${e.id}" names no composer the engine has, and has no answer`);
  const entries = new Map(content.faq.map((e) => [e.id, e]));
  const w = content.words;
  const cues = compileCues(content.derived.cues);
  const folded = content.derived.folded;
  const periodCues = {
    total: cues.total,
    compare: cues.compare,
    firstYear: cues.firstYear,
    firstAmountYear: kb.firstYear,
    lastAmountYear: kb.lastYear,
  };
  const STOPWORDS = new Set(folded.stopwords);
  const PROGRAMME_WORDS = new Set(folded.programme);
  // "miljardsatsningen", "segregationsbidraget": compounds that still only name the programme.
  const isProgrammeCompound = (word: string) => isCompoundOf(word, folded.programmeEndings);
  const beginnings = folded.programmeBeginnings;
  const beginsProgramme = (word: string) =>
    beginnings.some((b) => word.length >= b.length + 3 && word.startsWith(b));
  const HELP_WORDS = new Set(folded.helpPhrases);
  const HELP_ONLY = new Set(folded.helpOnly);
  const THANKS = new Set(folded.thanks);
  const NEUTRAL = new Set(folded.neutral);
  // "Malmö stad?": the words around a name are part of it, not another subject.
  const SUFFIXES = new Set(folded.nameSuffixes);
  const DISCOURSE = new Set(folded.discourse);
  const CUE_WORDS = new Set(folded.cueWords);
  const CUE_PREFIXES = folded.cuePrefixes;
  /** A word some cue list has ("snittet" by "snitt*"). */
  const isCueWord = (x: string) => CUE_WORDS.has(x) || CUE_PREFIXES.some((p) => x.startsWith(p));

  const topicTerms = createTopicTerms(folded);
  const known = knownNames(w.known);

  const matcher = createMatcher(content.faq, (e) => content.derived.terms[e.id] ?? entryTerms(e, topicTerms));
  const { recognise, isPlaceWord, county } = createGazetteer(content.places, w.not_typos);
  const detectLanguage = createLanguageDetector(w.language, isPlaceWord);
  // Ordinary words, never read as a misspelt municipality: function words, the programme's words, every
  // word the FAQ knows (as the matcher already tokenized them) and every word the documents quote.
  const vocabulary = new Set<string>([...STOPWORDS, ...PROGRAMME_WORDS, ...matcher.vocabulary, ...CUE_WORDS]);
  // Each sentence once: many facts share one (ten years' amounts stand in two sentences).
  const quoted = new Set(content.derived.quoted.filter((x) => !isPlaceWord(x)));
  for (const x of quoted) vocabulary.add(x);
  const isWord = (folded: string) => vocabulary.has(folded);

  function isHelp(text: string, all: readonly Word[]): boolean {
    if (/^[\s?!.]*\?[\s?!.]*$/.test(text)) return true;
    const folded = all.map((x) => x.folded);
    if (folded.some((x) => x === 'hjalp' || x === 'help') && folded.every((x) => HELP_ONLY.has(x)))
      return true;
    const phrase = folded.join(' ');
    // "Hej igen!", "Hey, sorry, back again!": a greeting, whatever small words come with it.
    const greeting = folded.some((x) => HELP_WORDS.has(x)) && folded.every((x) => HELP_ONLY.has(x));
    return greeting || HELP_WORDS.has(phrase) || /^(hjalp|help)\b/.test(phrase);
  }

  /** Only thanks ("Tack!", "thx a lot, super helpful for my thesis"): begins with thanks, asks nothing. */
  const THANKS_START = new Set(folded.thanksStart);
  const thanksFirst = (all: readonly Word[], text: string) =>
    THANKS_START.has(all[0]?.folded ?? '') &&
    !text.includes('?') &&
    !all.some((x) => isPlaceWord(x.folded)) &&
    !/\d/.test(text);
  const isThanks = (all: readonly Word[]) =>
    all.length > 0 && all.some((x) => THANKS_START.has(x.folded)) && all.every((x) => THANKS.has(x.folded));

  /** Reads one part of a message: everything the rules decide on. */
  function read(text: string, lang: Lang): Reading {
    const all = words(text);
    const f = fold(text);
    const period = parsePeriod(text, f, periodCues);
    const recognition = recognise(all, isWord);
    // An unknown ordinary word ("exakt", "across") would dilute the topic, and the words that point back
    // at an earlier question ("samma", "och", "de") are no topic: leave them out.
    const query = [...new Set(topicTerms(text))]
      .filter((x) => (!NEUTRAL.has(x) || matcher.knows(x)) && !DISCOURSE.has(x))
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
        !isPlaceWord(x) &&
        !SUFFIXES.has(x) &&
        !isCueWord(x) &&
        !NEUTRAL.has(x) &&
        !proper.has(x) &&
        !beginsProgramme(x),
    );
    // A word the documents themselves use ("investeras") is on the subject by definition: it counts as known.
    const places = judged.filter((x) => !quoted.has(x) || matcher.knows(x));
    const quotedOnly = judged.length - places.length;
    const named = new Set(recognition.mentions.flatMap((m) => words(m.said).map((x) => x.folded)));
    const cue = Object.fromEntries(
      Object.entries(cues).map(([k, re]) => [k, (re as RegExp).test(f)]),
    ) as Reading['cue'];
    for (const re of Object.values(cues)) (re as RegExp).lastIndex = 0;
    return {
      text,
      f,
      all,
      lang,
      period,
      mentions: recognition.mentions,
      ambiguous: recognition.ambiguous.flatMap((a) => a.candidates),
      county: county(all),
      query,
      results,
      top,
      score,
      strong: top && score <= ANSWER_AT ? top.entry : null,
      // A figure in kronor ("2.2 bn") is about the programme's money, whatever words come with it.
      offTopic: matcher.unknownShare(places, quotedOnly) > 0.5 && statedKronor(f) === null,
      unknown: places.filter((x) => x.length >= 4 && !named.has(x) && !matcher.knows(x, true)),
      statedKronor: statedKronor(f),
      cue,
    };
  }

  /** Words of being on a list ("med", "utvalda", "included"): a yes-or-no about a place's place in it. */
  const yesNo = new Set(folded.yesNo);
  const WH = new Set(folded.starts.filter((x) => !yesNo.has(x)));
  /** "Vad …", "How …": a question for a fact, not a yes or no. */
  const whStart = (f: string) => WH.has(f.split(/[^\p{L}]+/u).find(Boolean) ?? '');
  const namesProgramme = (r: Reading) =>
    r.all.some((x) => PROGRAMME_WORDS.has(x.folded) || isProgrammeCompound(x.folded));
  /** The part asks about a topic of its own, not only about a place or a year. */
  const ownTopic = (r: Reading) =>
    r.strong !== null ||
    r.cue.amount ||
    r.cue.eligibility ||
    r.cue.list ||
    r.cue.duration ||
    r.cue.purpose ||
    r.cue.howToApply ||
    r.cue.perMunicipality ||
    r.cue.why ||
    r.cue.currency ||
    (r.cue.overview && namesProgramme(r));

  /** The answer of an FAQ entry or composer by id. */
  function compose(id: string, ctx: Context): Parts {
    const entry = entries.get(id);
    if (entry) {
      const composer: Composer | undefined = entry.composer ? COMPOSERS[entry.composer] : undefined;
      return composer ? composer(ctx) : template(ctx, entry);
    }
    const composer = COMPOSERS[id];
    if (!composer) throw new ContentError(`no FAQ entry or composer "${id}"`);
    return composer(ctx);
  }

  function contextOf(r: Reading, lang: Lang): Context {
    return {
      kb,
      lang,
      period: r.period,
      mentions: r.mentions,
      ambiguous: r.ambiguous,
      unknownPlace: null,
      county: null,
      average: r.cue.average,
      stated: r.statedKronor,
      ratio: r.cue.ratio,
    };
  }

  /** The ordered rules: the first that applies decides. Each has a name, logged with the answer. */
  /**
   * `sameMessage`: `prev` comes from the sentences before the question in the same message, so an
   * eligibility question may take their places ("sorry, I meant Nyköping. Eligible?").
   */
  function decide(reading: Reading, prev: ConversationContext | null, sameMessage = false): Decision {
    let r = reading;
    const lang = r.lang;
    const ctx = contextOf(r, lang);
    const confidence = Math.round((1 - r.score) * 100) / 100;
    const made = (
      rule: string,
      parts: Parts,
      intent: Intent,
      entryId: string | null,
      conf = confidence,
      topic: string | null = entryId,
    ): Decision => ({
      rule,
      parts,
      intent,
      entryId,
      confidence: conf,
      ctx,
      topic,
    });
    const entry = (rule: string, id: string, intent: Intent, conf = 1) =>
      made(rule, compose(id, ctx), intent, id, conf);
    const named = r.mentions.length > 0 || r.ambiguous.length > 0;
    const sure = r.mentions.length > 0;
    const f = r.f;

    // --- what this part takes from the one before -------------------------------------------------
    // "which of those can apply?" after three places asked one by one: all of them.
    const those = r.cue.listAsk && r.cue.pronounPlural && (prev?.seen?.length ?? 0) > 1;
    const prevPlaces = ((those ? prev?.seen : prev?.places) ?? []).flatMap((code) => {
      const m = byCode.get(code);
      return m ? [{ municipality: m, via: 'exact' as const, said: m.name }] : [];
    });
    const prevPeriod: Period = prev ? { ...NO_PERIOD, years: prev.years, ranges: prev.ranges } : NO_PERIOD;
    let carried: string[] = [];
    if (
      prev &&
      !named &&
      !r.county &&
      (r.cue.pronounPlace || r.cue.why || r.cue.correction || (sameMessage && r.cue.eligibility)) &&
      prevPlaces.length
    ) {
      ctx.mentions = prevPlaces;
      carried.push(prevPlaces.map((m) => m.municipality.name).join(', '));
    }
    // "and how much more is it in 2019?" after 2018: the earlier year is the one compared with.
    if (
      prev &&
      r.period.compare &&
      r.period.years.length === 1 &&
      !r.period.ranges.length &&
      prev.years.length === 1
    ) {
      const years = [...new Set([...prev.years, ...r.period.years])];
      if (years.length === 2) {
        ctx.period = { ...r.period, years };
        r = { ...r, period: ctx.period };
      }
    }
    const relative = r.cue.yearAfter ? 1 : r.cue.yearBefore ? -1 : 0;
    if (
      prev &&
      !hasYears(r.period) &&
      (relative || r.cue.pronounYear || (!ownTopic(r) && prev.topic)) &&
      hasYears(prevPeriod)
    ) {
      // "och året efter?", "vem hade det innan?": the year asked before, moved by one when asked to.
      // A range moves to the year just outside it: "från och med 2019 … innan?" is 2018.
      const years = relative
        ? [
            ...prev.years.map((y) => y + relative),
            ...prev.ranges.map(([a, b]) => (relative < 0 ? a - 1 : b + 1)),
          ]
        : prev.years;
      const ranges = relative ? [] : prev.ranges;
      ctx.period = { ...r.period, years, ranges };
      r = { ...r, period: ctx.period };
    }
    // "which of those can apply?", "vilka kommuner där?" after a county: that county.
    if (
      prev?.county &&
      !named &&
      !r.county &&
      !prevPlaces.length &&
      (r.cue.pronounPlace || r.cue.list || r.cue.eligibility)
    ) {
      r = { ...r, county: countyNamed(prev.county) };
      carried.push(prev.county);
    }
    const leaning =
      prev?.topic &&
      // "what's his number?" after the press contact: a person pointed back at outweighs a topic word.
      (!ownTopic(r) || r.cue.correction || (r.cue.pronounPerson && !named && r.score > PERSON_OVERRIDE)) &&
      (named ||
        (sameMessage && r.query.length === 0) ||
        hasYears(r.period) ||
        r.county ||
        r.cue.ellipsis ||
        r.cue.correction ||
        r.cue.source ||
        r.cue.pronounPlace ||
        r.cue.pronounPerson ||
        relative !== 0);
    if (leaning && prev?.topic) {
      // "och 2019?", "samma för Umeå?", "nej, jag menade Linköping": the earlier topic, the new slots.
      if (!named && !r.county && prevPlaces.length && !ctx.mentions.length) ctx.mentions = prevPlaces;
      if (!r.county && prev.county && !named) ctx.county = countyNamed(prev.county);
      const topic = prev.topic;
      if (prev.total && !ctx.period.total) ctx.period = { ...ctx.period, total: true };
      // "och om man räknar med 2018 och 2019 också?": the new years join the earlier ones.
      if (r.cue.widen && hasYears(r.period) && hasYears(prevPeriod))
        ctx.period = { ...ctx.period, ...joinPeriods(prevPeriod, r.period) };
      const what = topicLabel(topic, lang);
      carried = [what, ...carried];
      // "när träder den i kraft?": something about that topic the documents do not state.
      const d =
        r.unknown.length > 0 && !named
          ? made('not-stated', notStatedNear(ctx, topic), 'unknown', null, confidence, topic)
          : onTopic(topic, r, ctx, made, entry);
      return { ...d, rule: `follow-up:${d.rule}`, parts: noted(d.parts, carried, lang) };
    }
    if (
      r.cue.why &&
      (named ||
        ctx.mentions.length ||
        r.cue.list ||
        r.cue.eligibility ||
        r.cue.whyList ||
        listCount(f) ||
        prev?.topic === 'eligibility' ||
        !ownTopicBesidesWhy(r))
    )
      // A "why?" leaves the conversation's topic where it was.
      return made(
        'why',
        noted(why(ctx), carried, lang),
        'eligibility',
        'why',
        1,
        prev?.topic ?? 'eligibility',
      );
    if (
      r.cue.currency &&
      !r.offTopic &&
      (r.cue.amount || r.statedKronor !== null || !ownTopicBesidesCurrency(r))
    )
      return made('other-currency', inOtherCurrency(ctx), 'amount', 'amount', 1, 'amount');
    if (r.cue.perMunicipality) return entry('per-municipality', 'amount.per-municipality', 'amount');
    // "Kan föreningar i Malmö söka?", "kan jag söka …": not a municipality applying; no verdict for the place.
    if (r.cue.eligibility && r.cue.otherApplicants && !r.cue.amount) {
      ctx.mentions = [];
      return entry('other-applicants', 'otherApplicants', 'eligibility');
    }

    if (ctx.mentions.length && carried.length && !named) {
      // "hur mycket får de då?", "kan min kommun söka?": the places of the question before.
      const d = onTopic(topicOf(r) ?? prev?.topic ?? 'eligibility', r, ctx, made, entry);
      return { ...d, rule: `pronoun:${d.rule}`, parts: noted(d.parts, carried, lang) };
    }

    if (named) {
      const asksToApply = r.cue.eligibility;
      const topId = r.top && r.score <= SUGGEST_AT ? r.top.entry.id : null;
      // "Vad blir det för väder i Göteborg?": a question about something else that names a place gets no
      // verdict; "Landskrona stad, är de med?" with a word the bot does not know still gets one.
      const elsewhere = sure && r.offTopic && !r.strong && !asksToApply;
      // No word of the grant and none of belonging to a list: about the place, not the programme.
      const aside = elsewhere && !namesProgramme(r) && !r.cue.belongs;
      if (r.cue.amount || r.cue.money || topId?.startsWith('amount')) {
        // "How much does a Stockholm apartment cost?" is not about the grant.
        if (aside) return made('named-off-topic', offTopicPlace(ctx), 'unknown', null, confidence, null);
        if (elsewhere) return made('named-besides', besides(ctx), 'unknown', null, confidence, null);
        return entry('named-amount', 'amount.per-municipality', 'amount');
      }
      // "Vilka bostadsområden i Malmö omfattas?": which of something about a place, not whether it may apply.
      const near = r.strong ?? (r.cue.listAsk && r.top && r.score <= SUGGEST_AT ? r.top.entry : null);
      if (
        near &&
        r.cue.listAsk &&
        !r.strong &&
        !['eligibility', 'municipalities', 'amount', 'help'].includes(near.intent)
      )
        return entry('named-which', near.id, near.intent, confidence);
      if (r.strong && !['eligibility', 'municipalities', 'amount', 'help'].includes(r.strong.intent)) {
        // "Vem fördelar pengarna i Malmö?" is about the agency; the municipality comes along.
        if (!asksToApply) return entry('named-topic', r.strong.id, r.strong.intent, confidence);
        return made(
          'named-eligibility-and-topic',
          combine([eligibility(ctx), compose(r.strong.id, ctx)]),
          'eligibility',
          'eligibility',
          1,
        );
      }
      // "What about Malmö?" with nothing before it: the question people ask of a place is whether it may apply.
      if (sure && r.cue.ellipsis && !prev?.topic && !r.offTopic)
        return entry('named-eligibility', 'eligibility', 'eligibility');
      // "How far is Malmö from Copenhagen?", "Vad gör Gävle kommun åt snöröjningen?": a question for a
      // fact about the place, with no word of applying, of a list or of the grant's money: no verdict.
      if (sure && whStart(f) && !asksToApply && !r.cue.belongs && !r.strong && !r.cue.money)
        return made('named-off-topic', offTopicPlace(ctx), 'unknown', null, confidence, null);
      // "What's the weather in Gothenburg tomorrow?": no verdict, an offer to ask about the grant.
      if (aside) return made('named-off-topic', offTopicPlace(ctx), 'unknown', null, confidence, null);
      if (elsewhere) return made('named-besides', besides(ctx), 'unknown', null, confidence, null);
      return entry('named-eligibility', 'eligibility', 'eligibility');
    }
    if (r.county) {
      ctx.county = r.county;
      if (r.cue.amount) return entry('county-amount', 'amount.per-municipality', 'amount');
      // "Kan Västmanlands län söka?": a county is not a municipality; name its municipalities on the list.
      // ("Kan Region Skåne söka?" asks about the regional authority, which is no municipality at all.)
      ctx.mentions = r.cue.regionalAuthority ? [] : countyMentions(r.county, ctx);
      return made(
        'county',
        compose('county', ctx),
        r.cue.list ? 'municipalities' : 'eligibility',
        'county',
        1,
        'eligibility',
      );
    }
    if (hasYears(r.period)) {
      if (r.cue.amount || r.cue.average) return entry('year-amount', 'amount', 'amount');
      // "Är det samma 32 kommuner som kan söka 2021–2027?": who may apply in those years.
      if (r.cue.eligibility && !r.cue.money) return entry('year-list', 'municipalities', 'municipalities');
      if (r.cue.list) return entry('year-list', 'municipalities', 'municipalities');
      // A year with a clear topic ("Vem fördelar pengarna 2019?", "Baylan 2021") answers that topic; a
      // year alone is an amount question; a year with only unknown words ("Vem vann valet 2018?") is not.
      const topic = r.results.find((x) => x.score <= ANSWER_AT && x.entry.intent !== 'amount');
      if (topic && !r.offTopic)
        return entry('year-topic', topic.entry.id, topic.entry.intent, 1 - topic.score);
      if (r.strong || !r.offTopic || r.cue.money || r.period.compare)
        return entry('year-amount', 'amount', 'amount');
    }
    // "How many municipalities can apply in total?" is the list, not a sum of kronor.
    if (r.cue.list && !r.cue.money && !/\b(hur mycket|how much)\b/.test(f))
      return entry('list', 'municipalities', 'municipalities');
    if (!r.cue.amount) {
      // "Vad innebär satsningen?": only when the programme itself is named ("What is 17 times 23?" is not).
      if (r.query.length === 0 && namesProgramme(r) && r.cue.overview)
        return entry('overview', 'overview', 'background');
    }
    // "Får pengarna användas till fältassistenter?", "Is there an application template?": a detail of the
    // programme that no fact answers. Say so, with the nearest facts and who can answer.
    const near = r.strong ?? (r.top && r.score <= SUGGEST_AT ? r.top.entry : null);
    if (
      r.unknown.length > 0 &&
      (namesProgramme(r) || (near && !r.offTopic)) &&
      (cues.yesNo.test(f) || r.cue.purpose)
    )
      return made(
        'not-stated',
        notStatedNear(ctx, near?.id),
        near?.intent ?? 'unknown',
        near?.id ?? null,
        confidence,
        near?.id ?? null,
      );
    if (r.cue.duration && (!r.strong || r.strong.intent === 'amount' || r.strong.intent === 'municipalities'))
      return entry('duration', 'duration', 'amount');
    if (r.cue.purpose && (!r.strong || r.strong.intent === 'amount' || r.strong.intent === 'help'))
      return entry('purpose', 'purpose', 'purpose');
    if (r.cue.howToApply && !r.offTopic) return entry('how-to-apply', 'application', 'administration');
    // "Kan Oslo söka?": an eligibility question about a place we do not know: say that we do not know it.
    if (r.cue.eligibility && (!r.strong || r.strong.intent === 'eligibility')) {
      ctx.unknownPlace = unknownPlace(r.all, isWord);
      if (!r.offTopic || (ctx.unknownPlace && /^\p{Lu}/u.test(ctx.unknownPlace)))
        return made('eligibility', eligibility(ctx), 'eligibility', 'eligibility', Math.max(confidence, 0.5));
    }
    if (r.strong && !r.offTopic) return entry('topic', r.strong.id, r.strong.intent, confidence);
    // "How much per year?": nothing but the amount words, which the matcher does not weigh.
    if (r.cue.amount && !r.offTopic) return entry('amount', 'amount', 'amount', Math.max(confidence, 0.5));
    // A question about the programme that no entry answers well: what the release does not say.
    if (namesProgramme(r) && r.unknown.length > 0)
      return made('not-stated', notStatedNear(ctx, near?.id), 'unknown', null, confidence, null);
    if (r.top && r.score <= SUGGEST_AT && !r.offTopic) {
      const suggestions = r.results
        .filter((x) => x.score <= SUGGEST_AT)
        .slice(0, 3)
        .map((x) => x.entry.examples[lang][0] ?? '');
      return made('suggest', suggest(ctx, suggestions), 'unknown', null, confidence, null);
    }
    return made('fallback', fallback(ctx), 'unknown', null, confidence, null);
  }

  /** The typed query of a part, evaluated over the decision the rules made (query/apply.ts). */
  const queryStep = (d: Decision, r: Reading, prev: ConversationContext | null, quoted: string): Decision =>
    applyQuery<Decision>(d, {
      quoted,
      raw: r.text,
      f: r.f,
      lang: r.lang,
      stated: r.statedKronor,
      offTopic: r.offTopic,
      asksFact: whStart(r.f),
      prev,
      kb,
      cues,
      known,
      compose,
    } satisfies QueryStep);

  const ownTopicBesidesWhy = (r: Reading) => ownTopic({ ...r, cue: { ...r.cue, why: false } });
  const ownTopicBesidesCurrency = (r: Reading) => ownTopic({ ...r, cue: { ...r.cue, currency: false } });

  /** "Varför just 32?": the question names the number of municipalities on a list. */
  const counts = new Set(content.lists.map((l) => String(l.municipalities.length)));
  const listCount = (f: string) => (f.match(/\d+/g) ?? []).some((n) => counts.has(n));

  /** A topic the part named by cue words, when it has no strong match of its own. */
  function topicOf(r: Reading): string | null {
    if (r.cue.amount || r.cue.money) return 'amount';
    if (r.cue.eligibility) return 'eligibility';
    return r.strong?.id ?? null;
  }

  /** Answers a topic (carried from before, or named by a pronoun part) with the part's own slots. */
  function onTopic(
    topic: string,
    r: Reading,
    ctx: Context,
    made: (
      rule: string,
      parts: Parts,
      intent: Intent,
      entryId: string | null,
      conf?: number,
      topic?: string | null,
    ) => Decision,
    entry: (rule: string, id: string, intent: Intent, conf?: number) => Decision,
  ): Decision {
    if (r.cue.why) return made('why', why(ctx), 'eligibility', 'why', 1, 'eligibility');
    if (r.county && !ctx.mentions.length) {
      ctx.county = r.county;
      ctx.mentions = countyMentions(r.county, ctx);
      return made('county', compose('county', ctx), 'eligibility', 'county', 1, 'eligibility');
    }
    const places = ctx.mentions.length > 0 || ctx.ambiguous.length > 0;
    if (topic.startsWith('amount') || topic === 'duration')
      return places
        ? entry('amount-for-place', 'amount.per-municipality', 'amount')
        : entry('amount', 'amount', 'amount');
    if (topic === 'eligibility' || topic === 'municipalities' || topic === 'county' || topic === 'why')
      return places
        ? entry('eligibility', 'eligibility', 'eligibility')
        : ctx.county
          ? made('county', compose('county', ctx), 'eligibility', 'county', 1, 'eligibility')
          : entry('list', 'municipalities', 'municipalities');
    const e = entries.get(topic);
    if (e) return entry('topic', e.id, e.intent);
    return made(topic, compose(topic, ctx), 'unknown', topic, 1, topic);
  }

  function countyNamed(name: string): County | null {
    const members = MUNICIPALITIES.filter((m) => m.county === name);
    return members.length ? { name, municipalities: members } : null;
  }

  function countyMentions(c: County, ctx: Context): Mention[] {
    const year =
      ctx.kb.listYears.find((y) => askedYears(ctx.period).includes(y)) ??
      kb.listYears[kb.listYears.length - 1] ??
      0;
    const listed = new Set(kb.listFor(year)?.municipalities ?? []);
    return c.municipalities
      .filter((m) => listed.has(m.name))
      .map((m) => ({ municipality: m, via: 'county' as const, said: m.name }));
  }

  /** "The release does not say", then the nearest answer the release does give (if a topic matched). */
  function notStatedNear(ctx: Context, nearId?: string | null): Parts {
    const base = notStated(ctx);
    if (!nearId || nearId === 'help') return base;
    const near = compose(nearId, ctx);
    // An answer that already says what the release does not ("Hur man ansöker … framgår inte") stands alone.
    if (/framgår inte|does not say|säger .*ingenting|says nothing/.test(near.text)) return near;
    return {
      ...base,
      text: `${base.text.split('\n')[0]}\n${near.text}`,
      sources: [...near.sources],
      outcome: 'unstated',
    };
  }

  /** "Vem fördelar pengarna?", the label of a topic for the note on what was taken from before. */
  function topicLabel(topic: string, lang: Lang): string {
    const e = entries.get(topic === 'county' || topic === 'why' ? 'eligibility' : topic);
    return e ? `”${e.examples[lang][0] ?? topic}”` : topic;
  }

  function noted(parts: Parts, carried: string[], lang: Lang): Parts {
    if (!carried.length) return parts;
    return {
      ...parts,
      text: `${kb.say(lang, 'context.about', { what: carried.join(' · ') })}\n${parts.text}`,
    };
  }

  /** The context the next question may lean on: slot ids only, never the question's text. */
  function nextContext(d: Decision, lang: Lang, prev: ConversationContext | null): ConversationContext {
    const places = d.ctx.mentions.filter((m) => m.via !== 'county').map((m) => m.municipality.code);
    return {
      topic: d.topic,
      places,
      seen: [...new Set([...(prev?.seen ?? []), ...places])].slice(-MAX_SEEN),
      years: d.ctx.period.years,
      ranges: d.ctx.period.ranges,
      total: d.ctx.period.total,
      county: d.ctx.county?.name ?? null,
      lang,
      ...(d.operation ? { operation: d.operation } : {}),
    };
  }

  function help(lang: Lang): Answer {
    return toAnswer(helpParts({ kb, lang }), {
      lang,
      intent: 'help',
      entryId: 'help',
      confidence: 1,
      municipalities: [],
      context: null,
    });
  }

  function answer(question: string, context?: ConversationContext | null): Answer {
    // Line by line, so quoted lines keep their mark and sentences their ends.
    const text = unmarkup(question)
      .split('\n')
      .map((line) => (line.startsWith(QUOTED) ? QUOTED + clean(line.slice(1)) : clean(line)))
      .filter((line) => line.replace(QUOTED, '').length > 0)
      .join('\n')
      .slice(0, MAX_MESSAGE_CHARS);
    const whole = words(text);
    const lang = detectLanguage(whole, context?.lang ?? 'sv');
    if (whole.length === 0 || isHelp(text, whole)) return { ...help(lang), rule: 'help' };
    if (isThanks(whole) || thanksFirst(whole, text)) {
      // "Tack!": a short reply; the conversation's context stays for the next question.
      const parts = thanksParts({ kb, lang });
      const meta = {
        lang,
        intent: 'help' as const,
        entryId: 'thanks',
        confidence: 1,
        municipalities: [],
        context: context ?? null,
      };
      return { ...toAnswer(parts, meta), rule: 'thanks' };
    }

    // The question sentences; the rest of a long message is context (its places and years).
    // A sentence that runs on into its question ("… Uddevalla kommun Fråga: kan vi söka?") is two.
    const all = sentences(text).flatMap((sentence) => {
      const at = fold(sentence).search(cues.colonQuestion);
      return at > 0 ? [sentence.slice(0, at + 1), sentence.slice(at + 1).trim()] : [sentence];
    });
    const asked = all.filter((s) => !s.startsWith(QUOTED) && isQuestion(s));
    const own = all.filter((s) => !s.startsWith(QUOTED));
    // A message that is only a quote ("> Vilken myndighet …?") asks the quoted question.
    const found = asked.length
      ? asked
      : own.length
        ? own.slice(-1)
        : all
            .map((s) => s.replace(QUOTED, ''))
            .filter(isQuestion)
            .slice(-MAX_PARTS);
    // "> Presskontakt: Sami Mashial, kommunikationschef / rätt titel?": a bare check asks about the quoted
    // line itself, so the quote is the question and the check its last words.
    const quotedLines = all.filter((s) => s.startsWith(QUOTED)).map((s) => s.replace(QUOTED, '').trim());
    const [only] = found;
    const bare =
      found.length === 1 &&
      only !== undefined &&
      quotedLines.length > 0 &&
      words(only).length <= 4 &&
      cues.check.test(fold(only));
    const questions = bare ? [`${quotedLines.join(' ')} ${only}`] : found;
    const contextText = all
      .filter((s) => !questions.includes(s) && !(bare && (s === only || s.startsWith(QUOTED))))
      .join(' ')
      .replaceAll(QUOTED, '');
    let prev: ConversationContext | null = context ?? null;
    if (contextText) {
      // Read like an earlier turn of the conversation: its topic, places and years.
      const c = read(contextText, lang);
      const d = decide(c, prev);
      const places = d.ctx.mentions.filter((m) => m.via !== 'county').map((m) => m.municipality.code);
      // A quoted line or a paragraph before the question: its places, years and topic, should the
      // question lean on them ("> Från och med 2019 hanteras … / vem hade det innan?").
      if (places.length || hasYears(c.period) || d.topic)
        prev = {
          topic: d.topic ?? prev?.topic ?? null,
          places,
          years: c.period.years,
          ranges: c.period.ranges,
          county: c.county?.name ?? null,
          lang,
        };
    }
    const parts = questions.flatMap(splitParts).slice(0, MAX_PARTS);
    if (parts.length === 0) return help(lang);

    const decisions: Decision[] = [];
    let sameMessage = contextText.length > 0;
    for (const part of parts) {
      const r = read(part, lang);
      const d = queryStep(decide(r, prev, sameMessage), r, prev, contextText);
      sameMessage = false;
      decisions.push(d);
      prev = nextContext(d, lang, prev);
    }
    // Parts that found nothing are dropped when another part was answered; repeated answers once.
    const answered = decisions.filter((d) =>
      ['answered', 'unstated'].includes(d.parts.outcome ?? 'answered'),
    );
    const shown = answered.length ? answered : decisions.slice(0, 1);
    const kept = shown.filter((d, i, xs) => xs.findIndex((x) => x.parts.text === d.parts.text) === i);
    const [first] = kept;
    if (!first) return help(lang);
    const last = decisions[decisions.length - 1] ?? first;
    const out = toAnswer(kept.length === 1 ? first.parts : combine(kept.map((d) => d.parts)), {
      lang,
      intent: first.intent,
      entryId: first.entryId,
      confidence: Math.min(...kept.map((d) => d.confidence)),
      // Every shown part's verdicts, also those of a part whose text repeated another's.
      municipalities: dedupe(
        shown.flatMap((d) =>
          d.parts.outcome === 'fallback' && d.rule.includes('off-topic') ? [] : verdicts(d.ctx),
        ),
      ),
      context: prev ?? nextContext(last, lang, null),
    });
    const claims = kept.flatMap((d) => d.claims ?? []);
    if (claims.length) out.claims = claims;
    return kept.length > 1
      ? { ...out, parts: kept.map((d) => d.intent), rule: kept.map((d) => d.rule).join('+') }
      : { ...out, rule: first.rule };
  }

  /** A sentence that asks something: a question mark, or a question word first. */
  function isQuestion(s: string): boolean {
    return /\?\s*$/.test(s) || cues.questionStart.test(fold(s.trim()));
  }

  /**
   * "Vem hanterar bidraget och hur mycket är det 2021?" → its two questions. A piece that is no question
   * of its own ("Om jag jobbar för Motala, kan vi ansöka?") stays with the question it belongs to, and a
   * preface ("Two things: …") is dropped.
   */
  function splitParts(sentence: string): string[] {
    cues.join.lastIndex = 0;
    // "hur mkt 2018 + vem e presskontakt?": a plus joins two questions too.
    sentence = sentence.replace(/\s+[+&]\s+/g, ', ');
    // A preface of plain words is dropped ("Two things: …"); one that names a place or a year is part of
    // the question ("Karlskrona Municipality: eligible?", "Östergötland: which municipalities …?").
    let listed = false;
    const body = sentence.replace(/^[^:?]{1,30}:\s+(?=\S)/u, (preface) => {
      const said = words(preface);
      if (/\d/.test(preface) || said.some((x) => isPlaceWord(x.folded)) || county(said)) return preface;
      listed = true;
      return '';
    });
    // "Two things: the 2019 amount, and who distributes it that year?": after such a preface every
    // "…, and …" is another question, whether or not it begins with a question word.
    if (listed && /,\s*(?:och|and)\s+/iu.test(body))
      return body
        .split(/,\s*(?:och|and)\s+|;\s*/iu)
        .map((p) => p.trim())
        .filter((p) => words(p).length > 0);
    const pieces = body
      .split(cues.join)
      .map((p) => p.trim())
      .filter((p) => words(p).length > 0);
    const parts: string[] = [];
    let pending = '';
    for (const piece of pieces) {
      const text = pending ? `${pending}, ${piece}` : piece;
      if (!cues.questionStart.test(fold(text))) {
        pending = text;
        continue;
      }
      if (!cues.questionStart.test(fold(piece)) && parts.length) parts[parts.length - 1] += `, ${piece}`;
      else parts.push(text);
      pending = '';
    }
    if (pending) {
      if (parts.length) parts[parts.length - 1] += `, ${pending}`;
      else parts.push(pending);
    }
    return parts;
  }

  return { answer, help };
}

/** Years and ranges of two periods as the fewest ranges: 2018, 2019 and 2020–2027 make 2018–2027. */
function joinPeriods(a: Period, b: Period): Pick<Period, 'years' | 'ranges'> {
  const all = new Set<number>();
  for (const p of [a, b]) {
    for (const y of p.years) all.add(y);
    for (const [from, to] of p.ranges) for (let y = from; y <= to && y - from < 200; y++) all.add(y);
  }
  const ranges: [number, number][] = [];
  for (const y of [...all].sort((x, z) => x - z)) {
    const last = ranges[ranges.length - 1];
    if (last && y === last[1] + 1) last[1] = y;
    else ranges.push([y, y]);
  }
  return { years: [], ranges };
}

function dedupe<T extends { code: string }>(xs: T[]): T[] {
  return xs.filter((x, i) => xs.findIndex((y) => y.code === x.code) === i);
}

/** A word in an eligibility question that looks like a name but is none we know ("Kan Narnia söka?"). */
function unknownPlace(all: readonly Word[], isWord: (folded: string) => boolean): string | null {
  const candidates = all.filter((w) => w.folded.length >= 3 && !isWord(w.folded) && !/\d/.test(w.folded));
  const named = candidates.find((w) => /^\p{Lu}/u.test(w.raw)) ?? candidates[0];
  return named ? named.raw.slice(0, 40) : null;
}
