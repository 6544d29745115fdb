// Claims of computed figures: a message states a figure it computed ("8 × 2,2 = 16,6?", "425m is 4.25
// billion", "2019 är 3,5 gånger 2018", "a 63% rise from 2019 to 2020", "an average of 2.0 bn a year over
// 2018–2027") and asks whether it is right. The figure is computed again from the amounts per year (or
// from the figures it states) and judged at the precision it was written in: "63 %" is right for 62,96 %,
// "2,0 mdr" is wrong for 1,9375. Each rule is a named value with its examples, as in read.ts.
import type { Knowledge } from '../content.ts';
import { fold } from '../text.ts';
import type { Lang } from '../types.ts';
import { amountSources, yearsText } from './arithmetic.ts';
import { type Computed, number } from './operations.ts';
import { type Figure, figuresIn } from './stated.ts';
import type { Attribute, ClaimVerdict, QueryCues } from './types.ts';

export interface FigureInput {
  f: string;
  blocks: number[][];
  cues: QueryCues;
  kb: Knowledge;
  lang: Lang;
}

/** A figure checked: its verdict, and the computation that shows the right value. */
export interface FigureCheck {
  verdict: ClaimVerdict;
  body: Computed;
}

export interface FigureRule {
  name: string;
  examples: string[];
  check(input: FigureInput, figures: Figure[]): FigureCheck | null;
}

const is = (re: RegExp, f: string) => {
  re.lastIndex = 0;
  return re.test(f);
};
const say = (c: FigureInput, id: string, slots?: Record<string, string | number>) =>
  c.kb.say(c.lang, id, slots);
const sum = (c: FigureInput, years: readonly number[]) =>
  years.reduce((s, y) => s + (c.kb.amountFor(y) ?? 0), 0);
