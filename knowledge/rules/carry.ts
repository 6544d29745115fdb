// What a part takes from the one before: places pointed back at, years moved or compared, a county, and
// the earlier topic when the part names none of its own ("och 2019?", "samma för Umeå?", "his number?").

import { askedYears, listYearFor, onList } from '../answers.ts';
import type { Agency } from '../content.ts';
import type { Mention } from '../municipalities.ts';
import { ANSWER_AT, namesProgramme, ownTopic, whStart } from '../reading.ts';
import { countNamed, hasYears, type Period } from '../years.ts';
import { joinPeriods } from './periods.ts';
import { apposition } from './places.ts';
import {
  countyNamed,
  type Decision,
  made,
  noted,
  notStatedNear,
  onTopic,
  placesOf,
  type Scope,
} from './scope.ts';
import { covered } from './topics.ts';

/** A person pointed back at ("his number") outweighs a topic matched no better than this ("number"). */
const PERSON_OVERRIDE = 0.25;
/** A question of this many words or fewer with no topic word is a fragment ("by whom?", "av vem?"). */
const FRAGMENT = 2;
/** A "why" of this many words or fewer ("why so little?") asks about the answer before. */
const SHORT_WHY = 4;
const NO_PERIOD: Period = { years: [], ranges: [], total: false, compare: false };

/**
 * "and the one that isn't on it, why not?", "de som är med då?": of the places the thread asked about,
 * those off (or on) the list; null when the part names neither, or none is.
 */
function byList(s: Scope): Mention[] | null {
  const { cue } = s.r;
  if (!(cue.offListRef || cue.onListRef) || !s.prev) return null;
  const year = listYearFor(s.kit.kb, s.ctx.period);
  const want = Boolean(cue.onListRef && !cue.offListRef);
  const found = placesOf(s.prev.seen ?? s.prev.places).filter(
    (m) => onList(s.kit.kb, m.municipality, year) === want,
  );
  return found.length ? found : null;
}

/** Moves what the part takes from before into its scope. */
export function carry(s: Scope): void {
  const { prev } = s;
  if (!prev) return;
  agencyFirstYear(s);
  const prevPeriod: Period = { ...NO_PERIOD, years: prev.years, ranges: prev.ranges };
  // "how many people live there?" after a place or a county: a subject no document covers, about that
  // place, not a question of its list; it takes no place to give a verdict for.
  const aside = uncoveredAsk(s);
  if (
    !aside &&
    !s.named &&
    !s.r.county &&
    (s.r.cue.pronounPlace || s.r.cue.why || s.r.cue.correction || (s.sameMessage && s.r.cue.eligibility)) &&
    s.prevPlaces.length
  ) {
    s.ctx.mentions = byList(s) ?? s.prevPlaces;
    s.carried.push(s.ctx.mentions.map((m) => m.municipality.name).join(', '));
  }
  // "and how much more is it in 2019?" after 2018: the earlier year is the one compared with; after a
  // comparison ("2020 jämfört med 2019" → "och jämfört med 2018?") the year compared is replaced.
  const p = s.r.period;
  if (p.compare && p.years.length === 1 && !p.ranges.length && prev.years.length && prev.years.length <= 2) {
    const years = [...new Set([prev.years[0] ?? 0, ...p.years])];
    if (years.length === 2) withPeriod(s, { ...p, years });
  }
  carryArithmetic(s, prevPeriod);
  if (
    !hasYears(s.r.period) &&
    (s.relative || s.r.cue.pronounYear || (!ownTopic(s.kit, s.r) && prev.topic)) &&
    hasYears(prevPeriod)
  ) {
    // "och året efter?", "vem hade det innan?": the year asked before, moved by one when asked to.
    // A range moves to the year just outside it: "från och med 2019 … innan?" is 2018.
    const rel = s.relative;
    const moved = [
      ...prev.years.map((y) => y + rel),
      ...prev.ranges.map(([a, b]) => (rel < 0 ? a - 1 : b + 1)),
    ];
    // "och hur mycket mer blir det året efter?": that year compared with the one before it.
    const years = rel
      ? s.r.period.compare && prev.years.length === 1
        ? [...prev.years, ...moved]
        : moved
      : prev.years;
    withPeriod(s, { ...s.r.period, years, ranges: rel ? [] : prev.ranges });
  }
  // "which of those can apply?", "vilka kommuner där?", "hur många blir det?" after a county: that county.
  // (Not a count of kronor or of years, nor of something no word of the grant names: "how many people …")
  const { cue } = s.r;
  const other = cue.amount || cue.money || cue.duration || cue.uncovered || s.r.unknown.length > 0;
  const counts = cue.countAsk && !other && !hasYears(s.r.period);
  if (
    !aside &&
    prev.county &&
    !s.named &&
    !s.r.county &&
    !s.prevPlaces.length &&
    (s.r.cue.pronounPlace || s.r.cue.list || s.r.cue.eligibility || counts)
  ) {
    s.r = { ...s.r, county: countyNamed(s.kit, prev.county) };
    s.carried.push(prev.county);
  }
}

