// Rules for questions about the programme itself: why, amounts and years, the list, and the topics of
// the FAQ entries; then what the documents do not say, "did you mean", and the fallback.
import {
  eligibility,
  fallback as fallbackParts,
  inOtherCurrency,
  suggest as suggestParts,
  why as whyParts,
} from '../answers.ts';
import {
  ANSWER_AT,
  namesProgramme,
  ownTopic,
  type Reading,
  SUGGEST_AT,
  unknownPlace,
  whStart,
} from '../reading.ts';
import { hasYears } from '../years.ts';
import type { Rule } from './rule.ts';
import { type Decision, entry, made, noted, notStatedNear, type Scope, subjectOf } from './scope.ts';

/** "Varför just 32?": the question names the number of municipalities on a list. */
const listCount = (s: Scope) => {
  const counts = new Set(s.kit.content.lists.map((l) => String(l.municipalities.length)));
  return (s.r.f.match(/\d+/g) ?? []).some((n) => counts.has(n));
};
const without = (r: Reading, cue: 'why' | 'currency'): Reading => ({ ...r, cue: { ...r.cue, [cue]: false } });

export const why: Rule = {
  name: 'why',
  examples: ['Varför är inte Lund med?', 'Why just these 32?'],
  decide(s) {
    const { r } = s;
    const about =
      s.named ||
      s.ctx.mentions.length > 0 ||
      r.cue.list ||
      r.cue.eligibility ||
      r.cue.whyList ||
      listCount(s) ||
      s.prev?.topic === 'eligibility' ||
      !ownTopic(s.kit, without(r, 'why'));
    if (!r.cue.why || !about) return null;
    // A "why?" leaves the conversation's topic where it was.
    const parts = noted(s, whyParts(s.ctx));
    return made(s, 'why', parts, 'eligibility', 'why', 1, s.prev?.topic ?? 'eligibility');
  },
};

export const otherCurrency: Rule = {
  name: 'other-currency',
  examples: ['Hur mycket är det i euro?'],
  decide(s) {
    const { r } = s;
    const ask = r.cue.amount || r.statedKronor !== null || !ownTopic(s.kit, without(r, 'currency'));
    if (!r.cue.currency || r.offTopic || !ask) return null;
    return made(s, 'other-currency', inOtherCurrency(s.ctx), 'amount', 'amount', 1, 'amount');
  },
};

/** An entry knows the uncovered word itself: content a press officer added since ("Utvärderas satsningen?"). */
export function covered(s: Scope): boolean {
  return s.kit.knowsUncovered(s.r.query, (x) => s.kit.matcher.knows(x, true));
}

export const uncovered: Rule = {
  name: 'not-stated',
  examples: ['Hur ska satsningen utvärderas?', 'Breakdown of the 2019 money by county?'],
  // A subject the documents do not cover (words.yaml → cues.uncovered): not stated, with the nearest facts,
  // rather than the amount or the entry its other words come near. A place asked about ("Hur många
  // invånare har Malmö?") is the place rules' business.
  decide(s) {
    if (!(s.r.cue.uncovered || s.r.cue.population) || s.named || covered(s)) return null;
    // ("hur många bor där?": its "hur många" is no count of the list's municipalities.)
    const near = s.r.cue.population ? null : s.r.strong?.id;
    const parts = notStatedNear(s.kit, s.ctx, near, subjectOf(s));
    return made(s, 'not-stated', parts, 'unknown', null, s.confidence, null);
  },
};

export const perMunicipality: Rule = {
  name: 'per-municipality',
  examples: ['Hur mycket får varje kommun?'],
  decide: (s) =>
    s.r.cue.perMunicipality ? entry(s, 'per-municipality', 'amount.per-municipality', 'amount') : null,
};

