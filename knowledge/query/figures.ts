// Claims of computed figures: a message states a figure it computed ("8 × 2,2 = 16,6?", "425m is 4.25
// billion", "2019 är 3,5 gånger 2018", "a 63% rise from 2019 to 2020", "an average of 2.0 bn a year over
// 2018–2027") and asks whether it is right. The figure is computed again from the amounts per year (or
// from the figures it states) and judged at the precision it was written in: "63 %" is right for 62,96 %,
// "2,0 mdr" is wrong for 1,9375. Each rule is a named value with its examples, as in read.ts.
import type { Knowledge } from '../content.ts';
import { testCue } from '../gate.ts';
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
  /** More figures the same message claims ("+850m, i.e. +63 %"), each checked. */
  also?: ClaimVerdict[];
  body: Computed;
}

export interface FigureRule {
  name: string;
  examples: string[];
  check(input: FigureInput, figures: Figure[]): FigureCheck | null;
}

/** A cue tested behind its gate: a question without its words never compiles it. */
const is = testCue;
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

/** A bare number in the unit of another figure, in kronor. */
const lift = (x: Figure, to: Figure): Figure =>
  x.kind === 'number' && to.kind === 'kronor'
    ? { ...x, kind: 'kronor', value: x.value * to.scale, tolerance: x.tolerance * to.scale, scale: to.scale }
    : x;

/** The years whose amount is one of the figures: the release's sentence for them is the source. */
const yearsOf = (c: FigureInput, xs: Figure[]) => {
  const all = Array.from({ length: c.kb.lastYear - c.kb.firstYear + 1 }, (_, i) => c.kb.firstYear + i);
  return all.filter((y) => xs.some((x) => x.kind === 'kronor' && c.kb.amountFor(y) === x.value));
};

