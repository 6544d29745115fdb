// The answers that must be computed: sums over years, whether named municipalities can apply, counties,
// "did you mean". Every sentence comes from knowledge/content/phrases.yaml and every fact from the content,
// each answer with its sources; where the documents are silent, the answer says so instead of guessing.
// Answers that need no computing are templates in faq.yaml, filled by `template` below.
import { ContentError, type EligibilityList, type FaqEntry, type Knowledge } from './content.ts';
import { type County, type Mention, MUNICIPALITIES, type Municipality } from './municipalities.ts';
import type { Answer, ConversationContext, Intent, Lang, MunicipalityVerdict, Source } from './types.ts';
import { type Period, span, sumOver } from './years.ts';

/** What the engine learnt about a question, for the composers below. */
export interface Context {
  kb: Knowledge;
  lang: Lang;
  period: Period;
  mentions: Mention[];
  /** Municipalities one typo away from a word, when there are several. */
  ambiguous: Municipality[];
  /** A word that looks like a place name but is none of the 290 municipalities. */
  unknownPlace: string | null;
  /** A county the question names instead of a municipality. */
  county: County | null;
  /** The question asks for an average per year. */
  average?: boolean;
  /** The question asks how many times one year's amount is another's. */
  ratio?: boolean;
}

export type Parts = Pick<Answer, 'text' | 'sources'> & Partial<Pick<Answer, 'suggestions' | 'outcome'>>;
export type Composer = (ctx: Context) => Parts;

/** Every phrase of phrases.yaml the code uses; the engine refuses to start when content lacks one. */
export const PHRASES = [
  'verdict.yes',
  'verdict.no',
  'verdict.on-list',
  'verdict.off-list',
  'verdict.lists',
  'verdict.typed',
  'verdict.district',
  'eligibility.later-unknown',
  'eligibility.no-list',
  'eligibility.did-you-mean',
  'eligibility.did-you-mean-one',
  'eligibility.suggest',
  'eligibility.unknown-place',
  'eligibility.name-it',
  'eligibility.why',
  'list',
  'county.lead',
  'region.lead',
  'county.some',
  'county.none',
  'thread.county-of',
  'thread.asked-in-county',
  'thread.asked-none-in-county',
  'thread.asked-on-list',
  'thread.asked-none-on-list',
  'thread.counties-together',
  'thread.share-of-list',
  'thread.agency-name',
  'thread.counties-none',
  'thread.counties-some',
  'others',
  'amount.year',
  'amount.per-year',
  'amount.range',
  'amount.together',
  'amount.average',
  'amount.outside',
  'amount.overview',
  'amount.compare',
  'amount.ratio',
  'amount.same',
  'amount.more',
  'amount.less',
  'amount.per-municipality',
  'amount.all-municipalities',
  'amount.in-euros',
  'duration',
  'agency.one-year',
  'agency.temporarily',
  'agency.from',
  'agency.ask-them',
  'not-stated',
  'not-stated.nearest',
  'not-stated.about',
  'not-stated.measures',
  'not-stated.who',
  'passage',
  'overview.lead',
  'overview.rest',
  'help',
  'thanks',
  'besides',
  'off-topic-place',
  'suggest',
  'fallback',
  'context.about',
  'context.follow-up',
  'parts.capped',
  'or',
  'and',
] as const;
export type PhraseId = (typeof PHRASES)[number];

const say = (ctx: { kb: Knowledge; lang: Lang }, id: PhraseId, slots?: Record<string, string | number>) =>
  ctx.kb.say(ctx.lang, id, slots);
const bullets = (items: readonly string[]) => items.map((i) => `• ${i}`).join('\n');