export const otherApplicants: Rule = {
  name: 'other-applicants',
  examples: ['Kan företag söka?'],
  // "Kan föreningar i Malmö söka?", "kan jag söka …": not a municipality applying; no verdict for the place.
  decide(s) {
    const { cue } = s.r;
    // "Vi på länsstyrelsen i Dalarna undrar vilka av våra kommuner …": which of a county's municipalities.
    const ofCounty = s.r.county !== null && cue.listAsk;
    if (!(cue.eligibility && cue.otherApplicants && !cue.amount && !ofCounty)) return null;
    s.ctx.mentions = [];
    return entry(s, 'other-applicants', 'otherApplicants', 'eligibility');
  },
};

export const year: Rule = {
  name: 'year',
  examples: [
    'Hur mycket avsätts 2019?',
    'Vilka kommuner kan söka 2018?',
    'Which agency distributes the money in 2018?',
  ],
  decide(s) {
    const { r } = s;
    if (!hasYears(r.period)) return null;
    if (r.cue.amount || r.cue.average) return entry(s, 'year-amount', 'amount', 'amount');
    // "Är det samma 32 kommuner som kan söka 2021–2027?": who may apply in those years.
    if ((r.cue.eligibility && !r.cue.money) || r.cue.list)
      return entry(s, 'year-list', 'municipalities', 'municipalities');
    // A year with a clear topic ("Vem fördelar pengarna 2019?", "Baylan 2021") answers that topic; a
    // year alone is an amount question; a year with only unknown words ("Vem vann valet 2018?") is not.
    const topic = r.results.find((x) => x.score <= ANSWER_AT && x.entry.intent !== 'amount');
    // "deadline för 2019 års ansökningar?": words no entry weighs ("deadline") leave the entry they point
    // at strong, and that entry answers, not the year's amount.
    if (topic && (!r.offTopic || r.strong === topic.entry))
      return entry(s, 'year-topic', topic.entry.id, topic.entry.intent, 1 - topic.score);
    if (r.strong || !r.offTopic || r.cue.money || r.period.compare)
      return entry(s, 'year-amount', 'amount', 'amount');
    return null;
  },
};

export const list: Rule = {
  name: 'list',
  examples: ['Vilka kommuner kan söka?'],
  // "How many municipalities can apply in total?" is the list, not a sum of kronor.
  decide: (s) =>
    s.r.cue.list && !s.r.cue.money && !/\b(hur mycket|how much)\b/.test(s.r.f)
      ? entry(s, 'list', 'municipalities', 'municipalities')
      : null,
};

export const overview: Rule = {
  name: 'overview',
  examples: ['Vad innebär satsningen?'],
  // "Vad innebär satsningen?": only when the programme itself is named ("What is 17 times 23?" is not).
  decide: (s) =>
    !s.r.cue.amount && s.r.query.length === 0 && namesProgramme(s.kit, s.r) && s.r.cue.overview
      ? entry(s, 'overview', 'overview', 'background')
      : null,
};

/** The entry nearest the part's words, when one is close. */
const nearest = (r: Reading) => r.strong ?? (r.top && r.score <= SUGGEST_AT ? r.top.entry : null);

export const notStatedDetail: Rule = {
  name: 'not-stated',
  examples: ['Får pengarna användas till fritidsgårdar?'],
  // "Får pengarna användas till fältassistenter?", "Is there an application template?": a detail of the
  // programme that no fact answers. Say so, with the nearest facts and who can answer.
  decide(s) {
    const { r } = s;
    const near = nearest(r);
    if (!(r.unknown.length > 0 && (namesProgramme(s.kit, r) || (near && !r.offTopic)))) return null;
    const yesNo = s.kit.cues.yesNo.test(r.f);
    if (!(yesNo || r.cue.purpose)) return null;
    // "Vad är syftet, i stora drag?": a question for the topic itself, which its entry answers.
    if (!yesNo && r.strong && whStart(s.kit, r.f)) return null;
    const parts = notStatedNear(s.kit, s.ctx, near?.id, subjectOf(s));
    return made(
      s,
      'not-stated',
      parts,
      near?.intent ?? 'unknown',
      near?.id ?? null,
      s.confidence,
      near?.id ?? null,
    );
  },
};

