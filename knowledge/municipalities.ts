// Recognises Swedish municipalities in a question. Exact names (after folding case and diacritics and
// dropping "kommun", "stad", "Region" and a genitive -s) always beat typo matches, and a typo match is
// only tried within a small edit budget, on words that are not ordinary words, and never when the
// question already names a municipality exactly: a wrong "eligible" is the worst answer this bot can give.
import type { Places } from './content.ts';
import kommuner from './sources/kommuner.json' with { type: 'json' };
import { editDistance, fold, type Word } from './text.ts';

/** One of Sweden's 290 municipalities. */
export interface Municipality {
  name: string;
  code: string;
  county: string;
}

/** How a municipality was found in the question. */
export interface Mention {
  municipality: Municipality;
  /** `county`: one of a county's municipalities, when the question asked for the county's list. */
  via: 'exact' | 'alias' | 'area' | 'typo' | 'county';
  /** The words of the question that named it, as typed. */
  said: string;
}

/** What the question says about municipalities. */
export interface Recognition {
  mentions: Mention[];
  /** A word that is one typo away from several municipalities: the question is ambiguous. */
  ambiguous: { said: string; candidates: Municipality[] }[];
}

/** All 290 municipalities. */
export const MUNICIPALITIES: readonly Municipality[] = kommuner.map((k) => ({
  name: k.name,
  code: k.code,
  county: k.county,
}));

const byName = new Map(MUNICIPALITIES.map((m) => [m.name, m]));

/** The municipality with this official name. */
export function municipalityNamed(name: string): Municipality | undefined {
  return byName.get(name);
}

/** Words after a name that make it a county's ("Uppsala län", "Stockholm County"). */
const COUNTY_WORDS = new Set(['lan', 'county']);

/** Folds a name the way questions are folded; hyphens become spaces ("Upplands-Bro" → "upplands bro"). */
const key = (s: string) =>
  fold(s)
    .replace(/[-\s]+/g, ' ')
    .trim();
/** The same, keeping diacritics, so "Håbo" and "Habo" stay apart when the asker typed them. */
const exactKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/[-\s]+/g, ' ')
    .trim();
/** Transliterations from keyboards without å, ä, ö ("Malmoe", "Vaesteraas"). */
const translit = (folded: string) => folded.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/aa/g, 'a');

function group<T>(items: readonly T[], keyOf: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    map.set(k, [...(map.get(k) ?? []), item]);
  }
  return map;
}

/** A county (län) and the municipalities in it; or a region above the counties ("Norrland") and theirs. */
export interface County {
  name: string;
  municipalities: Municipality[];
  /** For a region (places.yaml → regions): the counties it is made of. */
  counties?: string[];
}

/** Recognises municipalities, districts and aliases in questions. */
export interface Gazetteer {
  /** The county a question names ("Skåne", "Stockholms län", "hallandskommuner"), or else the region
   * ("Norrland", "småländska kommuner"), if any. */
  county(words: readonly Word[]): County | null;
  /** Every county the words name, in the order of the index ("Halland, Kronoberg och Blekinge ihop"). */
  counties(words: readonly Word[]): County[];
  /** A county or region by its name, as a conversation's context stores it. */
  countyNamed(name: string): County | null;
  /** Finds the municipalities a question names; `isWord` tells ordinary vocabulary, which never matches a typo. */
  recognise(words: readonly Word[], isWord: (folded: string) => boolean): Recognition;
  /** True for a folded word that is part of a municipality, district or alias name. */
  isPlaceWord(folded: string): boolean;
}

type TypoTarget = { m: Municipality; k: string };
type Found = { municipality: Municipality; via: Mention['via']; said: string } | null;
type CountyPattern = County & { base: string; pattern: RegExp };

