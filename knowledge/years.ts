// Years and periods in a question. Sums are computed from the per-year amounts of the content.
import type { Knowledge } from './content.ts';
import { fold } from './text.ts';

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
// "2018:151" is the ordinance's number, not a year; "2020: +850m", "2019: 1,35" is a year and its figure.
const NOT_ORDINANCE = String.raw`(?!:?\d)`;
const RANGE = new RegExp(
  String.raw`(?:\b(efter|after)\s+|mellan|between|från|from|fr\.?o\.?m\.?)?\s*\b${YEAR}\s*(?:–|—|-|‐|up\s+to\s+and\s+including|up\s+to|to\s+and\s+including|till\s+och\s+med|till|to|through|thru|until|och|and|t\.?\s?o\.?\s?m\.?)\s*${YEAR}${NOT_ORDINANCE}`,
  'giu',
);
const SHORT_RANGE = new RegExp(String.raw`\b${YEAR}\s*[–—-]\s*(\d\d)\b${NOT_ORDINANCE}`, 'gu');
const SINGLE = new RegExp(String.raw`(?<![:\d])\b${YEAR}\b${NOT_ORDINANCE}`, 'gu');

const OPEN_RANGE = new RegExp(
  String.raw`\b(?:(efter|after)|från och med|fr\.?o\.?m\.?|since|from)\s+${YEAR}${NOT_ORDINANCE}(?:\s+(?:och framåt|onwards?|and later|on))?(?!\s*(?:–|—|-|till|to|until|och|and)\s*\d)`,
  'giu',
);
// "t.o.m. 2025", "up to and including 2025", "through the end of 2024", "till utgången av 2023" with no
// first year: from the programme's first year.
const UP_TO = new RegExp(
  String.raw`(?:(?:\bt\.?\s?o\.?\s?m\.?|\btill och med|\bup to and including|\bto and including|\bthrough|\bfram t\.?o\.?m\.?)(?:\s+(?:the\s+)?end\s+of|\s+(?:utgången|slutet)\s+av)?|\b(?:by|until|till)\s+(?:the\s+)?end\s+of|\b(?:fram\s+)?till\s+(?:utgången|slutet)\s+av)\s+${YEAR}${NOT_ORDINANCE}`,
  'giu',
);
const AND_LATER = new RegExp(
  String.raw`\b${YEAR}${NOT_ORDINANCE}\s+(?:vs\.?|and|och|&|or|eller)\s+(?:later|senare|after|efter|framåt|beyond|onwards?)`,
  'giu',
);
const SHORT_YEAR = /(?<![\p{L}\p{N}])[-–'’](1[89]|2[0-9])(?![\p{N}:])/gu;

/** The words that, in a folded question, ask for a sum, compare two years, or name the first year. */
export interface PeriodCues {
  total: RegExp;
  compare: RegExp;
  firstYear: RegExp;
  /** The first and last year with an amount: "efter 2018" runs to the last one. */
  firstAmountYear: number;
  lastAmountYear: number;
}

/** Reads the years, ranges and any wish for a sum from a question; `folded` is the same text folded. */
export function parsePeriod(raw: string, folded: string, cues: PeriodCues): Period {
  const LAST_YEAR = cues.lastAmountYear;
  const ranges: [number, number][] = [];
  // "FY2019", "FY21": fiscal years are calendar years in Sweden.
  let text = raw.replace(/\bFY\s?(\d{4})\b/gi, '$1').replace(/\bFY\s?(\d\d)\b/gi, '20$1');
  // "'19–'21": a range of short years.
  text = text.replace(/['’](\d\d)\s*[–—-]\s*['’]?(\d\d)\b/g, (_, a: string, b: string) => {
    ranges.push([2000 + Number(a), 2000 + Number(b)]);
    return ' ';
  });
  // "de tre första åren", "the last two years": counted from the programme's first or last year.
  text = text.replace(
    FIRST_LAST,
    (whole, n1?: string, end1?: string, end2?: string, n2?: string, n3?: string, end3?: string) => {
      const n = count(n1 ?? n2 ?? n3 ?? '');
      if (!n) return whole;
      ranges.push(positioned(cues, n, end1 ?? end2 ?? end3 ?? ''));
      return ' ';
    },
  );
  text = text.replace(HALF, (_, which: string) => {
    ranges.push(half(cues, which));
    return ' ';
  });
  // "de tre första och de tre sista åren": once one position names its years, another may leave them out.
  if (ranges.length)
    text = text.replace(POSITION, (whole, n1?: string, end1?: string, end2?: string, n2?: string) => {
      const n = count(n1 ?? n2 ?? '');
      if (!n) return whole;
      ranges.push(positioned(cues, n, end1 ?? end2 ?? ''));
      return ' ';
    });
  // "efter 2022 t.o.m. 2027", "after 2023 through 2027": what remains starts the year after.
  let rest = text.replace(RANGE, (whole, after: string | undefined, a: string, b: string) => {
    const from = Number(a) + (after && Number(b) > Number(a) ? 1 : 0);
    const to = Number(b);
    // "2019 och 2021" without "mellan"/"between" names two years, not the years between them.
    // ("2023 till och med 2027" is a range: its "och" is part of "till och med".)
    if (/\d\s*(och|and)\s*\d/iu.test(whole) && !/\b(mellan|between|från|from)\b/iu.test(whole)) return whole;
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
  // "ackumulerat t.o.m. 2025": from the first year with an amount up to that year.
  rest = rest.replace(UP_TO, (_, a: string) => {
    ranges.push([Math.min(cues.firstAmountYear, Number(a)), Number(a)]);
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
  if (cues.firstYear.test(folded)) years.push(cues.firstAmountYear);
  return {
    years: [...new Set(years)],
    // "första halvan av perioden, alltså 2018–2022": one range named twice is one range.
    ranges: ranges.filter((r, i) => ranges.findIndex((x) => x[0] === r[0] && x[1] === r[1]) === i),
    total: cues.total.test(folded),
    // "2018→2019 i mkr?": an arrow from one year to another asks for the change.
    compare: cues.compare.test(folded) || /\d{4}\s*(?:→|->|=>)\s*\d{4}/.test(raw),
  };
}

/** Numbers written as words, folded ("åtta" → "atta"): a count of years or of municipalities. */
const NUMBERS: Record<string, number> = {
  tva: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  atta: 8,
  nio: 9,
  tio: 10,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
/** "10", "tio", "ten", "åtta": the number a word writes, 0 for any other word. */
export const count = (word: string) => (/^\d+$/.test(word) ? Number(word) : (NUMBERS[fold(word)] ?? 0));
const NUMBER = String.raw`(\d{1,2}|två|tre|fyra|fem|sex|sju|åtta|nio|tio|two|three|four|five|six|seven|eight|nine|ten)`;
const COUNT_WORD =
  /(?<![\p{L}\p{N}])(två|tre|fyra|fem|sex|sju|åtta|nio|tio|two|three|four|five|six|seven|eight|nine|ten)(?![\p{L}\p{N}])/iu;

/** "alla tre tillsammans?", "those two years": the count a question names in words, else 0. */
export function countNamed(raw: string): number {
  const m = COUNT_WORD.exec(raw);
  return m?.[1] ? count(m[1]) : 0;
}
// "de tre första åren" / "the first three years" / "satsningens tre sista år".
// "and the last three?", "de två sista?": the noun left out, at the end of a short follow-up.
const FIRST_LAST = new RegExp(
  String.raw`\b${NUMBER}\s+(första|sista|first|last|final|mittersta|mellersta|middle)\s+(?:åren|år|years)\b|\b(första|sista|first|last|final|mittersta|mellersta|middle)\s+${NUMBER}(?:\s+(?:åren|år|years)\b|(?=\s*[?.!]*\s*$))|\b${NUMBER}\s+(första|sista|first|last|final|mittersta|mellersta|middle)(?=\s*[?.!]*\s*$)`,
  'giu',
);

const HALF = /\b(first|second|last|latter|första|förra|andra|sista|senare)\s+(?:half|halvan|halvdelen)\b/giu;
// "tre första", "last two": a position without its noun, read only beside one that has it.
const POSITION = new RegExp(
  String.raw`\b${NUMBER}\s+(första|sista|first|last|final|mittersta|mellersta|middle)\b|\b(första|sista|first|last|final|mittersta|mellersta|middle)\s+${NUMBER}\b`,
  'giu',
);

/** "the first half of the period", "andra halvan": half of the programme's years. */
function half(cues: PeriodCues, which: string): [number, number] {
  const n = Math.floor((cues.lastAmountYear - cues.firstAmountYear + 1) / 2);
  return /first|första|förra/i.test(which)
    ? [cues.firstAmountYear, cues.firstAmountYear + n - 1]
    : [cues.lastAmountYear - n + 1, cues.lastAmountYear];
}

/** The n years at a position of the programme: its first, its last, or its middle ones. */
function positioned(cues: PeriodCues, n: number, where: string): [number, number] {
  const first = cues.firstAmountYear;
  const all = cues.lastAmountYear - first + 1;
  // "the middle three years": as many years before them as after, the earlier side when it cannot be even.
  const middle = first + Math.floor((all - n) / 2);
  if (/första|first/i.test(where)) return [first, first + n - 1];
  if (/mitt|mell|middle/i.test(where)) return [middle, middle + n - 1];
  return [cues.lastAmountYear - n + 1, cues.lastAmountYear];
}

/** True when the question names any year at all. */
export function hasYears(p: Period): boolean {
  return p.years.length > 0 || p.ranges.length > 0;
}

/** The sum of the amounts for the covered years of a range, and the years the release does not cover. */
export function sumOver(
  kb: Pick<Knowledge, 'amountFor'>,
  from: number,
  to: number,
): { sum: number; covered: [number, number] | null; outside: number[] } {
  let sum = 0;
  const outside: number[] = [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let y = from; y <= to; y++) {
    const a = kb.amountFor(y);
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

/** A year range as written in the release ("2020–2027"). */
export function span(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}
