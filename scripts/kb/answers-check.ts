// The checks that need the engine itself: every FAQ entry can be answered (its composer exists, its
// template fills), and each entry's own example questions are answered by that entry.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Content } from '../../knowledge/content.ts';
import { createEngine } from '../../knowledge/engine.ts';
import type { Problem } from './compile.ts';

/** Problems with the answers a content folder gives; empty when every entry answers its own examples. */
export function checkAnswers(content: Content, folder: string): Problem[] {
  const path = join(folder, 'faq.yaml');
  const file = relative(process.cwd(), path) || path;
  const lines = readFileSync(path, 'utf8').split('\n');
  const lineOf = (needle: string) => Math.max(1, lines.findIndex((l) => l.includes(needle)) + 1);
  let engine: ReturnType<typeof createEngine>;
  try {
    engine = createEngine(content);
  } catch (e) {
    return [{ file, line: 1, message: `${(e as Error).message}; fix the entry or add the missing text` }];
  }
  const problems: Problem[] = [];
  for (const entry of content.faq) {
    for (const lang of ['sv', 'en'] as const) {
      for (const q of entry.examples[lang]) {
        let got: string | null;
        try {
          got = engine.answer(q).entryId;
        } catch (e) {
          problems.push({
            file,
            line: lineOf(q),
            message: `answering "${q}" failed: ${(e as Error).message}`,
          });
          continue;
        }
        if (got !== entry.id)
          problems.push({
            file,
            line: lineOf(q),
            message: `the example "${q}" is answered by "${got ?? 'no entry'}", not by "${entry.id}"; reword it, add keywords to "${entry.id}", or move it to the entry that answers it`,
          });
      }
    }
  }
  problems.push(...checkPrompts(content, engine, folder));
  return problems;
}

function checkPrompts(content: Content, engine: ReturnType<typeof createEngine>, folder: string): Problem[] {
  const path = join(folder, 'phrases.yaml');
  const file = relative(process.cwd(), path) || path;
  const lines = readFileSync(path, 'utf8').split('\n');
  const lineOf = (needle: string) => Math.max(1, lines.findIndex((l) => l.includes(needle)) + 1);
  const problems: Problem[] = [];
  for (const lang of ['sv', 'en'] as const) {
    for (const { message } of content.assistant.prompts[lang]) {
      const answer = engine.answer(message);
      if (answer.outcome !== 'answered' || answer.lang !== lang)
        problems.push({
          file,
          line: lineOf(message),
          message: `the suggested prompt "${message}" gets ${answer.outcome === 'answered' ? `an answer in ${answer.lang === 'sv' ? 'Swedish' : 'English'}` : `no answer (${answer.outcome})`}; ask something the FAQ answers, in ${lang === 'sv' ? 'Swedish' : 'English'}`,
        });
    }
  }
  return problems;
}
