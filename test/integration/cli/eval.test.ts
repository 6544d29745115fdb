// `npm run eval` grades in-process by default and through a command with --cmd: the two must print the
// same report, since the fixture tests trust the in-process path.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.ts';

const withoutTiming = (stdout: string) => stdout.replace(/; \d+ ms for the batch$/m, '');

describe('npm run eval', () => {
  it('grades the sample set and ends with the summary line of the shared grader', async () => {
    const run = await runCli('cli/eval.ts', ['test/fixtures/sample.jsonl']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    // The grades themselves depend on what the content says today: the question sets are graded on the
    // frozen content by test/unit/knowledge/engine.test.ts; here the report's shape is what is tested.
    expect(run.stdout).toMatch(/^amount {10} ?\d\/4$/m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^accuracy \d+\/40 \(\d+\.\d%\); false-eligible \d+; \d+ ms for the batch$/,
    );
  });

  it('prints the same report in-process as through `ask --jsonl` run as a command', async () => {
    const file = 'test/fixtures/sample.jsonl';
    const [inProcess, command] = await Promise.all([
      runCli('cli/eval.ts', [file]),
      runCli('cli/eval.ts', [file, '--cmd', 'node_modules/.bin/tsx cli/ask.ts --jsonl'], {
        timeoutMs: 30_000,
      }),
    ]);
    expect(command.code).toBe(0);
    expect(withoutTiming(command.stdout)).toBe(withoutTiming(inProcess.stdout));
  });

  it('says how many answers it expected when the command prints too few', async () => {
    const run = await runCli('cli/eval.ts', ['test/fixtures/sample.jsonl', '--cmd', 'head -c 0']);
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd()).toBe('accuracy 0/40 (0%); expected 40 JSON lines, got 0');
  });
});
