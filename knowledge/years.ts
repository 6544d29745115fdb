// Years and periods in a question, and kronor in words. Sums are computed from the per-year facts.
import { amountFor, FIRST_YEAR, LAST_YEAR } from './facts.ts';
import type { Lang } from './types.ts';

/** The years a question asks about. */
export interface Period {
  /** Single years, in the order asked. */
  years: number[];
  /** Inclusive ranges such as 2019–2021. */
  ranges: [number, number][];
  /** The asker wants a sum ("totalt", "in total"). */
  total: boolean;
  /** The asker compares two years ("hur mycket mer 2019 än 2018", "increase from 2019 to 2020"). */
  compare: boolean;
}

const YEAR = String.raw`(1[89]\d\d|2[01]\d\d)`;
// "2018:151" is the ordinance's number, not a year.
const NOT_ORDINANCE = String.raw`(?![:\d])`;
const RANGE = new RegExp(
  String.raw`(?:mellan|between|från|from|fr\.?o\.?m\.?)?\s*\b${YEAR}\s*(?:–|—|-|‐|till|to|through|thru|until|och|and|t\.?o\.?m\.?)\s*${YEAR}${NOT_ORDINANCE}`,
  'giu',
);
const SHORT_RANGE = new RegExp(String.raw`\b${YEAR}\s*[–—-]\s*(\d\d)\b${NOT_ORDINANCE}`, 'gu');
const SINGLE = new RegExp(String.raw`(?<![:\d])\b${YEAR}\b${NOT_ORDINANCE}`, 'gu');
const TOTAL =
  /\b(totalt?|sammanlagt|sammantaget|sammanlagda|summan?|allt som allt|hela perioden|total(ly)?|in all|altogether|combined|overall|sum|cumulative|whole period|all years|alla år(en)?|tillsammans)\b/iu;

const OPEN_RANGE = new RegExp(
  String.raw`\b(?:(efter|after)|från och med|fr\.?o\.?m\.?|since|from)\s+${YEAR}${NOT_ORDINANCE}(?:\s+(?:och framåt|onwards?|and later|on))?(?!\s*(?:–|—|-|till|to|until|och|and)\s*\d)`,
  'giu',
);
const AND_LATER = new RegExp(
  String.raw`\b${YEAR}${NOT_ORDINANCE}\s+(?:vs\.?|and|och|&|or|eller)\s+(?:later|senare|after|efter|framåt|beyond|onwards?)`,
  'giu',
);
const SHORT_YEAR = /(?<![\p{L}\p{N}])[-–'’](1[89]|2[0-9])(?![\p{N}:])/gu;
const FIRST_YEAR_WORDS = /\b(första året|first year)\b/iu;

const COMPARE =
  /\b(mer|mindre|jämfört|jämfört med|skillnad\p{L}*|ökning\p{L}*|ökar|minskar|more|less|compared?|difference|diff|vs|versus|increases?|decreases?|rise|grows?)\b/iu;

/** Reads the years, ranges and any wish for a sum from a question. */
export function parsePeriod(text: string): Period {
  const ranges: [number, number][] = [];
  let rest = text.replace(RANGE, (whole, a: string, b: string) => {
    const from = Number(a);
    const to = Number(b);
    // "2019 och 2021" without "mellan"/"between" names two years, not the years between them.
    if (/\b(och|and)\b/iu.test(whole) && !/\b(mellan|between|från|from)\b/iu.test(whole)) return whole;
    ranges.push(from <= to ? [from, to] : [to, from]);
    return ' ';
  });
  rest = rest.replace(SHORT_RANGE, (_, a: string, b: string) => {
    const from = Number(a);
    const to = Math.floor(from / 100) * 100 + Number(b);
    ranges.push(from <= to ? [from, to] : [to, from]);
    return ' ';
  });
  // "efter 2018", "från och med 2019", "from 2020 onwards": the rest of the programme.
  rest = rest.replace(OPEN_RANGE, (_, after: string | undefined, a: string) => {
    const from = Number(a) + (after ? 1 : 0);
    ranges.push([from, Math.max(from, LAST_YEAR)]);
    return ' ';
  });
  // "2018 och senare", "2018 vs later": from that year to the end of the programme.
  rest = rest.replace(AND_LATER, (_, a: string) => {
    ranges.push([Number(a), Math.max(Number(a), LAST_YEAR)]);
    return ' ';
  });
  const years = [...rest.matchAll(SINGLE)].map((m) => Number(m[1]));
  // "-18", "'19": years written short, as in "budgeten -19".
  for (const m of rest.matchAll(SHORT_YEAR)) years.push(2000 + Number(m[1]));
  // "det första året", "the first year": the release's first year.
  if (FIRST_YEAR_WORDS.test(text)) years.push(FIRST_YEAR);
  return { years: [...new Set(years)], ranges, total: TOTAL.test(text), compare: COMPARE.test(text) };
}

/** True when the question names any year at all. */
export function hasYears(p: Period): boolean {
  return p.years.length > 0 || p.ranges.length > 0;
}

/** The sum of the amounts for the covered years of a range, and the years the release does not cover. */
export function sumOver(
  from: number,
  to: number,
): { sum: number; covered: [number, number] | null; outside: number[] } {
  let sum = 0;
  const outside: number[] = [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let y = from; y <= to; y++) {
    const a = amountFor(y);
    if (a === null) {
      outside.push(y);
      continue;
    }
    sum += a;
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  return { sum, covered: sum > 0 ? [lo, hi] : null, outside };
}

/** The programme's whole budget, 2018–2027. */
export const TOTAL_ALL_YEARS = sumOver(FIRST_YEAR, LAST_YEAR).sum;

/** Kronor in words, as a press officer would write them ("1,35 miljarder kronor", "425 million kronor"). */
export function kronor(amount: number, lang: Lang): string {
  const billions = amount >= 1_000_000_000;
  const value = billions ? amount / 1_000_000_000 : amount / 1_000_000;
  const digits = value.toFixed(3).replace(/\.?0+$/, '');
  const number = lang === 'sv' ? digits.replace('.', ',') : digits;
  if (lang === 'sv')
    return `${number} ${billions ? (value === 1 ? 'miljard' : 'miljarder') : 'miljoner'} kronor`;
  return `${number} ${billions ? 'billion' : 'million'} kronor`;
}

/** A year range as written in the release ("2020–2027"). */
export function span(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}
