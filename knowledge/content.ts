// What the bot knows, as the engine reads it: the content files of knowledge/content/ compiled to one JSON
// file by `npm run kb:build` (scripts/kb/), after `npm run kb:check` has proved every quote against its
// document. The engine never parses YAML: the Lambda bundle carries the compiled JSON and nothing else.
import compiled from './compiled/content.json' with { type: 'json' };
import type { CueSources, FoldedWords } from './cues.ts';
import type { PassageIndex } from './passages.ts';
import type { Lang, Source } from './types.ts';
import type { KnownName, Words } from './words.ts';

export type { KnownName, Words };

/** An FAQ entry's words, tokenized as questions are, worked out by `npm run kb:build`. */
export interface EntryTerms {
  phrasings: string[];
  weak: string[];
  keywords: string[];
}

/** A text in both languages. */
export interface Bilingual {
  sv: string;
  en: string;
}

/** A published document the bot may quote. */
export interface DocumentInfo {
  id: string;
  kind: string;
  publisher: string;
  title: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: as much as the text gives. */
  date: string;
  file: string;
}

/** One fact, after later documents have superseded earlier ones. */
export interface Fact {
  value: string | number;
  /** The fact in English answers, where it differs (an agency's English name). */
  en?: string;
  /** Numbers in kronor are written as amounts ("1,35 miljarder kronor"). */
  unit?: 'kronor';
  quote: string;
  document: string;
}

/** Kronor set aside for each year of a run of years. */
export interface AmountRun {
  from: number;
  to: number;
  kronor: number;
  quote: string;
  document: string;
}

/** The municipalities that can apply in one year, as one document lists them. */
export interface EligibilityList {
  year: number;
  document: string;
  heading: string;
  municipalities: string[];
}

/** Who distributes the money from one year (to another, or with no end given). */
export interface Agency {
  from: number;
  to: number | null;
  name: string;
  en: string;
  temporary: boolean;
  quote: string;
  document: string;
}

/** What intents an FAQ entry may have; the question log and the JSON output use them. */
export const INTENTS = [
  'help',
  'eligibility',
  'municipalities',
  'amount',
  'contact',
  'administration',
  'regulation',
  'purpose',
  'criteria',
  'background',
] as const;

/** One topic people ask about: its examples teach the matcher; it answers with a template or a composer. */
export interface FaqEntry {
  id: string;
  intent: (typeof INTENTS)[number];
  examples: { sv: string[]; en: string[] };
  keywords: string[];
  weak: string[];
  /** A template with {fact} placeholders, in both languages; absent when a composer computes the answer. */
  answer?: Bilingual;
  /** The facts the answer rests on: their sentences are its sources. */
  sources: string[];
  /** The name of the engine function that computes the answer. */
  composer?: string;
}

/** A sentence a composer puts together; `slots` are the placeholders the composer fills. */
export interface Phrase extends Bilingual {
  slots: string[];
}

/** Names for places besides the official municipality names. */
export interface Places {
  aliases: Record<string, string>;
  districts: Record<string, string>;
  name_suffixes: string[];
  word_like: string[];
  county_prefixes: Record<string, string[]>;
  /** Parts of Sweden above the counties ("Norrland"): the counties each is made of, and its word beginnings. */
  regions: Record<string, { counties: string[]; prefixes: string[] }>;
  /** Words that make a place's name part of a newspaper's or a station's ("Göteborgs-Posten", "P4 Örebro"). */
  media: { after: string[]; before: string[] };
}

/** A suggested prompt in Slack's assistant panel: the button's title and the question it sends. */
export interface AssistantPrompt {
  title: string;
  message: string;
}

/** What the assistant panel says besides answers (phrases.yaml `assistant`). */
export interface AssistantTexts {
  greeting: Bilingual;
  prompts_title: Bilingual;
  status: Bilingual;
  prompts: { sv: AssistantPrompt[]; en: AssistantPrompt[] };
}

/** Everything the engine reads, as `npm run kb:build` writes it. */
export interface Content {
  documents: DocumentInfo[];
  facts: Record<string, Fact>;
  amounts: AmountRun[];
  lists: EligibilityList[];
  agencies: Agency[];
  faq: FaqEntry[];
  phrases: Record<string, Phrase>;
  examples: { sv: string[]; en: string[] };
  summary: { title: Bilingual; intro: Bilingual; contact: Bilingual };
  /** Slack's assistant panel: the greeting, the suggested prompts and the status while answering. */
  assistant: AssistantTexts;
  words: Words;
  places: Places;
  /** Worked out from `words` by `npm run kb:build`, so a cold engine does not fold and join them again. */
  derived: {
    cues: CueSources;
    folded: FoldedWords;
    /** Each FAQ entry's words, tokenized as questions are. */
    terms: Record<string, EntryTerms>;
    /** Every word the documents' quoted sentences use, folded. */
    quoted: string[];
    /** Every sentence of every document, indexed for passage search, and glossary.yaml's words. */
    passages: PassageIndex;
  };
}

