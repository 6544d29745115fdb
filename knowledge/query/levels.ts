// Levels and years: questions whose answer is a year or a count of years found from the amounts ("the
// first year with 2,2 mdkr", "the last year with money", "how many years does Delmos distribute"), whether
// years share a level ("2026 – samma nivå som 2020?"), and a figure put in place of the amounts ("if it had
// been 2.2bn all ten years, how much more?"). The figure the question names is its argument, never a claim.
import type { Agency, Knowledge } from '../content.ts';
import type { Lang } from '../types.ts';
import { span } from '../years.ts';
import { amountSources, yearsByAmount, yearsText } from './arithmetic.ts';
import { type Computed, inUnit } from './operations.ts';
import type { Unit } from './types.ts';

interface Ctx {
  kb: Knowledge;
  lang: Lang;
}
const say = (c: Ctx, id: string, slots?: Record<string, string | number>) => c.kb.say(c.lang, id, slots);
const allYears = (c: Ctx) =>
  Array.from({ length: c.kb.lastYear - c.kb.firstYear + 1 }, (_, i) => c.kb.firstYear + i).filter(
    (y) => c.kb.amountFor(y) !== null,
  );
const sum = (c: Ctx, years: readonly number[]) => years.reduce((s, y) => s + (c.kb.amountFor(y) ?? 0), 0);

/** "vilket år är första året m 2,2 mdkr" → 2020; "sista året m pengar?" → 2027: the year at an end. */
export function edgeYear(c: Ctx, which: 'first' | 'last', stated: number | null): Computed | null {
  const years = stated === null ? allYears(c) : yearsByAmount(c, stated, 'at');
  const year = which === 'first' ? years[0] : years[years.length - 1];
  if (year === undefined) return null;
  return {
    text: say(c, `compute.edge-${which}`, {
      condition:
        stated === null
          ? say(c, 'compute.edge-money')
          : say(c, 'compute.at', { amount: c.kb.kronor(stated, c.lang) }),
      year,
      amount: c.kb.kronor(c.kb.amountFor(year) ?? 0, c.lang),
    }),
    sources: amountSources(c, [year]),
  };
}

/** "2026 – samma nivå som 2020?": yes when every year named has one amount, else each year's amount. */
export function sameLevel(c: Ctx, years: readonly number[]): Computed | null {
  const asked = [...new Set(years)].filter((y) => c.kb.amountFor(y) !== null).sort((a, b) => a - b);
  if (asked.length < 2) return null;
  const amounts = new Set(asked.map((y) => c.kb.amountFor(y)));
  const each = asked.map((y) => `${y}: ${c.kb.kronor(c.kb.amountFor(y) ?? 0, c.lang)}`).join(', ');
  return {
    text: say(c, amounts.size === 1 ? 'compute.same-level' : 'compute.not-same-level', {
      years: yearsText(asked),
      amount: c.kb.kronor(c.kb.amountFor(asked[0] ?? 0) ?? 0, c.lang),
      each,
    }),
    sources: amountSources(c, asked),
  };
}

/**
 * "om det varit 2,2 mdkr alla 10 åren, hur mkt mer än det som beslutats?": the figure a year over the years
 * (those named, or as many as the question counts from the first, or all), against their real total.
 */
export function hypothetical(
  c: Ctx,
  stated: number,
  years: readonly number[],
  count: number | null,
): Computed | null {
  const all = allYears(c);
  const named = years.filter((y) => c.kb.amountFor(y) !== null);
  const asked = named.length > 1 ? named : count && count <= all.length ? all.slice(0, count) : all;
  const first = asked[0];
  const last = asked[asked.length - 1];
  if (first === undefined || last === undefined) return null;
  const real = sum(c, asked);
  const wished = stated * asked.length;
  return {
    text: say(c, 'compute.hypothetical', {
      amount: c.kb.kronor(stated, c.lang),
      years: span(first, last),
      n: asked.length,
      wished: c.kb.kronor(wished, c.lang),
      real: c.kb.kronor(real, c.lang),
      diff: c.kb.kronor(Math.abs(wished - real), c.lang),
      more: say(c, wished === real ? 'amount.same' : wished > real ? 'amount.more' : 'amount.less'),
    }),
    sources: amountSources(c, asked),
  };
}

/** "antal år som Delmos fördelar inom perioden?": the agency's years within the years with amounts. */
export function agencyYears(c: Ctx, agency: Agency, within: readonly number[]): Computed | null {
  const period = within.length > 1 ? within : allYears(c);
  const years = period.filter((y) => y >= agency.from && (agency.to === null || y <= agency.to));
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) return null;
  return {
    text: say(c, 'compute.agency-years', {
      agency: agency.name,
      years: span(first, last),
      n: years.length,
    }),
    sources: [{ quote: agency.quote, document: c.kb.documentLabel(agency.document) }],
  };
}

/** "ökning 2018→2019 i mkr?": two years' amounts and their difference, in the unit asked. */
export function changeIn(c: Ctx, pair: readonly number[], unit: Unit): Computed | null {
  const [a, b] = [...pair].sort((x, y) => x - y);
  if (a === undefined || b === undefined || a === b) return null;
  const x = c.kb.amountFor(a);
  const y = c.kb.amountFor(b);
  if (x === null || y === null) return null;
  return {
    text: say(c, 'compute.difference', {
      a: String(b),
      b: String(a),
      diff: inUnit(c, Math.abs(y - x), unit),
      more: say(c, y === x ? 'amount.same' : y > x ? 'amount.more' : 'amount.less'),
      x: inUnit(c, y, unit),
      y: inUnit(c, x, unit),
    }),
    sources: amountSources(c, [a, b]),
  };
}

/** The agency that distributes the money in a year, if the documents say. */
export function agencyIn(kb: Knowledge, year: number): Agency | undefined {
  return kb.content.agencies.find((a) => year >= a.from && (a.to === null || year <= a.to));
}

/** "Is the 425 million for 2018 for all 32 together, or for each one?": a year's amount is for all together. */
export function togetherOrEach(c: Ctx, stated: number, years: readonly number[]): Computed {
  const named = years.filter((y) => c.kb.amountFor(y) !== null);
  const total = named.reduce((a, y) => a + (c.kb.amountFor(y) ?? 0), 0);
  const of = named.length && total === stated ? named : yearsByAmount(c, stated, 'at');
  const each = say(c, 'amount.per-municipality');
  if (!of.length) return { text: each, sources: [] };
  const label = `${yearsText(of)}${of.length > 1 && total !== stated ? say(c, 'amount.per-year') : ''}`;
  const together = say(c, 'claim.all-together', { amount: c.kb.kronor(stated, c.lang), years: label });
  return { text: `${together}. ${each}`, sources: amountSources(c, of) };
}
