// Claims: a message asserts a value ("Socialstyrelsen fördelar pengarna 2018, eller hur?", "SFS
// 2018:115?", "Det är 30 kommuner som får söka?") and the answer checks it against the facts, attribute
// by attribute: right, wrong (with the right value and its source) or not stated. A wrong value is
// recognised in general, from the names of words.yaml → known (agencies, parties, ministers' titles),
// which a press officer can extend; the right one always comes from the content's facts.
import type { Knowledge, KnownName } from '../content.ts';
import { fold } from '../text.ts';
import type { Lang, Source } from '../types.ts';
import { span } from '../years.ts';
import { checkContact, claimContact } from './contact.ts';
import { runs } from './operations.ts';
import type {
  Attribute,
  Claimed,
  ClaimVerdict,
  KnownNames,
  NameFinder,
  QueryInput,
  QueryRule,
} from './types.ts';

export type { KnownNames };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Patterns for one kind of name, built once per engine. Short forms ("V", "MP", "KD"), and forms the
 * content writes in capitals ("DMS", not "DMs", the direct messages), count only as written, in capitals,
 * so "s" and "m" in ordinary text are never read as parties.
 */
/**
 * A pattern over folded text: where every letter in it is a–z, without the Unicode flag and its \p{L}
 * classes, which V8 compiles several times faster (a cold engine pays it on the first question that
 * looks for a known name), as cues.ts's asciiPattern does for the cue patterns.
 */
function overFolded(source: string, flags: string): RegExp {
  if (/[^ -~]/.test(source)) return new RegExp(source, `${flags}u`);
  return new RegExp(source.replaceAll('\\p{L}\\p{N}', 'a-z0-9'), flags);
}

export function finder(names: readonly KnownName[]): NameFinder {
  const asWritten = (x: string) => x.length <= 2 || /^[\p{Lu}\p{N}]+$/u.test(x);
  // A short form before a colon is an SFS number or a label ("S:t"), not a name.
  const alternatives = (forms: string[], colon = '') =>
    forms.length ? `(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}${colon}])` : null;
  // Built on first use: most questions claim nothing, and a Unicode-aware pattern per name costs a cold
  // engine milliseconds each (the three kinds of known names took ~75 ms at start).
  let built: ReturnType<typeof build> | undefined;
  const build = () =>
    names.map((n) => {
      const forms = [n.name, n.en, ...n.also];
      const long = forms.filter((x) => !asWritten(x)).map((x) => escapeRegExp(fold(x)));
      const short = forms.filter(asWritten).map((x) => escapeRegExp(x.toUpperCase()));
      const longSource = alternatives(long);
      const shortSource = alternatives(short, ':');
      // The other ways of writing it, to be written as the name ("tvv" → "tillvaxtverket").
      const others = alternatives(n.also.filter((x) => !asWritten(x)).map((x) => escapeRegExp(fold(x))));
      const othersShort = alternatives(
        n.also.filter(asWritten).map((x) => escapeRegExp(x.toUpperCase())),
        ':',
      );
      return {
        name: n,
        long: longSource ? overFolded(longSource, '') : null,
        short: shortSource ? new RegExp(shortSource, 'u') : null,
        others: others ? overFolded(others, 'g') : null,
        othersShort: othersShort ? new RegExp(othersShort, 'gu') : null,
      };
    });
  let others: string[] | undefined;
  const entriesOf = () => {
    built ??= build();
    return built;
  };
  return {
    find: (raw, folded) =>
      entriesOf()
        .filter((e) => e.long?.test(folded) || e.short?.test(raw))
        .map((e) => e.name),
    spelled: (raw) => {
      const folded = fold(raw);
      // Most questions name no agency by another name: a plain look for the forms spares the patterns.
      others ??= names.flatMap((n) => n.also.map((x) => (asWritten(x) ? x.toUpperCase() : fold(x))));
      if (!others.some((x) => (x === x.toUpperCase() ? raw : folded).includes(x))) return folded;
      const entries = entriesOf();
      let text = raw;
      for (const e of entries) if (e.othersShort) text = text.replace(e.othersShort, e.name.name);
      text = fold(text);
      for (const e of entries) if (e.others) text = text.replace(e.others, fold(e.name.name));
      return text;
    },
  };
}

/** The known names of the content, ready to find. */
export function knownNames(known: {
  agencies: KnownName[];
  parties: KnownName[];
  titles: KnownName[];
  people: KnownName[];
}): KnownNames {
  return {
    agencies: finder(known.agencies),
    parties: finder(known.parties),
    titles: finder(known.titles),
    people: finder(known.people),
  };
}

