// Operations over the amounts that go beyond one year or one range: the difference between the totals of
// two ranges, one average per month (quarter, day) over a whole period, an even split over a year's list,
// the years chosen by their amount, and the full yearly level. Each shows how it was computed, in the
// content's phrases; the figures come from knowledge/content/amounts.yaml and eligibility.yaml.
import type { Knowledge } from '../content.ts';
import { type County, MUNICIPALITIES } from '../municipalities.ts';
import type { Lang, Source } from '../types.ts';
import { span } from '../years.ts';
import { type Computed, number } from './operations.ts';

interface Ctx {
  kb: Knowledge;
  lang: Lang;
}
const say = (c: Ctx, id: string, slots?: Record<string, string | number>) => c.kb.say(c.lang, id, slots);
const sum = (c: Ctx, years: readonly number[]) => years.reduce((s, y) => s + (c.kb.amountFor(y) ?? 0), 0);
const withAmount = (c: Ctx, years: readonly number[]) => years.filter((y) => c.kb.amountFor(y) !== null);

/** The release's sentences for the years' amounts, each once. */
export function amountSources(c: Ctx, years: readonly number[]): Source[] {
  const seen = new Set<string>();
  return years.flatMap((y) => {
    const s = c.kb.amountSource(y);
    return s && !seen.has(s.quote) && seen.add(s.quote) ? [s] : [];
  });
}

/** Years as written: a run as "2020–2027", others listed. */
export function yearsText(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  const last = sorted[sorted.length - 1] ?? 0;
  return sorted.length > 1 && last - first === sorted.length - 1 ? span(first, last) : sorted.join(', ');
}

/** "2020–2027 jämfört med 2018–2019: 15,825 miljarder kronor mer": the totals of two blocks of years. */
export function difference(c: Ctx, blocks: readonly number[][]): Computed | null {
  const [a, b] = blocks.map((x) => withAmount(c, x));
  if (!a?.length || !b?.length || blocks.length !== 2) return null;
  const x = sum(c, a);
  const y = sum(c, b);
  const [big, small, bigYears, smallYears] = x >= y ? [x, y, a, b] : [y, x, b, a];
  return {
    text: say(c, 'compute.difference', {
      a: yearsText(bigYears),
      b: yearsText(smallYears),
      diff: c.kb.kronor(big - small, c.lang),
      more: say(c, big === small ? 'amount.same' : 'amount.more'),
      x: c.kb.kronor(big, c.lang),
      y: c.kb.kronor(small, c.lang),
    }),
    sources: amountSources(c, [...a, ...b]),
  };
}

/** "snitt per månad över hela perioden": the years' total over all their months, one figure. */
export function averagePer(c: Ctx, years: readonly number[], parts: number, kind: string): Computed | null {
  const asked = withAmount(c, years);
  if (asked.length < 2) return null;
  const total = sum(c, asked);
  const n = asked.length * parts;
  const value = total / n;
  return {
    text: say(c, 'compute.average-per', {
      years: yearsText(asked),
      value:
        value >= 1e9
          ? say(c, 'unit.miljarder', { n: number(value / 1e9, c.lang, 2) })
          : say(c, 'unit.miljoner', { n: number(value / 1e6, c.lang, 2) }),
      per: say(c, `compute.${kind}.per`),
      total: c.kb.kronor(total, c.lang),
      parts: number(n, c.lang, 0),
      unit: say(c, `compute.${kind}.unit`),
    }),
    sources: amountSources(c, asked),
  };
}

/**
 * "Om 2018 års pengar delas lika mellan de 32": the amount over the municipalities of a document's list,
 * said plainly to be arithmetic, since the release does not say how the money is split.
 */
export function evenSplit(c: Ctx, years: readonly number[], stated: number | null): Computed | null {
  const asked = withAmount(c, years);
  const listYear = asked.find((y) => c.kb.listFor(y)) ?? c.kb.listYears[0];
  const list = listYear === undefined ? undefined : c.kb.listFor(listYear);
  if (!list || listYear === undefined) return null;
  const amount = stated ?? (asked.length ? sum(c, asked) : c.kb.amountFor(listYear));
  if (!amount) return null;
  const n = list.municipalities.length;
  const each = amount / n;
  return {
    text: say(c, 'compute.even-split', {
      amount: c.kb.kronor(amount, c.lang),
      n,
      year: listYear,
      value: say(c, 'unit.miljoner', { n: number(each / 1e6, c.lang, 2) }),
    }),
    sources: [
      ...amountSources(c, asked.length ? asked : [listYear]),
      { quote: list.heading, document: c.kb.documentLabel(list.document) },
    ],
  };
}

/** Which of the years have an amount below, above or at a figure. */
export type AmountTest = 'below' | 'above' | 'at';

