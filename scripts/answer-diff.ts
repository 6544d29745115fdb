// Which answers an engine change altered: `record` writes every fixture question's answer (as
// `ask --jsonl` gives it) to a file; `compare` answers them again and lists each one whose text, verdicts
// or rule changed, for review in the commit message. Whether they are still right is the fixture tests'
// business (test/unit/knowledge/engine.test.ts); this only shows what moved.
//
//   npx tsx scripts/answer-diff.ts record /tmp/answers-before.jsonl
//   npx tsx scripts/answer-diff.ts compare /tmp/answers-before.jsonl [--all]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createBatch } from '../cli/batch.ts';
import { toJsonl } from '../cli/format.ts';
import { inputLine, misses, parseCases } from '../cli/grading.ts';

const FIXTURES = new URL('../test/fixtures/', import.meta.url);

interface Row {
  key: string;
  q: string;
  answer: string;
  verdicts: string;
  rule: string;
  pass: boolean;
}

function answerAll(): Row[] {
  const rows: Row[] = [];
  for (const file of readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const answer = createBatch();
    const cases = parseCases(readFileSync(new URL(file, FIXTURES), 'utf8'), file);
    cases.forEach((c, i) => {
      const a = answer(inputLine(c));
      if (!a) return;
      const j = toJsonl(a);
      rows.push({
        key: `${file}#${c.id ?? i}`,
        q: c.q,
        answer: j.answer,
        verdicts: j.municipalities.map((m) => `${m.name}:${m.eligible}:${m.listYear}`).join(','),
        rule: j.rule ?? '',
        pass: misses(c, j).why.length === 0,
      });
    });
  }
  return rows;
}

const [command, path, flag] = process.argv.slice(2);
if ((command !== 'record' && command !== 'compare') || !path) {
  process.stderr.write('usage: tsx scripts/answer-diff.ts record|compare FILE [--all]\n');
  process.exit(2);
}
const now = answerAll();
if (command === 'record') {
  writeFileSync(path, `${now.map((r) => JSON.stringify(r)).join('\n')}\n`);
  process.stdout.write(`recorded ${now.length} answers to ${path}\n`);
} else {
  const before = new Map(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Row)
      .map((r) => [r.key, r]),
  );
  let changed = 0;
  let lost = 0;
  let gained = 0;
  for (const r of now) {
    const b = before.get(r.key);
    if (!b) continue;
    const moved = b.answer !== r.answer || b.verdicts !== r.verdicts;
    if (!moved && flag !== '--all') continue;
    if (!moved) continue;
    changed++;
    if (b.pass && !r.pass) lost++;
    if (!b.pass && r.pass) gained++;
    const mark = b.pass === r.pass ? (r.pass ? '=' : 'x') : r.pass ? '+' : '-';
    process.stdout.write(
      `${mark} ${r.key}  ${JSON.stringify(r.q).slice(0, 100)}\n    rule ${b.rule} → ${r.rule}\n` +
        `    was: ${b.answer.split('\n')[0]?.slice(0, 160)}\n    now: ${r.answer.split('\n')[0]?.slice(0, 160)}\n`,
    );
  }
  process.stdout.write(
    `${changed} of ${now.length} answers changed; ${gained} now pass that failed, ${lost} now fail that passed\n`,
  );
}
