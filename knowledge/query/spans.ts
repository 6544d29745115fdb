// The operations of a part over years named in other ways than one year or one range: an even split over
// a year's list, the difference of two ranges' totals, one average per month over a whole period, years
// counted or chosen by their amount, a share of the full yearly level, a ratio of yearly amounts. Null
// leaves the question to the operations of operations.ts (apply.ts's withComputed).
import { askedYears, type Parts } from '../answers.ts';
import type { Agency, Knowledge } from '../content.ts';
import type { County } from '../municipalities.ts';
import type { ConversationContext, Lang } from '../types.ts';
import type { Period } from '../years.ts';
import {
  averagePer,
  countByAmount,
  difference,
  evenSplit,
  extreme,
  fullLevel,
  fullLevelLine,
  listRest,
  listShare,
  yearsByAmount,
} from './arithmetic.ts';
import { agencyYears, edgeYear, hypothetical, sameLevel, togetherOrEach } from './levels.ts';
import { type Computed, compute } from './operations.ts';
import type { Operation, Query, QueryCues } from './types.ts';

/** A computed answer; `keep`: it adds to the rules' answer, whose entry it stays (the duration's). */
export type Spanned = Computed & { period?: Period; keep?: boolean; list?: boolean };

/** What the span operations read of a part and of the rules' decision. */
export interface SpanStep {
  f: string;
  lang: Lang;
  kb: Knowledge;
  stated: number | null;
  prev: ConversationContext | null;
  cues: QueryCues;
  /** The rules' decision: its rule, answer and period. */
  rule: string;
  parts: Parts;
  period: Period;
  /** The rules' answer is about the amounts or about nothing in particular. */
  amountish: boolean;
  /** The county the part (or the conversation) names. */
  county: County | null;
  /** The agency the part names, if any ("antal år som Delmos fördelar"). */
  agency: Agency | null;
  /** A count of years the part states ("alla 10 åren", "all ten years"). */
  yearCount: number | null;
}

const PARTS: Partial<Record<Operation, [number, string]>> = {
  'per-month': [12, 'per-month'],
  'per-quarter': [4, 'per-quarter'],
  'per-day': [365, 'per-day'],
  'per-week': [52, 'per-week'],
};

/** The cue matched in the folded part, hyphens read as spaces ("full-level"). */
const on = (s: SpanStep, re: RegExp) => {
  re.lastIndex = 0;
  return re.test(s.f.replace(/-/g, ' '));
};
const ctxOf = (s: SpanStep) => ({ kb: s.kb, lang: s.lang });
const prevYears = (s: SpanStep) =>
  s.prev ? askedYears({ years: s.prev.years, ranges: s.prev.ranges, total: false, compare: false }) : [];
const amountTest = (s: SpanStep) =>
  on(s, s.cues.below)
    ? 'below'
    : on(s, s.cues.above)
      ? 'above'
      : on(s, s.cues.yearsWith) || FIGURE_YEARS.test(s.f)
        ? 'at'
        : null;
/** "the 2.2bn years", "2,2-miljardersåren": years named by their amount. */
const FIGURE_YEARS =
  /\d(?:[.,]\d+)?\s*-?\s*(?:bn|mdr|mdkr|md|billion|miljard\p{L}*|m|mkr|million|miljon\p{L}*)\s*-?\s*(?:years|aren|ar)\b/u;

