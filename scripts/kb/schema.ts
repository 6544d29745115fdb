// The shape of each content file in knowledge/content/, checked with zod. Messages are written for the
// person editing the file: they say what is expected, not how the schema is built.
import { z } from 'zod';
import { INTENTS } from '../../knowledge/content.ts';

const text = z.string({ error: 'should be a text' }).trim().min(1, { error: 'should not be empty' });
const id = z
  .string({ error: 'should be an id' })
  .regex(/^[a-z0-9][a-z0-9.-]*$/, { error: 'an id has small letters, digits, "." and "-" only' });
const year = z
  .number({ error: 'should be a year, written as a number (2019)' })
  .int()
  .min(1900, { error: 'should be a year between 1900 and 2199' })
  .max(2199, { error: 'should be a year between 1900 and 2199' });
const isoDate = z
  .string({ error: 'should be a date written YYYY-MM-DD in quotes' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'should be a date written YYYY-MM-DD' });
const quoted = { quote: text, document: id };
const bilingual = z.strictObject({ sv: text, en: text });
const words = z.array(text, { error: 'should be a list of words: [one, two, three]' });

export const documentsFile = z.strictObject({
  documents: z
    .array(
      z.strictObject({
        id,
        kind: text,
        publisher: text,
        title: text,
        date: z
          .string({ error: 'should be a date in quotes: "2018", "2018-05" or "2018-05-31"' })
          .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'should be "YYYY", "YYYY-MM" or "YYYY-MM-DD"' }),
        file: z
          .string()
          .regex(/^[\w.-]+\.txt$/, { error: 'should be a .txt file name in knowledge/sources/' }),
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/, { error: 'should be the 64-letter sha256sum of the file' }),
      }),
    )
    .min(1, { error: 'needs at least one document' }),
});

export const factsFile = z.strictObject({
  facts: z.array(
    z.strictObject({
      id,
      value: z.union([text, z.number()], { error: 'should be a text or a number' }),
      en: text.optional(),
      ...quoted,
    }),
  ),
});

export const amountsFile = z.strictObject({
  amounts: z.array(
    z.strictObject({
      from: year,
      to: year,
      kronor: z.number({ error: 'should be a number of kronor: 425000000' }).int().positive(),
      ...quoted,
    }),
  ),
});

export const eligibilityFile = z.strictObject({
  lists: z.array(z.strictObject({ year, document: id, heading: text, municipalities: z.array(text).min(1) })),
});

export const agenciesFile = z.strictObject({
  agencies: z.array(
    z.strictObject({
      from: year,
      to: year.optional(),
      name: text,
      en: text,
      temporary: z.boolean({ error: 'should be true or false' }).optional(),
      ...quoted,
    }),
  ),
});

export const contactsFile = z.strictObject({
  contacts: z.array(z.strictObject({ id, value: text, en: text.optional(), ...quoted })),
  roles: z.array(z.strictObject({ id, sv: text, en: text, from: isoDate, to: isoDate, ...quoted })),
});

export const faqFile = z.strictObject({
  entries: z.array(
    z.strictObject({
      id,
      intent: z.enum(INTENTS, { error: `should be one of: ${INTENTS.join(', ')}` }),
      examples: z.strictObject({
        sv: z.array(text).min(1, { error: 'give at least one Swedish example question' }),
        en: z.array(text).min(1, { error: 'give at least one English example question' }),
      }),
      keywords: words,
      weak: words.optional(),
      answer: bilingual.optional(),
      sources: z.array(id).optional(),
      composer: z
        .string()
        .regex(/^[A-Za-z]+$/, { error: 'should be the name of an engine function' })
        .optional(),
    }),
  ),
});

// Slack's assistant.threads.setSuggestedPrompts takes at most four prompts, each a title and a message.
const assistantPrompts = z
  .array(z.strictObject({ title: text, message: text }), {
    error: 'should be a list of prompts, each with a title and a message',
  })
  .min(1, { error: 'needs at least one prompt' })
  .max(4, { error: 'Slack shows at most four prompts; remove the rest' });

export const phrasesFile = z.strictObject({
  phrases: z.record(
    id,
    z.strictObject({
      slots: z.array(z.string().regex(/^[a-z]+$/)).optional(),
      sv: z.string(),
      en: z.string(),
    }),
  ),
  examples: z.strictObject({ sv: z.array(text).min(1), en: z.array(text).min(1) }),
  summary: z.strictObject({
    title: bilingual,
    intro: bilingual,
    contact: bilingual,
  }),
  assistant: z.strictObject({
    greeting: bilingual,
    prompts_title: bilingual,
    status: bilingual,
    prompts: z.strictObject({ sv: assistantPrompts, en: assistantPrompts }),
  }),
});

// A cue phrase: words of letters, optionally ending in *, the one-word wildcard _, and a leading ^.
const cue = z.string().regex(/^\^?\s*(?:[\p{L}\p{N}'’]+\*?|_)(?:\s+(?:[\p{L}\p{N}'’]+\*?|_))*$/u, {
  error: 'a cue is words of letters, each may end in *, "_" stands for any word, "^" for the start',
});
const cues = z.array(cue);

