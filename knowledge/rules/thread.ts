// Rules over what a whole thread named: the counties its places lie in ("vilket län ligger de i?"), more
// from the same county, the places asked so far within a county ("which of the cities I've asked about
// are in Skåne?"), the counties asked together ("båda länen ihop?") and the counties with none on the list.
// The counties come from kommuner.json; whether a place is on a list only from the documents' lists.
// An example that needs turns before it gives them first, each turn ended by " → ".
import {
  askedYears,
  county as countyParts,
  eligibility,
  joinNames,
  listSource,
  listYearFor,
  onList,
  type Parts,
} from '../answers.ts';
import type { Agency } from '../content.ts';
import { type County, type Mention, MUNICIPALITIES } from '../municipalities.ts';
import { number } from '../query/operations.ts';
import { ANSWER_AT, SUGGEST_AT } from '../reading.ts';
import { hasYears } from '../years.ts';
import { countBefore, sentenceByPlace, startsWith } from './list-thread.ts';
import { quote } from './passages.ts';
import type { Rule } from './rule.ts';
import { countyMentions, countyNamed, made, noted, notStatedNear, placesOf, type Scope } from './scope.ts';

/** Every county (län) of kommuner.json, by name, sorted as Swedish sorts. */
const countyNames = () =>
  [...new Set(MUNICIPALITIES.map((m) => m.county))].sort((a, b) => a.localeCompare(b, 'sv'));

/** The places a county question is about: those it names, else those of the turn before. */
const placesAsked = (s: Scope): Mention[] => (s.named ? s.ctx.mentions : s.prevPlaces);

/** The list of the year asked (or the latest), its size and its heading as the source. */
function listOf(s: Scope) {
  const { kb } = s.ctx;
  const year = listYearFor(kb, s.ctx.period);
  const list = kb.listFor(year);
  return { year, list, count: list?.municipalities.length ?? 0, sources: listSource(kb, list) };
}

const say = (s: Scope, id: string, slots: Record<string, string | number>) => s.kit.kb.say(s.lang, id, slots);

export const countyOf: Rule = {
  name: 'county-of',
  examples: ['Vilket län ligger Motala i?', 'Which county is Kristianstad in?'],
  // "vilket län ligger de i?": the county of each place, from kommuner.json; no verdict is asked.
  decide(s) {
    const { r } = s;
    const places = placesAsked(s);
    if (!r.cue.countyAsk || r.cue.noneOf || r.county || !places.length) return null;
    const byCounty = new Map<string, string[]>();
    for (const m of places)
      byCounty.set(m.municipality.county, [
        ...(byCounty.get(m.municipality.county) ?? []),
        m.municipality.name,
      ]);
    const text = [...byCounty]
      .map(([county, names]) => say(s, 'thread.county-of', { county, names: joinNames(s.ctx, names) }))
      .join('\n');
    s.ctx.mentions = places;
    const [first] = byCounty.keys();
    s.ctx.county = first && byCounty.size === 1 ? countyNamed(s.kit, first) : null;
    if (!s.named) s.carried.push(places.map((m) => m.municipality.name).join(', '));
    return made(s, 'county-of', noted(s, { text, sources: [] }), 'municipalities', null, 1, 'county');
  },
};

export const sameCounty: Rule = {
  name: 'same-county',
  examples: [
    'Kan Motala söka? → Finns det fler från samma län på listan?',
    'Is Lund eligible? → Any others from the same county on the list?',
    'Is Eskilstuna eligible? → what county is that in? → how many on the list from there?',
  ],
  // "finns det fler från samma län?": the county of the places before, and its municipalities on the list.
  decide(s) {
    const { r } = s;
    const [place] = placesAsked(s);
    const name = place?.municipality.county ?? s.prev?.county;
    // "how many on the list from there?" after "which county is it in?": that county.
    const there = s.prev?.topic === 'county' && (r.cue.countAsk || r.cue.listAsk) && r.cue.pronounPlace;
    const c = (r.cue.sameCounty || there) && !r.county && name ? countyNamed(s.kit, name) : null;
    if (!c) return null;
    s.carried.push(c.name);
    return countyDecision(s, c, 'same-county');
  },
};

