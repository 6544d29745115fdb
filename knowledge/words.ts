// The word lists of knowledge/content/words.yaml as the engine and `npm run kb:build` read them. A module
// of types alone, so the content, the cue patterns and the matcher can each import it without a cycle.

/** Cue words compiled to patterns by the engine; see knowledge/content/words.yaml for the syntax. */
export interface Words {
  stopwords: string[];
  programme: string[];
  programme_endings: string[];
  programme_beginnings: string[];
  not_typos: string[];
  language: { sv: string[]; en: string[]; units: { sv: string[]; en: string[] } };
  help: { phrases: string[]; only: string[] };
  thanks: string[];
  thanks_start: string[];
  neutral: string[];
  questions: {
    starts: string[];
    yes_no: string[];
    joins: string[];
    prepositions: string[];
    also: string[];
    reported: string[];
    reported_object: string[];
    reported_links: string[];
  };
  cues: {
    amount: string[];
    eligibility: string[];
    how_to_apply: string[];
    off_list_ref: string[];
    on_list_ref: string[];
    uncovered: string[];
    money: string[];
    duration: string[];
    purpose: string[];
    overview: string[];
    other_applicants: string[];
    total: string[];
    compare: string[];
    first_year: string[];
    ratio: string[];
    why: string[];
    average: string[];
    currency: string[];
    source: string[];
    correction: string[];
    ellipsis: string[];
    pronoun_place: string[];
    pronoun_year: string[];
    pronoun_person: string[];
    pronoun_thing: string[];
    consequence_ref: string[];
    widen: string[];
    pronoun_plural: string[];
    why_list: string[];
    belongs: string[];
    regional_authority: string[];
    year_after: string[];
    year_before: string[];
    new_topic: string[];
    county_ask: string[];
    counties_ask: string[];
    same_county: string[];
    none_of: string[];
    asked_about: string[];
    both_counties: string[];
    count_ask: string[];
    starts_with: string[];
    sentence_next: string[];
    sentence_last: string[];
    sentence_middle: string[];
    per_municipality: { each: string[]; nouns: string[]; split: string[]; between: string[] };
    list: { asks: string[]; fillers: string[]; nouns: string[]; after: string[]; phrases: string[] };
  } & Record<string, unknown>;
  /** The words of typed queries: operations, units, claims (knowledge/query/). */
  query: {
    per_day: string[];
    approx: string[];
    ratio: string[];
    unit_tkr: string[];
    percent: string[];
    share: string[];
    per_month: string[];
    per_quarter: string[];
    schedule: string[];
    count_years: string[];
    middle: string[];
    unit_kronor: string[];
    unit_mkr: string[];
    unit_miljoner: string[];
    unit_miljarder: string[];
    check: string[];
    started: string[];
    agency_claim: string[];
    party_claim: string[];
    besides: string[];
    draft: string[];
    even_split: string[];
    full_level: string[];
    both_years: string[];
    exclude: string[];
    yearly: string[];
    below: string[];
    above: string[];
    years_with: string[];
    positions: string[];
    negation: string[];
    how_many: string[];
    lowest: string[];
    highest: string[];
    which_year: string[];
    edge_first: string[];
    edge_last: string[];
    same_level: string[];
    hypothetical: string[];
    each_one: string[];
    all_together: string[];
    per_week: string[];
    person_role: string[];
    contact_claim: string[];
    contact_titles: string[];
    specifics: string[];
    wording: string[];
    place_opener: string[];
    elsewhere: string[];
    beside_place: string[];
    whole_programme: string[];
    unheld_attribute: string[];
    person_attribute: string[];
    who_said: string[];
    in_english: string[];
    population: string[];
    agency_pointer: string[];
    name_ask: string[];
    english: string[];
  };
  /** Names a question may claim for a fact, so a wrong one is recognised (words.yaml → known). */
  known: { agencies: KnownName[]; parties: KnownName[]; titles: KnownName[]; people: KnownName[] };
}

/** An agency, party or title as people may write it. */
export interface KnownName {
  name: string;
  en: string;
  also: string[];
}
