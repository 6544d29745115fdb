// The typed query of one part, applied to what the rule table decided: claims are checked first (their
// verdicts lead the answer), then an operation or a unit turns the amounts asked into the figure asked
// for. A part whose query asks nothing of either keeps the rules' answer unchanged.
import { askedYears, type Context, type Parts } from '../answers.ts';
import type { Knowledge } from '../content.ts';
import type { CueSources } from '../cues.ts';
import { fold } from '../text.ts';
import type { ConversationContext, Intent, Lang, Source } from '../types.ts';
import { count, type Period } from '../years.ts';
import { ANSWERED_BY, checkClaim, checkPerMunicipality, type KnownNames, verdictLine } from './claims.ts';
import { contactFacts } from './contact.ts';
import { checkFigures, checkPercent, type FigureCheck } from './figures.ts';
import { agencyIn, changeIn } from './levels.ts';
import { compute, inUnit } from './operations.ts';
import { type QueryCues, readQuery } from './read.ts';
import { type Spanned, type SpanStep, spanned } from './spans.ts';
import { statedKronor as statedIn } from './stated.ts';
import type { ClaimVerdict, Operation, Query, Unit } from './types.ts';

/** What a decision of the rule table holds that a query reads and replaces. */
export interface Decided {
  rule: string;
  parts: Parts;
  intent: Intent;
  entryId: string | null;
  ctx: Context;
  topic: string | null;
  claims?: ClaimVerdict[];
  operation?: Operation | null;
}

/** One part as the engine read it, and the engine's lookups. */
export interface QueryStep {
  raw: string;
  f: string;
  lang: Lang;
  stated: number | null;
  offTopic: boolean;
  /** The message's lines besides its questions (a quoted draft line): what "stämmer det?" asks about. */
  quoted: string;
  /** The part starts with a question word ("När …", "Who …"): it asks for a fact, not a yes or no. */
  asksFact: boolean;
  prev: ConversationContext | null;
  kb: Knowledge;
  cues: { [K in keyof CueSources]: RegExp };
  known: KnownNames;
  compose(id: string, ctx: Context): Parts;
}

const INTENT: Record<string, Intent> = {
  administration: 'administration',
  'background.agreement': 'background',
  'contact.minister': 'contact',
  'contact.press': 'contact',
  regulation: 'regulation',
  municipalities: 'municipalities',
  amount: 'amount',
};

/** Rules whose answer is about the amounts, or about nothing in particular: an operation may take them. */
const AMOUNT_OR_NOTHING =
  /(?:^|:)(?:year-amount|amount|amount-for-place|fallback|not-stated|suggest|duration)$/;