function countyDecision(s: Scope, c: County, rule: string) {
  s.ctx.county = c;
  s.ctx.mentions = countyMentions(c, s.ctx);
  return made(s, rule, noted(s, countyParts(s.ctx)), 'municipalities', 'county', 1, 'eligibility');
}

/** Municipalities' names as prose. */
const namesOf = (s: Scope, ms: readonly Mention[]) =>
  joinNames(
    s.ctx,
    ms.map((m) => m.municipality.name),
  );

/** A line about the places the thread asked, then each place's verdict. */
function withVerdicts(s: Scope, rule: string, lead: string, places: Mention[]) {
  s.ctx.mentions = places;
  const verdicts: Parts = places.length ? eligibility(s.ctx) : { text: '', sources: [] };
  const parts = { text: [lead, verdicts.text].filter(Boolean).join('\n'), sources: verdicts.sources };
  return made(s, rule, parts, 'eligibility', 'eligibility', 1, 'eligibility');
}

export const askedInCounty: Rule = {
  name: 'asked-in-county',
  examples: [
    'Can Malmö apply? → and Lund? → Which of the cities I have asked about are in Skåne?',
    'Kan Borås söka? → Lund då? → Vilka av kommunerna jag frågat om ligger i Västra Götaland?',
  ],
  // Every place the thread asked about, also those not on the list ("and Lund?"), within the county named.
  decide(s) {
    const { r, prev } = s;
    const seen = placesOf(prev?.seen ?? []);
    if (!(r.cue.askedAbout && r.county && seen.length && !s.named)) return null;
    const c = r.county;
    const inside = seen.filter((m) => c.municipalities.some((x) => x.code === m.municipality.code));
    s.ctx.county = c;
    const lead = inside.length
      ? say(s, 'thread.asked-in-county', { county: c.name, names: namesOf(s, inside) })
      : say(s, 'thread.asked-none-in-county', { county: c.name });
    return withVerdicts(s, 'asked-in-county', lead, inside);
  },
};

export const askedOnList: Rule = {
  name: 'asked-on-list',
  examples: [
    'Kan Borås söka? → och Lund? → hur många av kommunerna jag frågat om är med?',
    'Can Malmö apply? → and Lund? → and Umeå? → which of the ones I asked about can apply?',
  ],
  // Every place the thread asked about, counted against the list, each with its verdict.
  decide(s) {
    const { r, prev } = s;
    const seen = placesOf(prev?.seen ?? []);
    const asks = r.cue.countAsk || r.cue.listAsk || r.cue.eligibility || r.cue.belongs;
    if (!(r.cue.askedAbout && asks && seen.length > 1 && !s.named && !r.county)) return null;
    const { year } = listOf(s);
    // The same test as every verdict's (answers.ts), so a thread's count never disagrees with them.
    const on = seen.filter((m) => onList(s.ctx.kb, m.municipality, year));
    const lead = on.length
      ? say(s, 'thread.asked-on-list', { n: on.length, total: seen.length, year, names: namesOf(s, on) })
      : say(s, 'thread.asked-none-on-list', { total: seen.length, year });
    return withVerdicts(s, 'asked-on-list', lead, seen);
  },
};

export const countiesTogether: Rule = {
  name: 'counties-together',
  examples: [
    'Vilka kommuner i Skåne är med? → och Hallands län? → Hur många blir det för båda länen ihop?',
    'Which municipalities in Uppsala county can apply? → and Gävleborg? → How many is that for both counties together?',
  ],
  // "båda länen ihop?" after two county answers: each county's municipalities on the list, and the sum;
  // "together?" alone after counties counted; "hur många i Halland, Kronoberg och Blekinge ihop?" names them.
  decide(s) {
    const counties = togetherCounties(s);
    if (!counties) return null;
    const each = counties.map((c) => countyMentions(c, s.ctx));
    const { year, count, sources } = listOf(s);
    const n = each.reduce((a, xs) => a + xs.length, 0);
    const perCounty = counties.map((c, i) =>
      say(s, 'county.some', {
        county: c.name,
        n: each[i]?.length ?? 0,
        year,
        names: joinNames(
          s.ctx,
          (each[i] ?? []).map((m) => m.municipality.name).sort((a, b) => a.localeCompare(b, 'sv')),
        ),
      }),
    );
    s.ctx.mentions = each.flat();
    // Counties named in the part itself are no follow-up.
    if (!s.kit.gazetteer.counties(s.r.all).length)
      s.carried.push(
        joinNames(
          s.ctx,
          counties.map((c) => c.name),
        ),
      );
    const text = [...perCounty, say(s, 'thread.counties-together', { n, count, year })].join('\n');
    return made(
      s,
      'counties-together',
      noted(s, { text, sources }),
      'municipalities',
      'county',
      1,
      'eligibility',
    );
  },
};