/** A phrase or fact the content does not have: a content error that `npm run kb:check` should have caught. */
export class ContentError extends Error {
  override name = 'ContentError';
}

// kb:check validated this file against the schema before writing it; the cast only tells TypeScript so.
/** The content this repository ships, compiled from knowledge/content/. */
export const CONTENT = compiled as unknown as Content;

const PLACEHOLDER = /\{([A-Za-z0-9][\w.-]*)\}/g;

/** The content, with the lookups every composer needs. */
export interface Knowledge {
  readonly content: Content;
  /** A phrase of phrases.yaml in the language, its slots and facts filled in. */
  say(lang: Lang, id: string, slots?: Record<string, string | number>): string;
  /** Any template: {slot} from `slots`, else {fact}; {document.title} and such from `document`. */
  fill(lang: Lang, template: string, slots?: Record<string, string | number>, document?: string): string;
  /** A fact's sentence, as a source of an answer. */
  source(factId: string): Source;
  /** How the bot names a document in a source line: kind, publisher, title and date. */
  documentLabel(id: string): string;
  /** Kronor for one year, or null for a year the documents give no amount for. */
  amountFor(year: number): number | null;
  /** The sentence a year's amount comes from. */
  amountSource(year: number): Source | null;
  /** The first and last year with an amount. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** The eligibility list for a year, if any document gives one. */
  listFor(year: number): EligibilityList | undefined;
  /** The years that have a list, in order. */
  readonly listYears: number[];
  /** A number of kronor in words ("1,35 miljarder kronor", "425 million kronor"). */
  kronor(amount: number, lang: Lang): string;
}

/** Builds the lookups once per engine. */
export function createKnowledge(content: Content = CONTENT): Knowledge {
  const documents = new Map(content.documents.map((d) => [d.id, d]));
  const byYear = new Map<number, AmountRun>();
  for (const run of content.amounts) for (let y = run.from; y <= run.to; y++) byYear.set(y, run);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const lists = new Map(content.lists.map((l) => [l.year, l]));

  function documentLabel(id: string): string {
    const d = documents.get(id);
    if (!d) throw new ContentError(`no document "${id}"`);
    return `${d.kind} från ${d.publisher}, ”${d.title}”, ${d.date}`;
  }

  function factText(id: string, lang: Lang, document?: string): string {
    if (id.startsWith('document.') && document) {
      const d = documents.get(document);
      const field = id.slice('document.'.length) as keyof DocumentInfo;
      if (d && field in d) return String(d[field]);
    }
    const f = content.facts[id];
    if (!f) throw new ContentError(`no fact or slot "{${id}}"`);
    if (typeof f.value === 'number') return f.unit === 'kronor' ? kronor(f.value, lang) : String(f.value);
    return lang === 'en' && f.en !== undefined ? f.en : f.value;
  }

  function fill(
    lang: Lang,
    template: string,
    slots: Record<string, string | number> = {},
    document?: string,
  ): string {
    return template.replace(PLACEHOLDER, (_, id: string) => {
      const slot = slots[id];
      return slot === undefined ? factText(id, lang, document) : String(slot);
    });
  }

  function say(lang: Lang, id: string, slots?: Record<string, string | number>): string {
    const phrase = content.phrases[id];
    if (!phrase) throw new ContentError(`no phrase "${id}" in phrases.yaml`);
    return fill(lang, phrase[lang], slots);
  }

  function source(factId: string): Source {
    const f = content.facts[factId];
    if (!f) throw new ContentError(`no fact "${factId}"`);
    return { quote: f.quote, document: documentLabel(f.document) };
  }

  return {
    content,
    say,
    fill,
    source,
    documentLabel,
    amountFor: (year) => byYear.get(year)?.kronor ?? null,
    amountSource(year) {
      const run = byYear.get(year);
      return run ? { quote: run.quote, document: documentLabel(run.document) } : null;
    },
    firstYear: years[0] ?? 0,
    lastYear: years[years.length - 1] ?? 0,
    listFor: (year) => lists.get(year),
    listYears: [...lists.keys()].sort((a, b) => a - b),
    kronor,
  };
}

/** Kronor in words, as a press officer would write them ("1,35 miljarder kronor", "425 million kronor"). */
export function kronor(amount: number, lang: Lang): string {
  const billions = amount >= 1_000_000_000;
  const value = billions ? amount / 1_000_000_000 : amount / 1_000_000;
  // Four decimals: an average such as 1,9375 miljarder is exact, not rounded to 1,938.
  const digits = value.toFixed(4).replace(/\.?0+$/, '');
  const number = lang === 'sv' ? digits.replace('.', ',') : digits;
  if (lang === 'sv')
    return `${number} ${billions ? (value === 1 ? 'miljard' : 'miljarder') : 'miljoner'} kronor`;
  return `${number} ${billions ? 'billion' : 'million'} kronor`;
}
