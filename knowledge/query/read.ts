// Reading a question into its typed query. Each rule is a named value with the examples it must read
// (its corpus, run by test/unit/knowledge/query.test.ts), as Duckling keeps a dimension's rules: the
// operation rules and the unit rules here, the claim rules in claims.ts. The words they look for are
// content (words.yaml → query), compiled to patterns by `npm run kb:build`.

import { testCue } from '../gate.ts';
import { findClaims } from './claims.ts';
import type { Operation, Query, QueryInput, QueryRule, Unit } from './types.ts';

export type { QueryCues, QueryInput, QueryRule } from './types.ts';

/** A cue tested behind its gate: a question without its words never compiles it. */
const is = testCue;

/** The operations, first match wins: a share asked "in per cent" is a share, not a change. */
export const OPERATION_RULES: QueryRule<Operation>[] = [
  {
    name: 'hypothetical',
    examples: [
      'om det varit 2,2 mdkr alla 10 åren, hur mycket mer än beslutat?',
      'If it had been 2 billion every year, how much more would that be?',
    ],
    read: ({ f, cues, stated }) => (stated !== null && is(cues.hypothetical, f) ? 'hypothetical' : null),
  },
  {
    name: 'edge-year',
    examples: [
      'vilket år är första året m 2,2 mdkr',
      'sista året med pengar enligt beslutet?',
      'Which is the first year with 2.2 billion?',
      'the final year with any money?',
    ],
    // "Hur mycket får de det första året?" asks that year's amount; "the first year with …", "vilket år …"
    // asks which year it is. A year written out is no year to find.
    read: ({ raw, f, cues }) =>
      (is(cues.edgeFirst, f) || is(cues.edgeLast, f)) &&
      !/\b(?:19|20)\d\d\b/.test(raw) &&
      (is(cues.whichYear, f) || /^(?:nar|when)\b/.test(f) || EDGE_WITH.test(f))
        ? 'edge-year'
        : null,
  },
  {
    name: 'together-or-each',
    examples: [
      'Is the 425 million for 2018 for all of them together, or for each one?',
      'Är 1,35 miljarder 2019 per kommun eller totalt för alla?',
    ],
    // Both readings asked with "or": the question asks which the figure is, it claims neither.
    read: ({ f, cues, stated }) =>
      stated !== null && is(cues.eachOne, f) && is(cues.allTogether, f) && /\b(?:or|eller)\b/.test(f)
        ? 'together-or-each'
        : null,
  },
  {
    name: 'years-at-amount',
    examples: [
      'When does the 2.2bn level start?',
      'Vilka år gäller 1,35 miljarder?',
      'Från vilket år är det 2,2 miljarder?',
    ],
    // "which years / when" with a figure and no year: the years that have it, not a claim of it.
    read: ({ raw, f, cues, stated }) =>
      stated !== null &&
      !/\b(?:19|20)\d\d\b/.test(raw) &&
      (is(cues.whichYear, f) || /^(?:nar|when)\b/.test(f) || /\b(?:fran|from) vilket ar\b/.test(f)) &&
      !is(cues.lowest, f) &&
      !is(cues.highest, f)
        ? 'years-at-amount'
        : null,
  },
  {
    name: 'same-level',
    examples: [
      '2026 – samma nivå som 2020?',
      'Is 2019 the same amount as 2020?',
      'lika mycket 2021 som 2027?',
    ],
    read: ({ f, cues, years }) =>
      is(cues.sameLevel, f) && new Set(years).size >= 2 && !/\bkommun|\bmunicipalit/.test(f)
        ? 'same-level'
        : null,
  },
  {
    name: 'agency-years',
    examples: [
      'antal år som Delmos fördelar inom perioden?',
      'For how many years does the Delegation against Segregation distribute the money?',
    ],
    read: ({ raw, f, cues, known }) =>
      (is(cues.countYears, f) || /\bhow many years\b|\bhur manga ar\b/.test(f)) &&
      known.agencies.find(raw, f).length
        ? 'agency-years'
        : null,
  },
  {
    name: 'even-split',
    examples: [
      'Om 2018 års pengar delas lika mellan de 32 kommunerna, hur mycket blir det per kommun?',
      'If the 2019 money were split evenly over the municipalities, how much each?',
      'om man delar 2020 års 2,2 mdkr lika på alla 32, hur mycket per kommun?',
      'if you divide the 2019 amount equally between the 32, roughly how much each?',
    ],
    // "Monthly amount in 2020 if spread evenly over the year?" spreads it over months, not municipalities.
    read: ({ f, cues }) =>
      (is(cues.evenSplit, f) || SPLIT_APART.test(f)) &&
      ![cues.perMonth, cues.perQuarter, cues.perDay].some((re) => is(re, f))
        ? 'even-split'
        : null,
  },
  {
    name: 'extreme',
    examples: ['Vilket år får minst pengar?', 'Which year has the highest allocation?'],
    read: ({ f, cues }) =>
      is(cues.whichYear, f) && (is(cues.lowest, f) || is(cues.highest, f)) ? 'extreme' : null,
  },
  {
    name: 'share',
    examples: [
      'Vilken andel av hela satsningen går till 2019?',
      'What share of the total is 2018?',
      'Inom 2019–2021, hur många procent ligger på 2019?',
      'Within 2018–2020, what percentage falls in 2018?',
    ],
    read: ({ f, cues, blocks }) =>
      is(cues.share, f) || (is(cues.percent, f) && yearOfRange(blocks)) ? 'share' : null,
  },
  {
    name: 'percent-change',
    examples: ['What is the percentage increase from 2018 to 2019?', 'Hur många procent ökar det 2020?'],
    read: ({ f, cues }) => (is(cues.percent, f) ? 'percent-change' : null),
  },
  {
    name: 'ratio',
    examples: ['2019 vs 2018 – hur många ggr?', 'The 2018–2027 total is how many times the 2018 amount?'],
    read: ({ f, cues }) => (is(cues.ratioOf, f) ? 'ratio' : null),
  },
  {
    name: 'per-day',
    examples: ['Hur mycket blir det per dag 2021?', 'roughly how much per day in 2020?'],
    read: ({ f, cues }) => (is(cues.perDay, f) ? 'per-day' : null),
  },
  {
    name: 'per-week',
    examples: ['Hur mycket per vecka 2021?', 'What is that a week in 2019?'],
    read: ({ f, cues }) => (is(cues.perWeek, f) ? 'per-week' : null),
  },
  {
    name: 'per-quarter',
    examples: ['hur mycket per kvartal 2024?', 'How much is that per quarter in 2021?'],
    read: ({ f, cues }) => (is(cues.perQuarter, f) && !asksSchedule(f, cues) ? 'per-quarter' : null),
  },
  {
    name: 'per-month',
    examples: ['Hur mycket per månad 2020?', 'What does 2019 come to per month?'],
    read: ({ f, cues }) => (is(cues.perMonth, f) && !asksSchedule(f, cues) ? 'per-month' : null),
  },
  {
    name: 'count-years',
    examples: [
      'how long does the 2.2 billion level last, in years?',
      'Hur många år är det mellan 2020 och 2027?',
    ],
    read: ({ f, cues }) => (is(cues.countYears, f) ? 'count-years' : null),
  },
  {
    name: 'difference',
    examples: [
      'first two years vs last two years – what is the difference in total?',
      'Hur mycket mer betalas ut 2020–2027 än 2018–2019 sammanlagt?',
    ],
    read: ({ f, cues, blocks }) =>
      is(cues.compare, f) && blocks.length === 2 && blocks.some((b) => b.length > 1) ? 'difference' : null,
  },
];