/**
 * The arithmetic a part asks of the years before: "båda åren ihop?" / "the difference between them" takes
 * the years of the last two turns, "and excluding 2018?" takes a year out of the years asked before.
 */
function carryArithmetic(s: Scope, prevPeriod: Period): void {
  const { prev, r } = s;
  if (!prev) return;
  if (overAsked(s)) return;
  const before = prev.yearsBefore ?? [];
  if (r.cue.bothYears && !hasYears(r.period) && prev.years.length === 1 && before.length === 1) {
    withPeriod(s, { ...r.period, years: [...new Set([...before, ...prev.years])], ranges: [] });
    return;
  }
  if (r.cue.exclude && r.period.years.length && !r.period.ranges.length && hasYears(prevPeriod)) {
    const left = askedYears(prevPeriod).filter((y) => !r.period.years.includes(y));
    if (left.length)
      withPeriod(s, {
        ...r.period,
        years: [],
        ranges: joinPeriods({ ...NO_PERIOD, years: left }, NO_PERIOD).ranges,
      });
  }
}

/**
 * "alla tre tillsammans?", "skillnaden?", "o totalt för dom två åren?", "and in per cent?" after years asked
 * one by one about the amount: the operation runs over the thread's years, the last n when it names a
 * count, the last two for a comparison. "hur många procent från 2018?" names one of the two: the other
 * is the latest other year asked.
 */
function overAsked(s: Scope): boolean {
  const { prev, r } = s;
  const asked = prev?.asked ?? [];
  const c = r.cue;
  const compares = c.compare || c.percent || c.ratioOf;
  if (!prev?.topic?.startsWith('amount') || asked.length < 2 || s.named || r.period.ranges.length)
    return false;
  if (!(c.total || c.bothYears || c.average || compares) || c.wholeProgramme) return false;
  const [named, ...more] = r.period.years;
  if (named !== undefined) {
    const other = [...asked].reverse().find((y) => y !== named);
    if (more.length || !compares || other === undefined) return false;
    withPeriod(s, { ...r.period, years: [named, other].sort(), compare: true });
    return true;
  }
  const n = c.bothYears ? 2 : countNamed(r.text) || (compares ? 2 : asked.length);
  if (n < 2 || n > asked.length) return false;
  withPeriod(s, { ...r.period, years: asked.slice(-n), total: !compares || r.period.total });
  return true;
}

function withPeriod(s: Scope, period: Period): void {
  s.ctx.period = period;
  s.r = { ...s.r, period };
}

/**
 * "his number?", "when did he hold that post?" after the press contact or the minister: the person is the
 * one the turn before was about, whatever topic a word of the part ("number", "post") matches, unless
 * the part names a person by role ("his press secretary") or asks an amount, a list or another topic
 * by its cue words.
 */
function aboutPerson(s: Scope): boolean {
  // (A thing pointed back at, "its title" after the ordinance, is no person whatever "title" matches.)
  if (s.r.cue.pronounThing) return false;
  const topic = s.prev?.topic;
  const person = topic ? s.kit.entries.get(topic)?.intent === 'contact' : false;
  return person && !s.r.cue.personRole && !ownTopic(s.kit, { ...s.r, strong: null });
}

/**
 * "what's its full title?", "vad är dess nummer?" after the ordinance or the agencies: a thing the answer
 * before named, pointed back at, whatever person a word of the part ("title", "number") matches.
 */
