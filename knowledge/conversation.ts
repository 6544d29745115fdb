// What a conversation carries from one question to the next: slot ids only (topic, places, years,
// county, language, operation), never the question's text, so it can be stored as it is.
import type { Kit } from './kit.ts';
import { ANSWERED_BY } from './query/claims.ts';
import { ANSWER_AT, read } from './reading.ts';
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

/** The context the next question may lean on. */
export function nextContext(d: Decision, lang: Lang, prev: ConversationContext | null): ConversationContext {
  const places = placesIn(d);
  const county = d.ctx.county?.name;
  const corrected = [
    ...new Set((d.claims ?? []).filter((c) => c.verdict === 'wrong').map((c) => ANSWERED_BY[c.attribute])),
  ];
  const asked = askedYears(d, prev);
  const counties = [...(prev?.counties ?? []).filter((c) => c !== county), ...(county ? [county] : [])];
  return {
    // An aside ("btw, what's the weather in Stockholm?") leaves the conversation's topic where it was.
    topic: d.topic ?? (d.rule.includes('off-topic') ? (prev?.topic ?? null) : null),
    places,
    seen: [...new Set([...(prev?.seen ?? []), ...places])].slice(-MAX_SEEN),
    years: d.ctx.period.years,
    ranges: d.ctx.period.ranges,
    total: d.ctx.period.total,
    county: d.ctx.county?.name ?? null,
    ...(counties.length ? { counties: counties.slice(-MAX_COUNTIES) } : {}),
    ...(corrected.length ? { corrected } : {}),
    lang,
    ...(d.operation ? { operation: d.operation } : {}),
    // "och 2019?" after 2018: the years before, for "båda åren ihop?".
    ...(prev?.years.length && !prev.ranges.length ? { yearsBefore: prev.years } : {}),
    ...(asked.length > 1 ? { asked } : {}),
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
