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

/** answered: a sourced answer; suggest: "did you mean"; fallback: nothing reliable to say. */
export type Outcome = 'answered' | 'suggest' | 'fallback';

/** One municipality the question named, and whether the release lists it for 2018. */
export interface MunicipalityVerdict {
  name: string;
  code: string;
  eligible: boolean;
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
  /** 0..1, how sure the engine is of `intent`. */
  confidence: number;
}
