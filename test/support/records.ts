import type { FeedbackRecord, QuestionRecord } from '../../functions/store/store.ts';

let sequence = 0;

/** A logged question with plausible defaults; override what the test is about. */
export function questionRecord(overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  sequence += 1;
  return {
    at: new Date('2026-11-27T10:00:00.000Z'),
    question: 'Vilka kommuner får bidraget?',
    lang: 'sv',
    intent: 'municipalities',
    entryId: 'faq-municipalities',
    confidence: 0.92,
    answered: true,
    userHash: 'a'.repeat(64),
    answerId: `answer-${sequence}`,
    ...overrides,
  };
}

/** A 👍/👎 click with plausible defaults. */
export function feedbackRecord(overrides: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return {
    at: new Date('2026-11-27T10:00:05.000Z'),
    answerId: 'answer-1',
    vote: 'up',
    userHash: 'b'.repeat(64),
    ...overrides,
  };
}