/** A short part ("together?", "as a share?"): it leans wholly on the answer before. */
const elliptic = (s: Scope) => s.r.all.length <= 4;

/** The counties a "together" question sums: those it names (two or more), else those of the answers before. */
function togetherCounties(s: Scope): County[] | null {
  const { r, prev } = s;
  if (r.cue.money) return null;
  const named = s.kit.gazetteer.counties(r.all);
  // "Uppsala, Gävleborg och Dalarna": a place named is the county's namesake, not a place asked about.
  const namesakes = r.mentions.every((m) => named.some((c) => c.name.startsWith(m.municipality.name)));
  if (named.length > 1 && namesakes) return r.cue.countAsk ? named : null;
  if (s.named || r.county) return null;
  const before = (prev?.counties ?? []).flatMap((n) => countyNamed(s.kit, n) ?? []);
  const lean = r.cue.bothCounties || (r.cue.total && elliptic(s) && Boolean(prev?.county));
  return lean && before.length > 1 ? before : null;
}

export const shareOfList: Rule = {
  name: 'share-of-list',
  examples: [
    'Which municipalities in Stockholm County are on the list? → how many is that? → and as a share of all 32?',
    'Vilka kommuner i Skåne kan söka? → hur stor andel av listan är det?',
    'Vilka kommuner i Östergötland är med? → och i procent av alla 32?',
  ],
  // "and as a share of all 32?" after a county's municipalities on the list: their part of the whole list
  // (the part of the county's own municipalities is asked with the county named: query/ lists it).
  decide(s) {
    const { r } = s;
    const { year, count, sources } = listOf(s);
    if (!count || !(r.cue.share || r.cue.percent) || s.named || leansNot(s) || r.cue.money) return null;
    // Of the list: "av de 32", "of all", "på listan", or a bare "as a share?" after a count.
    const ofCount = new RegExp(`\\b${count}\\b`).test(r.f);
    const ofList = ofCount || /\b(?:all|alla)\b/.test(r.f) || r.cue.belongs || r.cue.listAsk;
    if (!(ofList || elliptic(s))) return null;
    // A county named with "av listan" asks its own municipalities' part (query/); "av de 32" asks the list's.
    if (r.county && !ofCount) return null;
    const part = sharePart(s);
    if (!part) return null;
    const percent = `${number((part.n / count) * 100, s.lang, 2)} %`;
    const slots = { part: part.n, count, year, percent };
    const text = part.county
      ? say(s, 'thread.share-of-list', { ...slots, county: part.county })
      : say(s, 'thread.share-of-list-places', slots);
    if (part.county) s.carried.push(part.county);
    s.ctx.mentions = [];
    return made(s, 'share-of-list', noted(s, { text, sources }), 'municipalities', 'county', 1, 'county');
  },
};

/**
 * What a share of the list counts: the county the part names ("hur stor andel av de 32 är skånska?"), else
 * the county before, else the counties summed before ("together?"), else the municipalities listed before.
 */
function sharePart(s: Scope): { n: number; county?: string } | null {
  const { r, prev } = s;
  const c = r.county ?? (prev?.county ? countyNamed(s.kit, prev.county) : null);
  if (c) return { n: countyMentions(c, s.ctx).length, county: c.name };
  if (r.county || !prev) return null;
  const counties = (prev.counties ?? []).flatMap((n) => countyNamed(s.kit, n) ?? []);
  // After counties summed ("together?"): no single county, no places of their own.
  if (!prev.county && !prev.places.length && counties.length > 1)
    return { n: counties.reduce((a, x) => a + countyMentions(x, s.ctx).length, 0) };
  return prev.places.length > 1 ? { n: prev.places.length } : null;
}

