// Batch door into the engine: `npm run --silent ask -- --jsonl` reads one question per line on stdin and
// writes exactly one JSON object per line on stdout, in order (blank lines are skipped). Without --jsonl
// it prints readable text; with a question as arguments it answers that one as a JSON line.
import { createInterface } from 'node:readline';
import { commandLine } from './args.ts';
import { createBatch } from './batch.ts';
import { jsonLine, toPlainText } from './format.ts';

const { values, words } = commandLine({
  run: 'npm run --silent ask --',
  about: [
    'Answers questions about the grant. With QUESTION, answers it as one JSON line. Without, reads one',
    'question per line on stdin: --jsonl writes one JSON object per answer, in order; otherwise',
    'readable text. Blank lines are skipped. JSON fields: lang, intent, answer, municipalities,',
    'suggestions, sources, parts (only for a message answered in several parts: the intent of each),',
    'rule (the routing rule that decided). A --jsonl line may be {"q": "…", "thread": "ID"}: the lines',
    'of one thread are a conversation, each answered with the context of the earlier ones.',
  ].join('\n'),
  flags: { jsonl: { help: 'one JSON object per line of stdin (for scripts and `npm run eval`)' } },
  words: { kind: 'many', name: 'QUESTION' },
  more: [
    'examples:',
    '  npm run --silent ask -- "Kan Malmö söka?"',
    '  echo "How much in total 2019–2021?" | npm run --silent ask -- --jsonl',
  ],
});

const answer = createBatch();
const question = words.join(' ');
if (question.trim()) {
  const a = answer(question);
  if (a) process.stdout.write(jsonLine(a));
} else {
  if (process.stdin.isTTY) process.stderr.write('Reading questions, one per line; Ctrl-D ends.\n');
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const a = answer(line);
    if (a) process.stdout.write(values.jsonl ? jsonLine(a) : `${toPlainText(a)}\n\n`);
  }
}