export const FIGURE_RULES: FigureRule[] = [
  {
    name: 'claim-per-municipality',
    examples: [
      '32 kommuner x 425 mkr = 13,6 mdkr för 2018?',
      'So 32 municipalities × 425m each, is that right?',
    ],
    // A year's amount multiplied by the number of municipalities: the amount is for all of them together.
    check: (c, xs) => {
      const i = xs.findIndex(
        (x) => x.kind === 'number' && MUNICIPALITIES.test(c.f.slice(x.index + x.length)),
      );
      const n = xs[i];
      const amount = xs.find((x, j) => j !== i && x.kind === 'kronor' && yearsOf(c, [x]).length > 0);
      if (!n || !amount) return null;
      // Multiplied as written: "32 kommuner x 425 mkr", "425m × 32 municipalities".
      const [p, q] = n.index < amount.index ? [n, amount] : [amount, n];
      const op = c.f.slice(p.index + p.length, q.index);
      if (!/(?:^|\s)(?:x|×|\*|ganger|times)(?:\s|$)|[×*]/.test(op)) return null;
      const years = yearsOf(c, [amount]);
      const correct = say(c, 'claim.all-together', {
        amount: c.kb.kronor(amount.value, c.lang),
        years: yearsText(years),
      });
      return {
        verdict: {
          attribute: 'per-municipality',
          claimed: say(c, 'claim.per-municipality', { amount: c.kb.kronor(amount.value, c.lang) }),
          verdict: 'wrong',
          correct,
          source: amountSources(c, years)[0] ?? null,
        },
        body: { text: say(c, 'amount.per-municipality'), sources: amountSources(c, years) },
      };
    },
  },
  {
    name: 'claim-total',
    examples: [
      'rad i arket: 2018 | 0,425 | 2019 | 1,35 | 2020 | 2,2 | summa: 3,975 – rätt?',
      "draft says 'ten years, SEK 22 billion in total'. fine?",
      'totalt nästan 20 miljarder fram till 2027, stämmer det ungefär?',
      'My sheet gives 19 375 as the total for 2018–2027, correct?',
    ],
    check: (c, xs) => {
      const cue = totalCue(c);
      // "andel av totalen", "snittet … blir 2 miljarder": the total is the whole of another figure.
      const other = [c.cues.share, c.cues.percent, c.cues.average, c.cues.ratioOf, c.cues.hypothetical];
      // "how much of the total comes from …?" asks; "the total is 22 billion, right?" asserts.
      if (cue === null || !asked(c) || is(c.cues.questionStart, c.f) || other.some((re) => is(re, c.f)))
        return null;
      // The figure said as the total: the last one shortly after its word, or the one just before it.
      // "Is the 2.2 billion figure per year or in total?": a yearly word between them asks which it is.
      const yearly = (x: Figure) =>
        is(c.cues.yearly, c.f.slice(Math.min(x.index, cue.start), Math.max(x.index, cue.end)));
      const close = (x: Figure) =>
        x.kind !== 'percent' &&
        !yearly(x) &&
        (x.kind === 'kronor' || bareSum(c, x)) &&
        (x.index >= cue.end ? x.index - cue.end : cue.start - x.index - x.length) <= 24;
      const after = xs.filter((x) => x.index >= cue.end && close(x));
      const claimed = after[after.length - 1] ?? xs.filter((x) => x.index < cue.start && close(x)).pop();
      const years = totalYears(c);
      if (!claimed || !years.length) return null;
      const actual = sum(c, years);
      const figure = claimed.kind === 'number' ? inScale(claimed, actual) : claimed;
      const near = judged(c, figure, actual);
      const result = shown(c, { ...figure, kind: 'kronor' }, actual);
      const text = say(c, 'compute.arithmetic', { expression: formula(c, years), result });
      return {
        verdict: {
          ...verdictOf(c, 'total', near, actual, `${result} (${yearsText(years)})`, years),
          claimed: shown(c, figure),
        },
        body: { text, sources: amountSources(c, years) },
      };
    },
  },
  {
    name: 'claim-change',
    examples: [
      '2019→2020: +850m, i.e. roughly +63%. right?',
      'Ökningen 2018 till 2019 är 925 mkr, eller hur?',
    ],
    check: (c, xs) => changeClaim(c, xs),
  },
  {
    name: 'claim-arithmetic',
    examples: [
      '8 yrs x 2.2bn = 16.6bn, right?',
      'Stämmer det att 425 miljoner + 1,35 miljarder är 1,775 miljarder?',
    ],
    check: (c, xs) => {
      for (let i = 0; i + 2 < xs.length; i++) {
        const [x, y, r] = [xs[i], xs[i + 1], xs[i + 2]];
        if (!x || !y || !r) continue;
        const op = OPERATOR.exec(between(c, x, y))?.[1];
        if (!op || !EQUALS.test(between(c, y, r))) continue;
        // "0,425 + 1,35 = 1,775 mdkr": terms added or taken away are in the unit of their result.
        const [a, b] = /\+|plus|-|−|minus/.test(op) ? [lift(x, r), lift(y, r)] : [x, y];
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

const MUNICIPALITIES = /^\s*(?:kommuner\w*|municipalit\w*)/u;
const UNTIL = /\b(?:fram till|till och med|t o m|tom|through|until|up to|by)\s+(?:19|20)\d\d\b/u;

/**
 * A bare number said as a sum ("summa: 3,975", "ger 17 175"), not a count ("last 5 years") or a year
 * written short ("'19–'21"): it follows a word that equates, or the message asks whether it is right.
 */
function bareSum(c: FigureInput, x: Figure): boolean {
  const before = c.f.slice(Math.max(0, x.index - 8), x.index);
  const after = c.f.slice(x.index + x.length);
  if (/['’–-]\s*$/.test(before) || /^\s*[–-]?\s*(?:years?|yrs|ar|aren|kommuner|municipalit)/.test(after))
    return false;
  return /(?:=|:|\bger|\bblir|\bgives|\bis|\bar)\s*$/.test(before) || is(c.cues.check, c.f);
}

/**
 * A claimed figure judged at the precision it was written in, but never looser than 5 % ("1 billion" is not
 * 925 million); "nästan 20 miljarder", "drygt 900 miljoner": an approximation within 5 %; "exactly": as is.
 */
function judged(c: FigureInput, x: Figure, actual: number): Figure {
  const five = 0.05 * Math.abs(actual);
  if (EXACTLY.test(c.f)) return { ...x, tolerance: 0 };
  return { ...x, tolerance: is(c.cues.approx, c.f) ? five : Math.min(x.tolerance, five) };
}
const EXACTLY = /\b(?:exactly|exakt|precis|jamnt|precisely)\b/u;

/** Where the words of a total stand ("summa", "totalt", "in total"), or null. */
function totalCue(c: FigureInput): { start: number; end: number } | null {
  const re = new RegExp(c.cues.total.source, c.cues.total.flags.replace('g', ''));
  const m = re.exec(c.f);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** The years a claimed total is of: those named, those "fram till" a year, or every year with an amount. */
function totalYears(c: FigureInput): number[] {
  const all = Array.from({ length: c.kb.lastYear - c.kb.firstYear + 1 }, (_, i) => c.kb.firstYear + i).filter(
    (y) => c.kb.amountFor(y) !== null,
  );
  const named = [...new Set(c.blocks.flat())].filter((y) => c.kb.amountFor(y) !== null);
  if (named.length > 1) return named.sort((a, b) => a - b);
  const [only] = named;
  if (only === undefined) return c.blocks.length ? [] : all;
  return UNTIL.test(c.f) ? all.filter((y) => y <= only) : [];
}

/** A bare figure ("3,975", "17 175") read in the scale nearest the sum it claims: miljarder, miljoner … */
function inScale(x: Figure, actual: number): Figure {
  const scales = [1e9, 1e6, 1e3, 1];
  const distance = (k: number) => Math.abs(Math.log((x.value * k) / actual));
  const scale = scales.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  return { ...x, kind: 'kronor', value: x.value * scale, tolerance: x.tolerance * scale, scale };
}

/** "425 miljoner kronor + 1,35 miljarder kronor + 8 × 2,2 miljarder kronor": the years' amounts, run by run. */
function formula(c: FigureInput, years: readonly number[]): string {
  const out: { n: number; kronor: number }[] = [];
  for (const y of years) {
    const kronor = c.kb.amountFor(y) ?? 0;
    const last = out[out.length - 1];
    if (last && last.kronor === kronor) last.n++;
    else out.push({ n: 1, kronor });
  }
  return out.map((r) => `${r.n > 1 ? `${r.n} × ` : ''}${c.kb.kronor(r.kronor, c.lang)}`).join(' + ');
}

/** "2019→2020: +850m, i.e. +63%": a change claimed between two years, in kronor and perhaps in per cent. */
function changeClaim(c: FigureInput, xs: Figure[]): FigureCheck | null {
  const years = [...new Set(c.blocks.flat())].sort((a, b) => a - b);
  const from = years[0];
  const to = years[years.length - 1];
  if (years.length !== 2 || from === undefined || to === undefined || !asked(c)) return null;
  const a = c.kb.amountFor(from);
  const b = c.kb.amountFor(to);
  const signed = (x: Figure) => /[+−-]\s*$/.test(c.f.slice(Math.max(0, x.index - 2), x.index));
  const kronor = xs.find((x) => x.kind === 'kronor' && (signed(x) || is(c.cues.compare, c.f)));
  if (a === null || b === null || !kronor) return null;
  const diff = b - a;
  const text = say(c, 'compute.difference', {
    a: String(to),
    b: String(from),
    diff: c.kb.kronor(Math.abs(diff), c.lang),
    more: say(c, diff === 0 ? 'amount.same' : diff > 0 ? 'amount.more' : 'amount.less'),
    x: c.kb.kronor(b, c.lang),
    y: c.kb.kronor(a, c.lang),
  });
  const claimed = judged(c, kronor, Math.abs(diff));
  const verdict = verdictOf(c, 'change', claimed, Math.abs(diff), c.kb.kronor(Math.abs(diff), c.lang), [
    from,
    to,
  ]);
  const pct = xs.find((x) => x.kind === 'percent');
  if (!pct || a === 0) return { verdict, body: { text, sources: amountSources(c, [from, to]) } };
  const change = (diff / a) * 100;
  const percent = verdictOf(c, 'percent', pct, Math.abs(change), `${number(change, c.lang, 2)} %`, [
    from,
    to,
  ]);
  const both = say(c, 'compute.percent', {
    from,
    to,
    percent: `${number(change, c.lang, 1)} %`,
    a: c.kb.kronor(a, c.lang),
    b: c.kb.kronor(b, c.lang),
  });
  return {
    verdict,
    also: [percent],
    body: { text: `${text}\n${both}`, sources: amountSources(c, [from, to]) },
  };
}
