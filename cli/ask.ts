// Batch door into the engine: `npm run --silent ask -- --jsonl` reads one question per line on stdin and
// writes exactly one JSON object per line on stdout, in order. Without --jsonl it prints readable text.
import { createInterface } from 'node:readline';
import { createEngine } from '../knowledge/engine.ts';
import { toJsonl, toPlainText } from './format.ts';

const engine = createEngine();
const jsonl = process.argv.includes('--jsonl');
const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
for await (const line of lines) {
  const answer = engine.answer(line);
  process.stdout.write(jsonl ? `${JSON.stringify(toJsonl(answer))}\n` : `${toPlainText(answer)}\n\n`);
}
