import type { ConversationContext, Intent, Lang } from '../../knowledge/types.ts';

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

/** What a conversation carried forward from its last answer, and when that answer was given. */
export interface StoredContext {
  /** The engine's value (slot ids, never the question's text); null: nothing to carry. */
  context: ConversationContext | null;
  at: Date;
  /**
   * In a DM, the salted hash of the person (store/hash.ts): the DM channel id identifies them, so
   * `report --forget` must find this item, and the claims keyed by the same channel, from the hash.
   */
  owner?: string;
}

/**
 * The bot's state, in the domain's terms; the DynamoDB adapter implements it. Every call takes an
 * optional AbortSignal: a caller that stops waiting (store/resilient.ts) aborts the request with it.
 */
export interface Store {
  /**
   * True for the first caller for this piece of work (a Slack message: channel + ts; a click: channel +
   * message ts, action and user), false for every retry or twin. A claim whose worker died before it
   * posted (still "claimed" after its lease) may be taken again.
   */
  claim(channel: string, id: string, signal?: AbortSignal): Promise<boolean>;
  /** claimed → posted: the reply went out (or may have: an unknown outcome is never repeated). */
  markPosted(channel: string, id: string, signal?: AbortSignal): Promise<void>;
  /** claimed → deferred: Slack asked for a wait and the reply waits in the deferral queue; no lease. */
  markDeferred(channel: string, id: string, signal?: AbortSignal): Promise<void>;
  /** Gives a claim back after a reply finally failed, so a Slack retry of the same message can answer. */
  release(channel: string, id: string, signal?: AbortSignal): Promise<void>;
  /** The context a conversation (team + channel + thread root, or a DM) carried from its last answer. */
  getContext(conversation: string, signal?: AbortSignal): Promise<StoredContext | null>;
  /** Stores the engine's slot ids only, each scrubbed like a question (store/dynamo.ts). */
  putContext(conversation: string, stored: StoredContext, signal?: AbortSignal): Promise<void>;
  /** Stores the question with its personal data removed (privacy.ts), whoever the caller is. */
  logQuestion(record: QuestionRecord, signal?: AbortSignal): Promise<void>;
  recordFeedback(record: FeedbackRecord, signal?: AbortSignal): Promise<void>;
  stats(signal?: AbortSignal): Promise<UsageStats>;
}