const STATEMENT =
  /^(?:det ar|ar det|sa |so |is it|it is|it's|its|my |min |mitt |arket|the sheet|i get|i have|jag har|jag far)/u;
const asked = (c: FigureInput) => is(c.cues.check, c.f) || STATEMENT.test(c.f) || /\?\s*$/.test(c.f);

/** A figure as the answer writes it, in the unit it was written in. */
function shown(c: FigureInput, x: Figure, value = x.value): string {
  if (x.kind === 'percent') return `${number(value, c.lang, 2)} %`;
  if (x.kind === 'number') return number(value, c.lang, 4);
  if (x.scale >= 1e9) return say(c, 'unit.miljarder', { n: number(value / 1e9, c.lang, 4) });
  if (x.scale === 1e3) return say(c, 'unit.tkr', { n: number(value / 1e3, c.lang, 3) });
  if (x.scale === 1) return say(c, 'unit.kronor', { n: number(value, c.lang, 0) });
  if (x.scale === 1e6) return say(c, 'unit.miljoner', { n: number(value / 1e6, c.lang, 4) });
  return c.kb.kronor(value, c.lang);
}

function verdictOf(
  c: FigureInput,
  attribute: Attribute,
  claimed: Figure,
  actual: number,
  correct: string,
  years: number[],
): ClaimVerdict {
  const right = Math.abs(actual - claimed.value) <= claimed.tolerance + 1e-9 * Math.abs(actual);
  const [source] = amountSources(c, years);
  return {
    attribute,
    claimed: shown(c, claimed),
    verdict: right ? 'right' : 'wrong',
    correct,
    source: source ?? null,
  };
}

/** The text between two figures. */
const between = (c: FigureInput, a: Figure, b: Figure) => c.f.slice(a.index + a.length, b.index);
const OPERATOR = /^\s*(?:\p{L}+\.?\s*)?(x|×|\*|ganger|times|\+|plus|-|−|minus|\/|delat med|divided by)\s*$/u;
// "är väl", "is really": one filler word either side of the word that equates.
const EQUALS =
  /^\s*(?:\p{L}+\s+)?(=|ar|is|blir|blir det|equals|makes|gives|ger|comes to|motsvarar|ar lika med|lika med|ar samma som|samma som|same as|the same as)(?:\s+\p{L}+)?\s*$/u;

function apply(op: string, a: number, b: number): number | null {
  if (/x|×|\*|ganger|times/.test(op)) return a * b;
  if (/\+|plus/.test(op)) return a + b;
  if (/\/|delat|divided/.test(op)) return b === 0 ? null : a / b;
  return a - b;
}
const symbol = (op: string) =>
  /x|×|\*|ganger|times/.test(op) ? '×' : /\+|plus/.test(op) ? '+' : /\/|delat|divided/.test(op) ? '/' : '−';

/** The years whose amount is one of the figures: the release's sentence for them is the source. */
const yearsOf = (c: FigureInput, xs: Figure[]) => {
  const all = Array.from({ length: c.kb.lastYear - c.kb.firstYear + 1 }, (_, i) => c.kb.firstYear + i);
  return all.filter((y) => xs.some((x) => x.kind === 'kronor' && c.kb.amountFor(y) === x.value));
};

export const FIGURE_RULES: FigureRule[] = [
  {
    name: 'claim-arithmetic',
    examples: [
      '8 yrs x 2.2bn = 16.6bn, right?',
      'Stämmer det att 425 miljoner + 1,35 miljarder är 1,775 miljarder?',
    ],
    check: (c, xs) => {
      for (let i = 0; i + 2 < xs.length; i++) {
        const [a, b, r] = [xs[i], xs[i + 1], xs[i + 2]];
        if (!a || !b || !r) continue;
        const op = OPERATOR.exec(between(c, a, b))?.[1];
        if (!op || !EQUALS.test(between(c, b, r))) continue;
        const value = apply(op, a.value, b.value);
        if (value === null) return null;
        const unit = [a, b].find((x) => x.kind === 'kronor') ?? r;
        const years = yearsOf(c, [a, b]);
        const text = say(c, 'compute.arithmetic', {
          expression: `${shown(c, a)} ${symbol(op)} ${shown(c, b)}`,
          result: shown(c, unit, value),
        });
        return {
          verdict: verdictOf(c, 'arithmetic', r, value, shown(c, unit, value), years),
          body: { text, sources: amountSources(c, years) },
        };
      }
      return null;
    },
  },
  {
    name: 'claim-unit',
    examples: [
      '425m is 4.25 billion, yeah?',
      'Är 2,2 miljarder samma som 2 200 mkr?',
      'står det verkligen 2,2 biljoner?',
      'Is it 1.35 trillion, correct?',
    ],
    check: (c, xs) => {
      if (xs.length === 1) return slip(c, xs);
      const [a, b] = xs;
      if (xs.length !== 2 || !a || !b || a.kind !== 'kronor' || b.kind !== 'kronor' || a.scale === b.scale)
        return null;
      if (!EQUALS.test(between(c, a, b))) return null;
      const correct = shown(c, b, a.value);
      const years = yearsOf(c, [a]);
      return {
        verdict: verdictOf(c, 'unit', b, a.value, correct, years),
        body: {
          text: say(c, 'compute.converted', { a: shown(c, a), b: correct }),
          sources: amountSources(c, years),
        },
      };
    },
  },
  {
    name: 'claim-ratio',
    examples: ['Arket säger att 2019 är 3,5 gånger 2018. Stämmer det?', 'So 2021 is 5 times 2018, right?'],
    check: (c, xs) => {
      const claimed = xs.find(
        (x) => x.kind === 'number' && /^\s*(?:ganger|ggr|times|x)\b/u.test(c.f.slice(x.index + x.length)),
      );
      const [p, q] = c.blocks;
      if (!claimed || c.blocks.length !== 2 || !p || !q || !asked(c)) return null;
      const a = sum(c, p);
      const b = sum(c, q);
      if (!a || !b) return null;
      // As written: "2019 är 3,5 gånger 2018" is 2019 over 2018, and a ratio below one the other way round.
      const [x, y, xy, yy] = a >= b ? [a, b, p, q] : [b, a, q, p];
      const times = number(x / y, c.lang, 2);
      const text = say(c, 'compute.ratio', {
        a: yearsText(xy),
        b: yearsText(yy),
        times,
        x: c.kb.kronor(x, c.lang),
        y: c.kb.kronor(y, c.lang),
      });
      return {
        verdict: verdictOf(c, 'ratio', claimed, x / y, times, [...p, ...q]),
        body: { text, sources: amountSources(c, [...p, ...q]) },
      };
    },
  },
  {
    name: 'claim-average',
    examples: [
      'My model shows an average of 2.0 bn per year over 2018–2027. Right?',
      'Snittet 2018–2027 är väl 1,9 miljarder per år?',
    ],
    check: (c, xs) => {
      const claimed = xs.find((x) => x.kind === 'kronor');
      const years = c.blocks.flat().filter((y) => c.kb.amountFor(y) !== null);
      if (!claimed || years.length < 2 || !is(c.cues.average, c.f) || !asked(c)) return null;
      const average = sum(c, years) / years.length;
      const correct = c.kb.kronor(average, c.lang);
      const text = say(c, 'amount.average', { years: yearsText(years), average: correct, n: years.length });
      return {
        verdict: verdictOf(c, 'average', claimed, average, correct, years),
        body: { text, sources: amountSources(c, years) },
      };
    },
  },
];

/** "står det verkligen 2,2 biljoner?": a figure off by a unit (×1 000) from an amount the release gives. */
const slip: FigureRule['check'] = (c, xs) => {
  const [x] = xs;
  if (xs.length !== 1 || !x || x.kind !== 'kronor' || !is(c.cues.check, c.f)) return null;
  const all = Array.from({ length: c.kb.lastYear - c.kb.firstYear + 1 }, (_, i) => c.kb.firstYear + i);
  // With a year named, the amount claim checks it (claims.ts) and shows that year's amount.
  if (c.blocks.length) return null;
  const years = all;
  const slip = (a: number) => [1e3, 1e6, 1e-3, 1e-6].some((k) => Math.abs(a * k - x.value) <= x.tolerance);
  const hit = years.filter((y) => slip(c.kb.amountFor(y) ?? 0));
  const amount = c.kb.amountFor(hit[0] ?? 0);
  if (!hit.length || amount === null) return null;
  const correct = say(c, 'claim.in-years', { value: c.kb.kronor(amount, c.lang), years: yearsText(hit) });
  return {
    verdict: verdictOf(c, 'unit', x, amount, correct, hit),
    body: { text: '', sources: amountSources(c, hit) },
  };
};

/** The first computed figure the message claims, checked; null when it claims none. */
export function checkFigures(input: Omit<FigureInput, 'f'> & { raw: string }): FigureCheck | null {
  const c = { ...input, f: fold(input.raw) };
  const xs = figuresIn(c.f);
  if (!xs.length) return null;
  for (const rule of FIGURE_RULES) {
    const out = rule.check(c, xs);
    if (out) return out;
  }
  return null;
}

/** "I get a 63% rise from 2019 to 2020 – can you check?": a per cent claimed of a change or share computed. */
export function checkPercent(
  input: Omit<FigureInput, 'f' | 'blocks'> & { raw: string },
  computed: number,
): ClaimVerdict | null {
  const c = { ...input, f: fold(input.raw), blocks: [] };
  const claimed = figuresIn(c.f).find((x) => x.kind === 'percent');
  if (!claimed || !(is(c.cues.check, c.f) || STATEMENT.test(c.f))) return null;
  // A rise or a fall of 63 % is judged by its size; the answer's body gives the sign.
  const actual =
    Math.sign(computed) === Math.sign(claimed.value) || claimed.value >= 0 ? Math.abs(computed) : computed;
  return verdictOf(c, 'percent', claimed, actual, `${number(computed, c.lang, 2)} %`, []);
}