const is = (re: RegExp, f: string) => {
  re.lastIndex = 0;
  return re.test(f);
};
/** A statement put as a question: "Det är 30 …?", "So the …?", "Is it …?". */
const STATEMENT = /^(?:det ar|ar det|sa |so |is it|are there|there are|it is|it's|its|stammer|right)/u;

/** The claim rules, one per attribute; every one that applies adds its claims. */
export const CLAIM_RULES: QueryRule<Claimed[]>[] = [
  // First: a line about the contact is answered with the contact, whatever minister's title it names.
  claimContact,
  {
    name: 'claim-agency',
    examples: ['Socialstyrelsen fördelar pengarna 2018, eller hur?', 'Boverket handles the money from 2019?'],
    read: ({ raw, f, years, cues, known }) => {
      // Words of handling the money, not only "stämmer?": "Statskontoret ska utvärdera" claims no agency.
      if (is(cues.besides, f) || !is(cues.agencyClaim, f)) return null;
      const named = known.agencies.find(raw, f);
      return named.length ? named.map((a) => ({ attribute: 'agency', claimed: a.name, years })) : null;
    },
  },
  {
    name: 'claim-party',
    examples: ['The deal was with the Green Party?', 'Är det en överenskommelse med Centerpartiet?'],
    read: ({ raw, f, years, cues, known }) => {
      if (is(cues.besides, f) || !is(cues.partyClaim, f)) return null;
      const named = known.parties.find(raw, f);
      return named.length ? named.map((p) => ({ attribute: 'party', claimed: p.name, years })) : null;
    },
  },
  {
    name: 'claim-title',
    examples: ['Baylan är väl utbildningsminister?', 'Was Baylan the Minister for Finance?'],
    read: ({ raw, f, years, cues, known, minister }) => {
      if (is(cues.besides, f) || !minister.some((w) => f.includes(w))) return null;
      const named = known.titles.find(raw, f);
      return named.length ? named.map((t) => ({ attribute: 'title', claimed: t.name, years })) : null;
    },
  },
  {
    name: 'claim-ordinance',
    examples: ['SFS 2018:115?', 'Is it ordinance 2017:151?'],
    read: ({ raw, years }) => {
      // An SFS number is written without spaces ("2018:151"); "2019: 2 billion" is a year and a figure.
      const m = /(?<![\d:])((?:19|20)\d\d):(\d{1,4})(?![\d:])/u.exec(raw);
      return m ? [{ attribute: 'ordinance', claimed: `${m[1]}:${m[2]}`, years }] : null;
    },
  },
  {
    name: 'claim-count',
    examples: ['Det är 30 kommuner som får söka?', 'So 33 municipalities can apply, right?'],
    read: ({ f, years, cues }) => {
      const m = /(?<![\d:.,])(\d{1,3})\s+(?:kommuner\w*|municipalit\w*)/u.exec(f);
      if (!m?.[1] || !(is(cues.check, f) || STATEMENT.test(f))) return null;
      return [{ attribute: 'count', claimed: Number(m[1]), years }];
    },
  },
  {
    name: 'claim-amount-start',
    examples: ['So the yearly 2.2 billion started in 2019?', 'Började 2,2 miljarder per år 2019?'],
    read: ({ f, years, stated, cues }) =>
      stated !== null && years.length === 1 && is(cues.started, f)
        ? [{ attribute: 'amount-start', claimed: stated, years }]
        : null,
  },
  {
    name: 'claim-first-year',
    examples: ['Did the programme start in 2019?', 'Startade satsningen 2020?'],
    // "Did the programme start in 2019?": no figure, one year, words of starting.
    // An agency that starts ("Startar Delmos 2019?") is the agency's claim, not the programme's.
    read: ({ raw, f, years, stated, cues, known }) =>
      stated === null &&
      years.length === 1 &&
      is(cues.started, f) &&
      (is(cues.check, f) || /\?\s*$/.test(f)) &&
      !known.agencies.find(raw, f).length
        ? [{ attribute: 'first-year', claimed: years[0] ?? 0, years }]
        : null,
  },
  {
    name: 'claim-amount',
    examples: ['Är det 2,2 miljarder redan 2019?', '2 billion in 2019, correct?'],
    read: ({ f, years, stated, cues, last }) =>
      stated !== null && years.length > 0 && !is(cues.started, f) && !is(cues.share, f)
        ? [
            {
              attribute: 'amount',
              claimed: stated,
              years: onwards(f, years, cues, last),
              approximate: is(cues.approx, f),
              yearly: is(cues.yearly, f),
            },
          ]
        : null,
  },
];

/** "2,2 miljarder per år från 2018": a yearly figure claimed from a year on holds for every year after it. */
function onwards(f: string, years: number[], cues: QueryInput['cues'], last: number): number[] {
  const [from] = years;
  if (years.length !== 1 || from === undefined || from >= last || !is(cues.yearly, f)) return years;
  if (!new RegExp(`\\b(?:fran|from|starting)\\s+(?:och med\\s+|in\\s+)?${from}\\b`).test(f)) return years;
  return Array.from({ length: last - from + 1 }, (_, i) => from + i);
}

/** Every claim the question makes. */
export function findClaims(input: QueryInput): Claimed[] {
  return CLAIM_RULES.flatMap((rule) => rule.read(input) ?? []);
}

/** The FAQ entry or composer whose answer gives the facts a claim is about. */
export const ANSWERED_BY: Record<Attribute, string> = {
  agency: 'administration',
  party: 'background.agreement',
  title: 'contact.minister',
  ordinance: 'regulation',
  count: 'municipalities',
  amount: 'amount',
  'amount-start': 'amount',
  'first-year': 'amount',
  'contact-name': 'contact.press',
  'contact-title': 'contact.press',
  'contact-phone': 'contact.press',
  arithmetic: 'amount',
  total: 'amount',
  change: 'amount',
  'per-municipality': 'amount',
  unit: 'amount',
  ratio: 'amount',
  percent: 'amount',
  average: 'amount',
};

interface Ctx {
  kb: Knowledge;
  lang: Lang;
}
const say = (c: Ctx, id: string, slots?: Record<string, string | number>) => c.kb.say(c.lang, id, slots);

function verdict(
  attribute: Attribute,
  claimed: string,
  right: boolean,
  correct: string,
  source: Source | null,
): ClaimVerdict {
  return { attribute, claimed, verdict: right ? 'right' : 'wrong', correct, source };
}

function checkAgency(c: Ctx, claim: Claimed): ClaimVerdict {
  const agencies = c.kb.content.agencies;
  const covers = (a: (typeof agencies)[number], y: number) => y >= a.from && (a.to === null || y <= a.to);
  const label = (a: (typeof agencies)[number]) =>
    say(c, 'claim.in-years', {
      value: a.name,
      years: a.to === null ? say(c, 'claim.from-year', { year: a.from }) : span(a.from, a.to),
    });
  const asked = claim.years.filter((y) => agencies.some((a) => covers(a, y)));
  // "Tillväxtverket fördelade pengarna 2017?": no document says who did, that year.
  if (claim.years.length && !asked.length)
    return unstated({ ...claim, claimed: `${claim.claimed} (${claim.years.join(', ')})` });
  // "Delegationen takes over from 2020": a run to the end that starts later than the agency did.
  const named = agencies.find((a) => a.name === claim.claimed);
  const from = Math.min(...claim.years);
  const run = claim.years.length > 1 && claim.years.length === Math.max(...claim.years) - from + 1;
  if (named && run && Math.max(...claim.years) >= c.kb.lastYear && named.from !== from)
    return verdict(
      'agency',
      `${claim.claimed} (${say(c, 'claim.from-year', { year: from })})`,
      false,
      label(named),
      {
        quote: named.quote,
        document: c.kb.documentLabel(named.document),
      },
    );
  // "Är Tillväxtverket ansvarigt?" with no year: one of the agencies, for its own years. The answer's
  // body names each agency with its years; a verdict would be half right.
  if (!asked.length && agencies.length > 1 && agencies.some((a) => a.name === claim.claimed))
    return { ...unstated(claim), verdict: 'partly' };
  const right = asked.length
    ? agencies.filter((a) => asked.some((y) => covers(a, y)))
    : agencies.filter((a) => a.name === claim.claimed);
  const ok = right.length > 0 && right.every((a) => a.name === claim.claimed);
  const shown = ok || right.length ? right : agencies;
  const first = shown[0];
  return verdict(
    'agency',
    String(claim.claimed),
    ok,
    shown.map(label).join(', '),
    first ? { quote: first.quote, document: c.kb.documentLabel(first.document) } : null,
  );
}

function checkFact(c: Ctx, claim: Claimed, factId: string): ClaimVerdict {
  const fact = c.kb.content.facts[factId];
  if (!fact) return unstated(claim);
  const value = String(fact.value);
  return verdict(
    claim.attribute,
    String(claim.claimed),
    fold(value) === fold(String(claim.claimed)),
    value,
    c.kb.source(factId),
  );
}

/** The minister's roles as the documents date them; a claimed title is right if it is one of them. */
function checkTitle(c: Ctx, claim: Claimed): ClaimVerdict {
  const roles = Object.keys(c.kb.content.facts).filter(
    (id) => id.startsWith('minister.role.') && !id.endsWith('.period'),
  );
  const label = (id: string) =>
    say(c, 'claim.in-years', {
      value: c.kb.fill(c.lang, `{${id}}`),
      years: c.kb.fill(c.lang, `{${id}.period}`),
    });
  // The title the documents give him is the one of their date ("Näringsminister Baylan" in a 2018 text is
  // wrong though he held it in 2021); with years asked, the title of those years.
  const year = claim.years[0] ?? Number.parseInt(c.kb.content.documents[0]?.date ?? '0', 10);
  const held = (id: string) => {
    const period = String(c.kb.content.facts[`${id}.period`]?.value ?? '');
    const years = [...period.matchAll(/\b(\d{4})\b/g)].map((m) => Number(m[1]));
    return years.length < 2 || (year >= Math.min(...years) && year <= Math.max(...years));
  };
  // "Baylan var näringsminister 2015?": a year no dated role covers is not stated.
  if (claim.years.length && !roles.some(held))
    return unstated({ ...claim, claimed: `${claim.claimed} (${claim.years.join(', ')})` });
  const match = roles.find(
    (id) => fold(String(c.kb.content.facts[id]?.value)) === fold(String(claim.claimed)) && held(id),
  );
  const shown = match ? [match] : roles;
  const first = shown[0];
  return verdict(
    'title',
    c.lang === 'en' ? englishTitle(c, String(claim.claimed)) : String(claim.claimed),
    match !== undefined,
    `${c.kb.fill(c.lang, '{minister.name}')}: ${shown.map(label).join('; ')}`,
    first ? c.kb.source(first) : null,
  );
}

function englishTitle(c: Ctx, name: string): string {
  return c.kb.content.words.known.titles.find((t) => t.name === name)?.en ?? name;
}

function checkCount(c: Ctx, claim: Claimed): ClaimVerdict {
  const year =
    claim.years.find((y) => c.kb.listFor(y)) ?? (claim.years.length ? 0 : (c.kb.listYears[0] ?? 0));
  const list = c.kb.listFor(year);
  // "32 municipalities can apply in 2019": no document lists that year.
  if (!list)
    return unstated({
      ...claim,
      claimed: say(c, 'claim.count', { n: claim.claimed, year: claim.years.join(', ') }),
    });
  const n = list.municipalities.length;
  return verdict(
    'count',
    say(c, 'claim.count', { n: claim.claimed, year }),
    n === claim.claimed,
    say(c, 'claim.count', { n, year }),
    { quote: list.heading, document: c.kb.documentLabel(list.document) },
  );
}

function checkAmount(c: Ctx, claim: Claimed): ClaimVerdict {
  const stated = Number(claim.claimed);
  const years = claim.years.filter((y) => c.kb.amountFor(y) !== null);
  const claimed = say(c, 'claim.in-years', {
    value: c.kb.kronor(stated, c.lang),
    years: span(...ends(claim.years)),
  });
  if (!years.length) return unstated({ ...claim, claimed });
  const each = years.map((y) => c.kb.amountFor(y) ?? 0);
  const sum = each.reduce((a, b) => a + b, 0);
  // "drygt 19 miljarder" for 19,375: an approximation within 5 % is right; the exact figure follows.
  const near = (x: number) => (claim.approximate ? Math.abs(x - stated) <= 0.05 * x : x === stated);
  // "2,5 miljarder per år från 2020": a figure said a year is each year's, never their sum.
  const right = each.every(near) || (years.length > 1 && !claim.yearly && near(sum));
  const runs = amountRuns(c, years);
  // A figure larger than any one year's is a claimed sum: answer with the sum.
  const asSum = years.length > 1 && !claim.yearly && stated > Math.max(...each);
  const correct = asSum
    ? say(c, 'claim.in-years', { value: c.kb.kronor(sum, c.lang), years: span(...ends(years)) })
    : runs.join(', ');
  return verdict('amount', claimed, right, correct, c.kb.amountSource(years[0] ?? 0));
}

/**
 * "Får varje kommun 425 miljoner 2018?": the year's amount is for all the municipalities together, which
 * sets the claim right; any other figure per municipality is not stated.
 */
export function checkPerMunicipality(c: Ctx, claim: Claimed): ClaimVerdict {
  const stated = Number(claim.claimed);
  const years = claim.years.filter((y) => c.kb.amountFor(y) !== null);
  const total = years.reduce((a, y) => a + (c.kb.amountFor(y) ?? 0), 0);
  const claimed = say(c, 'claim.per-municipality', { amount: c.kb.kronor(stated, c.lang) });
  if (!years.length || total !== stated)
    return unstated({ ...claim, attribute: 'per-municipality', claimed });
  return verdict(
    'per-municipality',
    claimed,
    false,
    say(c, 'claim.all-together', { amount: c.kb.kronor(total, c.lang), years: span(...ends(years)) }),
    c.kb.amountSource(years[0] ?? 0),
  );
}

/** "So the yearly 2.2 billion started in 2019?": the run of years that amount is set aside for. */
function checkStart(c: Ctx, claim: Claimed): ClaimVerdict {
  const stated = Number(claim.claimed);
  const year = claim.years[0] ?? 0;
  const run = c.kb.content.amounts.find((a) => a.kronor === stated);
  const claimed = say(c, 'claim.a-year-from', {
    amount: c.kb.kronor(stated, c.lang),
    years: say(c, 'claim.from-year', { year }),
  });
  if (!run) return unstated({ ...claim, claimed });
  const atYear = c.kb.amountFor(year);
  const correct = [
    say(c, 'claim.a-year-from', { amount: c.kb.kronor(run.kronor, c.lang), years: span(run.from, run.to) }),
    ...(atYear !== null && atYear !== stated ? [`${year}: ${c.kb.kronor(atYear, c.lang)}`] : []),
  ].join('; ');
  return verdict('amount-start', claimed, run.from === year, correct, {
    quote: run.quote,
    document: c.kb.documentLabel(run.document),
  });
}

/** "Did the programme start in 2019?": the first year the release gives an amount for, with it. */
function checkFirstYear(c: Ctx, claim: Claimed): ClaimVerdict {
  const first = c.kb.firstYear;
  return verdict(
    'first-year',
    String(claim.claimed),
    claim.claimed === first,
    `${first}: ${c.kb.kronor(c.kb.amountFor(first) ?? 0, c.lang)}`,
    c.kb.amountSource(first),
  );
}

function unstated(claim: Claimed): ClaimVerdict {
  return {
    attribute: claim.attribute,
    claimed: String(claim.claimed),
    verdict: 'unstated',
    correct: '',
    source: null,
  };
}

/** "2019: 1,35 miljarder kronor, 2020–2027: 2,2 miljarder kronor per år". */
function amountRuns(c: Ctx, years: number[]): string[] {
  return runs(c, years).map(
    (r) =>
      `${span(r.from, r.to)}: ${c.kb.kronor(r.kronor, c.lang)}${r.from === r.to ? '' : say(c, 'amount.per-year')}`,
  );
}

const ends = (years: number[]): [number, number] => [Math.min(...years), Math.max(...years)];

/** Checks one claim against the facts. */
export function checkClaim(c: Ctx, claim: Claimed): ClaimVerdict {
  switch (claim.attribute) {
    case 'agency':
      return checkAgency(c, claim);
    case 'party':
      return checkFact(c, claim, 'budget-agreement');
    case 'title':
      return checkTitle(c, claim);
    case 'ordinance':
      return checkFact(c, claim, 'ordinance.number');
    case 'count':
      return checkCount(c, claim);
    case 'amount':
      return checkAmount(c, claim);
    case 'amount-start':
      return checkStart(c, claim);
    case 'first-year':
      return checkFirstYear(c, claim);
    case 'contact-name':
    case 'contact-title':
    case 'contact-phone':
      return checkContact(c.kb, c.lang, claim) ?? unstated(claim);
    default:
      // Computed figures are checked where they are computed (figures.ts).
      return unstated(claim);
  }
}

/** A verdict as the first line of an answer: ✅, ❌ with the right value, or ❔; none for "partly". */
export function verdictLine(c: Ctx, v: ClaimVerdict): string {
  if (v.verdict === 'partly') return '';
  if (v.verdict === 'right') return say(c, 'claim.right', { correct: v.correct });
  if (v.verdict === 'wrong') return say(c, 'claim.wrong', { claimed: v.claimed, correct: v.correct });
  return say(c, 'claim.unstated', { claimed: v.claimed });
}
