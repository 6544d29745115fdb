// PLACEHOLDER until the real engine lands: same signature, fixed help answer.
import type { Answer, Lang } from './types.ts';

export interface Engine {
  /** Answers one question, in the language it was asked in. */
  answer(question: string): Answer;
  /** The help text with example questions. */
  help(lang: Lang): Answer;
}

/** Builds the in-memory indexes once; answering is then pure and synchronous. */
export function createEngine(): Engine {
  const help = (lang: Lang): Answer => ({
    lang,
    intent: 'help',
    outcome: 'answered',
    text: lang === 'sv' ? 'Fråga mig om statsbidraget.' : 'Ask me about the grant.',
    sources: [],
    municipalities: [],
    suggestions: [],
    entryId: 'help',
    confidence: 1,
  });
  return { answer: () => help('sv'), help };
}
