// Operations over the amounts per year, and units: each evaluates a typed query over the content's
// amounts and shows how it was computed, in the content's phrases. Nothing here knows a figure: the
// amounts, the years they cover and their sentences come from knowledge/content/amounts.yaml.
import type { Knowledge } from '../content.ts';
import type { Lang, Source } from '../types.ts';
import { span } from '../years.ts';
import type { Operation, Unit } from './types.ts';

interface Ctx {
  kb: Knowledge;
  lang: Lang;
}
export interface Computed {
  text: string;
  sources: Source[];
  /** The per cent computed (a change or a share), for a claimed one to be checked against. */
  percent?: number;
}

const say = (c: Ctx, id: string, slots?: Record<string, string | number>) => c.kb.say(c.lang, id, slots);

/** A number as a press officer writes it: "1 350", "183,33" (sv); "1,350", "183.33" (en). */
export function number(n: number, lang: Lang, decimals = 2): string {
  const fixed = decimals > 0 ? n.toFixed(decimals).replace(/\.?0+$/, '') : n.toFixed(0);
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'sv' ? ' ' : ',');
  return frac ? `${grouped}${lang === 'sv' ? ',' : '.'}${frac}` : grouped;
}

/** Per cent, signed for a change: "+217,6 %", "6,97 %" (a share of a whole is often small: two decimals). */
function percent(c: Ctx, value: number, signed: boolean): string {
  const sign = signed && value > 0 ? '+' : '';
  return `${sign}${number(value, c.lang, signed ? 1 : 2)} %`;
}

/** A divided amount, rounded to what a budget line shows: "183,33 miljoner kronor". */
function rounded(c: Ctx, kronor: number): string {
  return kronor >= 1e9
    ? say(c, 'unit.miljarder', { n: number(kronor / 1e9, c.lang, 2) })
    : say(c, 'unit.miljoner', { n: number(kronor / 1e6, c.lang, 2) });
}

/** Kronor in the unit asked: "2 200 000 000 kronor", "2 200 mkr", "2,2 miljarder kronor". */
export function inUnit(c: Ctx, kronor: number, unit: Unit | null): string {
  switch (unit) {
    case 'kronor':
      return say(c, 'unit.kronor', { n: number(kronor, c.lang, 0) });
    case 'tkr':
      return say(c, 'unit.tkr', { n: number(kronor / 1e3, c.lang, 3) });
    case 'mkr':
      return say(c, 'unit.mkr', { n: number(kronor / 1e6, c.lang, 4) });
    case 'miljoner':
      return say(c, 'unit.miljoner', { n: number(kronor / 1e6, c.lang, 4) });
    case 'miljarder':
      return say(c, 'unit.miljarder', { n: number(kronor / 1e9, c.lang, 4) });
    default:
      return c.kb.kronor(kronor, c.lang);
  }
}

/** The years asked that have an amount, or every year with one. */
function yearsWithAmounts(c: Ctx, years: readonly number[]): number[] {
  const all = Array.from({ length: c.kb.lastYear - c.kb.firstYear + 1 }, (_, i) => c.kb.firstYear + i);
  const asked = years.filter((y) => c.kb.amountFor(y) !== null);
  return asked.length ? asked : all;
}

/** Runs of years with the same amount: 2020–2027 at 2,2 miljarder is one line, not eight. */
export function runs(c: Ctx, years: readonly number[]): { from: number; to: number; kronor: number }[] {
  const out: { from: number; to: number; kronor: number }[] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const kronor = c.kb.amountFor(y) ?? 0;
    const last = out[out.length - 1];
    if (last && last.kronor === kronor && last.to === y - 1) last.to = y;
    else out.push({ from: y, to: y, kronor });
  }
  return out;
}

function sources(c: Ctx, years: readonly number[]): Source[] {
  const seen = new Set<string>();
  return years.flatMap((y) => {
    const s = c.kb.amountSource(y);
    return s && !seen.has(s.quote) && seen.add(s.quote) ? [s] : [];
  });
}

const sum = (c: Ctx, years: readonly number[]) => years.reduce((s, y) => s + (c.kb.amountFor(y) ?? 0), 0);

