// What every rule decides on and returns: the part's Reading, the Context the composers fill, what was
// carried from before, and the Decision a rule makes. The helpers here are shared by several rules.
import { askedYears, type Context, combine, eligibility, notStated, type Parts } from '../answers.ts';
import type { Kit } from '../kit.ts';
import { type County, type Mention, MUNICIPALITIES } from '../municipalities.ts';
import type { ClaimVerdict, Operation } from '../query/types.ts';
import type { Reading } from '../reading.ts';
import type { ConversationContext, Intent, Lang } from '../types.ts';

/** The decision for one part, before it becomes an Answer. */
export interface Decision {
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

/** One part being decided: what it says, what it took from before, and the means to decide. */
export interface Scope {
  kit: Kit;
  r: Reading;
  ctx: Context;
  prev: ConversationContext | null;
  /** `prev` comes from the sentences before the question in the same message. */
  sameMessage: boolean;
  /** `prev` comes from this message (its context sentences or an earlier part), not an earlier turn. */
  inMessage: boolean;
  /** What was taken from before, for the note that says so. */
  carried: string[];
  /** Places the previous question was about (or all seen, for "which of those"). */
  prevPlaces: Mention[];
  /** The part names a place, surely or as a typo with several readings. */
  named: boolean;
  /** The part names a place surely. */
  sure: boolean;
  /** -1 or +1 for "the year before/after", else 0. */
  relative: number;
  lang: Lang;
  confidence: number;
}

/** A decision with the part's context. */
export function made(
  s: Scope,
  rule: string,
  parts: Parts,
  intent: Intent,
  entryId: string | null,
  conf = s.confidence,
  topic: string | null = entryId,
): Decision {
  return { rule, parts, intent, entryId, confidence: conf, ctx: s.ctx, topic };
}

/** A decision that answers with an FAQ entry or composer. */
export const entry = (s: Scope, rule: string, id: string, intent: Intent, conf = 1): Decision =>
  made(s, rule, s.kit.compose(id, s.ctx), intent, id, conf);

const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

/** Municipalities by SCB code, as the context stores them. */
export function placesOf(codes: readonly string[]): Mention[] {
  return codes.flatMap((code) => {
    const m = byCode.get(code);
    return m ? [{ municipality: m, via: 'exact' as const, said: m.name }] : [];
  });
}

/** A county or region by the name a conversation's context stores ("Skåne län", "Norrland"). */
export function countyNamed(kit: Kit, name: string): County | null {
  return kit.gazetteer.countyNamed(name);
}

/** A county's municipalities on the list of the year asked (or the latest list). */
export function countyMentions(c: County, ctx: Context): Mention[] {
  const { kb } = ctx;
  const year =
    kb.listYears.find((y) => askedYears(ctx.period).includes(y)) ??
    kb.listYears[kb.listYears.length - 1] ??
    0;
  const listed = new Set(kb.listFor(year)?.municipalities ?? []);
  return c.municipalities
    .filter((m) => listed.has(m.name))
    .map((m) => ({ municipality: m, via: 'county' as const, said: m.name }));
}

/**
 * A county's answer, and the verdict of each place the message names besides its listed municipalities:
 * "Vilka i Jönköpings län är med? Vi skriver Jönköping och Värnamo" says Värnamo is not, as well as which
 * are. The part's own places count wherever they lie; the places of the message's other sentences only
 * when they lie in the county (a place named in passing elsewhere gets no verdict it was not asked for).
 */
export function countyAnswer(s: Scope, c: County, rule = 'county'): Decision {
  const { ctx } = s;
  ctx.county = c;
  const listed = countyMentions(c, ctx);
  const codes = new Set(listed.map((m) => m.municipality.code));
  const inCounty = new Set(c.municipalities.map((m) => m.code));
  const message = s.sameMessage ? s.prevPlaces.filter((m) => inCounty.has(m.municipality.code)) : [];
  const extra = [...s.r.mentions, ...message].filter(
    (m, i, xs) =>
      !codes.has(m.municipality.code) &&
      xs.findIndex((x) => x.municipality.code === m.municipality.code) === i,
  );
  const answer = s.kit.compose('county', ctx);
  ctx.mentions = [...listed, ...extra];
  const parts = extra.length ? combine([answer, eligibility({ ...ctx, mentions: extra })]) : answer;
  return made(s, rule, parts, 'eligibility', 'county', 1, 'eligibility');
}

/**
 * "Is Lidköping on the list? Our infographic has Lidköping, Linköping and Jönköping", "… frågar om
 * Uddevalla, Lysekil och Munkedal kan söka. Och Strömstad?": the places another sentence of the same
 * message lists are checked with the question's own, each against the list. One place is enough when
 * that sentence sets it beside the one asked ("It's right next to Gothenburg", "jag förväxlar med
 * Jönköping"); one place in a preface ("P4 Örebro ringde") is no question about it.
 */
export function withListedInMessage(s: Scope): void {
  if (!s.sameMessage || s.prevPlaces.length < (s.prev?.besidePlace ? 1 : 2)) return;
  const own = new Set(s.ctx.mentions.map((m) => m.municipality.code));
  s.ctx.mentions = [...s.ctx.mentions, ...s.prevPlaces.filter((m) => !own.has(m.municipality.code))];
}

/** "The release does not say", then the nearest answer the release does give (if a topic matched). */
export function notStatedNear(
  kit: Kit,
  ctx: Context,
  nearId?: string | null,
  subject?: string | null,
): Parts {
  const base = notStated(ctx, subject);
  if (!nearId || nearId === 'help') return base;
  const near = kit.compose(nearId, ctx);
  // An answer that already says what the release does not ("Hur man ansöker … framgår inte") stands alone.
  if (/framgår inte|does not say|säger .*ingenting|says nothing/.test(near.text)) return near;
  return {
    ...base,
    text: `${base.text.split('\n')[0]}\n${near.text}`,
    sources: [...near.sources],
    outcome: 'unstated',
  };
}

/**
 * The answer with a note that it was read as a follow-up, naming what it took from the previous turn.
 * Within one message the asker wrote both parts just now: no note.
 */
export function noted(s: Scope, parts: Parts, followUp = false): Parts {
  if (s.inMessage || (!followUp && !s.carried.length)) return parts;
  const note = s.carried.length
    ? s.kit.kb.say(s.lang, 'context.about', { what: s.carried.join(' · ') })
    : s.kit.kb.say(s.lang, 'context.follow-up');
  return { ...parts, text: `${note}\n${parts.text}` };
}

/** A topic the part named by cue words, when it has no strong match of its own. */
export function topicOf(r: Reading): string | null {
  if (r.cue.amount || r.cue.money) return 'amount';
  // "hur går det till när kommunen ansöker?": how to apply, not whether it may.
  if (r.cue.howToApply) return 'application';
  if (r.cue.eligibility) return 'eligibility';
  return r.strong?.id ?? null;
}

/** Answers a topic (carried from before, or named by a pronoun part) with the part's own slots. */
export function onTopic(s: Scope, topic: string): Decision {
  const { r, ctx } = s;
  if (r.cue.why) return made(s, 'why', s.kit.compose('why', ctx), 'eligibility', 'why', 1, 'eligibility');
  if (r.county && !ctx.mentions.length) return countyAnswer(s, r.county);
  const places = ctx.mentions.length > 0 || ctx.ambiguous.length > 0;
  if (topic.startsWith('amount') || topic === 'duration')
    return places
      ? entry(s, 'amount-for-place', 'amount.per-municipality', 'amount')
      : entry(s, 'amount', 'amount', 'amount');
  if (topic === 'eligibility' || topic === 'municipalities' || topic === 'county' || topic === 'why') {
    if (places) {
      withListedInMessage(s);
      return entry(s, 'eligibility', 'eligibility', 'eligibility');
    }
    if (!ctx.county) return entry(s, 'list', 'municipalities', 'municipalities');
    // "vilka då?" after "how many in Skåne?": the county's listed municipalities, each with its verdict.
    ctx.mentions = countyMentions(ctx.county, ctx);
    return made(s, 'county', s.kit.compose('county', ctx), 'eligibility', 'county', 1, 'eligibility');
  }
  const e = s.kit.entries.get(topic);
  if (e) return entry(s, 'topic', e.id, e.intent);
  return made(s, topic, s.kit.compose(topic, ctx), 'unknown', topic, 1, topic);
}

/**
 * What a part asks that the documents do not cover, as the asker typed it: the words of a subject no
 * document speaks of (words.yaml → cues.uncovered: "evaluated", "medfinansiering"). Words no entry knows
 * are not named: they are as often how the question is put ("rent praktiskt", "still") as what it asks.
 */
export function subjectOf(s: Scope): string | null {
  const { r, kit } = s;
  const typed = (at: number, length: number) =>
    r.text.length === r.f.length ? r.text.slice(at, at + length) : r.f.slice(at, at + length);
  const re = kit.cues.uncovered;
  re.lastIndex = 0;
  const m = r.cue.uncovered ? re.exec(r.f) : null;
  return m ? typed(m.index, m[0].length) : null;
}