/** The query read and applied; `d` unchanged when the query asks nothing of it. */
export function applyQuery<D extends Decided>(d: D, s: QueryStep): D {
  const years = askedYears(d.ctx.period);
  const blocks = blocksOf(d.ctx.period);
  const input = {
    raw: s.raw,
    f: s.f,
    years,
    blocks,
    stated: s.stated,
    cues: s.cues as unknown as QueryCues,
    known: s.known,
    minister: ministerWords(s.kb),
    contact: contactFacts(s.kb),
    last: s.kb.lastYear,
  };
  let q = readQuery(input);
  // "what's 2027's 2.2bn worth in 2018 prices?": the release does not give what is asked of the figure
  // (words.yaml → cues.uncovered); the figure is its subject, not a value claimed for the years.
  if (d.rule === 'not-stated') q = { ...q, claims: q.claims.filter((x) => x.attribute !== 'amount') };
  // "> Satsningen fördelas av Boverket / stämmer det?": the claims stand in the quoted line.
  if (!q.claims.length && s.quoted && s.cues.check.test(s.f)) {
    const raw = `${s.quoted} ${s.raw}`;
    const f = fold(raw);
    q = { ...q, claims: readQuery({ ...input, raw, f, stated: statedIn(f) }).claims };
  }
  // "8 × 2,2 = 16,6?", "2019 är 3,5 gånger 2018?": a figure the asker computed, computed again.
  const figureIn = (raw: string) =>
    checkFigures({ raw, blocks, cues: s.cues as unknown as QueryCues, kb: s.kb, lang: s.lang });
  // "Arket säger att 2019 är 3,5 gånger 2018. Stämmer det?": the figure stands in the sentence before.
  const figure = d.ctx.mentions.length
    ? null
    : (figureIn(s.raw) ?? (s.quoted && s.cues.check.test(s.f) ? figureIn(`${s.quoted} ${s.raw}`) : null));
  if (figure) return withFigure(d, figure, s);
  // "Does the Left Party get a quote?" names a party, but asks whom the release quotes: the rule answers.
  if (q.claims.length && d.rule !== 'speaker-quote:only') return withClaims(d, q, s);
  // "och 2021?" after a sum per month computes it again; "so all of that together?" asks for the sum.
  const carried = d.rule.startsWith('follow-up') && !s.cues.total.test(s.f);
  const operation = q.operation ?? (carried ? ((s.prev?.operation as Operation) ?? null) : null);
  const more =
    // A county's municipalities, read as mentions, are no place asked about ("andel av kommunerna i Skåne").
    d.ctx.mentions.some((m) => m.via !== 'county') && operation !== 'even-split'
      ? null
      : spanned({ ...q, operation }, spanStep(d, s), years, blocks);
  if (more) return withResult(d, more, operation);
  // "change from 2026 to 2027?", "förändring 2022 till 2023?": a topic read from the word of change, but
  // no agency changes between the years, so the change asked is the amounts'.
  if (
    d.rule === 'year-topic' &&
    !operation &&
    !q.unit &&
    !q.claims.length &&
    amountChange(d.ctx.period, s.kb)
  )
    return {
      ...d,
      rule: 'year-amount',
      parts: s.compose('amount', d.ctx),
      intent: 'amount',
      entryId: 'amount',
      topic: 'amount',
    };
  if (operation || q.unit) return withComputed(d, { ...q, operation }, s, years);
  // A range named by position ("Which are the middle two years of the 10-year period") at any length.
  const positioned = s.cues.positions.test(s.f);
  if (
    (d.rule === 'fallback' || (positioned && d.rule === 'duration')) &&
    d.ctx.period.ranges.length > 0 &&
    (s.raw.split(/\s+/).length <= 6 || positioned)
  )
    return {
      ...d,
      rule: 'range-amount',
      parts: s.compose('amount', d.ctx),
      intent: 'amount',
      entryId: 'amount',
      topic: 'amount',
    };
  return d;
}

const ORDER: Record<ClaimVerdict['verdict'], number> = { wrong: 0, unstated: 1, partly: 2, right: 3 };

function withClaims<D extends Decided>(d: D, q: Query, s: QueryStep): D {
  const c = { kb: s.kb, lang: s.lang };
  // "When was Baylan Minister for Enterprise?" asks for the dates, not whether he was: a fact question
  // that names a right value gets the answer without a ✅; a wrong value is still set right.
  const asks = (v: ClaimVerdict) => v.verdict !== 'right' || !s.asksFact || s.cues.check.test(s.f);
  const named = d.ctx.mentions.length > 0;
  const each = s.cues.perMunicipality.test(s.f);
  const verdicts = q.claims
    .map((claim) =>
      // "Göteborg får 60 miljoner 2018": an amount for one municipality, which no document gives.
      named && claim.attribute === 'amount'
        ? { ...checkClaim(c, claim), verdict: 'unstated' as const }
        : // "Får varje kommun 425 miljoner 2018?": the amount is for all of them together.
          each && claim.attribute === 'amount'
          ? checkPerMunicipality(c, claim)
          : checkClaim(c, claim),
    )
    .filter(asks)
    // "Stockholm, Göteborg, Malmö och Lund bland de 32": the places are the question, not the count.
    .filter((v) => !(named && v.attribute === 'count' && v.verdict === 'right'))
    // What is wrong first: a draft's error must not hide below what it got right.
    .sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict]);
  if (!verdicts.length) return d;
  const first = q.claims[0];
  const topic = first ? ANSWERED_BY[first.attribute] : 'amount';
  // "the yearly 2.2 billion started in 2019?": the body shows the year claimed and the year it began.
  const start =
    first?.attribute === 'amount-start'
      ? s.kb.content.amounts.find((a) => a.kronor === first.claimed)
      : undefined;
  const ctx: Context = {
    ...d.ctx,
    ...(start && first
      ? { period: { ...d.ctx.period, years: [...new Set([...first.years, start.from])], ranges: [] } }
      : {}),
  };
  // An agency claimed with no year ("permanently"): every agency with its years.
  if (verdicts.some((v) => v.verdict === 'partly')) ctx.period = { ...ctx.period, years: [], ranges: [] };
  const body =
    d.entryId === topic && !start && !verdicts.some((v) => v.verdict === 'partly')
      ? d.parts
      : s.compose(topic, ctx);
  const lines = verdicts.map((v) => verdictLine(c, v)).filter(Boolean);
  return {
    ...d,
    rule: `claim:${[...new Set(q.claims.map((x) => x.attribute))].join(',')}`,
    parts: {
      ...body,
      text: [...lines, body.text].join('\n'),
      sources: unique([...verdicts.flatMap((v) => (v.source ? [v.source] : [])), ...body.sources]),
      outcome: 'answered',
    },
    intent: INTENT[topic] ?? d.intent,
    entryId: topic,
    topic,
    claims: verdicts,
  };
}