/** "Från 2018 till 2019: +217,6 %": the change between the first and last year asked. */
function percentChange(c: Ctx, years: number[]): Computed | null {
  const from = years[0];
  const to = years[years.length - 1];
  if (from === undefined || to === undefined || from === to) return null;
  const a = c.kb.amountFor(from) ?? 0;
  const b = c.kb.amountFor(to) ?? 0;
  return {
    text: say(c, 'compute.percent', {
      from,
      to,
      percent: percent(c, ((b - a) / a) * 100, true),
      a: c.kb.kronor(a, c.lang),
      b: c.kb.kronor(b, c.lang),
    }),
    sources: sources(c, [from, to]),
    percent: ((b - a) / a) * 100,
  };
}

/** "Vilken andel av hela satsningen går till 2019?": the years asked of the whole (or of a range, or of a figure). */
function share(c: Ctx, part: number[], whole: number[], stated: number | null): Computed | null {
  // "Ett enskilt år à 2,2 mdr – hur stor del av totalen 2018–2027?": the figure is the part, the years the whole.
  if (stated !== null && part.length > 1 && stated < sum(c, part)) return figureShare(c, stated, part);
  // "2018 as a % of the full 2,2 mdr": a share of the figure the question states.
  const ofStated = stated !== null && part.length > 0 && sum(c, part) !== stated;
  if (!part.length || (!ofStated && part.length >= whole.length)) return null;
  const a = sum(c, part);
  const b = ofStated ? stated : sum(c, whole);
  return {
    text: say(c, 'compute.share', {
      part: spanOf(part),
      whole: ofStated ? c.kb.kronor(b, c.lang) : spanOf(whole),
      percent: percent(c, (a / b) * 100, false),
      a: c.kb.kronor(a, c.lang),
      b: c.kb.kronor(b, c.lang),
    }),
    sources: sources(c, ofStated ? part : whole),
    percent: (a / b) * 100,
  };
}

/** A figure's part of the years' total: "2,2 miljarder kronor är 11,35 % av 2018–2027". */
function figureShare(c: Ctx, stated: number, whole: number[]): Computed {
  const b = sum(c, whole);
  return {
    text: say(c, 'compute.share', {
      part: c.kb.kronor(stated, c.lang),
      whole: spanOf(whole),
      percent: percent(c, (stated / b) * 100, false),
      a: c.kb.kronor(stated, c.lang),
      b: c.kb.kronor(b, c.lang),
    }),
    sources: sources(c, whole),
    percent: (stated / b) * 100,
  };
}

/** One year's amount of a run of equal years ("the yearly sum from 2020"), or null when they differ. */
const yearly = (c: Ctx, years: number[]) => {
  const amounts = new Set(years.map((y) => c.kb.amountFor(y)));
  return years.length > 1 && amounts.size === 1 ? (c.kb.amountFor(years[0] ?? 0) ?? 0) : null;
};

/**
 * "2019 vs 2018 – how many times?": the larger amount over the smaller, or a sum over one year's amount;
 * `perYear` ("the yearly sum from 2020"): a run of equal years by its amount a year, not its sum.
 */
function ratio(c: Ctx, part: number[], whole: number[], perYear = false): Computed | null {
  const [x, y] = whole.length > 1 && part.length === 1 ? [whole, part] : ends2(part);
  if (!x?.length || !y?.length) return null;
  const a = (perYear ? yearly(c, x) : null) ?? sum(c, x);
  const b = (perYear ? yearly(c, y) : null) ?? sum(c, y);
  if (!a || !b) return null;
  const label = (years: number[]) =>
    perYear && yearly(c, years) !== null ? `${spanOf(years)}${say(c, 'amount.per-year')}` : spanOf(years);
  const [big, small, bigYears, smallYears] = a >= b ? [a, b, x, y] : [b, a, y, x];
  return {
    text: say(c, 'compute.ratio', {
      a: label(bigYears),
      b: label(smallYears),
      times: number(big / small, c.lang, 2),
      x: c.kb.kronor(big, c.lang),
      y: c.kb.kronor(small, c.lang),
    }),
    sources: sources(c, [...x, ...y]),
  };
}