// Names a question may claim for a fact (an agency, a party, a title): the official name, in English, and
// the other ways people write it.
const knownNames = z.array(z.strictObject({ name: text, en: text, also: z.array(text) }));

export const wordsFile = z.strictObject({
  stopwords: words,
  programme: words,
  programme_endings: words,
  programme_beginnings: words,
  not_typos: words,
  language: z.strictObject({ sv: words, en: words, units: z.strictObject({ sv: words, en: words }) }),
  help: z.strictObject({ phrases: words, only: words }),
  thanks: words,
  thanks_start: words,
  neutral: words,
  questions: z.strictObject({
    starts: words,
    yes_no: words,
    joins: words,
    prepositions: words,
    also: words,
    reported: words,
    reported_object: words,
    reported_links: words,
  }),
  cues: z.strictObject({
    amount: cues,
    eligibility: cues,
    how_to_apply: cues,
    off_list_ref: cues,
    on_list_ref: cues,
    uncovered: cues,
    money: cues,
    duration: cues,
    purpose: cues,
    overview: cues,
    other_applicants: cues,
    total: cues,
    compare: cues,
    first_year: cues,
    ratio: cues,
    why: cues,
    average: cues,
    currency: cues,
    source: cues,
    correction: cues,
    ellipsis: cues,
    pronoun_place: cues,
    pronoun_year: cues,
    pronoun_person: cues,
    pronoun_thing: cues,
    consequence_ref: cues,
    new_topic: cues,
    county_ask: cues,
    counties_ask: cues,
    same_county: cues,
    none_of: cues,
    asked_about: cues,
    both_counties: cues,
    count_ask: cues,
    starts_with: cues,
    sentence_next: cues,
    sentence_last: cues,
    sentence_middle: cues,
    widen: cues,
    pronoun_plural: cues,
    why_list: cues,
    belongs: cues,
    regional_authority: cues,
    year_after: cues,
    year_before: cues,
    per_municipality: z.strictObject({ each: cues, nouns: cues, split: cues, between: cues }),
    list: z.strictObject({ asks: cues, fillers: cues, nouns: cues, after: cues, phrases: cues }),
  }),
  query: z.strictObject({
    per_day: cues,
    approx: cues,
    ratio: cues,
    unit_tkr: cues,
    percent: cues,
    share: cues,
    per_month: cues,
    per_quarter: cues,
    schedule: cues,
    count_years: cues,
    middle: cues,
    unit_kronor: cues,
    unit_mkr: cues,
    unit_miljoner: cues,
    unit_miljarder: cues,
    check: cues,
    started: cues,
    agency_claim: cues,
    party_claim: cues,
    besides: cues,
    draft: cues,
    even_split: cues,
    full_level: cues,
    both_years: cues,
    exclude: cues,
    yearly: cues,
    below: cues,
    above: cues,
    years_with: cues,
    positions: cues,
    negation: cues,
    how_many: cues,
    lowest: cues,
    highest: cues,
    which_year: cues,
    edge_first: cues,
    edge_last: cues,
    same_level: cues,
    hypothetical: cues,
    each_one: cues,
    all_together: cues,
    per_week: cues,
    person_role: cues,
    contact_claim: cues,
    contact_titles: cues,
    specifics: cues,
    wording: cues,
    place_opener: cues,
    elsewhere: cues,
    beside_place: cues,
    whole_programme: cues,
    unheld_attribute: cues,
    person_attribute: cues,
    who_said: cues,
    in_english: cues,
    population: cues,
    agency_pointer: cues,
    name_ask: cues,
    english: cues,
  }),
  known: z.strictObject({
    agencies: knownNames,
    parties: knownNames,
    titles: knownNames,
    people: knownNames,
  }),
});

export const placesFile = z.strictObject({
  aliases: z.record(text, text),
  districts: z.record(text, text),
  name_suffixes: words,
  word_like: words,
  county_prefixes: z.record(text, words),
  regions: z.record(
    text,
    z.strictObject({
      counties: z
        .array(text, { error: 'should be a list of county names: [Gävleborgs län, Jämtlands län]' })
        .min(1, { error: 'a region is made of at least one county' }),
      prefixes: words,
    }),
  ),
  media: z.strictObject({ after: words, before: words }),
});

// The words of passage search: English words for the documents' Swedish ones, and the words that ask for
// the exact words, frame a question, or name a headline.
export const glossaryFile = z.strictObject({
  quote: cues,
  frame: words,
  headline: words,
  documents: cues,
  terms: z.array(
    z.strictObject({
      en: words.min(1, { error: 'give at least one English word' }),
      sv: words.min(1, { error: 'give at least one Swedish word of the documents' }),
    }),
  ),
});

/** Each content file and the shape it must have. */
export const FILES = {
  'documents.yaml': documentsFile,
  'facts.yaml': factsFile,
  'amounts.yaml': amountsFile,
  'eligibility.yaml': eligibilityFile,
  'agencies.yaml': agenciesFile,
  'contacts.yaml': contactsFile,
  'faq.yaml': faqFile,
  'phrases.yaml': phrasesFile,
  'words.yaml': wordsFile,
  'places.yaml': placesFile,
  'glossary.yaml': glossaryFile,
} as const;