function thingBefore(s: Scope): boolean {
  const { r, prev, kit } = s;
  const before = prev?.topic ? kit.entries.get(prev.topic)?.intent : undefined;
  const own = r.strong ?? r.top?.entry;
  // ("vem är dess presskontakt?" names a person by role: that person.)
  const person = own?.intent === 'contact' && !r.cue.personRole;
  // "What is Delmos? → what role does it play?": "it" is the agency the thread named, not a person.
  const thing = r.cue.pronounThing || pointsAtAgency(s) !== null;
  return Boolean(thing && before && before !== 'contact' && person);
}

/**
 * The thread's agency the part points at ("it", "den", "its" while the thread has one and the part names
 * no agency, place or county of its own), from agencies.yaml.
 */
function pointsAtAgency(s: Scope): Agency | null {
  const { r, prev, kit } = s;
  if (!prev?.agency || !r.cue.agencyPointer || s.named || r.county) return null;
  if (kit.agencies.find(r.text, r.f).length) return null;
  return kit.kb.content.agencies.find((a) => a.name === prev.agency) ?? null;
}

/**
 * "how much will it distribute in its first year?" after "What is Delmos?": the first year is the
 * agency's first, not the grant's.
 */
function agencyFirstYear(s: Scope): void {
  const a = pointsAtAgency(s);
  const first = s.kit.kb.firstYear;
  if (!a || !s.r.cue.firstYear || !s.r.period.years.includes(first)) return;
  const years = s.r.period.years.map((y) => (y === first ? a.from : y));
  withPeriod(s, { ...s.r.period, years: [...new Set(years)] });
}

/** Topics whose "why?" is about the list: the why rule says what characterises the areas. */
const LIST_TOPICS = ['eligibility', 'municipalities', 'county', 'why'];

/**
 * "why the change?", "varför bara det året?" after the agencies: a why whose other words name no topic
 * of their own asks why the answer before is so. The documents give reasons only where they say them.
 */
function whyBefore(s: Scope): boolean {
  const { r, prev } = s;
  if (!r.cue.why || !prev?.topic || s.named || r.county || LIST_TOPICS.includes(prev.topic)) return false;
  const rest = r.query.filter((x) => !s.kit.cues.why.test(x));
  const own = rest.length ? s.kit.matcher.rank(rest, 1)[0] : undefined;
  // "why the change?" (the agencies), "why Tillväxtverket?": its words are the topic before.
  if (own && own.score <= ANSWER_AT) return own.entry.id === prev.topic;
  // "varför bara det året?", "why only 2018?", "why so little?"; but "Why is the government doing
  // this?" asks the purpose.
  return r.cue.pronounYear || hasYears(r.period) || r.all.length <= SHORT_WHY;
}

/** The documents give no reason: say so, with the answer before (its years) as what they do say. */
function whyOf(s: Scope, topic: string): Decision {
  const { ctx, prev } = s;
  if (!hasYears(ctx.period) && prev) ctx.period = { ...NO_PERIOD, years: prev.years, ranges: prev.ranges };
  const parts = noted(s, notStatedNear(s.kit, ctx, topic), true);
  return made(s, 'follow-up:why', parts, 'unknown', null, s.confidence, topic);
}

/** "by whom?", "när då?", "av vem?": a question word or two and nothing else asks on about the topic before. */
const fragment = (s: Scope) =>
  s.r.query.length === 0 && s.r.all.length <= FRAGMENT && s.kit.cues.questionStart.test(s.r.f);

/**
 * "what's the weather going to be like in Kiruna tomorrow?", "hur många bor i Kiruna?", "btw snöar det i
 * Falun nu?": a question of its own about a place, with no word of the grant, of applying or of money.
 * It is answered on its own.
 */
function asksElsewhere(s: Scope): boolean {
  const { r } = s;
  const c = r.cue;
  const own = (r.offTopic && asksFirst(s)) || c.elsewhere;
  if (!(s.sure && own) || apposition(s)) return false;
  return !(namesProgramme(s.kit, r) || c.belongs || c.eligibility || c.money || c.amount || c.list);
}