/** The name indexes (exact, folded, districts, aliases, typos, counties), built once at engine start. */
interface Index {
  /** Words around a name that do not change which municipality is meant ("Malmö stad"). */
  suffixes: Set<string>;
  /** Names that are also everyday words ("vara" = to be): only a name when written as one. */
  wordLike: Set<string>;
  notNames: Set<string>;
  exact: Map<string, Municipality[]>;
  folded: Map<string, Municipality[]>;
  areas: Map<string, { area: string; municipality: Municipality }>;
  aliases: Map<string, Municipality>;
  typoTargets: TypoTarget[];
  /** Built on the first question that needs a typo guess (most name places exactly). */
  typos?: Map<string, TypoTarget[]>;
  /** No municipality name is longer; a longer word is not one of them misspelt. */
  maxTypoWord: number;
  /** The longest name, in words: the widest n-gram worth trying. */
  maxNameWords: number;
  placeWords: Set<string>;
  /** Counties first: "Västra Götaland" is the county, not the region Götaland. */
  counties: CountyPattern[];
  /** "Västra Götaland", "Götaland" must not be read as a typo of Gotland, nor "jämtländska" of anything. */
  countyWords: Set<string>;
  countyPrefixes: string[];
  /** Words that make a name a newspaper's or a station's ("Göteborgs-Posten", "P4 Örebro"). */
  mediaAfter: Set<string>;
  mediaBefore: Set<string>;
}

function buildIndex(places: Places, notTypos: readonly string[]): Index {
  const folded = group(MUNICIPALITIES, (m) => key(m.name));
  const named = (entries: [string, string][]) =>
    entries.flatMap(([said, name]) => {
      const m = byName.get(name);
      return m ? [[said, m] as const] : [];
    });
  // Typos are matched against single-word names of five letters or more: shorter ones are too close to
  // ordinary words ("Hjo", "Kil", "Mora"/"more") for a typo match to be trusted.
  const typoTargets = MUNICIPALITIES.filter((m) => !/[\s-]/.test(m.name) && m.name.length >= 5).map((m) => ({
    m,
    k: key(m.name),
  }));
  const counties = [
    ...countyPatterns(folded, places.county_prefixes, places.aliases),
    ...regionPatterns(places.regions),
  ];
  const prefixes = [
    ...Object.values(places.county_prefixes).flat(),
    ...Object.values(places.regions).flatMap((r) => r.prefixes),
  ];
  return {
    suffixes: new Set(places.name_suffixes.map(key)),
    wordLike: new Set(places.word_like.map((w) => w.toLowerCase())),
    notNames: new Set(notTypos),
    exact: group(MUNICIPALITIES, (m) => exactKey(m.name)),
    folded,
    areas: new Map(
      named(Object.entries(places.districts)).map(([a, m]) => [key(a), { area: a, municipality: m }]),
    ),
    aliases: new Map(named(Object.entries(places.aliases)).map(([a, m]) => [key(a), m])),
    typoTargets,
    maxTypoWord: Math.max(...typoTargets.map((t) => t.k.length)) + 2,
    maxNameWords: Math.max(...MUNICIPALITIES.map((m) => key(m.name).split(' ').length)),
    placeWords: new Set(
      [
        ...MUNICIPALITIES.map((m) => m.name),
        ...Object.keys(places.districts),
        ...Object.keys(places.aliases),
      ].flatMap((n) => key(n).split(' ')),
    ),
    counties,
    countyWords: new Set(counties.flatMap((c) => c.base.split(' '))),
    countyPrefixes: prefixes.map(key).filter((p) => !p.includes(' ')),
    mediaAfter: new Set(places.media.after.map(key)),
    mediaBefore: new Set(places.media.before.map(key)),
  };
}

/**
 * A county is named by its name and "län" ("Stockholms län"), or by its name alone where no
 * municipality has that name ("Skåne", "Norrbotten"); "Region Skåne" works by the same rule. The
 * regional adjectives people compound ("östgötakommuner", "sörmländska") name it too.
 */
