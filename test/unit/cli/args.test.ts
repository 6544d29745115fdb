import { describe, expect, it } from 'vitest';
import { type Command, helpText, parseCommandLine } from '../../../cli/args.ts';

const report = {
  run: 'npm run report --',
  about: 'Prints usage.',
  flags: { days: { value: 'N', help: 'count N days' }, verbose: { help: 'say more' } },
  words: { kind: 'none' },
} satisfies Command<{ days: { value: string; help: string }; verbose: { help: string } }>;

const ask = { ...report, run: 'npm run --silent ask --', words: { kind: 'many', name: 'QUESTION' } } as const;
const evaluate = { ...report, run: 'npm run eval --', words: { kind: 'one', name: 'FILE' } } as const;

const error = (message: string) => ({ kind: 'error', message });

describe('parseCommandLine', () => {
  it('gives a flag with a value as a string, a switch as a boolean, absent ones as undefined and false', () => {
    expect(parseCommandLine(report, ['--days', '7', '--verbose'])).toEqual({
      kind: 'run',
      values: { days: '7', verbose: true },
      words: [],
    });
    expect(parseCommandLine(report, ['--days=7'])).toMatchObject({ values: { days: '7', verbose: false } });
    expect(parseCommandLine(report, [])).toMatchObject({ values: { days: undefined, verbose: false } });
  });

  it('answers --help and -h with the help, whatever else is on the line', () => {
    for (const argv of [['--help'], ['-h'], ['--bogus', '--help']]) {
      expect(parseCommandLine(report, argv)).toEqual({ kind: 'help', text: helpText(report) });
    }
  });

  it('names each kind of mistake in one line, with the command as it was run and its options', () => {
    const options = '(options: --days N, --verbose, --help)';
    expect(parseCommandLine(report, ['--dyas', '7'])).toEqual(
      error(`npm run report: unknown option --dyas ${options}`),
    );
    expect(parseCommandLine(report, ['-d'])).toEqual(error(`npm run report: unknown option -d ${options}`));
    expect(parseCommandLine(report, ['--days'])).toEqual(
      error(`npm run report: --days needs a value (N) ${options}`),
    );
    expect(parseCommandLine(report, ['--days', '--verbose'])).toMatchObject(
      error(`npm run report: --days needs a value (N) ${options}`),
    );
    expect(parseCommandLine(report, ['--days='])).toMatchObject({ kind: 'error' });
    expect(parseCommandLine(report, ['--verbose=yes'])).toEqual(
      error(`npm run report: --verbose takes no value ${options}`),
    );
    expect(parseCommandLine(report, ['now'])).toEqual(
      error(`npm run report: unexpected argument "now": npm run report takes no words ${options}`),
    );
    expect(parseCommandLine(ask, ['--jsnol'])).toMatchObject({
      message: expect.stringMatching(/^npm run ask: unknown option --jsnol/),
    });
  });

  it('takes exactly one word where one is named, and any number where many are', () => {
    expect(parseCommandLine(evaluate, ['set.jsonl'])).toMatchObject({ kind: 'run', words: ['set.jsonl'] });
    expect(parseCommandLine(evaluate, [])).toMatchObject({
      message: expect.stringContaining('missing FILE'),
    });
    expect(parseCommandLine(evaluate, ['a', 'b'])).toMatchObject({
      message: expect.stringContaining('unexpected argument "b"'),
    });
    expect(parseCommandLine(ask, ['Kan', 'Malmö', 'söka?'])).toMatchObject({
      words: ['Kan', 'Malmö', 'söka?'],
    });
    // After `--`, a word that looks like a flag is a word.
    expect(parseCommandLine(ask, ['--', '--jsonl?'])).toMatchObject({ kind: 'run', words: ['--jsonl?'] });
  });
});

describe('helpText', () => {
  it('lists every flag of the table, aligned, with --help last', () => {
    expect(helpText(ask)).toBe(
      [
        'usage: npm run --silent ask -- [options] [QUESTION…]',
        '',
        'Prints usage.',
        '',
        'options:',
        '  --days N   count N days',
        '  --verbose  say more',
        '  --help     show this help and exit',
        '',
      ].join('\n'),
    );
  });
});
