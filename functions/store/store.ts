import type { Intent, Lang } from '../../knowledge/types.ts';

/** One question as the content owners see it; the asker only as a salted hash. */
export interface QuestionRecord {
  at: Date;
  question: string;
  lang: Lang;
  intent: Intent;
  entryId: string | null;
  confidence: number;
  answered: boolean;
  userHash: string;
  /** Identifies the reply, so feedback can point at it. */
  answerId: string;
}

export type Vote = 'up' | 'down';

export interface FeedbackRecord {
  at: Date;
  answerId: string;
  vote: Vote;
  userHash: string;
}

export interface UsageStats {
  total: number;
  answered: number;
  byIntent: Partial<Record<Intent, number>>;
  /** Newest first, at most ten. */
  latestUnanswered: { at: Date; question: string; lang: Lang }[];
  /** The counts cover this many days up to today (UTC); absent when the store does not say. */
  days?: number;
  /** Set when the store could not be read and these are stand-in zeros, so a view can say so. */
  unavailable?: true;
}

/**
 * The bot's state, in the domain's terms; the DynamoDB adapter implements it. Every call takes an
 * optional AbortSignal: a caller that stops waiting (store/resilient.ts) aborts the request with it.
 */
export interface Store {
  /** True for the first caller for this Slack message, false for every retry or twin event. */
  claim(channel: string, ts: string, signal?: AbortSignal): Promise<boolean>;
  /** Stores the question with its personal data removed (privacy.ts), whoever the caller is. */
  logQuestion(record: QuestionRecord, signal?: AbortSignal): Promise<void>;
  recordFeedback(record: FeedbackRecord, signal?: AbortSignal): Promise<void>;
  stats(signal?: AbortSignal): Promise<UsageStats>;
}
