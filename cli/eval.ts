// `npm run eval -- FILE.jsonl`: grades the bot against a question set, as ../shared/eval/grade.mjs does
// (same expectation keys, same report, same last line), from inside the repository. Without --cmd it asks
// in-process through ask's own line handler (no child process, no npm start-up); with --cmd it runs that
// command and grades what it prints, like the shared grader.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { commandLine, exitWithUsageError } from './args.ts';
import { createBatch } from './batch.ts';
import { jsonLine } from './format.ts';
import {
  answerLines,
  type Case,
  failedSummary,
  formatGrade,
  grade,
  inputLine,
  parseCases,
} from './grading.ts';

const { values, words } = commandLine({
  run: 'npm run eval --',
  about: [
    'Grades the answers to a question set (JSONL: {"id","cat","q","expect":{elig,noTrue,intent,has,hasNot}},',
    'optionally "thread"). Prints one line per category, the failures, and last the summary:',
    '"accuracy P/T (pct%); false-eligible N; … ms for the batch".',
  ].join('\n'),
  flags: {
    cmd: { value: 'CMD', help: 'grade what this shell command prints for the questions on its stdin' },
    verbose: { help: 'show every failure with the answer it got' },
  },
  words: { kind: 'one', name: 'FILE.jsonl' },
  more: [
    'examples:',
    '  npm run eval -- test/fixtures/sample.jsonl',
    '  npm run eval -- test/fixtures/sample.jsonl --cmd "npm run --silent ask -- --jsonl"',
  ],
});

const [file = ''] = words;
let cases: Case[] = [];
try {
  cases = parseCases(readFileSync(file, 'utf8'), file);
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  exitWithUsageError(code === 'ENOENT' ? `npm run eval: no such file: ${file}` : message);
}

const input = cases.map(inputLine);
const started = process.hrtime.bigint();
let lines: string[];
if (values.cmd === undefined) {
  const answer = createBatch();
  // Through the same JSON text `ask --jsonl` writes, so the grader reads exactly what ask would print.
  lines = answerLines(
    input.flatMap((line) => [answer(line)].filter((a) => a !== null).map(jsonLine)).join(''),
  );
} else {
  const run = spawnSync('bash', ['-c', values.cmd], {
    input: `${input.join('\n')}\n`,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 600_000,
  });
  if (run.status !== 0) {
    process.stderr.write(`${(run.stderr ?? '').slice(-2000)}\n`);
    console.log(failedSummary(cases.length, `the command exited ${run.status}`));
    process.exit(1);
  }
  lines = answerLines(run.stdout);
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
if (lines.length !== cases.length) {
  console.log(failedSummary(cases.length, `expected ${cases.length} JSON lines, got ${lines.length}`));
  process.exit(1);
}
console.log(formatGrade(grade(cases, lines), { verbose: values.verbose, ms }).join('\n'));
