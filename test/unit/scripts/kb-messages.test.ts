// kb:check's messages lead to the fix: each names the line to change, in plain words, and what to write
// there. Each case makes one mistake an editor makes in a scratch copy of the frozen content.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { INTENTS } from '../../../knowledge/content.ts';
import kommuner from '../../../knowledge/sources/kommuner.json' with { type: 'json' };
import { checkAnswers } from '../../../scripts/kb/answers-check.ts';
import { compileContent, formatProblem } from '../../../scripts/kb/compile.ts';
import { closestName, quoteDifference } from '../../../scripts/kb/hints.ts';
import { fixture, SHIPPED } from '../../support/content.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A scratch copy of the frozen content with one file edited; returns kb:check's lines for it. */
function checkAfter(file: string, change: (text: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'kb-msg-'));
  temps.push(dir);
  const dirs = { content: join(dir, 'content'), sources: join(dir, 'sources') };
  const frozen = fixture('release-2018');
  cpSync(SHIPPED.content, dirs.content, { recursive: true });
  for (const f of readdirSync(frozen.content).filter((f) => f.endsWith('.yaml')))
    cpSync(join(frozen.content, f), join(dirs.content, f));
  cpSync(frozen.sources, dirs.sources, { recursive: true });
  const path = join(dirs.content, file);
  const text = change(readFileSync(path, 'utf8'));
  writeFileSync(path, text);
  const { problems } = compileContent({ ...dirs, municipalities: kommuner });
  /** The 1-based number of the first line containing `s`, as an editor's editor shows it. */
  const lineOf = (s: string) => text.split('\n').findIndex((l) => l.includes(s)) + 1;
  return { lines: problems.map(formatProblem), problems, lineOf, dirs };
}

const NEW_DOCUMENT = `  - id: kontakt-2019
    kind: Pressmeddelande
    publisher: Statsrådsberedningen
    title: Ny presskontakt
    date: "2019-02-01"
    file: pressmeddelande.txt
`;