export const countiesWithNone: Rule = {
  name: 'counties-with-none',
  examples: [
    'Which counties have none at all?',
    'Vilka län har inga kommuner på listan?',
    'Vilka län har kommuner med?',
    'Hur många län har kommuner på listan?',
  ],
  // Counties, not places: which counties have none (or some) of the list's municipalities.
  decide(s) {
    const { r } = s;
    if (!(r.cue.countiesAsk && !s.named && !r.county)) return null;
    if (!(r.cue.noneOf || r.cue.list || r.cue.belongs || r.cue.eligibility || r.cue.countAsk)) return null;
    const { year, list, count, sources } = listOf(s);
    const listed = new Set(list?.municipalities ?? []);
    const all = countyNames();
    const some = new Set(MUNICIPALITIES.filter((m) => listed.has(m.name)).map((m) => m.county));
    const names = all.filter((c) => (r.cue.noneOf ? !some.has(c) : some.has(c)));
    const id = r.cue.noneOf ? 'thread.counties-none' : 'thread.counties-some';
    const text = say(s, id, {
      n: names.length,
      total: all.length,
      count,
      year,
      names: joinNames(s.ctx, names),
    });
    s.ctx.mentions = [];
    return made(
      s,
      'counties-with-none',
      { text, sources },
      'municipalities',
      'municipalities',
      1,
      'municipalities',
    );
  },
};

/** The FAQ entry the part itself is about, if any: its match (a near one too), or its purpose words. */
function ownEntry(s: Scope): string | null {
  const { r } = s;
  if (r.strong) return r.strong.id;
  if (r.top && r.score <= SUGGEST_AT) return r.top.entry.id;
  return r.cue.purpose ? 'purpose' : null;
}

/**
 * A draft line checked ("> … stämmer det?", "correct?") is a claim to check, and lines before the question
 * in the same message are its context, not an earlier answer to go on from.
 */
const leansNot = (s: Scope) => s.sameMessage || s.r.cue.check;

/** Topics answered in prose: what they do not name, the documents do not state. */
const PROSE = new Set(['background', 'criteria', 'purpose']);

export const notStatedMore: Rule = {
  name: 'not-stated-more',
  examples: [
    'Is this part of a budget deal? → with which other parties?',
    'Vad har regeringen lärt sig av tidigare satsningar? → vilka satsningar, konkret?',
    'Vad kan kommunerna använda pengarna till? → får de använda dem till att renovera bostäder?',
    'Vilka områden gäller det? → har du namn?',
  ],
  // "with which other parties?", "can they use it for renovating housing?": more than the prose answer
  // before names, or a detail of it no document gives. Say so, with what the documents do say.
  decide(s) {
    const { r, prev } = s;
    const e = prev?.topic ? s.kit.entries.get(prev.topic) : undefined;
    if (!e || !PROSE.has(e.intent) || s.named || r.county || hasYears(r.period)) return null;
    if (leansNot(s) || r.cue.why || r.cue.source || r.cue.wording || s.kit.passages.asksQuote(r.f))
      return null;
    const own = ownEntry(s);
    if (own !== null && own !== e.id) return null;
    // "can they use it for renovating housing?", "får de lägga dem på …?": a detail of it, pointed back at.
    const detail = r.unknown.length > 0 && (own === e.id || (own === null && r.cue.pronounPlace));
    if (!(r.cue.specifics || detail)) return null;
    const parts = noted(s, notStatedNear(s.kit, s.ctx, e.id), true);
    return made(s, 'not-stated-more', parts, e.intent, e.id, s.confidence, e.id);
  },
};

