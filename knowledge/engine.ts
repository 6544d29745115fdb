// The answer engine: pure, in memory, no I/O. The Lambda handler, the terminal chat, the batch CLI and
// the benchmarks all call it. Entities (municipalities, years) are recognised by rules, because a wrong
// name or number is unacceptable; the topic is matched with Fuse.js over the FAQ entries.
import {
  besides,
  both,
  COMPOSERS,
  type Context,
  eligibility,
  fallback,
  help as helpParts,
  suggest,
  toAnswer,
} from './answers.ts';
import { Q } from './facts.ts';
import { FAQ } from './faq.ts';
import { detectLanguage } from './language.ts';
import { createMatcher } from './matcher.ts';
import { createGazetteer } from './municipalities.ts';
import { clean, fold, type Word, words } from './text.ts';
import type { Answer, ConversationContext, Intent, Lang } from './types.ts';
import { PROGRAMME_WORDS, STOPWORDS } from './vocabulary.ts';
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

const HELP_WORDS = new Set(
  [
    'hjälp',
    'help',
    'hej',
    'hejsan',
    'hallå',
    'tjena',
    'hi',
    'hello',
    'hey',
    'start',
    'meny',
    'menu',
    'info',
    '?',
    'vad kan du',
    'what can you do',
    'god morgon',
    'good morning',
    'hjalp',
  ].map(fold),
);

// "miljardsatsningen", "segregationsbidraget": compounds that still only name the programme.
const PROGRAMME_COMPOUND = /\p{L}{3,}(satsning|satsningen|satsningar|bidrag|bidraget|bidragen|stodet)$/u;

/** The matcher's view of a text: folded content words, no function words, no numbers. */
export function topicTerms(text: string): string[] {
  // The document's name says nothing of the topic, and its "press" is not the press contact.
  return words(text.replace(/\bpress[- ]?releases?\b/giu, ' '))
    .map((w) => w.folded)
    .filter(
      (w) =>
        w.length >= 3 &&
        !STOPWORDS.has(w) &&
        !PROGRAMME_WORDS.has(w) &&
        !PROGRAMME_COMPOUND.test(w) &&
        !/^\d+$/.test(w),
    );
}