describe('kb:check messages', () => {
  it('gives the sha256sum command to run for a document without sha256, on its line, counting from 1', () => {
    const { problems, lineOf } = checkAfter('documents.yaml', (t) => `${t}${NEW_DOCUMENT}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(lineOf('id: kontakt-2019'));
    expect(problems[0]?.message).toMatch(
      /^documents #2 \(kontakt-2019\), sha256: is missing; run {2}sha256sum \S*pressmeddelande\.txt {2}and write/,
    );
    expect(problems[0]?.message).not.toMatch(/→|undefined|Invalid input/);
  });

  it('explains a line indented too far, on that line', () => {
    const { problems, lineOf } = checkAfter('contacts.yaml', (t) =>
      t.replace('    quote: Sami Mashial', '     quote: Sami Mashial'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(lineOf('     quote: Sami Mashial'));
    expect(problems[0]?.message).toMatch(
      /indented 5 spaces, but the field above it 4; indent with spaces, two per level/,
    );
  });

  it('explains a line indented too little, on that line', () => {
    const { problems, lineOf } = checkAfter('contacts.yaml', (t) =>
      t.replace('    quote: Sami Mashial', '   quote: Sami Mashial'),
    );
    expect(problems[0]?.line).toBe(lineOf('   quote: Sami Mashial'));
    expect(problems[0]?.message).toMatch(/indented less than the entry above it/);
  });

  it('says to quote a text with ": " in it, on its line', () => {
    const { problems, lineOf } = checkAfter('documents.yaml', (t) =>
      t.replace(
        'title: Sverige ska hålla ihop – segregationen ska brytas',
        'title: Sverige: segregationen ska brytas',
      ),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(lineOf('title: Sverige: segregationen'));
    expect(problems[0]?.message).toMatch(/the text of "title" contains ": ".*put a text in double quotes/);
  });

  it('points at the line where a quote mark was opened and never closed', () => {
    const { problems, lineOf } = checkAfter('contacts.yaml', (t) =>
      t.replace('    value: Sami Mashial', '    value: "Sami Mashial'),
    );
    expect(problems[0]?.line).toBe(lineOf('value: "Sami Mashial'));
    expect(problems[0]?.message).toMatch(/a text opened with " is not closed on its line/);
  });

  it('says to quote a text that starts with *, instead of crashing', () => {
    const { problems, lineOf } = checkAfter('contacts.yaml', (t) =>
      t.replace('    value: Sami Mashial', '    value: *Sami* Mashial'),
    );
    expect(problems[0]?.line).toBe(lineOf('*Sami*'));
    expect(problems[0]?.message).toMatch(/starts with \* or & must be in double quotes/);
  });

  it('says a tab is not indentation', () => {
    const { problems, lineOf } = checkAfter('contacts.yaml', (t) =>
      t.replace('    value: Sami Mashial', '\tvalue: Sami Mashial'),
    );
    expect(problems[0]?.line).toBe(lineOf('\tvalue'));
    expect(problems[0]?.message).toMatch(/indented with a tab/);
  });

  it('names the municipality a list lacks when the count differs from the heading', () => {
    const { problems, lineOf } = checkAfter('eligibility.yaml', (t) => t.replace('      - Malmö\n', ''));
    expect(problems.map((p) => p.message)).toEqual([
      'the heading says 32 municipalities but 31 are listed: the document also lists Malmö',
    ]);
    expect(problems[0]?.line).toBe(lineOf('    municipalities:'));
  });

  it('names the extra municipality a list has when the count differs from the heading', () => {
    const { lines } = checkAfter('eligibility.yaml', (t) =>
      t.replace('      - Malmö\n', '      - Malmö\n      - Lund\n'),
    );
    expect(lines.join('\n')).toMatch(/33 are listed: Lund is not under the heading in the document/);
  });

  it('suggests the closest official name for a misspelt one', () => {
    const { problems, lineOf } = checkAfter('eligibility.yaml', (t) =>
      t.replace('      - Malmö\n', '      - Malmo\n'),
    );
    expect(problems.map((p) => p.message)).toContain(
      '"Malmo" is not an official municipality name (knowledge/sources/kommuner.json); did you mean "Malmö"?',
    );
    expect(problems[0]?.line).toBe(lineOf('- Malmo'));
    expect(
      closestName(
        'Umea',
        kommuner.map((k) => k.name),
      ),
    ).toBe('Umeå');
    expect(
      closestName(
        'Xyzzyborg',
        kommuner.map((k) => k.name),
      ),
    ).toBeUndefined();
  });

  it('names the differing word of a short quote, a name', () => {
    const { lines, lineOf } = checkAfter('contacts.yaml', (t) =>
      t.replace('quote: Sami Mashial', 'quote: Sami Mashal'),
    );
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `contacts\\.yaml:${lineOf('quote: Sami Mashal')}: the quote is not word for word in knowledge/sources/pressmeddelande\\.txt \\(the document has "Mashial" where the quote has "Mashal"\\); copy`,
        ),
      ),
    ]);
    expect(quoteDifference('Eva Exemple', 'Ny presskontakt\n\nEva Exempel\n')).toBe(
      ' (the document has "Exempel" where the quote has "Exemple")',
    );
  });

  it('lists the intents for an unknown one', () => {
    const { problems, lineOf } = checkAfter('faq.yaml', (t) =>
      t.replace('intent: regulation', 'intent: law'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(lineOf('intent: law'));
    expect(problems[0]?.message).toContain(`"law" is not an intent; should be one of: ${INTENTS.join(', ')}`);
  });

  it('says Slack shows at most four suggested prompts when the assistant panel gets a fifth', () => {
    const { problems } = checkAfter('phrases.yaml', (t) =>
      t.replace(
        '      - title: Vilken förordning gäller?\n',
        '      - title: Vem är presskontakt?\n        message: Vem är presskontakt?\n      - title: Vilken förordning gäller?\n',
      ),
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/assistant.*prompts.*sv.*Slack shows at most four prompts; remove the rest/),
    ]);
  });

  it('names a suggested prompt the bot cannot answer, on its line', () => {
    const { problems, lineOf, dirs } = checkAfter('phrases.yaml', (t) =>
      t.replace('message: Vem fördelar pengarna?', 'message: Vad kostar en biobiljett?'),
    );
    expect(problems).toEqual([]);
    const { content } = compileContent({ ...dirs, municipalities: kommuner });
    if (content === undefined) throw new Error('the scratch content should compile');
    const answers = checkAnswers(content, dirs.content);
    expect(answers.map((p) => [p.line, p.message])).toEqual([
      [
        lineOf('Vad kostar en biobiljett?'),
        expect.stringMatching(
          /^the suggested prompt "Vad kostar en biobiljett\?" gets no answer .*; ask something the FAQ answers, in Swedish$/,
        ),
      ],
    ]);
  });

  it('prints each message as file:line from npm run kb:check, exit status 1', () => {
    const { dirs } = checkAfter('eligibility.yaml', (t) => t.replace('      - Malmö\n', '      - Malmo\n'));
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/kb/main.ts',
        'check',
        '--content',
        dirs.content,
        '--sources',
        dirs.sources,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /eligibility\.yaml:\d+: "Malmo" is not an official municipality name .*did you mean "Malmö"\?/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