export const wordingBefore: Rule = {
  name: 'wording-before',
  examples: [
    'What can the municipalities spend the money on? → can you give me the Swedish wording for that list?',
    'Hur mycket avsätts 2018? → hur ska meningen lyda då?',
    'Vad kan kommunerna göra för pengarna? → vad är den exakta formuleringen?',
    'Utkast: ”Tillväxtverket fördelar pengarna 2019.” Stämmer det? → hur ska meningen lyda då?',
    'Draft: "The grant starts with 2.2 billion in 2018." Correct? → so how should the sentence read?',
  ],
  // "the Swedish wording for that list?", "hur ska meningen lyda då?", "quote that verbatim": the
  // sentences the answer before rests on, word for word; a quote that finds its own sentence is that.
  decide(s) {
    const { r, prev } = s;
    const asksQuote = s.kit.passages.asksQuote(r.f);
    if (!(r.cue.wording || asksQuote) || !prev?.topic || !s.kit.entries.has(prev.topic)) return null;
    // (A topic of its own by a loose match, "meningen" read as the purpose, does not outweigh the ask.)
    const own = r.strong && r.score <= ANSWER_AT ? r.strong.id : null;
    if (s.named || leansNot(s) || (own && own !== prev.topic)) return null;
    // "which party is named in the release?": a headline word ("named") beside a topic of its own, even
    // a near one, asks that topic, not the words of the answer before.
    const near = ownEntry(s);
    if (!r.cue.wording && near && near !== prev.topic) return null;
    const quoted = asksQuote ? quote.decide(s) : null;
    if (quoted) return quoted;
    if (!hasYears(r.period)) s.ctx.period = { ...s.ctx.period, years: prev.years, ranges: prev.ranges };
    // After a draft line set right, the sentences of what was wrong in it.
    const topics = prev.corrected?.length ? prev.corrected : [prev.topic];
    const sources = topics.flatMap((t) => (s.kit.entries.has(t) ? s.kit.compose(t, s.ctx).sources : []));
    if (!sources.length) return null;
    const text = [s.kit.kb.say(s.lang, 'passage'), ...sources.map((x) => `”${x.quote}”`)].join('\n');
    return made(
      s,
      'wording-before',
      noted(s, { text, sources }, true),
      'background',
      prev.topic,
      1,
      prev.topic,
    );
  },
};

export const allTogether: Rule = {
  name: 'all-together',
  examples: [
    'How much will Malmö get in 2019? → and all municipalities together that year?',
    'Hur mycket får Malmö? → och alla kommuner tillsammans?',
  ],
  // "and all municipalities together?" after a place's amount: the whole programme's amount, for the
  // years asked before (a count of them is the list: "hur många kommuner totalt?").
  decide(s) {
    const { r, prev } = s;
    if (!prev?.topic?.startsWith('amount') || s.named || r.county || leansNot(s)) return null;
    if (!(r.cue.total && r.cue.list) || r.cue.countAsk || r.cue.eligibility) return null;
    if (!hasYears(r.period)) s.ctx.period = { ...s.ctx.period, years: prev.years, ranges: prev.ranges };
    s.ctx.mentions = [];
    const d = made(s, 'all-together', s.kit.compose('amount', s.ctx), 'amount', 'amount', 1, 'amount');
    return { ...d, parts: noted(s, d.parts, true) };
  },
};

export const inEnglish: Rule = {
  name: 'in-english',
  examples: [
    'Vad är syftet med bidraget? → kan du ge mig det på engelska?',
    "What were the minister's exact words? → can you give me that in English?",
    'Vem fördelar pengarna 2019? → och samma sak på engelska?',
  ],
  // "can you give me that in English?": the answer before, composed in English, for its years.
  decide(s) {
    const { r, prev } = s;
    const e = prev?.topic ? s.kit.entries.get(prev.topic) : undefined;
    if (!r.cue.inEnglish || !e || s.named || r.county || leansNot(s)) return null;
    const own = ownEntry(s);
    if (own !== null && own !== e.id) return null;
    if (!hasYears(r.period))
      s.ctx.period = { ...s.ctx.period, years: prev?.years ?? [], ranges: prev?.ranges ?? [] };
    s.ctx.lang = 'en';
    const parts = noted(s, s.kit.compose(e.id, s.ctx), true);
    return made(s, 'in-english', parts, e.intent, e.id, 1, e.id);
  },
};

/** Topics whose answers name a person: "which party is he from?" asks about that person. */
const PERSON = 'contact';