/** The span operation the query asks of the years, or null. */
export function spanned(q: Query, s: SpanStep, asked: number[], blocks: number[][]): Spanned | null {
  const c = ctxOf(s);
  const years = asked.length ? asked : prevYears(s);
  switch (q.operation) {
    case 'even-split':
      return evenSplit(c, years, s.stated);
    case 'difference':
      return difference(c, blocks);
    case 'extreme':
      return extreme(c, on(s, s.cues.lowest) ? 'lowest' : 'highest');
    case 'edge-year':
      return edgeYear(c, on(s, s.cues.edgeLast) ? 'last' : 'first', s.stated);
    case 'same-level':
      return sameLevel(c, blocks.flat());
    case 'hypothetical':
      return s.stated === null ? null : hypothetical(c, s.stated, asked, s.yearCount);
    case 'together-or-each':
      return s.stated === null ? null : togetherOrEach(c, s.stated, asked);
    case 'years-at-amount':
      return s.stated === null
        ? null
        : compute(c, { operation: 'count-years', unit: null, years: [], whole: [], stated: s.stated });
    case 'agency-years':
      return s.agency ? agencyYears(c, s.agency, asked) : null;
    case 'count-years':
      return counted(s, asked);
    case 'share':
      return shareOfSpan(s, years);
    case 'ratio':
      if (!on(s, s.cues.yearly)) return null;
      return compute(c, {
        operation: 'ratio',
        unit: null,
        years: s.period.years,
        whole: askedYears({ ...s.period, years: [] }),
        stated: null,
        perYear: true,
      });
    default: {
      const per = q.operation ? PARTS[q.operation] : undefined;
      if (per && (on(s, s.cues.average) || on(s, s.cues.total)) && asked.length > 1)
        return averagePer(c, asked, per[0], per[1]);
      if (!q.operation && !q.unit && on(s, s.cues.fullLevel) && s.amountish) return fullLevelLine(c);
      if (!q.operation && aboutMunicipalities(s) && on(s, s.cues.negation) && on(s, s.cues.howMany))
        return asList(listRest(c, asked));
      return null;
    }
  }
}

/** "antal budgetår med lägre belopp än 2,2 mdr", "Hur många år löper satsningen?", "for how many years?". */
function counted(s: SpanStep, asked: number[]): Spanned | null {
  const c = ctxOf(s);
  const test = amountTest(s);
  // "hur många år m 2,2 mdkr?": the years at the figure, as "antal år under 2,2 mdr" the years below it.
  if (s.stated !== null && !asked.length)
    return test === 'below' || test === 'above'
      ? countByAmount(c, s.stated, test)
      : (compute(c, { operation: 'count-years', unit: null, years: [], whole: [], stated: s.stated }) ??
          countByAmount(c, s.stated, 'at'));
  // The years with an amount (or the years asked before), counted, before the duration's own answer.
  if (asked.length || s.stated !== null || !/duration$/.test(s.rule)) return null;
  const all = compute(c, {
    operation: 'count-years',
    unit: null,
    years: prevYears(s),
    whole: [],
    stated: null,
  });
  if (!all) return null;
  const seen = new Set<string>();
  return {
    text: `${all.text}\n${s.parts.text}`,
    sources: [...all.sources, ...s.parts.sources].filter((x) => !seen.has(x.quote) && seen.add(x.quote)),
    period: { ...s.period, years: s.prev?.years ?? [], ranges: s.prev?.ranges ?? [] },
    keep: true,
  };
}

/** "hur stor del ligger på åren med 2,2 mdr", "2019 as a % of the full-level annual amount". */
function shareOfSpan(s: SpanStep, years: number[]): Spanned | null {
  const c = ctxOf(s);
  // "what share of Sweden's municipalities can apply?": a count of the list, not an amount.
  if (aboutMunicipalities(s) && s.stated === null) return asList(listShare(c, years, s.county));
  if (s.stated !== null && amountTest(s) === 'at') {
    const part = yearsByAmount(c, s.stated, 'at');
    return part.length
      ? compute(c, { operation: 'share', unit: null, years: part, whole: [], stated: null })
      : null;
  }
  const full = on(s, s.cues.fullLevel) && s.stated === null ? fullLevel(c) : null;
  if (!full || !years.length) return null;
  const out = compute(c, { operation: 'share', unit: null, years, whole: [], stated: full.kronor });
  return out ? { ...out, period: { ...s.period, years, ranges: [] } } : null;
}

/** The part counts municipalities ("andel av kommunerna", "how many municipalities … not"). */
const aboutMunicipalities = (s: SpanStep) =>
  /\bkommun|\bmunicipalit/.test(s.f) && !/\bper kommun|\beach municipalit/.test(s.f);

/** A count of the list's municipalities: an answer about the list, not the amounts. */
const asList = (x: Computed | null): Spanned | null => (x ? { ...x, list: true } : null);