/** "When are payments made – monthly or quarterly?", "Betalas det ut månadsvis eller kvartalsvis?": the
 * schedule of payments is asked (a time, or a choice between periods), not an amount per period. */
function asksSchedule(f: string, cues: QueryInput['cues']): boolean {
  return (
    /^(?:nar|when)\b/.test(f) || (is(cues.perMonth, f) && is(cues.perQuarter, f)) || is(cues.schedule, f)
  );
}

/** "delar 2018 års 425 mkr lika på de 32", "divide the 2019 amount equally": the split's verb and its
 * adverb with the figure between them (the cue words are phrases, side by side). */
const SPLIT_APART =
  /\b(?:dela[rs]?|fordela[rs]?|split|divide[ds]?|share[ds]?)\b.{1,40}?\b(?:lika|jamnt|evenly|equally)\b/;

/** "första året med …", "the last year with …", "sista året m pengar": the year is what is asked. */
const EDGE_WITH = /\b(?:aret|ar|budgetaret|year)\s+(?:med|m|with|som|that|when|da|till)\b/;

/** A single year named beside a range that holds it: "within 2018–2020 … 2018" asks for its part. */
function yearOfRange(blocks: number[][]): boolean {
  const ranges = blocks.filter((b) => b.length > 1);
  const singles = blocks.filter((b) => b.length === 1).flat();
  return singles.length > 0 && singles.every((y) => ranges.some((r) => r.includes(y)));
}