/** Names joined as prose: "A, B och C" / "A, B and C" (or "eller" / "or"). */
export function joinNames(
  ctx: { kb: Knowledge; lang: Lang },
  names: readonly string[],
  word: 'and' | 'or' = 'and',
): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${say(ctx, word)} ${names[names.length - 1]}`;
}

/** Swedish genitive of a name: "Stockholms", but "Borås" stays "Borås". */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

// --- which list a verdict is about ---------------------------------------------------------------------

/** Every year the question asks about, ranges spelt out. */
export function askedYears(period: Period): number[] {
  const out = new Set(period.years);
  for (const [from, to] of period.ranges) for (let y = from; y <= to && y - from < 200; y++) out.add(y);
  return [...out].sort((a, b) => a - b);
}

/** The year of the list a verdict is about: the year asked if it has a list, else the latest list. */
export function listYearFor(kb: Knowledge, period: Period): number {
  const asked = askedYears(period).find((y) => kb.listFor(y));
  const latest = kb.listYears[kb.listYears.length - 1];
  return asked ?? latest ?? 0;
}

export function onList(kb: Knowledge, m: Municipality, year: number): boolean {
  return kb.listFor(year)?.municipalities.includes(m.name) ?? false;
}

/** The heading of a list, as the source of a verdict or a count. */
export function listSource(kb: Knowledge, list: EligibilityList | undefined): Source[] {
  return list ? [{ quote: list.heading, document: kb.documentLabel(list.document) }] : [];
}

/** What the JSON output says of each named municipality: on the list of `listYear` or not. */
export function verdicts(ctx: Context): MunicipalityVerdict[] {
  const year = listYearFor(ctx.kb, ctx.period);
  return ctx.mentions.map((m) => ({
    name: m.municipality.name,
    code: m.municipality.code,
    eligible: onList(ctx.kb, m.municipality, year),
    listYear: year,
  }));
}

function verdictLine(ctx: Context, m: Mention, year: number, otherYears: number[]): string {
  const { name } = m.municipality;
  const district =
    m.via === 'area'
      ? `${say(ctx, 'verdict.district', { said: m.said, name: ctx.lang === 'sv' ? genitive(name) : name })} `
      : '';
  const said = m.via === 'typo' ? say(ctx, 'verdict.typed', { said: m.said }) : '';
  const yes = onList(ctx.kb, m.municipality, year);
  if (byLists(ctx, otherYears)) {
    // "Kan Lund söka 2020?" with lists for 2018 and 2019: each list by its year, never "one of them".
    const on = ctx.kb.listYears.filter((y) => onList(ctx.kb, m.municipality, y));
    const off = ctx.kb.listYears.filter((y) => !onList(ctx.kb, m.municipality, y));
    const years = { on: joinNames(ctx, on.map(String)), off: joinNames(ctx, off.map(String), 'or') };
    const id = on.length && off.length ? 'verdict.lists' : on.length ? 'verdict.on-list' : 'verdict.off-list';
    return district + say(ctx, id, { name, said, ...years });
  }
  const count = ctx.kb.listFor(year)?.municipalities.length ?? 0;
  return district + say(ctx, yes ? 'verdict.yes' : 'verdict.no', { name, said, count, year });
}

/** Verdicts by list: a year asked that no document lists, or several lists and no year asked. */
function byLists(ctx: Context, otherYears: number[]): boolean {
  const asked = askedYears(ctx.period).some((y) => ctx.kb.listFor(y));
  return otherYears.length > 0 || (ctx.kb.listYears.length > 1 && !asked);
}

/** The heading of every list a verdict by list spoke of, or of the one list it used. */
function verdictSources(ctx: Context, otherYears: number[]): Source[] {
  const { kb } = ctx;
  if (!byLists(ctx, otherYears)) return listSource(kb, kb.listFor(listYearFor(kb, ctx.period)));
  return kb.listYears.flatMap((y) => listSource(kb, kb.listFor(y)));
}

function verdictLines(ctx: Context): string {
  const year = listYearFor(ctx.kb, ctx.period);
  const otherYears = askedYears(ctx.period).filter((y) => !ctx.kb.listFor(y));
  return ctx.mentions.map((m) => verdictLine(ctx, m, year, otherYears)).join('\n');
}

/** Years as runs: 2028, 2029 and 2030 read "2028–2030". */
function spanOf(years: readonly number[], ctx: { kb: Knowledge; lang: Lang }): string {
  const runs: [number, number][] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  return joinNames(
    ctx,
    runs.map(([a, b]) => span(a, b)),
  );
}

// --- eligibility -----------------------------------------------------------------------------------------

/** Whether the named municipalities are on the list of the year asked (or the latest list). */
export function eligibility(ctx: Context): Parts {
  const { kb } = ctx;
  const year = listYearFor(kb, ctx.period);
  const list = kb.listFor(year);
  if (ctx.mentions.length) {
    const otherYears = askedYears(ctx.period).filter((y) => !kb.listFor(y));
    const anyOut = ctx.mentions.some((m) => !onList(kb, m.municipality, year));
    const latest = kb.listYears[kb.listYears.length - 1] ?? year;
    const later = otherYears.length
      ? `\n${say(ctx, 'eligibility.no-list', { after: Math.min(latest + 1, ...otherYears), year: spanOf(otherYears, ctx), latest })}`
      : anyOut && year === latest
        ? `\n${say(ctx, 'eligibility.later-unknown', { after: year + 1 })}`
        : '';
    return { text: `${verdictLines(ctx)}${later}`, sources: verdictSources(ctx, otherYears) };
  }
  if (ctx.ambiguous.length) {
    const names = joinNames(
      ctx,
      ctx.ambiguous.map((m) => `*${m.name}*`),
      'or',
    );
    return {
      text: say(ctx, ctx.ambiguous.length > 1 ? 'eligibility.did-you-mean' : 'eligibility.did-you-mean-one', {
        names,
      }),
      sources: [],
      outcome: 'suggest',
      suggestions: ctx.ambiguous.slice(0, 3).map((m) => say(ctx, 'eligibility.suggest', { name: m.name })),
    };
  }
  const lead = ctx.unknownPlace
    ? say(ctx, 'eligibility.unknown-place', { place: ctx.unknownPlace, all: MUNICIPALITIES.length })
    : say(ctx, 'eligibility.name-it');
  return { text: `${lead}\n${listLine(ctx, list)}`, sources: listSource(kb, list) };
}

function listLine(ctx: Context, list: EligibilityList | undefined): string {
  if (!list) return '';
  return say(ctx, 'list', {
    count: list.municipalities.length,
    year: list.year,
    names: joinNames(ctx, list.municipalities),
  });
}

/** The municipalities of the year asked (or the latest list). */
export function municipalities(ctx: Context): Parts {
  const { kb } = ctx;
  const year = listYearFor(kb, ctx.period);
  const list = kb.listFor(year);
  const otherYears = askedYears(ctx.period).filter((y) => !kb.listFor(y));
  const unknown =
    otherYears.length > 0
      ? say(ctx, 'eligibility.later-unknown', { after: otherYears[0] ?? year + 1 })
      : say(ctx, 'eligibility.later-unknown', { after: year + 1 });
  return { text: `${listLine(ctx, list)}\n${unknown}`, sources: listSource(kb, list) };
}

/** A county (or a region of counties) is not a municipality: say which of its municipalities are on the list. */
export function county(ctx: Context): Parts {
  const { kb } = ctx;
  const c = ctx.county;
  if (!c) return municipalities(ctx);
  const year = listYearFor(kb, ctx.period);
  const list = kb.listFor(year);
  const names = c.municipalities
    .filter((m) => onList(kb, m, year))
    .map((m) => m.name)
    .sort((a, b) => a.localeCompare(b, 'sv'));
  const which = names.length
    ? say(ctx, 'county.some', { county: c.name, n: names.length, year, names: joinNames(ctx, names) })
    : say(ctx, 'county.none', { county: c.name, count: list?.municipalities.length ?? 0, year });
  // "Norrland" is no county either: say which counties it is made of.
  const lead = c.counties
    ? say(ctx, 'region.lead', { region: c.name, counties: joinNames(ctx, c.counties) })
    : say(ctx, 'county.lead', { county: c.name });
  return { text: `${lead} ${which}`, sources: listSource(kb, list) };
}

/** Applicants other than municipalities: the release names only municipalities. */
export function otherApplicants(ctx: Context): Parts {
  const list = ctx.kb.listFor(listYearFor(ctx.kb, ctx.period));
  return {
    text: say(ctx, 'others', { count: list?.municipalities.length ?? 0, year: list?.year ?? '' }),
    sources: listSource(ctx.kb, list),
  };
}

/** "Varför inte Lund?": the release gives no reasons for its list; say what characterises the areas. */
export function why(ctx: Context): Parts {
  const verdict = ctx.mentions.length ? `${verdictLines(ctx)}\n` : '';
  return {
    text: `${verdict}${say(ctx, 'eligibility.why')}`,
    sources: [
      ctx.kb.source('criteria'),
      ...listSource(ctx.kb, ctx.kb.listFor(listYearFor(ctx.kb, ctx.period))),
    ],
  };
}

// --- amounts ---------------------------------------------------------------------------------------------

function amountLine(ctx: Context, year: number): string {
  const a = ctx.kb.amountFor(year);
  return a === null ? '' : say(ctx, 'amount.year', { year, kronor: ctx.kb.kronor(a, ctx.lang) });
}

/** The amounts behind a sum, runs of equal years together ("2019: 1,35 …; 2020–2021: 2,2 … per år"). */
function breakdown(ctx: Context, [from, to]: [number, number]): string {
  const runs: { from: number; to: number; amount: number }[] = [];
  for (let y = from; y <= to; y++) {
    const amount = ctx.kb.amountFor(y) ?? 0;
    const last = runs[runs.length - 1];
    if (last && last.amount === amount) last.to = y;
    else runs.push({ from: y, to: y, amount });
  }
  const perYear = say(ctx, 'amount.per-year');
  return runs
    .map(
      (r) => `${span(r.from, r.to)}: ${ctx.kb.kronor(r.amount, ctx.lang)}${r.from === r.to ? '' : perYear}`,
    )
    .join('; ');
}

function outsideLine(ctx: Context, years: number[]): string {
  return say(ctx, 'amount.outside', {
    covered: span(ctx.kb.firstYear, ctx.kb.lastYear),
    years: spanOf(years, ctx),
  });
}

/** Every year's amount and the total, computed. */
function overview(ctx: Context): string {
  const { kb } = ctx;
  const all: [number, number] = [kb.firstYear, kb.lastYear];
  const total = sumOver(kb, kb.firstYear, kb.lastYear).sum;
  return say(ctx, 'amount.overview', {
    runs: breakdown(ctx, all),
    years: span(kb.firstYear, kb.lastYear),
    total: kb.kronor(total, ctx.lang),
  });
}

function amountSources(ctx: Context, years: number[]): Source[] {
  const { kb } = ctx;
  // No year asked: the sentences of every year's amount.
  const all = years.length
    ? years
    : Array.from({ length: kb.lastYear - kb.firstYear + 1 }, (_, i) => kb.firstYear + i);
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const y of all) {
    const s = kb.amountSource(y);
    if (s && !seen.has(s.quote)) {
      seen.add(s.quote);
      out.push(s);
    }
  }
  return out;
}

/** Amounts for the years asked, sums over ranges, averages, or the whole programme. */
export function amount(ctx: Context): Parts {
  const { kb, period } = ctx;
  const compared = comparison(ctx);
  if (compared) return compared;
  const lines: string[] = [];
  const years: number[] = [];
  for (const [from, to] of period.ranges) {
    const { sum, covered, outside } = sumOver(kb, from, to);
    if (covered) {
      lines.push(
        covered[0] === covered[1]
          ? amountLine(ctx, covered[0])
          : say(ctx, 'amount.range', {
              years: span(covered[0], covered[1]),
              sum: kb.kronor(sum, ctx.lang),
              breakdown: breakdown(ctx, covered),
            }),
      );
      if (ctx.average) lines.push(averageLine(ctx, covered));
      for (let y = covered[0]; y <= covered[1]; y++) years.push(y);
    }
    if (outside.length) lines.push(outsideLine(ctx, outside));
  }
  const inside = period.years.filter((y) => kb.amountFor(y) !== null);
  const outside = period.years.filter((y) => kb.amountFor(y) === null);
  for (const y of inside) lines.push(amountLine(ctx, y));
  years.push(...inside);
  const sumInside = inside.reduce((s, y) => s + (kb.amountFor(y) ?? 0), 0);
  // "and all of that together?" after "2020, plus 2022": every year asked, single or in ranges, summed.
  const blocks = inside.length + period.ranges.length;
  const everyYear = [...new Set(years)];
  if (period.total && blocks > 1 && everyYear.length > 1)
    lines.push(
      say(ctx, 'amount.together', {
        sum: kb.kronor(
          everyYear.reduce((s, y) => s + (kb.amountFor(y) ?? 0), 0),
          ctx.lang,
        ),
      }),
    );
  // "Genomsnitt för 2018 och 2019?": the average of the years named.
  if (ctx.average && inside.length > 1 && period.ranges.length === 0)
    lines.push(
      say(ctx, 'amount.average', {
        years: joinNames(ctx, inside.map(String)),
        average: kb.kronor(Math.round(sumInside / inside.length), ctx.lang),
        n: inside.length,
      }),
    );
  if (outside.length) lines.push(outsideLine(ctx, outside));
  if (lines.length === 0) {
    const average = ctx.average ? `\n${averageLine(ctx, [kb.firstYear, kb.lastYear])}` : '';
    return { text: `${overview(ctx)}${average}`, sources: amountSources(ctx, []) };
  }
  return { text: lines.join('\n'), sources: amountSources(ctx, years) };
}

function averageLine(ctx: Context, [from, to]: [number, number]): string {
  const { sum } = sumOver(ctx.kb, from, to);
  const n = to - from + 1;
  return say(ctx, 'amount.average', {
    years: span(from, to),
    average: ctx.kb.kronor(Math.round(sum / n), ctx.lang),
    n,
  });
}

/** "Hur mycket mer 2019 än 2018?": two years' amounts and the difference, computed. */
function comparison(ctx: Context): Parts | null {
  const { kb, period } = ctx;
  if (!period.compare) return null;
  const pair =
    period.years.length === 2 ? period.years : period.ranges.length === 1 ? period.ranges[0] : null;
  const [a, b] = pair ?? [];
  if (a === undefined || b === undefined || a === b) return null;
  const [from, to] = a < b ? [a, b] : [b, a];
  const x = kb.amountFor(from);
  const y = kb.amountFor(to);
  if (x === null || y === null) return null;
  const diff = Math.abs(y - x);
  const change =
    diff === 0
      ? say(ctx, 'amount.same')
      : `${kb.kronor(diff, ctx.lang)} ${say(ctx, y > x ? 'amount.more' : 'amount.less')}`;
  const times = (y / x).toFixed(2).replace(/\.?0+$/, '');
  const ratio = ctx.ratio
    ? `\n${say(ctx, 'amount.ratio', { to, from, times: ctx.lang === 'sv' ? times.replace('.', ',') : times })}`
    : '';
  return {
    text: `${amountLine(ctx, from)}\n${amountLine(ctx, to)}\n${say(ctx, 'amount.compare', { to, from, change })}${ratio}`,
    sources: amountSources(ctx, [from, to]),
  };
}

/** The release gives no amount per municipality; say so, and who can tell. */
export function amountPerMunicipality(ctx: Context): Parts {
  const { kb } = ctx;
  const named = ctx.mentions.length ? `\n${verdictLines(ctx)}` : '';
  const asked = amount({ ...ctx, mentions: [] });
  const figures = hasYearsAsked(ctx.period) ? asked.text : overview(ctx);
  return {
    text: `${say(ctx, 'amount.per-municipality')} ${askAgencies(ctx)}${named}\n${say(ctx, 'amount.all-municipalities')} ${figures}`,
    sources: [
      ...(hasYearsAsked(ctx.period) ? asked.sources : amountSources(ctx, [])),
      ...agencySources(kb),
      ...(ctx.mentions.length ? listSource(kb, kb.listFor(listYearFor(kb, ctx.period))) : []),
    ],
  };
}

function hasYearsAsked(period: Period): boolean {
  return period.years.length > 0 || period.ranges.length > 0;
}

/** How long the programme runs. */
export function duration(ctx: Context): Parts {
  const { kb } = ctx;
  return {
    text: `${say(ctx, 'duration', { years: span(kb.firstYear, kb.lastYear) })} ${overview(ctx)}`,
    sources: [kb.source('decision'), ...amountSources(ctx, [])],
  };
}

// --- agencies --------------------------------------------------------------------------------------------

/** "Tillväxtverket och Delegationen mot segregation, som fördelar bidraget, kan svara på det." */
function askAgencies(ctx: Context): string {
  return say(ctx, 'agency.ask-them', {
    agencies: joinNames(
      ctx,
      ctx.kb.content.agencies.map((a) => a.name),
    ),
  });
}

/** The agency that distributes the money now: the one of the latest period. */
function currentAgency(kb: Knowledge): string {
  return kb.content.agencies[kb.content.agencies.length - 1]?.name ?? '';
}

function agencySources(kb: Knowledge): Source[] {
  return kb.content.agencies.map((a) => ({ quote: a.quote, document: kb.documentLabel(a.document) }));
}

/** Who distributes the grant, for the years asked (or every period). */
export function administration(ctx: Context): Parts {
  const { kb } = ctx;
  const asked = askedYears(ctx.period);
  const covers = (a: (typeof kb.content.agencies)[number], y: number) =>
    y >= a.from && (a.to === null || y <= a.to);
  const chosen = kb.content.agencies.filter((a) => !asked.length || asked.some((y) => covers(a, y)));
  const agencies = chosen.length ? chosen : kb.content.agencies;
  const text = agencies
    .map((a) =>
      a.to === a.from
        ? say(ctx, 'agency.one-year', {
            year: a.from,
            name: a.name,
            en: a.en,
            temporarily: a.temporary ? say(ctx, 'agency.temporarily') : '',
          })
        : say(ctx, 'agency.from', { year: a.from, name: a.name, en: a.en }),
    )
    .join('\n');
  return {
    text,
    sources: agencies.map((a) => ({ quote: a.quote, document: kb.documentLabel(a.document) })),
  };
}

// --- the programme as a whole, and the conversation --------------------------------------------------

/** What the programme is, in a few lines. */
export function overviewAnswer(ctx: Context): Parts {
  return {
    text: `${say(ctx, 'overview.lead')} ${overview(ctx)} ${say(ctx, 'overview.rest', {
      count: ctx.kb.listFor(listYearFor(ctx.kb, ctx.period))?.municipalities.length ?? 0,
      year: listYearFor(ctx.kb, ctx.period),
    })}`,
    sources: [ctx.kb.source('decision'), ctx.kb.source('purpose')],
  };
}

/** Short help with example questions. */
export function help(ctx: { kb: Knowledge; lang: Lang }): Parts {
  return { text: say(ctx, 'help', { examples: bullets(ctx.kb.content.examples[ctx.lang]) }), sources: [] };
}

/** "Tack!": a short friendly reply. */
export function thanks(ctx: { kb: Knowledge; lang: Lang }): Parts {
  return { text: say(ctx, 'thanks'), sources: [] };
}

/**
 * A question about the programme that no fact answers: say so plainly, give the nearest facts the release
 * does state, and who can answer.
 */
export function notStated(ctx: Context, subject?: string | null): Parts {
  const { kb } = ctx;
  // "will the results be evaluated?": the answer names what was asked, so the asker sees it was understood.
  const lead = subject ? say(ctx, 'not-stated.about', { subject }) : say(ctx, 'not-stated');
  return {
    text: `${lead} ${say(ctx, 'not-stated.nearest')}\n${bullets([
      say(ctx, 'not-stated.measures'),
      ...administration({
        ...ctx,
        period: { years: [], ranges: [], total: false, compare: false },
      }).text.split('\n'),
    ])}\n${say(ctx, 'not-stated.who', { agency: currentAgency(kb) })}`,
    sources: [kb.source('measures'), ...agencySources(kb)],
    outcome: 'unstated',
  };
}

/** The amounts are in kronor; the release gives no other currency. */
export function inOtherCurrency(ctx: Context): Parts {
  const figures = amount(ctx);
  return { text: `${say(ctx, 'amount.in-euros')}\n${figures.text}`, sources: figures.sources };
}

/** Two or more answers in one reply, for a message that asks several things. */
export function combine(parts: readonly Parts[]): Parts {
  const seen = new Set<string>();
  const sources = parts.flatMap((p) => p.sources).filter((s) => !seen.has(s.quote) && seen.add(s.quote));
  const suggestions = parts.flatMap((p) => p.suggestions ?? []);
  return {
    text: parts.map((p) => p.text).join('\n\n'),
    sources,
    ...(suggestions.length ? { suggestions } : {}),
    outcome: parts.some((p) => (p.outcome ?? 'answered') === 'answered')
      ? 'answered'
      : parts.some((p) => p.outcome === 'unstated')
        ? 'unstated'
        : (parts[0]?.outcome ?? 'fallback'),
  };
}

/** What the release says of the municipalities named, and that the rest of the question is beyond it. */
export function besides(ctx: Context): Parts {
  return {
    text: `${verdictLines(ctx)}\n${say(ctx, 'besides')}`,
    sources: listSource(ctx.kb, ctx.kb.listFor(listYearFor(ctx.kb, ctx.period))),
    outcome: 'fallback',
  };
}

/** An off-topic question that names a place: no verdict, an offer to ask about the grant. */
export function offTopicPlace(ctx: Context): Parts {
  const names = joinNames(
    ctx,
    ctx.mentions.map((m) => m.municipality.name),
  );
  return { text: say(ctx, 'off-topic-place', { names }), sources: [], outcome: 'fallback' };
}

/** Unsure: offer the questions the asker may have meant. */
export function suggest(ctx: { kb: Knowledge; lang: Lang }, suggestions: string[]): Parts {
  return { text: say(ctx, 'suggest'), sources: [], outcome: 'suggest', suggestions };
}

/** Nothing reliable to say. */
export function fallback(ctx: { kb: Knowledge; lang: Lang }): Parts {
  return { text: say(ctx, 'fallback'), sources: [], outcome: 'fallback' };
}

/** An FAQ entry's template answer, its facts filled in, with the sentences of its sources. */
export function template(ctx: Context, entry: FaqEntry): Parts {
  const answer = entry.answer;
  if (!answer) throw new ContentError(`"${entry.id}" has neither an answer nor a composer`);
  const document = ctx.kb.content.facts[entry.sources[0] ?? '']?.document;
  return {
    text: ctx.kb.fill(ctx.lang, answer[ctx.lang], {}, document),
    sources: entry.sources.map((s) => ctx.kb.source(s)),
  };
}

/** The composers FAQ entries can name in faq.yaml (`composer: amount`). */
export const COMPOSERS: Readonly<Record<string, Composer>> = {
  help,
  amount,
  amountPerMunicipality,
  duration,
  municipalities,
  eligibility,
  administration,
  county,
  otherApplicants,
  overview: overviewAnswer,
  why,
  notStated,
};

/** Builds the final Answer from composed parts. */
export function toAnswer(
  parts: Parts,
  meta: {
    lang: Lang;
    intent: Intent;
    entryId: string | null;
    confidence: number;
    municipalities: MunicipalityVerdict[];
    context: ConversationContext | null;
  },
): Answer {
  return {
    lang: meta.lang,
    intent: meta.intent,
    outcome: parts.outcome ?? 'answered',
    text: parts.text,
    sources: parts.sources,
    municipalities: meta.municipalities,
    suggestions: parts.suggestions ?? [],
    entryId: meta.entryId,
    confidence: meta.confidence,
    context: meta.context,
  };
}
