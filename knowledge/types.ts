/** The language of a question and of its answer. */
export type Lang = 'sv' | 'en';

/** What a question is about; the JSONL interface and the question log use these names. */
export type Intent =
  | 'help'
  | 'eligibility'
  | 'municipalities'
  | 'amount'
  | 'contact'
  | 'administration'
  | 'regulation'
  | 'purpose'
  | 'criteria'
  | 'background'
  | 'unknown';

/**
 * answered: a sourced answer; unstated: the question is about the programme but the documents do not say,
 * so the answer says so and gives the nearest facts; suggest: "did you mean"; fallback: nothing reliable.
 */
export type Outcome = 'answered' | 'unstated' | 'suggest' | 'fallback';

/** One municipality the question named, and whether it is on the list of `listYear`. */
export interface MunicipalityVerdict {
  name: string;
  code: string;
  /** On the list of `listYear`: the year asked if a document lists it, else the latest list. */
  eligible: boolean;
  listYear: number;
}

/** A short verbatim quote from a source document. */
export interface Source {
  quote: string;
  document: string;
}

/** Everything the engine says about one question; rendering decides how it looks. */
export interface Answer {
  lang: Lang;
  intent: Intent;
  outcome: Outcome;
  /** Slack mrkdwn, without the source line. */
  text: string;
  sources: Source[];
  municipalities: MunicipalityVerdict[];
  /** Questions (in `lang`) the asker may have meant; clicking one asks it. */
  suggestions: string[];
  /** The FAQ entry or rule that produced the answer, for the question log. */
  entryId: string | null;
  /** When a message asked several things: the intent of each part answered, in order. */
  parts?: Intent[];
  /** The routing rule(s) that decided, by name, for the logs ("named-eligibility", "follow-up:amount"). */
  rule?: string;
  /** The values the message claimed, each checked against the facts (knowledge/query/claims.ts). */
  claims?: {
    attribute: string;
    claimed: string;
    verdict: 'right' | 'wrong' | 'unstated' | 'partly';
    correct: string;
    source: Source | null;
  }[];
  /** 0..1, how sure the engine is of `intent`. */
  confidence: number;
  /** What the next question of the same conversation may build on; null leaves no context (a greeting). */
  context: ConversationContext | null;
}

/**
 * What a conversation carries from one question to the next (a thread, a DM, the terminal chat): slot
 * ids only, never the question's text, so it can be stored as it is. Small and JSON-serialisable.
 */
export interface ConversationContext {
  /** The FAQ entry (topic) of the last answer, if it had one. */
  topic: string | null;
  /** SCB codes of the municipalities the last question was about. */
  places: string[];
  /** SCB codes of every municipality the conversation has named, latest last ("which of those …"). */
  seen?: string[];
  /** Years and inclusive year ranges asked about. */
  years: number[];
  ranges: [number, number][];
  /** The years were asked for as a sum ("totalt 2019–2021"), so "och 2018 och 2019?" is a sum too. */
  total?: boolean;
  /** A county (län) asked about, by its official name. */
  county: string | null;
  /** The FAQ entries of the claims the last answer found wrong: "hur ska meningen lyda då?" quotes them. */
  corrected?: string[];
  /** Every county the conversation asked about, latest last ("båda länen ihop?"). */
  counties?: string[];
  /** The document sentences (indexes into the passages) the answer quoted, for "and the next sentence?". */
  quoted?: number[];
  /** The language of the last question. */
  lang: Lang | null;
  /** The single years of the question before the last, for "båda åren" / "both years". */
  yearsBefore?: number[];
  /**
   * The single years the thread asked in a row about the same topic, latest last ("2020? → och 2021? →
   * och 2022?"), for "alla tre tillsammans?", "skillnaden?", "how many per cent from 2018?".
   */
  asked?: number[];
  /** The operation the last question computed ("per-month", "percent-change"), for "och 2021?". */
  operation?: string;
  /** The message's other sentences set their places beside the one asked ("right next to Gothenburg"). */
  besidePlace?: boolean;
  /**
   * The agency a question of the thread named (its name in agencies.yaml): "it", "den", "its" point at it
   * ("What is Delmos? → how much will it distribute in its first year?").
   */
  agency?: string;
}
