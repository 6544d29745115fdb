// The answer engine: pure, in memory, no I/O. The Lambda handler, the terminal chat, the batch CLI and
// the benchmarks all call it. Entities (municipalities, years) are recognised by rules, because a wrong
// name or number is unacceptable; the topic is matched with Fuse.js over the FAQ entries of the content.
// What it knows (facts, answers, word lists) is content: createEngine(content) answers from any content.
import {
  besides,
  COMPOSERS,
  type Composer,
  type Context,
  combine,
  eligibility,
  fallback,
  help as helpParts,
  PHRASES,
  suggest,
  template,
  toAnswer,
  verdicts,
} from './answers.ts';
import { CONTENT, type Content, ContentError, createKnowledge, type FaqEntry } from './content.ts';
import { alternatives, cuePattern } from './cues.ts';
import { createLanguageDetector } from './language.ts';
import { createMatcher } from './matcher.ts';
import { createGazetteer } from './municipalities.ts';
import { clean, fold, type Word, words } from './text.ts';
import type { Answer, ConversationContext, Intent, Lang } from './types.ts';
import { hasYears, parsePeriod } from './years.ts';

export interface Engine {
  /**
   * Answers one question, in the language it was asked in. `context` is the `context` of the previous
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

/** The cue patterns of words.yaml, compiled once per engine. */
interface Cues {
  amount: RegExp;
  eligibility: RegExp;
  howToApply: RegExp;
  money: RegExp;
  duration: RegExp;
  purpose: RegExp;
  overview: RegExp;
  otherApplicants: RegExp;
  list: RegExp;
  perMunicipality: RegExp;
}

function compileCues(w: Content['words']): Cues {
  const { list, per_municipality: per } = w.cues;
  return {
    amount: cuePattern(w.cues.amount),
    eligibility: cuePattern(w.cues.eligibility),
    howToApply: cuePattern(w.cues.how_to_apply),
    money: cuePattern(w.cues.money),
    duration: cuePattern(w.cues.duration),
    purpose: cuePattern(w.cues.purpose),
    overview: cuePattern(w.cues.overview),
    otherApplicants: cuePattern(w.cues.other_applicants),
    // "Vilka kommuner …", "How many municipalities …", "kommuner på listan", "lista kommunerna".
    list: new RegExp(
      `\\b(?:${alternatives(list.asks)})\\b(?:\\s+(?:${alternatives(list.fillers)}))*\\s+(?:${alternatives(list.nouns)})\\b` +
        `|\\b(?:${alternatives(list.nouns)})\\s+(?:${alternatives(list.after)})\\b|\\b(?:${alternatives(list.phrases)})`,
      'u',
    ),
    // "Hur mycket får varje kommun?", or the money "fördelas … mellan" the municipalities.
    perMunicipality: new RegExp(
      `\\b(?:${alternatives(per.each)})\\s+(?:${alternatives(per.nouns)})\\b|\\b(?:${alternatives(per.split)})\\b.*\\b(?:${alternatives(per.between)})\\b`,
      'u',
    ),
  };
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
  const cues = compileCues(w);
  const periodCues = {
    total: cuePattern(w.cues.total),
    compare: cuePattern(w.cues.compare),
    firstYear: cuePattern(w.cues.first_year),
    firstAmountYear: kb.firstYear,
    lastAmountYear: kb.lastYear,
  };
  const STOPWORDS = new Set(w.stopwords.map(fold));
  const PROGRAMME_WORDS = new Set(w.programme.map(fold));
  const endings = w.programme_endings.map(fold);
  // "miljardsatsningen", "segregationsbidraget": compounds that still only name the programme. A plain
  // suffix test, not a regular expression: this runs over every word of the content at start.
  const isProgrammeCompound = (word: string) =>
    endings.some((e) => word.length >= e.length + 3 && word.endsWith(e));
  const HELP_WORDS = new Set(w.help.phrases.map(fold));
  const HELP_ONLY = new Set(w.help.only.map(fold));

  /** The matcher's view of a text: folded content words, no function words, no numbers. */
  function topicTerms(text: string): string[] {
    // The document's name says nothing of the topic, and its "press" is not the press contact.
    return words(text.replace(/\bpress[- ]?releases?\b/giu, ' '))
      .map((x) => x.folded)
      .filter(
        (x) =>
          x.length >= 3 &&
          !STOPWORDS.has(x) &&
          !PROGRAMME_WORDS.has(x) &&
          !isProgrammeCompound(x) &&
          !/^\d+$/.test(x),
      );
  }

  const matcher = createMatcher(content.faq, topicTerms);
  const { recognise, isPlaceWord, county } = createGazetteer(content.places, w.not_typos);
  const detectLanguage = createLanguageDetector(w.language, isPlaceWord);
  // Ordinary words, never read as a misspelt municipality: function words, the programme's words, every
  // word the FAQ knows (as the matcher already tokenized them) and every word the documents quote.
  const vocabulary = new Set<string>([...STOPWORDS, ...PROGRAMME_WORDS, ...matcher.vocabulary]);
  for (const f of Object.values(content.facts))
    for (const x of words(f.quote)) if (!isPlaceWord(x.folded)) vocabulary.add(x.folded);
  const isWord = (folded: string) => vocabulary.has(folded);

  function isHelp(text: string, all: readonly Word[]): boolean {
    if (/^[\s?!.]*\?[\s?!.]*$/.test(text)) return true;
    const folded = all.map((x) => x.folded);
    if (folded.some((x) => x === 'hjalp' || x === 'help') && folded.every((x) => HELP_ONLY.has(x)))
      return true;
    const phrase = folded.join(' ');
    return HELP_WORDS.has(phrase) || /^(hjalp|help)\b/.test(phrase);
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

  /** The answer of an FAQ entry: its composer, or its template. */
  function compose(entry: FaqEntry, ctx: Context) {
    const composer: Composer | undefined = entry.composer ? COMPOSERS[entry.composer] : undefined;
    return composer ? composer(ctx) : template(ctx, entry);
  }

  function answer(question: string, _context?: ConversationContext | null): Answer {
    const text = clean(question);
    const all = words(text);
    const lang = detectLanguage(all);
    if (all.length === 0 || isHelp(text, all)) return help(lang);

    const f = fold(text);
    const period = parsePeriod(text, f, periodCues);
    const recognition = recognise(all, isWord);
    // Fuse's cost grows with the number of query words; a real question has a handful.
    const query = [...new Set(topicTerms(text))].slice(0, MAX_TOPIC_TERMS);
    const results = matcher.rank(query, 5);
    const top = results[0];
    const score = top?.score ?? 1;
    const ctx: Context = {
      kb,
      lang,
      period,
      mentions: recognition.mentions,
      ambiguous: recognition.ambiguous.flatMap((a) => a.candidates),
      unknownPlace: null,
      county: null,
    };
    const named = recognition.mentions.length > 0 || ctx.ambiguous.length > 0;
    const topId = top && score <= SUGGEST_AT ? top.entry.id : null;
    const confidence = Math.round((1 - score) * 100) / 100;

    const meta = (intent: Intent, entryId: string | null, conf = confidence) => ({
      lang,
      intent,
      entryId,
      confidence: conf,
      municipalities: verdicts(ctx),
      context: null,
    });
    const byId = (id: string): Composer => {
      const entry = entries.get(id);
      const composer = COMPOSERS[id];
      if (entry) return (c) => compose(entry, c);
      if (composer) return composer;
      throw new ContentError(`no FAQ entry or composer "${id}"`);
    };
    const respond = (id: string, intent: Intent, conf: number) =>
      toAnswer(byId(id)(ctx), meta(intent, id, conf));

    const strong = top && score <= ANSWER_AT ? top.entry : null;
    // Content words that no entry knows, place names aside: the question is (partly) about something else.
    const offTopic = matcher.unknownShare(query.filter((x) => !isPlaceWord(x))) > 0.5;
    if (cues.perMunicipality.test(f)) return respond('amount.per-municipality', 'amount', 1);
    if (named) {
      const asksToApply = cues.eligibility.test(f);
      // Only a name we are sure of can be spoken of "besides" the rest; an ambiguous one gets "did you mean".
      const sure = ctx.mentions.length > 0;
      if (cues.amount.test(f) || cues.money.test(f) || topId?.startsWith('amount')) {
        // "How much does a Stockholm apartment cost?" is not about the grant.
        if (sure && offTopic && !strong && !asksToApply) return toAnswer(besides(ctx), meta('unknown', null));
        return respond('amount.per-municipality', 'amount', 1);
      }
      if (strong && !['eligibility', 'municipalities', 'amount', 'help'].includes(strong.intent)) {
        // "Kan Uppsala söka, och vem hanterar pengarna 2019?" gets both answers; without the first
        // half, "Vem fördelar pengarna i Malmö?" is about the agency and the municipality comes along.
        if (!asksToApply) return respond(strong.id, strong.intent, confidence);
        return toAnswer(
          combine([eligibility(ctx), compose(strong, ctx)]),
          meta('eligibility', 'eligibility'),
        );
      }
      // "What's the weather in Gothenburg tomorrow?": say what we know of Göteborg, and no more.
      if (sure && !asksToApply && offTopic) return toAnswer(besides(ctx), meta('unknown', null));
      return respond('eligibility', 'eligibility', 1);
    }
    if (hasYears(period)) {
      if (cues.amount.test(f)) return respond('amount', 'amount', 1);
      if (cues.list.test(f)) return respond('municipalities', 'municipalities', 1);
      // A year with a clear topic ("Vem fördelar pengarna 2019?", "Baylan 2021") answers that topic; a
      // year alone is an amount question; a year with only unknown words ("Vem vann valet 2018?") is not.
      const topic = results.find((r) => r.score <= ANSWER_AT && r.entry.intent !== 'amount');
      if (topic && !offTopic) return respond(topic.entry.id, topic.entry.intent, 1 - topic.score);
      if (strong || !offTopic || cues.money.test(f) || period.compare) return respond('amount', 'amount', 1);
    }
    ctx.county = county(all);
    if (ctx.county) {
      if (cues.amount.test(f)) return respond('amount.per-municipality', 'amount', 1);
      if (!cues.list.test(f)) return respond('county', 'eligibility', 1);
      // "Vilka kommuner i Stockholms län får söka?" asks for municipalities: name the eligible ones.
      // ("Kan Skåne söka?" asks about the county itself, which is not a municipality: none is named.)
      const year = kb.listYears[kb.listYears.length - 1] ?? 0;
      const listed = new Set(kb.listFor(year)?.municipalities ?? []);
      ctx.mentions = ctx.county.municipalities
        .filter((m) => listed.has(m.name))
        .map((m) => ({ municipality: m, via: 'county' as const, said: m.name }));
      return respond('county', 'municipalities', 1);
    }
    // "How many municipalities can apply in total?" is the list, not a sum of kronor.
    if (cues.list.test(f) && !cues.money.test(f) && !/\b(hur mycket|how much)\b/.test(f)) {
      return respond('municipalities', 'municipalities', 1);
    }
    if (cues.duration.test(f) && (!strong || strong.intent === 'amount'))
      return respond('duration', 'amount', 1);
    if (cues.purpose.test(f) && (!strong || strong.intent === 'amount'))
      return respond('purpose', 'purpose', 1);
    if (!cues.amount.test(f)) {
      if (cues.eligibility.test(f) && cues.otherApplicants.test(f))
        return respond('otherApplicants', 'eligibility', 1);
      // "Vad innebär satsningen?": only when the programme itself is named ("What is 17 times 23?" is not).
      const namesProgramme = all.some((x) => PROGRAMME_WORDS.has(x.folded) || isProgrammeCompound(x.folded));
      if (query.length === 0 && namesProgramme && cues.overview.test(f))
        return respond('overview', 'background', 1);
    }
    if (cues.howToApply.test(f) && !offTopic) return respond('application', 'administration', 1);
    // "Kan Oslo söka?" is an eligibility question about a place we do not know: say that we do not know it.
    if (cues.eligibility.test(f) && (!strong || strong.intent === 'eligibility')) {
      ctx.unknownPlace = unknownPlace(all, isWord);
      return respond('eligibility', 'eligibility', Math.max(confidence, 0.5));
    }
    if (strong && !offTopic) return respond(strong.id, strong.intent, confidence);
    // "How much per year?": nothing but the amount words, which the matcher does not weigh.
    if (cues.amount.test(f) && !offTopic) return respond('amount', 'amount', Math.max(confidence, 0.5));
    if (top && score <= SUGGEST_AT) {
      const suggestions = results
        .filter((r) => r.score <= SUGGEST_AT)
        .slice(0, 3)
        .map((r) => r.entry.examples[lang][0] ?? '');
      return toAnswer(suggest(ctx, suggestions), meta('unknown', null));
    }
    return toAnswer(fallback(ctx), meta('unknown', null));
  }

  return { answer, help };
}

/** A word in an eligibility question that looks like a name but is none we know ("Kan Narnia söka?"). */
function unknownPlace(all: readonly Word[], isWord: (folded: string) => boolean): string | null {
  const candidates = all.filter((w) => w.folded.length >= 3 && !isWord(w.folded) && !/\d/.test(w.folded));
  const named = candidates.find((w) => /^\p{Lu}/u.test(w.raw)) ?? candidates[0];
  return named ? named.raw.slice(0, 40) : null;
}