/**
 * The part points back at what the answer before named: "den myndighetens", "his", "at the time", or
 * the same topic asked again ("who's that agency's boss?" after the agencies).
 */
function pointsBack(s: Scope, topic: string): boolean {
  const { cue } = s.r;
  const own = ownEntry(s);
  return cue.pronounPerson || cue.pronounPlace || cue.ellipsis || own === null || own === topic;
}

export const notStatedAbout: Rule = {
  name: 'not-stated-about',
  examples: [
    'Vem fördelar pengarna 2019? → vad heter den myndighetens chef?',
    "Which agency hands out the money in 2018? → who's the director general there?",
    'Who is the minister behind this? → which party is he from?',
    'Vem är ministern bakom satsningen? → hur gammal är han?',
    'Is this part of a budget deal? → and who was prime minister then, does it say?',
  ],
  // "vad heter den myndighetens chef?", "which party is he from?": an attribute of the agency or person
  // the answer before named that no document gives. Say so, with that answer (which names them).
  decide(s) {
    const { r, prev } = s;
    const e = prev?.topic ? s.kit.entries.get(prev.topic) : undefined;
    if (!e || s.named || r.county || leansNot(s) || s.kit.passages.asksQuote(r.f)) return null;
    const person = e.intent === PERSON && r.cue.personAttribute && r.cue.pronounPerson;
    if (!(r.cue.unheldAttribute || person) || !pointsBack(s, e.id)) return null;
    if (!hasYears(r.period))
      s.ctx.period = { ...s.ctx.period, years: prev?.years ?? [], ranges: prev?.ranges ?? [] };
    const parts = noted(s, notStatedNear(s.kit, s.ctx, e.id), true);
    return made(s, 'not-stated-about', parts, 'unknown', null, s.confidence, e.id);
  },
};

/** The agencies of the answer before: the one the thread named, else those of the agencies' years asked. */
function agenciesBefore(s: Scope): Agency[] {
  const { prev, kit } = s;
  const all = kit.kb.content.agencies;
  if (prev?.agency) return all.filter((a) => a.name === prev.agency);
  if (prev?.topic !== 'administration') return [];
  const asked = askedYears({ years: prev.years, ranges: prev.ranges, total: false, compare: false });
  const covers = (a: Agency, y: number) => y >= a.from && (a.to === null || y <= a.to);
  const chosen = all.filter((a) => asked.some((y) => covers(a, y)));
  return chosen.length ? chosen : all;
}

export const agencyName: Rule = {
  name: 'agency-name',
  examples: [
    'What is Delmos? → what is its name in English?',
    'Vem fördelar pengarna 2018? → vad heter den på engelska?',
    'Who distributes the money in 2019? → what is that agency called in English?',
    'Vad heter Delmos på engelska?',
  ],
  // "what is its name in English?", "vad heter myndigheten på engelska?": the agency the part names, else
  // the one the answer before named, by its name and its English name (agencies.yaml).
  decide(s) {
    const { r } = s;
    if (!(r.cue.nameAsk && r.cue.english) || s.named || r.county || leansNot(s)) return null;
    const named = s.kit.agencies.find(r.text, r.f).map((n) => n.name);
    const own = s.kit.kb.content.agencies.filter((a) => named.includes(a.name));
    const agencies = own.length ? own : agenciesBefore(s);
    if (!agencies.length) return null;
    const text = agencies.map((a) => say(s, 'thread.agency-name', { name: a.name, en: a.en })).join('\n');
    const sources = agencies.map((a) => ({ quote: a.quote, document: s.kit.kb.documentLabel(a.document) }));
    const parts = noted(s, { text, sources }, !own.length);
    return made(s, 'agency-name', parts, 'administration', 'administration', 1, 'administration');
  },
};

/** In order, before the follow-up of a topic: each asks about the thread's places, counties or topic. */
export const THREAD_RULES: readonly Rule[] = [
  countiesWithNone,
  countyOf,
  sameCounty,
  askedInCounty,
  askedOnList,
  countiesTogether,
  shareOfList,
  startsWith,
  countBefore,
  sentenceByPlace,
  allTogether,
  notStatedAbout,
  agencyName,
  inEnglish,
  wordingBefore,
  notStatedMore,
];