function withComputed<D extends Decided>(d: D, q: Query, s: QueryStep, asked: number[]): D {
  // "Vad blir Borås andel av kakan?": a municipality's share, which the release does not give.
  if (d.ctx.mentions.length && q.operation === 'share')
    return {
      ...d,
      rule: `compute:per-municipality`,
      parts: s.compose('amount.per-municipality', d.ctx),
      intent: 'amount',
      entryId: 'amount.per-municipality',
      topic: 'amount',
    };
  // Counting years is about years, and a change, a ratio or a sum per month of years asked is about
  // their amounts, whatever the rules took the topic to be ("förändring i % 2021→2022?").
  const counting =
    (q.operation === 'count-years' && asked.length > 1) ||
    (q.operation !== null && q.operation !== 'share' && q.operation !== 'count-years' && asked.length > 0);
  if (!counting && !AMOUNT_OR_NOTHING.test(d.rule) && d.intent !== 'amount') return d;
  const unitOnly = q.unit && !q.operation ? inUnitAsked(d, q.unit, s, asked) : null;
  if (unitOnly) return unitOnly;
  // "Ökning 2019 till 2020?": a comparison; the rules answer it.
  const { period } = d.ctx;
  if (!q.operation && (period.compare || d.ctx.ratio)) return d;
  if (d.ctx.mentions.length) return d;
  // "Hur många år gäller bidraget?" is the duration, which its own entry answers.
  if (q.operation === 'count-years' && !asked.length && s.stated === null && !q.unit) return d;
  // "in percent?" after a comparison: the years of the turn before.
  const prev = s.prev;
  const years = asked.length
    ? asked
    : prev
      ? askedYears({ years: prev.years, ranges: prev.ranges, total: false, compare: false })
      : [];
  const pair =
    q.operation === 'percent-change' && years.length === 1 ? [(years[0] ?? 0) - 1, ...years] : years;
  // A share of a range the question names ("andel av 2020–2027 som går till 2020"): the single years of it.
  const ranges = d.ctx.period.ranges;
  const whole =
    (q.operation === 'share' || q.operation === 'ratio') && ranges.length && d.ctx.period.years.length
      ? askedYears({ ...d.ctx.period, years: [] })
      : [];
  const part = whole.length ? d.ctx.period.years : pair;
  const out = compute(
    { kb: s.kb, lang: s.lang },
    {
      operation: q.operation,
      unit: q.unit,
      years: part,
      whole,
      stated: s.stated,
      total: period.total,
    },
  );
  if (!out) return d;
  const claimed =
    out.percent === undefined
      ? null
      : checkPercent(
          { raw: s.raw, cues: s.cues as unknown as QueryCues, kb: s.kb, lang: s.lang },
          out.percent,
        );
  const line = claimed ? `${verdictLine({ kb: s.kb, lang: s.lang }, claimed)}\n` : '';
  return {
    ...d,
    rule: claimed ? 'claim:percent' : `compute:${q.operation ?? q.unit}`,
    parts: { text: `${line}${out.text}`, sources: out.sources },
    ...(claimed ? { claims: [claimed] } : {}),
    intent: 'amount',
    entryId: 'amount',
    topic: 'amount',
    operation: q.operation,
    ctx: {
      ...d.ctx,
      period: { ...d.ctx.period, years: part, ranges: whole.length ? d.ctx.period.ranges : [] },
    },
  };
}

/** The words of the minister's name ("ibrahim", "baylan"): a title is claimed only of him. */
function ministerWords(kb: Knowledge): string[] {
  const name = kb.content.facts['minister.name']?.value;
  return typeof name === 'string'
    ? name
        .toLowerCase()
        .split(/\s+/)
        .filter((x) => x.length > 2)
    : [];
}

function unique(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((x) => !seen.has(x.quote) && seen.add(x.quote));
}

/** The years as named: each range spelt out, each single year alone. */
function blocksOf(period: Period): number[][] {
  return [
    ...period.ranges.map(([a, b]) => askedYears({ ...period, years: [], ranges: [[a, b]] })),
    ...period.years.map((y) => [y]),
  ];
}