function countyPatterns(
  folded: Map<string, Municipality[]>,
  prefixes: Record<string, string[]>,
  aliases: Record<string, string>,
): CountyPattern[] {
  const aliasKeys = Object.entries(aliases).map(([a, m]) => [key(a).replace(/s$/, ''), key(m)] as const);
  return [...group(MUNICIPALITIES, (m) => m.county)].map(([name, members]) => {
    const base = key(name.replace(/ län$/, '')).replace(/s$/, '');
    const alone = !folded.has(base) && !folded.has(`${base}s`);
    // A county named after its town is named by the town's other names too ("sthlms län", "Upsala län").
    const other = aliasKeys
      .filter(([a, m]) => (m === base || m === `${base}s`) && /^[a-z -]+$/.test(a))
      .map(([a]) => a);
    const names = [
      `${base}s? (?:lan|county)`,
      ...other.map((a) => `${a}s? (?:lan|county)`),
      `county of ${base}`,
      ...(alone ? [`${base}s?`] : []),
      ...(prefixes[name] ?? []).map((p) => `${key(p)}[a-z]*`),
    ];
    // Over folded words, where a letter is a–z: no Unicode flag, which costs a cold engine its compile.
    return { name, municipalities: members, base, pattern: new RegExp(` (${names.join('|')}) `) };
  });
}

/** A region is named by its name, a genitive, or its word beginnings ("norrländska", "smålandskommuner"). */
function regionPatterns(regions: Places['regions']): CountyPattern[] {
  return Object.entries(regions).map(([name, region]) => {
    const base = key(name);
    const names = [`${base}s?`, ...region.prefixes.map((p) => `${key(p)}[a-z]*`)];
    const counties = new Set(region.counties);
    return {
      name,
      municipalities: MUNICIPALITIES.filter((m) => counties.has(m.county)),
      counties: region.counties,
      base,
      pattern: new RegExp(` (${names.join('|')}) `),
    };
  });
}

/** Allowed edits for a typo in a name of this length. */
const typoBudget = (length: number) => (length >= 10 ? 2 : 1);

/**
 * Symmetric-deletion index: two strings within d edits share a string reached by at most d deletions from
 * each, so a typo is found by looking up its own deletions instead of measuring all 290 names. Built on
 * first use: a cold Lambda should not pay for it before its first answer.
 */
function typoIndex(ix: Index): Map<string, TypoTarget[]> {
  if (ix.typos) return ix.typos;
  const index = new Map<string, TypoTarget[]>();
  for (const t of ix.typoTargets) {
    for (const v of deletions(t.k, typoBudget(t.k.length))) {
      const list = index.get(v);
      if (list) list.push(t);
      else index.set(v, [t]);
    }
  }
  ix.typos = index;
  return index;
}

function lookup(ix: Index, phrase: Word[], all: readonly Word[]): Found {
  const raw = phrase.map((w) => w.raw).join(' ');
  const folded = key(raw);
  const exact = ix.exact.get(exactKey(raw));
  const candidates = exact ?? ix.folded.get(folded) ?? ix.folded.get(translit(folded));
  if (candidates && candidates.length === 1 && candidates[0]) {
    const m = candidates[0];
    // "Malå", "Åre" typed with their letters and a capital are the names, even first in a question.
    const typedAsName = exact !== undefined && /[^a-z\s-]/i.test(m.name) && /^\p{Lu}/u.test(raw);
    if (ix.wordLike.has(m.name.toLowerCase()) && !typedAsName && !writtenAsName(ix, phrase, all, m))
      return null;
    return { municipality: m, via: 'exact', said: raw };
  }
  const area = ix.areas.get(folded);
  if (area) return { municipality: area.municipality, via: 'area', said: area.area };
  const alias = ix.aliases.get(folded);
  if (alias) return { municipality: alias, via: 'alias', said: raw };
  return null;
}

function writtenAsName(ix: Index, phrase: Word[], all: readonly Word[], m: Municipality): boolean {
  const first = phrase[0];
  const raw = phrase.map((w) => w.raw).join(' ');
  // Capitalised as a name; diacritics may be missing ("Are" for Åre) on a keyboard without them.
  if (!first || !/^\p{Lu}/u.test(raw) || key(raw) !== key(m.name)) return false;
  const next = all[first.index + phrase.length];
  if (next && ix.suffixes.has(next.folded)) return true;
  // "Mark Zuckerberg": a capitalised word after it makes it a person's name.
  if (next && /^\p{Lu}/u.test(next.raw)) return false;
  return first.index > 0;
}

