// Every CLI, as a person runs it: --help prints the usage and exits 0 without waiting for stdin; a wrong
// flag, a missing value or a stray word is one line on stderr and exit status 2, never a stack trace.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../knowledge/engine.ts';
import { runCli, STACK_FRAME } from '../../support/cli.ts';

const CLIS = [
  { script: 'cli/ask.ts', usage: 'usage: npm run --silent ask -- [options] [QUESTION…]' },
  { script: 'cli/chat.ts', usage: 'usage: npm start -- [options] [QUESTION…]' },
  { script: 'cli/report.ts', usage: 'usage: npm run report -- [options]' },
  { script: 'cli/eval.ts', usage: 'usage: npm run eval -- [options] FILE.jsonl' },
];

describe.each(CLIS)('$script', ({ script, usage }) => {
  it('prints its usage for --help and exits 0 at once, stdin left open', async () => {
    const run = await runCli(script, ['--help'], { timeoutMs: 10_000 });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n')[0]).toBe(usage);
    expect(run.stdout).toContain('--help');
  });

  it('names an unknown flag in one line on stderr, exit status 2, no stack trace', async () => {
    const run = await runCli(script, ['--jsnol'], { input: '' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('unknown option --jsnol');
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });
});

/** One line on stderr, exit 2, nothing on stdout: how every usage mistake must look. */
function expectUsageError(run: { code: number | 'timeout'; stdout: string; stderr: string }, text: string) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(text)]);
}

describe('npm run report', () => {
  it('documents --days in its help', async () => {
    expect((await runCli('cli/report.ts', ['--help'])).stdout).toMatch(/--days N +count the last N days/);
  });

  it.each([
    [['--days'], '--days needs a value (N)'],
    [['--days', '--help-me'], '--days needs a value (N)'],
    [['--days', 'seven'], '--days must be a whole number from 1 to 3660, got "seven"'],
    [['--days', '0'], '--days must be a whole number'],
    [['--days=2.5'], '--days must be a whole number'],
    [['--days', '7', 'extra'], 'unexpected argument "extra"'],
  ])('rejects %j', async (args, text) => {
    expectUsageError(await runCli('cli/report.ts', args, { env: { TABLE_NAME: 't' } }), text);
  });
});

describe('npm run ask', () => {
  it('answers a question given as arguments with one JSON line', async () => {
    const run = await runCli('cli/ask.ts', ['Kan Malmö söka?']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] ?? '');
    expect(Object.keys(record)).toEqual([
      'lang',
      'intent',
      'answer',
      'municipalities',
      'suggestions',
      'sources',
      'rule',
    ]);
    expect(record.rule).toBe('named-eligibility');
    // The verdict is the engine's on the content shipped today (a later list changes listYear).
    expect(record.municipalities).toEqual(createEngine().answer('Kan Malmö söka?').municipalities);
    expect(record.municipalities).toEqual([expect.objectContaining({ name: 'Malmö', code: '1280' })]);
  });

  it('names in its help every field its JSON lines have, parts and rule included', async () => {
    const [help, run] = await Promise.all([
      runCli('cli/ask.ts', ['--help']),
      runCli('cli/ask.ts', ['Vem hanterar bidraget och hur mycket är det 2021?']),
    ]);
    const record = JSON.parse(run.stdout.trimEnd().split('\n')[0] ?? '{}');
    expect(Object.keys(record)).toContain('parts');
    for (const field of Object.keys(record)) expect(help.stdout).toMatch(new RegExp(`\\b${field}\\b`));
  });

  it('skips blank lines of --jsonl input: one JSON line per question, in order', async () => {
    const run = await runCli('cli/ask.ts', ['--jsonl'], {
      input: 'Kan Malmö söka?\n\n   \r\nHur mycket 2019?\n\n',
    });
    expect(run.code).toBe(0);
    const records = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.intent)).toEqual(['eligibility', 'amount']);
  });

  it('reads a misspelt flag as a mistake, not as a question', async () => {
    expectUsageError(await runCli('cli/ask.ts', ['--jsnol', 'Kan Malmö söka?']), 'unknown option --jsnol');
  });
});

describe('npm run eval', () => {
  it.each([
    [[], 'missing FILE.jsonl'],
    [['a.jsonl', 'b.jsonl'], 'unexpected argument "b.jsonl"'],
    [['--cmd'], '--cmd needs a value (CMD)'],
    [['no-such-file.jsonl'], 'no such file: no-such-file.jsonl'],
    [['package.json'], 'package.json:1: not JSON'],
  ])('rejects %j', async (args, text) => {
    expectUsageError(await runCli('cli/eval.ts', args), text);
  });
});