/** A figure the asker computed, checked: the verdict first, then the computation. */
function withFigure<D extends Decided>(d: D, f: FigureCheck, s: QueryStep): D {
  const all = [f.verdict, ...(f.also ?? [])];
  const line = all.map((v) => verdictLine({ kb: s.kb, lang: s.lang }, v)).join('\n');
  return {
    ...d,
    rule: `claim:${f.verdict.attribute}`,
    parts: {
      text: f.body.text ? `${line}\n${f.body.text}` : line,
      sources: f.body.sources,
      outcome: 'answered',
    },
    intent: 'amount',
    entryId: 'amount',
    topic: 'amount',
    claims: all,
  };
}

/** A computed answer in place of the rules' one; one that adds to it keeps the rules' entry. */
function withResult<D extends Decided>(d: D, out: Spanned, operation: Operation | null): D {
  return {
    ...d,
    rule: `compute:${out.list ? `list-${operation ?? 'count'}` : (operation ?? 'amount')}`,
    parts: { text: out.text, sources: out.sources },
    ...(out.keep
      ? {}
      : out.list
        ? { intent: 'municipalities', entryId: 'municipalities', topic: 'municipalities' }
        : { intent: 'amount', entryId: 'amount', topic: 'amount' }),
    operation,
    ctx: { ...d.ctx, period: out.period ?? d.ctx.period },
  };
}

function spanStep(d: Decided, s: QueryStep): SpanStep {
  return {
    f: s.f,
    lang: s.lang,
    kb: s.kb,
    stated: s.stated,
    prev: s.prev,
    cues: s.cues as unknown as QueryCues,
    rule: d.rule,
    parts: d.parts,
    period: d.ctx.period,
    amountish: AMOUNT_OR_NOTHING.test(d.rule) || d.intent === 'amount',
    county: d.ctx.county,
    agency: agencyNamed(s),
    yearCount: yearCount(s.f),
  };
}

/** The content's agency the part names ("Delmos", "the Delegation"), if one. */
function agencyNamed(s: QueryStep) {
  const [named] = s.known.agencies.find(s.raw, s.f);
  return s.kb.content.agencies.find((a) => a.name === named?.name) ?? null;
}

/** "alla 10 åren", "all ten years", "10 years": a count of years the part states. */
function yearCount(f: string): number | null {
  const m = /\b(\d{1,2}|\p{L}+)\s+(?:aren|ar|years|budgetar|budgetaren|yrs)\b/u.exec(f);
  if (!m?.[1]) return null;
  return count(m[1]) || null;
}

/**
 * A unit asked with no operation: "2.2 billion SEK = how many million?", "17,6 mdkr i kr" convert the figure
 * itself; "ökning 2018→2019 i mkr?" gives the difference in the unit. Null leaves the amounts to be listed.
 */
function inUnitAsked<D extends Decided>(d: D, unit: Unit, s: QueryStep, asked: number[]): D | null {
  if (s.stated !== null && !asked.length) return withConverted(d, unit, s);
  if (!d.ctx.period.compare || d.ctx.ratio) return null;
  const change = changeIn({ kb: s.kb, lang: s.lang }, comparedPair(d.ctx.period), unit);
  return change ? { ...withResult(d, change, null), rule: `compute:${unit}` } : null;
}

/** A figure the part states, in the unit it asks for: "2,2 miljarder kronor = 2 200 miljoner kronor." */
function withConverted<D extends Decided>(d: D, unit: Unit, s: QueryStep): D {
  const stated = s.stated ?? 0;
  const c = { kb: s.kb, lang: s.lang };
  const text = s.kb.say(s.lang, 'compute.converted', {
    a: s.kb.kronor(stated, s.lang),
    b: inUnit(c, stated, unit),
  });
  return {
    ...d,
    rule: `compute:${unit}`,
    parts: { text, sources: [] },
    intent: 'amount',
    entryId: 'amount',
    topic: 'amount',
  };
}

/** The two years a comparison names: two single years, or the ends of one range. */
function comparedPair(period: Period): number[] {
  if (period.years.length === 2) return period.years;
  const [range] = period.ranges;
  return period.ranges.length === 1 && range && !period.years.length ? [range[0], range[1]] : [];
}

/** Two years compared whose amounts the release gives and whose agency is the same. */
function amountChange(period: Period, kb: Knowledge): boolean {
  const [a, b] = comparedPair(period);
  if (!period.compare || a === undefined || b === undefined) return false;
  if (kb.amountFor(a) === null || kb.amountFor(b) === null) return false;
  return agencyIn(kb, a) === agencyIn(kb, b);
}
