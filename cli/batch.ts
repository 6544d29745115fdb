/**
 * One line of `ask`'s input → one answer: the single engine call per line, shared by `npm run ask` and
 * by `npm run eval` (which grades in-process through it), so both see the same answers.
 *
 * A line may be a JSON object `{"q": "...", "thread": "ID"}`: the lines of one thread are a conversation,
 * answered in order, each with the context the previous answer of that thread carried. Any other line,
 * including one that starts with "{" but is not such an object, is a question on its own.
 */
import { createEngine, type Engine } from '../knowledge/engine.ts';
import type { Answer, ConversationContext } from '../knowledge/types.ts';

/** Answers a line of input, or returns null for a blank line (no question, so no output line). */
export type LineAnswerer = (line: string) => Answer | null;

/** A thread's turn, when the line is one. */
export function threadTurn(line: string): { q: string; thread: string } | null {
  if (!line.trimStart().startsWith('{')) return null;
  try {
    const v: unknown = JSON.parse(line);
    if (v && typeof v === 'object' && 'q' in v && 'thread' in v) {
      const { q, thread } = v as { q: unknown; thread: unknown };
      if (typeof q === 'string' && (typeof thread === 'string' || typeof thread === 'number'))
        return { q, thread: String(thread) };
    }
  } catch {
    // Not JSON: an ordinary question that happens to start with "{".
  }
  return null;
}

/** A batch session: remembers each thread's context from one of its lines to the next. */
export function createBatch(engine: Engine = createEngine()): LineAnswerer {
  const threads = new Map<string, ConversationContext | null>();
  return (line) => {
    const turn = threadTurn(line);
    if (!turn) return line.trim() ? engine.answer(line) : null;
    const answer = engine.answer(turn.q, threads.get(turn.thread) ?? null);
    threads.set(turn.thread, answer.context);
    return answer;
  };
}
