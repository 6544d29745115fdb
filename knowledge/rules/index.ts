// The routing table: after a part has taken what it leans on from before (carry.ts), the first rule that
// applies decides. Each rule is a named value with its corpus (rule.ts), grouped by what it is about.
import type { Kit } from '../kit.ts';
import type { Reading } from '../reading.ts';
import type { ConversationContext } from '../types.ts';
import { carry, followUp } from './carry.ts';
import { draftLine, passage, quote, speakerQuote, unlessStated } from './passages.ts';
import {
  county,
  namedAmount,
  namedEligibility,
  namedPurpose,
  namedTopic,
  namedWhich,
  pronoun,
} from './places.ts';
import type { Rule } from './rule.ts';
import { type Decision, placesOf, type Scope } from './scope.ts';
import { THREAD_RULES } from './thread.ts';
import {
  amount,
  duration,
  fallback,
  howToApply,
  list,
  notStatedDetail,
  notStatedProgramme,
  otherApplicants,
  otherCurrency,
  overview,
  perMunicipality,
  purpose,
  suggest,
  topic,
  uncovered,
  unknownPlaceRule,
  why,
  year,
} from './topics.ts';

/** In order: the first that applies decides; `fallback` always does. */
export const RULES: readonly Rule[] = [
  draftLine,
  quote,
  speakerQuote,
  why,
  otherCurrency,
  uncovered,
  perMunicipality,
  otherApplicants,
  pronoun,
  namedPurpose,
  namedAmount,
  namedWhich,
  namedTopic,
  namedEligibility,
  county,
  year,
  list,
  overview,
  unlessStated(notStatedDetail),
  duration,
  purpose,
  howToApply,
  unknownPlaceRule,
  topic,
  amount,
  passage,
  notStatedProgramme,
  suggest,
  fallback,
];

/**
 * Decides one part. `sameMessage`: `prev` comes from the sentences before the question in the same
 * message, so an eligibility question may take their places ("sorry, I meant Nyköping. Eligible?").
 */
export function decide(
  kit: Kit,
  r: Reading,
  prev: ConversationContext | null,
  sameMessage = false,
  inMessage = sameMessage,
): Decision {
  // "Switching topics — …", "annan fråga: …": nothing is taken from before.
  const s = scopeOf(kit, r, r.cue.newTopic ? null : prev, sameMessage, inMessage);
  for (const rule of THREAD_RULES) {
    const d = rule.decide(s);
    if (d) return d;
  }
  carry(s);
  const leaning = followUp(s);
  if (leaning) return leaning;
  for (const rule of RULES) {
    const d = rule.decide(s);
    if (d) return d;
  }
  return fallback.decide(s);
}

function scopeOf(
  kit: Kit,
  r: Reading,
  prev: ConversationContext | null,
  sameMessage: boolean,
  inMessage: boolean,
): Scope {
  // "which of those can apply?" after three places asked one by one: all of them.
  const those = r.cue.listAsk && r.cue.pronounPlural && (prev?.seen?.length ?? 0) > 1;
  return {
    kit,
    r,
    ctx: {
      kb: kit.kb,
      lang: r.lang,
      period: r.period,
      mentions: r.mentions,
      ambiguous: r.ambiguous,
      unknownPlace: null,
      county: null,
      average: r.cue.average,
      ratio: r.cue.ratio,
    },
    prev,
    sameMessage,
    inMessage,
    carried: [],
    prevPlaces: placesOf((those ? prev?.seen : prev?.places) ?? []),
    named: r.mentions.length > 0 || r.ambiguous.length > 0,
    sure: r.mentions.length > 0,
    relative: r.cue.yearAfter ? 1 : r.cue.yearBefore ? -1 : 0,
    lang: r.lang,
    confidence: Math.round((1 - r.score) * 100) / 100,
  };
}