/** The years with an amount, chosen by how it compares with a figure ("år med lägre belopp än 2,2 mdr"). */
export function yearsByAmount(c: Ctx, kronor: number, test: AmountTest): number[] {
  const all = Array.from({ length: c.kb.lastYear - c.kb.firstYear + 1 }, (_, i) => c.kb.firstYear + i);
  return all.filter((y) => {
    const a = c.kb.amountFor(y);
    if (a === null) return false;
    return test === 'below' ? a < kronor : test === 'above' ? a > kronor : a === kronor;
  });
}

/** "Budgetår med ett belopp lägre än 2,2 miljarder: 2018, 2019, det vill säga 2 år". */
export function countByAmount(c: Ctx, kronor: number, test: AmountTest): Computed | null {
  const years = yearsByAmount(c, kronor, test);
  if (!years.length) return null;
  return {
    text: say(c, 'compute.years-by-amount', {
      condition: say(c, `compute.${test}`, { amount: c.kb.kronor(kronor, c.lang) }),
      years: yearsText(years),
      n: years.length,
    }),
    sources: amountSources(c, years),
  };
}

/** The full level: the largest yearly amount, and the years it holds ("fullt utbyggd": 2,2 miljarder). */
export function fullLevel(c: Ctx): { kronor: number; years: number[] } | null {
  const all = Array.from({ length: c.kb.lastYear - c.kb.firstYear + 1 }, (_, i) => c.kb.firstYear + i);
  const amounts = all.map((y) => c.kb.amountFor(y) ?? 0);
  const top = Math.max(...amounts);
  return top > 0 ? { kronor: top, years: all.filter((y) => c.kb.amountFor(y) === top) } : null;
}

/** "Fullt belopp är 2,2 miljarder kronor per år (2020–2027)." */
export function fullLevelLine(c: Ctx): Computed | null {
  const full = fullLevel(c);
  if (!full) return null;
  return {
    text: say(c, 'compute.full-level', {
      amount: c.kb.kronor(full.kronor, c.lang),
      years: yearsText(full.years),
    }),
    sources: amountSources(c, full.years),
  };
}

/** "Vilket år får minst?": the years with the lowest (or highest) amount, and that amount. */
export function extreme(c: Ctx, which: 'lowest' | 'highest'): Computed | null {
  const all = Array.from({ length: c.kb.lastYear - c.kb.firstYear + 1 }, (_, i) => c.kb.firstYear + i);
  const amounts = all.map((y) => c.kb.amountFor(y)).filter((a): a is number => a !== null);
  if (!amounts.length) return null;
  const target = which === 'lowest' ? Math.min(...amounts) : Math.max(...amounts);
  const years = all.filter((y) => c.kb.amountFor(y) === target);
  return {
    text: say(c, 'compute.extreme', {
      which: say(c, `compute.${which}`),
      years: yearsText(years),
      amount: c.kb.kronor(target, c.lang),
    }),
    sources: amountSources(c, years),
  };
}

const listOf = (c: Ctx, years: readonly number[]) => {
  const year = years.find((y) => c.kb.listFor(y)) ?? c.kb.listYears[0];
  const list = year === undefined ? undefined : c.kb.listFor(year);
  return list && year !== undefined ? { year, list } : null;
};
const percentText = (c: Ctx, x: number) => `${number(x, c.lang, 2)} %`;

/** "Hur stor andel av kommunerna i Skåne län finns på listan?": a list's part of a county, or of Sweden. */
export function listShare(c: Ctx, years: readonly number[], county: County | null): Computed | null {
  const found = listOf(c, years);
  if (!found) return null;
  const on = new Set(found.list.municipalities);
  const all = county ? county.municipalities : MUNICIPALITIES;
  const part = all.filter((m) => on.has(m.name)).length;
  return {
    text: say(c, 'compute.list-share', {
      part,
      whole: all.length,
      where: county ? say(c, 'compute.list-where', { county: county.name }) : '',
      year: found.year,
      percent: percentText(c, (part / all.length) * 100),
    }),
    sources: [{ quote: found.list.heading, document: c.kb.documentLabel(found.list.document) }],
  };
}

/** "hur många kommuner kan INTE söka 2018?": Sweden's municipalities less those on the list. */
export function listRest(c: Ctx, years: readonly number[]): Computed | null {
  const found = listOf(c, years);
  if (!found) return null;
  const n = found.list.municipalities.length;
  return {
    text: say(c, 'compute.list-rest', {
      rest: MUNICIPALITIES.length - n,
      whole: MUNICIPALITIES.length,
      n,
      year: found.year,
    }),
    sources: [{ quote: found.list.heading, document: c.kb.documentLabel(found.list.document) }],
  };
}