/** The longest name starting at word `i`, and how many words it took. */
function nameAt(ix: Index, all: readonly Word[], i: number): { found: Found; used: number } {
  for (let n = Math.min(ix.maxNameWords, all.length - i); n >= 1; n--) {
    const phrase = all.slice(i, i + n);
    let found = lookup(ix, phrase, all);
    // A genitive -s ("Göteborgs stad", "Malmös skolor") names the municipality without it.
    const last = phrase[n - 1];
    if (!found && last && /s$/i.test(last.raw) && last.raw.length > 3) {
      const bare = { ...last, raw: last.raw.slice(0, -1), folded: last.folded.slice(0, -1) };
      // "Stockholms län" is a county, not the municipality.
      if (all[i + n]?.folded !== 'lan') found = lookup(ix, [...phrase.slice(0, -1), bare], all);
    }
    if (found) return { found, used: n };
  }
  // "söder tälje", "upp sala": a name typed as two words, found only as the name written whole.
  const [a, b] = [all[i], all[i + 1]];
  if (a && b && a.folded.length >= 2 && b.folded.length >= 3) {
    const whole = { ...a, raw: `${a.raw}${b.raw.toLowerCase()}`, folded: `${a.folded}${b.folded}` };
    const found = lookup(ix, [whole], all);
    if (found?.via === 'exact') return { found, used: 2 };
  }
  return { found: null, used: 1 };
}

/** Finds the municipalities a question names; `isWord` tells ordinary vocabulary, which never matches a typo. */
function recognise(ix: Index, all: readonly Word[], isWord: (folded: string) => boolean): Recognition {
  const mentions: Mention[] = [];
  const leftovers: Word[] = [];
  for (let i = 0; i < all.length; ) {
    let { found, used } = nameAt(ix, all, i);
    // "Uppsala län", "Jönköping County": the county, not the municipality that shares its name.
    if (found && COUNTY_WORDS.has(all[i + used]?.folded ?? '')) found = null;
    if (found && inMediaName(ix, all, i, used)) found = null;
    const word = all[i];
    if (found) mentions.push(found);
    else if (word) leftovers.push(word);
    i += used;
  }
  // A typo is only guessed at when nothing in the question names a municipality exactly.
  const typos =
    mentions.length === 0 ? guessTypos(ix, leftovers, all, isWord) : { mentions: [], ambiguous: [] };
  const seen = new Set<string>();
  return {
    mentions: [...mentions, ...typos.mentions].filter(
      (m) => !seen.has(m.municipality.code) && seen.add(m.municipality.code),
    ),
    ambiguous: typos.ambiguous,
  };
}

/** The name at `i` is part of a newspaper's or a station's: "Göteborgs-Posten", "Upsala Nya Tidning", "P4 Örebro". */
function inMediaName(ix: Index, all: readonly Word[], i: number, used: number): boolean {
  const [next, then] = [all[i + used], all[i + used + 1]];
  const capitalNext = next !== undefined && /^\p{Lu}/u.test(next.raw);
  return (
    ix.mediaBefore.has(all[i - 1]?.folded ?? '') ||
    ix.mediaAfter.has(next?.folded ?? '') ||
    (capitalNext && ix.mediaAfter.has(then?.folded ?? ''))
  );
}

function guessTypos(
  ix: Index,
  leftovers: Word[],
  all: readonly Word[],
  isWord: (folded: string) => boolean,
): Recognition {
  const mentions: Mention[] = [];
  const ambiguous: Recognition['ambiguous'] = [];
  for (const w of leftovers) {
    const k = w.folded;
    if (
      k.length < 4 ||
      /\d/.test(k) ||
      isWord(k) ||
      ix.suffixes.has(k) ||
      ix.notNames.has(w.raw.toLowerCase())
    )
      continue;
    // Four letters are a short word ("kind" is one typo from Kinda): only a capitalised one is read as a name.
    if (k.length === 4 && !/^\p{Lu}/u.test(w.raw)) continue;
    if (
      COUNTY_WORDS.has(all[w.index + 1]?.folded ?? '') ||
      ix.countyWords.has(k) ||
      ix.countyPrefixes.some((p) => k.startsWith(p))
    )
      continue;
    // "Boris Johnson": a capitalised word before another is a person's name, not a misspelt town.
    const next = all[w.index + 1];
    if (next && /^\p{Lu}/u.test(w.raw) && /^\p{Lu}/u.test(next.raw) && !ix.suffixes.has(next.folded))
      continue;
    const near = nearest(ix, k);
    const { distance } = near;
    // A word typed in lower case with another first letter is an ordinary word the vocabulary lacks
    // ("Får outnyttjade medel föras över …" is not Borås), not a name misspelt.
    const lower = !/^\p{Lu}/u.test(w.raw);
    const candidates = near.candidates.filter((m) =>
      k.length <= SHORT_WORD ? shortTypoOf(k, m, isWord) : !lower || fold(m.name)[0] === k[0],
    );
    // One edit from exactly one name is a typo of it; two edits ("Helsingfors" → Helsingborg) could as
    // well be another place: ask instead of answering.
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (only && distance === 1) mentions.push({ municipality: only, via: 'typo', said: w.raw });
    else if (candidates.length > 0) ambiguous.push({ said: w.raw, candidates });
  }
  return { mentions, ambiguous };
}