/** Builds the in-memory indexes once; answering is then pure and synchronous. */
export function createEngine(): Engine {
  const matcher = createMatcher(FAQ, topicTerms);
  const { recognise, isPlaceWord, county } = createGazetteer();
  // Ordinary words, never read as a misspelt municipality: function words, the programme's words, every
  // word the FAQ knows (as the matcher already tokenized them) and every word of the release.
  const vocabulary = new Set<string>([...STOPWORDS, ...PROGRAMME_WORDS, ...matcher.vocabulary]);
  for (const s of Object.values(Q))
    for (const w of words(s)) if (!isPlaceWord(w.folded)) vocabulary.add(w.folded);
  const isWord = (folded: string) => vocabulary.has(folded);

  function help(lang: Lang): Answer {
    return toAnswer(helpParts(lang), { lang, intent: 'help', entryId: 'help', confidence: 1, mentions: [] });
  }

  function answer(question: string): Answer {
    const text = clean(question);
    const all = words(text);
    const lang = detectLanguage(all, isPlaceWord);
    if (all.length === 0 || isHelp(text, all)) return help(lang);

    const period = parsePeriod(text);
    const recognition = recognise(all, isWord);
    // Fuse's cost grows with the number of query words; a real question has a handful.
    const query = [...new Set(topicTerms(text))].slice(0, MAX_TOPIC_TERMS);
    const results = matcher.rank(query, 5);
    const top = results[0];
    const score = top?.score ?? 1;
    const ctx: Context = {
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

    const composer = (id: string) => COMPOSERS[id] ?? eligibility;
    const meta = (intent: Intent, entryId: string | null, conf = confidence) => ({
      lang,
      intent,
      entryId,
      confidence: conf,
      mentions: ctx.mentions,
    });
    const respond = (id: string, intent: Intent, conf: number) =>
      toAnswer(composer(id)(ctx), meta(intent, id, conf));

    const f = fold(text);
    const strong = top && score <= ANSWER_AT ? top.entry : null;
    // Content words that no entry knows, place names aside: the question is (partly) about something else.
    const offTopic = matcher.unknownShare(query.filter((w) => !isPlaceWord(w))) > 0.5;
    if (asksPerMunicipality(f)) return respond('amount.per-municipality', 'amount', 1);
    if (named) {
      const asksToApply = asksEligibility(f);
      // Only a name we are sure of can be spoken of "besides" the rest; an ambiguous one gets "did you mean".
      const sure = ctx.mentions.length > 0;
      if (asksAmount(f) || MONEY.test(f) || topId?.startsWith('amount')) {
        // "How much does a Stockholm apartment cost?" is not about the grant.
        if (sure && offTopic && !strong && !asksToApply) return toAnswer(besides(ctx), meta('unknown', null));
        return respond('amount.per-municipality', 'amount', 1);
      }
      if (strong && !['eligibility', 'municipalities', 'amount', 'help'].includes(strong.intent)) {
        // "Kan Uppsala söka, och vem hanterar pengarna 2019?" gets both answers; without the first
        // half, "Vem fördelar pengarna i Malmö?" is about the agency and the municipality comes along.
        if (!asksToApply) return respond(strong.id, strong.intent, confidence);
        return toAnswer(both(eligibility(ctx), composer(strong.id)(ctx)), meta('eligibility', 'eligibility'));
      }
      // "What's the weather in Gothenburg tomorrow?": say what we know of Göteborg, and no more.
      if (sure && !asksToApply && offTopic) return toAnswer(besides(ctx), meta('unknown', null));
      return respond('eligibility', 'eligibility', 1);
    }
    if (hasYears(period)) {
      if (asksAmount(f)) return respond('amount', 'amount', 1);
      if (asksForList(f)) return respond('municipalities', 'municipalities', 1);
      // A year with a clear topic ("Vem fördelar pengarna 2019?", "Baylan 2021") answers that topic; a
      // year alone is an amount question; a year with only unknown words ("Vem vann valet 2018?") is not.
      const topic = results.find((r) => r.score <= ANSWER_AT && r.entry.intent !== 'amount');
      if (topic && !offTopic) return respond(topic.entry.id, topic.entry.intent, 1 - topic.score);
      if (strong || !offTopic || MONEY.test(f) || period.compare) return respond('amount', 'amount', 1);
    }
    ctx.county = county(all);
    if (ctx.county) {
      if (asksAmount(f)) return respond('amount.per-municipality', 'amount', 1);
      if (!asksForList(f)) return respond('county', 'eligibility', 1);
      // "Vilka kommuner i Stockholms län får söka?" asks for municipalities: name the eligible ones.
      // ("Kan Skåne söka?" asks about the county itself, which is not a municipality: none is named.)
      ctx.mentions = ctx.county.municipalities
        .filter((m) => m.eligible)
        .map((m) => ({ municipality: m, via: 'county' as const, said: m.name }));
      return respond('county', 'municipalities', 1);
    }
    // "How many municipalities can apply in total?" is the list, not a sum of kronor.
    if (asksForList(f) && !MONEY.test(f) && !/\b(hur mycket|how much)\b/.test(f)) {
      return respond('municipalities', 'municipalities', 1);
    }
    if (DURATION.test(f) && (!strong || strong.intent === 'amount')) return respond('duration', 'amount', 1);
    if (PURPOSE.test(f) && (!strong || strong.intent === 'amount')) return respond('purpose', 'purpose', 1);
    if (!asksAmount(f)) {
      if (asksEligibility(f) && OTHER_APPLICANTS.test(f))
        return respond('eligibility.others', 'eligibility', 1);
      // "Vad innebär satsningen?": only when the programme itself is named ("What is 17 times 23?" is not).
      const namesProgramme = all.some(
        (w) => PROGRAMME_WORDS.has(w.folded) || PROGRAMME_COMPOUND.test(w.folded),
      );
      if (query.length === 0 && namesProgramme && OVERVIEW.test(f))
        return respond('overview', 'background', 1);
    }
    // "Kan Oslo söka?" is an eligibility question about a place we do not know: say that we do not know it.
    if (asksEligibility(f) && (!strong || strong.intent === 'eligibility')) {
      ctx.unknownPlace = unknownPlace(all, isWord);
      return respond('eligibility', 'eligibility', Math.max(confidence, 0.5));
    }
    if (strong && !offTopic) return respond(strong.id, strong.intent, confidence);
    // "How much per year?": nothing but the amount words, which the matcher does not weigh.
    if (asksAmount(f) && !offTopic) return respond('amount', 'amount', Math.max(confidence, 0.5));
    if (top && score <= SUGGEST_AT) {
      const suggestions = results
        .filter((r) => r.score <= SUGGEST_AT)
        .slice(0, 3)
        .map((r) => (lang === 'sv' ? r.entry.sv[0] : r.entry.en[0]) ?? '');
      return toAnswer(suggest(lang, suggestions), meta('unknown', null));
    }
    return toAnswer(fallback(lang), meta('unknown', null));
  }

  return { answer, help };
}

// A message of nothing but these ("jag behöver hjälp", "help me please") asks for help.
const HELP_ONLY = new Set(
  [
    'jag',
    'behöver',
    'lite',
    'hjälp',
    'mig',
    'snälla',
    'tack',
    'hej',
    'i',
    'need',
    'some',
    'help',
    'me',
    'please',
    'pls',
    'hi',
    'hello',
    'hey',
    'can',
    'you',
  ].map(fold),
);

function isHelp(text: string, all: readonly Word[]): boolean {
  if (/^[\s?!.]*\?[\s?!.]*$/.test(text)) return true;
  const folded = all.map((w) => w.folded);
  if (folded.some((w) => w === 'hjalp' || w === 'help') && folded.every((w) => HELP_ONLY.has(w))) return true;
  const phrase = folded.join(' ');
  return HELP_WORDS.has(phrase) || /^(hjalp|help)\b/.test(phrase);
}

const AMOUNT =
  /\b(hur mycket|hur mkt|how much|belopp|amount|pengar far|money (does|do|will)|kronor|summa|summan|sum|total|totalt|hur stor\p{L}*|totala|sammanlagt|budget\p{L}*|miljard\p{L}*|miljon\p{L}*|billions?|millions?)\b/u;
/** The question (folded) asks how much. */
function asksAmount(folded: string): boolean {
  return AMOUNT.test(folded);
}

const ELIGIBLE =
  /\b(soka|ansoka|omfattas|ingar|berattigad|berattigade|kvalificerar|apply|eligible|covered|included|qualify|qualifies)\b|\bmed (pa listan|i satsningen)|^(ar|kommer) \p{L}+ med\b|\bon the list\b/u;
/** The question (folded) asks whether someone may apply. */
function asksEligibility(folded: string): boolean {
  return ELIGIBLE.test(folded);
}

/** A word in an eligibility question that looks like a name but is none we know ("Kan Narnia söka?"). */
function unknownPlace(all: readonly Word[], isWord: (folded: string) => boolean): string | null {
  const candidates = all.filter((w) => w.folded.length >= 3 && !isWord(w.folded) && !/\d/.test(w.folded));
  const named = candidates.find((w) => /^\p{Lu}/u.test(w.raw)) ?? candidates[0];
  return named ? named.raw.slice(0, 40) : null;
}

// "Vilka kommuner …", "How many municipalities …", "lista kommunerna": the list, whatever else is asked.
const LIST =
  /\b(vilka|hur manga|lista|listan|alla|which|what|how many|list|all|antal|number of|fler|more|nya|new)\b(\s+(the|of|eligible|berattigade|de|alla|all|swedish|svenska|participating))*\s+(kommun\p{L}*|municipalit\p{L}*|towns?|cities|stader|orter)|\b(kommun\p{L}*|municipalit\p{L}*)\s+(ar det|are there|is it|pa listan|on the list)\b|\blista\p{L}*\s+kommun/u;
function asksForList(folded: string): boolean {
  return LIST.test(folded);
}

// "Hur mycket får varje kommun?", "How much does each municipality get?": the release has no such figure.
const PER_MUNICIPALITY =
  /\b(varje|per|vardera|enskild|enskilda|each|every|a single|one) (kommun|municipality)\b|\b(fordelas|fordelningen|split|divided|shared)\b.*\b(mellan|between|among)\b/u;
function asksPerMunicipality(folded: string): boolean {
  return PER_MUNICIPALITY.test(folded);
}

// Applicants the release does not mention: it names municipalities only.
const OTHER_APPLICANTS =
  /\b(foretag|foreningar?|organisationer?|privatpersoner|privata|ideella|regioner|regionen|landsting|skolor|stiftelser|companies|company|businesses|ngos?|organi[sz]ations?|associations?|individuals|private|charities|regions|schools)\b/u;
// "Vad innebär satsningen?", "What is this grant?": a question about the programme as a whole.
const OVERVIEW =
  /\b(vad (ar|innebar|handlar|galler)|what (is|s|does)|tell me about|beratta om|explain|forklara|beskriv|describe|summary|sammanfatt\p{L}*|overview|oversikt)\b/u;

// Money words that, beside a municipality, make it a question of how much it gets.
const MONEY =
  /\b(pengar|pengarna|money|funding|funds|belopp|mer pengar|more money|more than|mer an|mindre|less)\b/u;

// "Vilka år gäller satsningen?", "How long does it run?": the programme's years.
const DURATION =
  /\b(vilka ar|under vilka ar|which years|what years|hur lange|how long|till nar|until when)\b/u;

// "Vad får kommunerna göra för pengarna?", "What can they use the money for?": what the money is for.
const PURPOSE =
  /\b(gora (for|med) (pengarna|medlen|bidraget|stodet)|anvanda (pengarna|medlen|bidraget)|anvand\p{L}* (till|for)|spend\p{L}* (it|them|the money|the funds)? ?on|use (the money|the funds|it) for|used for)\b/u;
