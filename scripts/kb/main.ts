// npm run kb:check — checks knowledge/content/ (shapes, quotes against their documents, placeholders,
// answers, duplicate words, and that each FAQ entry's own examples are answered by it) and that the
// compiled file the engine reads is up to date. npm run kb:build does the same checks, then writes it.
// Exit status: 0 all well, 1 content problems (one line each: file:line: what is wrong, how to fix it),
// 2 bad usage.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import kommuner from '../../knowledge/sources/kommuner.json' with { type: 'json' };
import { checkAnswers } from './answers-check.ts';
import { compileContent, formatProblem } from './compile.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const COMPILED = `${root}knowledge/compiled/content.json`;
const USAGE = `usage: npm run kb:check     check knowledge/content/ and that the compiled content is up to date
       npm run kb:build     check, then write knowledge/compiled/content.json (commit it)
options: --content DIR  --sources DIR  (defaults: knowledge/content, knowledge/sources)`;

function main(argv: string[]): number {
  const [mode, ...rest] = argv;
  if (mode === '--help' || mode === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (mode !== 'check' && mode !== 'build') {
    console.error(`kb: unknown command ${mode ?? '(none)'}; run with --help`);
    return 2;
  }
  const dirs = { content: `${root}knowledge/content`, sources: `${root}knowledge/sources` };
  for (let i = 0; i < rest.length; i += 2) {
    const flag = rest[i];
    const value = rest[i + 1];
    if ((flag !== '--content' && flag !== '--sources') || !value) {
      console.error(`kb: unknown option ${flag}; run with --help`);
      return 2;
    }
    dirs[flag === '--content' ? 'content' : 'sources'] = value;
  }
  const { content, problems } = compileContent({ ...dirs, municipalities: kommuner });
  const all = [...problems, ...(content ? checkAnswers(content, dirs.content) : [])];
  for (const p of all) console.error(formatProblem(p));
  if (all.length || !content) {
    console.error(`kb: ${all.length} problem${all.length === 1 ? '' : 's'}; nothing was written`);
    return 1;
  }
  const json = `${JSON.stringify(content, null, 1)}\n`;
  if (mode === 'build') {
    writeFileSync(COMPILED, json);
    console.log('kb: content checked; wrote knowledge/compiled/content.json');
    return 0;
  }
  let current = '';
  try {
    current = readFileSync(COMPILED, 'utf8');
  } catch {
    // Missing: reported below like a stale file.
  }
  if (dirs.content === `${root}knowledge/content` && current !== json) {
    console.error(
      'knowledge/compiled/content.json:1: out of date with knowledge/content/; run npm run kb:build and commit it',
    );
    return 1;
  }
  console.log('kb: content checked, no problems');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