/** Words this short are read as a misspelt name only on the stricter terms of `shortTypoOf`. */
const SHORT_WORD = 4;

/**
 * A short unknown word is one edit from many names ("Alem" from Salem, "Kind" from Kinda): it is read as
 * a name only if it keeps the name's first letter and the name is not itself one edit from an ordinary
 * word, whose misspelling the short word could as well be.
 */
function shortTypoOf(k: string, m: Municipality, isWord: (folded: string) => boolean): boolean {
  const name = fold(m.name);
  return k[0] === name[0] && !oneEditAway(name).some(isWord);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one deletion, substitution or insertion away from a short word (a few hundred). */
function oneEditAway(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail.length > 0) out.push(head + tail.slice(1));
    for (const c of LETTERS) {
      out.push(head + c + tail);
      if (tail.length > 0) out.push(head + c + tail.slice(1));
    }
  }
  return out.filter((v) => v !== word && v.length > 1);
}

/** The municipalities closest to a word within the typo budget (all of them, if tied), and how close. */
function nearest(ix: Index, k: string): { distance: number; candidates: Municipality[] } {
  if (k.length > ix.maxTypoWord) return { distance: Number.POSITIVE_INFINITY, candidates: [] };
  let best = Number.POSITIVE_INFINITY;
  let out: Municipality[] = [];
  const seen = new Set<TypoTarget>();
  for (const variant of deletions(k, 2)) {
    for (const t of typoIndex(ix).get(variant) ?? []) {
      if (seen.has(t)) continue;
      seen.add(t);
      const budget = typoBudget(t.k.length);
      const d = editDistance(k, t.k, budget);
      if (d > budget || d > best) continue;
      if (d < best) {
        best = d;
        out = [];
      }
      out.push(t.m);
    }
  }
  return { distance: best, candidates: out };
}

/** The word itself and every string made by deleting up to `depth` letters from it. */
function deletions(word: string, depth: number): Set<string> {
  const out = new Set([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const v = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return out;
}

const asCounty = (c: CountyPattern): County => ({
  name: c.name,
  municipalities: c.municipalities,
  ...(c.counties ? { counties: c.counties } : {}),
});

function county(ix: Index, all: readonly Word[]): County | null {
  const text = ` ${all.map((w) => w.folded).join(' ')} `;
  const c = ix.counties.find((c) => c.pattern.test(text));
  return c ? asCounty(c) : null;
}

/** Builds the name indexes (exact, folded, districts, aliases, typos) once, at engine start. */
export function createGazetteer(places: Places, notTypos: readonly string[]): Gazetteer {
  const ix = buildIndex(places, notTypos);
  return {
    recognise: (all, isWord) => recognise(ix, all, isWord),
    // A county's name is a place too: 'Östergötland: Linköping …' is not off the subject.
    isPlaceWord: (folded) =>
      ix.placeWords.has(folded) || ix.countyWords.has(folded) || ix.countyWords.has(folded.replace(/s$/, '')),
    county: (all) => county(ix, all),
    counties: (all) => {
      const text = ` ${all.map((w) => w.folded).join(' ')} `;
      return ix.counties.filter((c) => !c.counties && c.pattern.test(text)).map(asCounty);
    },
    countyNamed: (name) => {
      const c = ix.counties.find((c) => c.name === name);
      return c ? asCounty(c) : null;
    },
  };
}
