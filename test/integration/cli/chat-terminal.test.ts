// The terminal chat in a real terminal 40 columns wide: lines wrap at the window's width between words,
// continuation lines keep their indent, and the welcome speaks the locale's language.
import { describe, expect, it } from 'vitest';
import { columns, toPlainText } from '../../../cli/format.ts';
import { createEngine } from '../../../knowledge/engine.ts';
import { terminalKind, typeInTerminal } from '../../support/terminal.ts';

const WIDTH = 40;
const QUESTION = 'Vilka kommuner får bidraget?';
const words = (lines: string[]) => lines.join(' ').split(/\s+/).filter(Boolean);

describe.skipIf(terminalKind === null)(`npm start in a ${WIDTH}-column terminal (${terminalKind})`, () => {
  it('wraps the answer at the terminal width without breaking a word, keeping indents', async () => {
    const { rows, softWrapped } = await typeInTerminal(terminalKind ?? 'script', {
      command: 'node_modules/.bin/tsx cli/chat.ts',
      width: WIDTH,
      env: { LANG: 'sv_SE.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
      lines: [QUESTION],
    });
    expect(rows.find((row) => row.trim())).toMatch(/^Hej! Jag svarar/);
    expect(softWrapped).toBe(false);
    for (const row of rows) expect(columns(row), row).toBeLessThanOrEqual(WIDTH);

    // The answer's rows: after the typed question, up to the next prompt.
    const start = rows.indexOf(`> ${QUESTION}`);
    const end = rows.findIndex((row, i) => i > start && row.startsWith('>'));
    expect(start).toBeGreaterThan(0);
    const answer = rows.slice(start + 1, end);
    // The same words in the same order as the unwrapped answer: a word cut in two would not match.
    expect(words(answer)).toEqual(words([toPlainText(createEngine().answer(QUESTION))]));
    expect(answer.length).toBeGreaterThan(15);

    const source = answer.findIndex((row) => row.startsWith('  Källa: '));
    expect(answer[source + 1]).toMatch(/^ {2}\S/);
    const quote = answer.findIndex((row) => row.startsWith('    ”'));
    expect(answer[quote + 1]).toMatch(/^ {5}\S/);
  }, 60_000);
});

if (terminalKind === null) {
  // Said once in the output, so a skipped test is not mistaken for a passing one.
  console.warn('chat-terminal.test.ts skipped: neither tmux nor script (util-linux) is installed');
}