/** A question word first, after words that only lead in ("btw what's …", "och vad …", "förresten hur …"). */
function asksFirst(s: Scope): boolean {
  const { neutral, discourse, wh } = s.kit.words;
  const leadIn = (x: string) => !wh.has(x) && (neutral.has(x) || discourse.has(x));
  const lead = s.r.all.findIndex((x) => !leadIn(x.folded));
  return whStart(s.kit, s.r.f) || (lead > 0 && wh.has(s.r.all[lead]?.folded ?? ''));
}

/** The part leans on the earlier topic: it names no topic of its own, but a slot or a pointer back. */
function leans(s: Scope): boolean {
  const { r, prev } = s;
  if (!prev?.topic || asksElsewhere(s)) return false;
  // "what's his number?" after the press contact: a person pointed back at outweighs a topic word.
  // "who said that?" after a quote: the topic before is the person whose words they are.
  const saidBefore = r.cue.whoSaid && s.kit.entries.get(prev.topic)?.intent === 'contact';
  const open =
    saidBefore ||
    !ownTopic(s.kit, r) ||
    thingBefore(s) ||
    // "so what does this scheme do differently because of that?": a loose topic word does not outweigh it.
    (r.cue.consequenceRef && r.score > ANSWER_AT && !hasYears(r.period)) ||
    r.cue.correction ||
    // ("vem ringer jag om en intervju med honom?" names the press contact by role: that topic.)
    (r.cue.pronounPerson && !s.named && !r.cue.personRole && (r.score > PERSON_OVERRIDE || aboutPerson(s)));
  const slot =
    s.named ||
    (s.sameMessage && r.query.length === 0) ||
    hasYears(r.period) ||
    r.county !== null ||
    r.cue.ellipsis ||
    r.cue.correction ||
    r.cue.source ||
    r.cue.pronounPlace ||
    r.cue.pronounPerson ||
    r.cue.pronounThing ||
    r.cue.consequenceRef ||
    saidBefore ||
    // "so all of that together?" after an amount: the sum of the years asked before.
    (r.cue.total && /^(?:amount|duration)/.test(prev.topic)) ||
    fragment(s) ||
    s.relative !== 0;
  return Boolean(open && slot);
}

/** The part asks a subject no document covers (words.yaml → cues.uncovered) that no entry knows whole. */
const uncoveredAsk = (s: Scope) => (s.r.cue.uncovered || s.r.cue.population) && !covered(s);

/** "och 2019?", "samma för Umeå?", "nej, jag menade Linköping": the earlier topic, the new slots. */
export function followUp(s: Scope): Decision | null {
  const { r, ctx, prev } = s;
  // ("hur många bor där?" after a county: the uncovered rule says the documents do not say.)
  if (!prev?.topic || uncoveredAsk(s)) return null;
  if (whyBefore(s)) return whyOf(s, prev.topic);
  if (!leans(s)) return null;
  if (!s.named && !r.county && s.prevPlaces.length && !ctx.mentions.length) ctx.mentions = s.prevPlaces;
  if (!r.county && prev.county && !s.named) ctx.county = countyNamed(s.kit, prev.county);
  const topic = prev.topic;
  if (prev.total && !ctx.period.total) ctx.period = { ...ctx.period, total: true };
  // "och om man räknar med 2018 och 2019 också?": the new years join the earlier ones.
  const prevPeriod: Period = { ...NO_PERIOD, years: prev.years, ranges: prev.ranges };
  // ("+ 2021?" after a sum: the sign says it as "plus" does.)
  const widens = r.cue.widen || (prev.total && /^\s*\+/.test(r.text));
  if (widens && hasYears(r.period) && hasYears(prevPeriod))
    ctx.period = { ...ctx.period, ...joinPeriods(prevPeriod, r.period) };
  // "när träder den i kraft?": something about that topic the documents do not state.
  const d =
    // ("vilka av dem ligger i Västra Götaland?" names a county: that is its subject, not an unknown word.)
    // ("… because of that?" asks what follows from the answer before: that answer says it, or nothing does.)
    // ("vem var det som sa det?" after a quote: the speaker, whom the answer before names.)
    r.unknown.length > 0 && !s.named && !r.county && !r.cue.consequenceRef && !r.cue.whoSaid
      ? made(s, 'not-stated', notStatedNear(s.kit, ctx, topic), 'unknown', null, s.confidence, topic)
      : onTopic(s, topic);
  return { ...d, rule: `follow-up:${d.rule}`, parts: noted(s, d.parts, true) };
}
