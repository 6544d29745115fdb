// What a conversation carries from one question to the next: slot ids only (topic, places, years,
// county, language, operation), never the question's text, so it can be stored as it is.
import type { Agency } from './content.ts';
import type { Kit } from './kit.ts';
import { ANSWERED_BY } from './query/claims.ts';
import { ANSWER_AT, type Reading, read } from './reading.ts';
import { decide } from './rules/index.ts';
import type { Decision } from './rules/scope.ts';
import type { ConversationContext, Lang } from './types.ts';
import { hasYears } from './years.ts';

/** Places a conversation remembers for "which of those": enough for a list asked one by one. */
const MAX_SEEN = 8;

const placesIn = (d: Decision) =>
  d.ctx.mentions.filter((m) => m.via !== 'county').map((m) => m.municipality.code);

/** Counties a conversation remembers for "both counties together". */
const MAX_COUNTIES = 4;

/** Years a thread remembers for "alla tre tillsammans?": enough for a few years asked one by one. */
const MAX_ASKED = 6;

/**
 * The single years asked in a row about one topic, latest last: a turn on another topic, or one asking a
 * range, starts again.
 */
function askedYears(d: Decision, prev: ConversationContext | null): number[] {
  const { years, ranges } = d.ctx.period;
  if (ranges.length) return [];
  const before = d.topic && prev?.topic === d.topic ? (prev.asked ?? prev.years) : [];
  return [...before.filter((y) => !years.includes(y)), ...years].slice(-MAX_ASKED);
}

/** What a part says of an agency: the one it names (exactly one), and whether it asked years of its own. */
export interface AgencyTurn {
  named: Agency | null;
  ownYears: boolean;
}

/** The documented agency a part names by any of its names ("Delmos", "tvv"), if exactly one. */
export function agencyTurn(kit: Kit, r: Reading): AgencyTurn {
  const names = kit.agencies.find(r.text, r.f);
  const [only] = names.length === 1 ? names : [];
  const named = kit.kb.content.agencies.find((a) => a.name === only?.name) ?? null;
  return { named, ownYears: hasYears(r.period) };
}

/**
 * The thread's agency: the one the part names, else the one before while the part leans on the turn
 * before (a follow-up, or the agencies' topic again); a part about places, counties, years of its own
 * ("vem fördelar 2018?" is that year's agency) or another topic ends it.
 */
function agencyOf(d: Decision, prev: ConversationContext | null, turn: AgencyTurn): string | undefined {
  if (turn.named) return turn.named.name;
  if (!prev?.agency || turn.ownYears || d.ctx.mentions.length || d.ctx.county) return undefined;
  return d.rule.startsWith('follow-up') || d.topic === prev.topic ? prev.agency : undefined;
}

/**
 * "What is Delmos?": the years of the agency named, from its period in agencies.yaml (one year, or from
 * its first to its last, the grant's last when open), so "and before that?" is the year before. A part
 * that keeps the agency and asks no years ("what role does it play?") keeps them.
 */
function agencyPeriod(
  d: Decision,
  prev: ConversationContext | null,
  turn: AgencyTurn,
  agency: string | undefined,
): Pick<ConversationContext, 'years' | 'ranges'> {
  const { years, ranges } = d.ctx.period;
  const a = turn.named;
  if (turn.ownYears || hasYears(d.ctx.period) || !agency) return { years, ranges };
  if (!a) return agency === prev?.agency ? { years: prev.years, ranges: prev.ranges } : { years, ranges };
  const to = a.to ?? d.ctx.kb.lastYear;
  return to > a.from ? { years: [], ranges: [[a.from, to]] } : { years: [a.from], ranges: [] };
}

const NO_AGENCY: AgencyTurn = { named: null, ownYears: false };

/** The document sentences the answer quoted as its sources, by their index, in the documents' order. */
function quotedIn(d: Decision): Pick<ConversationContext, 'quoted'> {
  const quotes = d.parts.sources.map((x) => x.quote);
  const all = d.ctx.kb.content.derived.passages.passages;
  // A short sentence ("Sverige ska hålla ihop", a name) may stand inside any quote: only whole sentences count.
  const whole = (p: { text: string }) => p.text.length >= MIN_SENTENCE;
  const quoted = all.flatMap((p, i) => (whole(p) && quotes.some((q) => q.includes(p.text)) ? [i] : []));
  return quoted.length && quoted.length <= MAX_QUOTED ? { quoted } : {};
}

/** Sentences a turn remembers: a quote's few, not a whole list's heading and all. */
const MAX_QUOTED = 8;
const MIN_SENTENCE = 40;

/** The context the next question may lean on. */
export function nextContext(
  d: Decision,
  lang: Lang,
  prev: ConversationContext | null,
  turn: AgencyTurn = NO_AGENCY,
): ConversationContext {
  const places = placesIn(d);
  const county = d.ctx.county?.name;
  const corrected = [
    ...new Set((d.claims ?? []).filter((c) => c.verdict === 'wrong').map((c) => ANSWERED_BY[c.attribute])),
  ];
  const asked = askedYears(d, prev);
  const counties = [...(prev?.counties ?? []).filter((c) => c !== county), ...(county ? [county] : [])];
  const agency = agencyOf(d, prev, turn);
  return {
    // An aside ("btw, what's the weather in Stockholm?") leaves the conversation's topic where it was.
    topic: d.topic ?? (d.rule.includes('off-topic') ? (prev?.topic ?? null) : null),
    places,
    seen: [...new Set([...(prev?.seen ?? []), ...places])].slice(-MAX_SEEN),
    ...agencyPeriod(d, prev, turn, agency),
    total: d.ctx.period.total,
    county: d.ctx.county?.name ?? null,
    ...(counties.length ? { counties: counties.slice(-MAX_COUNTIES) } : {}),
    ...(corrected.length ? { corrected } : {}),
    lang,
    ...(d.operation ? { operation: d.operation } : {}),
    // "och 2019?" after 2018: the years before, for "båda åren ihop?".
    ...(prev?.years.length && !prev.ranges.length ? { yearsBefore: prev.years } : {}),
    ...(asked.length > 1 ? { asked } : {}),
    ...(agency ? { agency } : {}),
    ...quotedIn(d),
  };
}

/**
 * A quoted line or a paragraph before the question, read like an earlier turn: its places, years and
 * topic, should the question lean on them ("> Från och med 2019 hanteras … / vem hade det innan?").
 */
export function withContextText(
  kit: Kit,
  contextText: string,
  lang: Lang,
  prev: ConversationContext | null,
): ConversationContext | null {
  if (!contextText) return prev;
  const read_ = read(kit, contextText, lang);
  // A sentence that asks nothing takes a topic only from words close to one: "En reporter ska åka dit"
  // mentions the press but asks for no press contact (a clear lead is for questions put loosely).
  const c = read_.score > ANSWER_AT ? { ...read_, strong: null } : read_;
  const d = decide(kit, c, prev);
  const places = placesIn(d);
  if (!(places.length || hasYears(c.period) || d.topic)) return prev;
  return {
    topic: d.topic ?? prev?.topic ?? null,
    places,
    years: c.period.years,
    ranges: c.period.ranges,
    county: c.county?.name ?? null,
    lang,
    ...(c.cue.besidePlace && places.length ? { besidePlace: true } : {}),
  };
}

/** Each municipality once, by code. */
export function dedupe<T extends { code: string }>(xs: T[]): T[] {
  return xs.filter((x, i) => xs.findIndex((y) => y.code === x.code) === i);
}