/** The units, most specific first: "i miljoner kronor" is millions, not kronor written out. */
export const UNIT_RULES: QueryRule<Unit>[] = [
  {
    name: 'unit-mkr',
    examples: ['Belopp 2022 i mkr?', 'The 2019 amount in MSEK?'],
    read: ({ f, cues }) => (is(cues.unitMkr, f) && !/\d\s*(?:mkr|msek)\b/u.test(f) ? 'mkr' : null),
  },
  {
    name: 'unit-tkr',
    examples: ['2019 i tkr?', 'The 2018 amount in thousands?'],
    read: ({ f, cues }) => (is(cues.unitTkr, f) && !/\d\s*tkr\b/u.test(f) ? 'tkr' : null),
  },
  {
    name: 'unit-miljoner',
    examples: ['Hur mycket är 2021 i miljoner?', '2019 in millions?'],
    read: ({ f, cues }) => (is(cues.unitMiljoner, f) && !/\d\s*miljoner/u.test(f) ? 'miljoner' : null),
  },
  {
    name: 'unit-miljarder',
    examples: ['2018 i miljarder?', 'What is 2018 in billions?'],
    read: ({ f, cues }) => (is(cues.unitMiljarder, f) ? 'miljarder' : null),
  },
  {
    name: 'unit-kronor',
    examples: ['2021 written out in kronor', 'Beloppet 2019 utskrivet i kronor?'],
    read: ({ f, cues }) => (is(cues.unitKronor, f) ? 'kronor' : null),
  },
];

function first<T>(rules: QueryRule<T>[], input: QueryInput): T | null {
  for (const rule of rules) {
    const v = rule.read(input);
    if (v !== null) return v;
  }
  return null;
}

/** The question's typed query: its operation, unit and claims. */
export function readQuery(input: QueryInput): Query {
  const operation = first(OPERATION_RULES, input);
  // "vilket år är första året m 2,2 mdkr", "om det varit 2,2 mdkr alla år": the figure is what the
  // question works with, not a value it claims for the years it names.
  // "delar 2018 års 425 mkr lika på de 32": the year's figure is what is split, unless the question asks
  // whether a result is right ("… blir det 13 mkr per kommun, stämmer det?").
  const argument =
    operation !== null &&
    (ARGUMENT_OF.has(operation) || (operation === 'even-split' && !is(input.cues.check, input.f)));
  const asksYear = argument || is(input.cues.whichYear, input.f);
  const claims = findClaims(input).filter(
    (x) => !(asksYear && x.attribute === 'amount') && !(argument && x.attribute === 'agency'),
  );
  return { operation, unit: first(UNIT_RULES, input), claims };
}

/** Operations whose figure or agency is their argument: the question asks about it, claims nothing. */
const ARGUMENT_OF = new Set<Operation>([
  'hypothetical',
  'edge-year',
  'same-level',
  'agency-years',
  'count-years',
  'years-at-amount',
  'together-or-each',
]);
