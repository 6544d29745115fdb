/**
 * One line of `ask`'s input → one answer: the single engine call per line, shared by `npm run ask` and
 * by `npm run eval` (which grades in-process through it), so both see the same answers.
 */
import { createEngine, type Engine } from '../knowledge/engine.ts';
import type { Answer } from '../knowledge/types.ts';

/** Answers a line of input, or returns null for a blank line (no question, so no output line). */
export type LineAnswerer = (line: string) => Answer | null;

/**
 * A batch session. It is a closure, not a bare function, so state that spans lines (a conversation's
 * context, per thread) has one place to live.
 */
export function createBatch(engine: Engine = createEngine()): LineAnswerer {
  return (line) => (line.trim() ? engine.answer(line) : null);
}