export const duration: Rule = {
  name: 'duration',
  examples: ['Hur länge pågår satsningen?'],
  decide: (s) =>
    s.r.cue.duration && (!s.r.strong || ['amount', 'municipalities'].includes(s.r.strong.intent))
      ? entry(s, 'duration', 'duration', 'amount')
      : null,
};

export const purpose: Rule = {
  name: 'purpose',
  examples: ['Vad kan kommunerna göra för pengarna?'],
  decide: (s) =>
    s.r.cue.purpose && (!s.r.strong || ['amount', 'help'].includes(s.r.strong.intent))
      ? entry(s, 'purpose', 'purpose', 'purpose')
      : null,
};

export const howToApply: Rule = {
  name: 'how-to-apply',
  examples: ['How do we apply?'],
  decide: (s) =>
    s.r.cue.howToApply && !s.r.offTopic ? entry(s, 'how-to-apply', 'application', 'administration') : null,
};

export const unknownPlaceRule: Rule = {
  name: 'eligibility',
  examples: ['Kan Narnia söka?'],
  // "Kan Oslo söka?": an eligibility question about a place we do not know: say that we do not know it.
  decide(s) {
    const { r, ctx } = s;
    if (!(r.cue.eligibility || r.cue.belongs) || (r.strong && r.strong.intent !== 'eligibility')) return null;
    const place = unknownPlace(r.all, s.kit.isWord);
    const name = place !== null && /^\p{Lu}/u.test(place);
    // "Väsby med?": being on the list, asked of a name we do not know, is the same question.
    if (!r.cue.eligibility && !name) return null;
    ctx.unknownPlace = place;
    if (r.offTopic && !name) return null;
    return made(
      s,
      'eligibility',
      eligibility(ctx),
      'eligibility',
      'eligibility',
      Math.max(s.confidence, 0.5),
    );
  },
};

export const topic: Rule = {
  name: 'topic',
  examples: ['Vem är presskontakt?'],
  decide: (s) =>
    s.r.strong && !s.r.offTopic ? entry(s, 'topic', s.r.strong.id, s.r.strong.intent, s.confidence) : null,
};

export const amount: Rule = {
  name: 'amount',
  examples: ['annual amount long term?'],
  // "How much per year?": nothing but the amount words, which the matcher does not weigh.
  decide: (s) =>
    s.r.cue.amount && !s.r.offTopic
      ? entry(s, 'amount', 'amount', 'amount', Math.max(s.confidence, 0.5))
      : null,
};

export const notStatedProgramme: Rule = {
  name: 'not-stated',
  examples: ['Vad säger satsningen om fritidsgårdar i glesbygd?'],
  // A question about the programme that no entry answers well: what the release does not say.
  decide(s) {
    if (!(namesProgramme(s.kit, s.r) && s.r.unknown.length > 0)) return null;
    const near = nearest(s.r);
    const parts = notStatedNear(s.kit, s.ctx, near?.id, subjectOf(s));
    return made(s, 'not-stated', parts, 'unknown', null, s.confidence, null);
  },
};

export const suggest: Rule = {
  name: 'suggest',
  examples: ['syfte kaffe'],
  decide(s) {
    const { r } = s;
    if (!(r.top && r.score <= SUGGEST_AT && !r.offTopic)) return null;
    const suggestions = r.results
      .filter((x) => x.score <= SUGGEST_AT)
      .slice(0, 3)
      .map((x) => x.entry.examples[s.lang][0] ?? '');
    return made(s, 'suggest', suggestParts(s.ctx, suggestions), 'unknown', null, s.confidence, null);
  },
};

export const fallback = {
  name: 'fallback',
  examples: ['Vad kostar en kaffe?'],
  decide: (s: Scope): Decision =>
    made(s, 'fallback', fallbackParts(s.ctx), 'unknown', null, s.confidence, null),
} satisfies Rule;
