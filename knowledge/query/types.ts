// A question read as a typed query: what it asks the amounts to be put through (an operation), the
// unit it wants them in, and the values it claims. The engine's rule table still decides the topic; a
// query says what to do with it, so kinds of question combine ("2021 i mkr, stämmer 2,2 miljarder?").
import type { KnownName } from '../content.ts';
import type { Source } from '../types.ts';

/** What a question asks to be computed from the amounts per year. */
export type Operation =
  | 'ratio'
  | 'percent-change'
  | 'share'
  | 'per-month'
  | 'per-quarter'
  | 'per-day'
  | 'count-years'
  | 'even-split'
  | 'difference'
  | 'per-week'
  | 'extreme'
  | 'edge-year'
  | 'same-level'
  | 'hypothetical'
  | 'agency-years'
  | 'years-at-amount'
  | 'together-or-each';

/** The unit an amount is asked in. */
export type Unit = 'kronor' | 'tkr' | 'mkr' | 'miljoner' | 'miljarder';

/** The facts a claim may be about. */
export type Attribute =
  | 'agency'
  | 'party'
  | 'title'
  | 'ordinance'
  | 'count'
  | 'amount'
  | 'amount-start'
  | 'first-year'
  | 'contact-name'
  | 'contact-title'
  | 'contact-phone'
  | 'arithmetic'
  | 'total'
  | 'change'
  | 'per-municipality'
  | 'unit'
  | 'ratio'
  | 'percent'
  | 'average';

/** A value the message asserts, as said, and the years it asserts it for. */
export interface Claimed {
  attribute: Attribute;
  /** The official name or the figure claimed (an agency, a party, "2018:115", a count, kronor). */
  claimed: string | number;
  years: number[];
  /** Said as an approximation ("drygt", "about"). */
  approximate?: boolean;
  /** Said as a figure a year ("per år", "a year"): each year's amount, not a sum. */
  yearly?: boolean;
}

/** A question's typed query. */
export interface Query {
  operation: Operation | null;
  unit: Unit | null;
  claims: Claimed[];
}

/** A claim checked against the facts: right, wrong (with the right value) or not stated. */
export interface ClaimVerdict {
  attribute: Attribute;
  claimed: string;
  /** `partly`: right for some of the years only (an agency asked with no year); the answer's body says which. */
  verdict: 'right' | 'wrong' | 'unstated' | 'partly';
  /** The right value, as the answer states it. */
  correct: string;
  source: Source | null;
}

export const NO_QUERY: Query = { operation: null, unit: null, claims: [] };

/** The query patterns of the compiled content (knowledge/cues.ts). */
export interface QueryCues {
  percent: RegExp;
  share: RegExp;
  perMonth: RegExp;
  perDay: RegExp;
  approx: RegExp;
  ratioOf: RegExp;
  unitTkr: RegExp;
  perQuarter: RegExp;
  /** "i förskott", "upfront": a time of payment, not an amount a period. */
  schedule: RegExp;
  countYears: RegExp;
  unitKronor: RegExp;
  unitMkr: RegExp;
  unitMiljoner: RegExp;
  unitMiljarder: RegExp;
  check: RegExp;
  started: RegExp;
  agencyClaim: RegExp;
  partyClaim: RegExp;
  besides: RegExp;
  duration: RegExp;
  evenSplit: RegExp;
  fullLevel: RegExp;
  bothYears: RegExp;
  exclude: RegExp;
  yearly: RegExp;
  below: RegExp;
  above: RegExp;
  yearsWith: RegExp;
  lowest: RegExp;
  highest: RegExp;
  whichYear: RegExp;
  edgeFirst: RegExp;
  edgeLast: RegExp;
  sameLevel: RegExp;
  hypothetical: RegExp;
  eachOne: RegExp;
  allTogether: RegExp;
  /** A question word starts the part ("hur mycket …", "how much …"): it asks, it does not assert. */
  questionStart: RegExp;
  perWeek: RegExp;
  positions: RegExp;
  negation: RegExp;
  howMany: RegExp;
  total: RegExp;
  compare: RegExp;
  average: RegExp;
  contactClaim: RegExp;
  draft: RegExp;
  yesNo: RegExp;
  contactTitle: RegExp;
}

/** What the rules read: the question, folded, and what the engine already found in it. */
export interface QueryInput {
  raw: string;
  f: string;
  /** Every year the question names, ranges spelt out. */
  years: number[];
  /** The years as named: each range spelt out, each single year alone ("2020–2027 than 2018–2019"). */
  blocks: number[][];
  /** A figure in kronor the question states ("2,2 miljarder"). */
  stated: number | null;
  cues: QueryCues;
  known: KnownNames;
  /** The words of the minister's name, folded: a title is claimed of him only. */
  minister: string[];
  /** The press contact as the documents give him: what a line about the contact is checked against. */
  contact: ContactFacts;
  /** The last year with an amount. */
  last: number;
}

/** The press contact's name, title (Swedish and English) and phone number. */
export interface ContactFacts {
  name: string;
  titles: string[];
  phone: string;
}

/** A rule: its name, the questions it must read as it does, and the reading. */
export interface QueryRule<T> {
  name: string;
  examples: string[];
  read(input: QueryInput): T | null;
}

/** A kind of known name, with the patterns that find it in a question. */
export interface NameFinder {
  find(raw: string, folded: string): KnownName[];
  /** The text folded, each other way of writing a name written as the name ("vad gör tvv?" → "vad gor tillvaxtverket?"). */
  spelled(raw: string): string;
}

/** The known names of the content (words.yaml → known), ready to find. */
export interface KnownNames {
  agencies: NameFinder;
  parties: NameFinder;
  titles: NameFinder;
  people: NameFinder;
}