/** The first and last of the years asked, each on its own. */
const ends2 = (years: number[]): [number[], number[]] | [] => {
  const first = years[0];
  const last = years[years.length - 1];
  return first !== undefined && last !== undefined && first !== last ? [[last], [first]] : [];
};

/** A year's amount divided into months or quarters, run by run. */
function divided(c: Ctx, years: number[], parts: number, phrase: string): Computed {
  return {
    text: runs(c, years)
      .map((r) =>
        say(c, phrase, {
          years: span(r.from, r.to),
          value: rounded(c, r.kronor / parts),
          amount: c.kb.kronor(r.kronor, c.lang),
          parts,
        }),
      )
      .join('\n'),
    sources: sources(c, years),
  };
}

/** "Hur många år …": the years of a range, or of the run with a stated amount. */
function countYears(c: Ctx, years: number[], stated: number | null): Computed {
  const run = stated === null ? undefined : c.kb.content.amounts.find((a) => a.kronor === stated);
  if (run)
    return {
      text: say(c, 'compute.run-years', {
        amount: c.kb.kronor(run.kronor, c.lang),
        years: span(run.from, run.to),
        n: run.to - run.from + 1,
      }),
      sources: sources(c, [run.from]),
    };
  const from = Math.min(...years);
  const to = Math.max(...years);
  return {
    text: say(c, 'compute.count-years', { years: span(from, to), n: years.length }),
    sources: sources(c, years),
  };
}

/** The amounts asked, in the unit asked. */
function amountsIn(c: Ctx, years: number[], unit: Unit): Computed {
  return {
    text: runs(c, years)
      .map((r) =>
        say(c, 'compute.in-unit', {
          years: span(r.from, r.to),
          value: `${inUnit(c, r.kronor, unit)}${r.from === r.to ? '' : say(c, 'amount.per-year')}`,
        }),
      )
      .join('\n'),
    sources: sources(c, years),
  };
}

function totalIn(c: Ctx, years: number[], unit: Unit): Computed {
  return {
    // One year's amount is the document's; a sum over years is computed, and the line says so.
    text: say(c, years.length > 1 ? 'compute.total-in-unit' : 'compute.in-unit', {
      years: spanOf(years),
      value: inUnit(c, sum(c, years), unit),
    }),
    sources: sources(c, years),
  };
}

const spanOf = (years: readonly number[]) => {
  const sorted = [...years].sort((a, b) => a - b);
  const contiguous = sorted.every((y, i) => i === 0 || y === (sorted[i - 1] ?? y) + 1);
  return contiguous ? span(sorted[0] ?? 0, sorted[sorted.length - 1] ?? 0) : sorted.join(', ');
};

/**
 * Evaluates an operation (or a unit alone) over the years asked; null when it cannot apply, so the
 * engine answers as it would without it. `whole` is the range a share is of, when the question names one.
 */
export function compute(
  c: Ctx,
  q: {
    operation: Operation | null;
    unit: Unit | null;
    years: number[];
    whole: number[];
    stated: number | null;
    total?: boolean;
    perYear?: boolean;
  },
): Computed | null {
  const years = yearsWithAmounts(c, q.years);
  switch (q.operation) {
    case 'percent-change':
      return percentChange(
        c,
        q.years.filter((y) => c.kb.amountFor(y) !== null),
      );
    case 'share':
      return share(
        c,
        years.length === yearsWithAmounts(c, []).length && q.stated === null ? [] : years,
        yearsWithAmounts(c, q.whole),
        q.stated,
      );
    case 'ratio':
      return ratio(c, q.years, q.whole, q.perYear);
    case 'per-day':
      return divided(c, years, 365, 'compute.per-day');
    case 'per-month':
      return divided(c, years, 12, 'compute.per-month');
    case 'per-week':
      return divided(c, years, 52, 'compute.per-week');
    case 'per-quarter':
      return divided(c, years, 4, 'compute.per-quarter');
    case 'count-years':
      return countYears(c, years, q.stated);
    default:
      if (!q.unit) return null;
      // "totalen för hela perioden i kronor": the sum, in the unit.
      return q.total ? totalIn(c, years, q.unit) : amountsIn(c, years, q.unit);
  }
}
