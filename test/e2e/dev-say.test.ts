/**
 * A newcomer tries the Slack app without Slack: `npm run dev` with no Slack settings at all starts its own
 * stand-in of Slack's Web API on loopback, and `npm run dev:say -- "…"` asks a question as a signed
 * mention (or a DM) and prints the reply, which the dev terminal prints too. Nothing leaves the machine.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../knowledge/engine.ts';
import { type DevStack, startDevStack } from '../support/dev-stack.ts';
import { closedPort } from '../support/net.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let dev: DevStack;
let ports: { PORT: string; SLACK_STAND_IN_PORT: string };
/** What a newcomer's shell has: none of the Slack settings, no store, no ports chosen. */
const NEWCOMER = {
  SLACK_SIGNING_SECRET: undefined,
  SLACK_BOT_TOKEN: undefined,
  SLACK_BOT_ID: undefined,
  SLACK_BOT_USER_ID: undefined,
  SLACK_API_URL: undefined,
  USER_HASH_SALT: undefined,
  DYNAMODB_ENDPOINT: undefined,
  DYNALITE_PORT: undefined,
  LAMBDA_PORT: undefined,
};

/** `npm run dev:say -- …args` in the newcomer's shell, to its exit. */
async function say(args: string[], env: Record<string, string | undefined> = ports) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'dev:say', '--', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...NEWCOMER, ...env },
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

beforeAll(async () => {
  // Free ports, as the newcomer's defaults (3000 and 3001) may be taken on this machine.
  ports = { PORT: String(await closedPort()), SLACK_STAND_IN_PORT: String(await closedPort()) };
  dev = await startDevStack({ ...NEWCOMER, ...ports });
}, 120_000);

afterAll(async () => {
  await dev?.stop();
}, 20_000);

describe('npm run dev with no Slack settings, and npm run dev:say', () => {
  it('starts a Slack stand-in on loopback and says how to ask it', () => {
    const output = dev.output();
    expect(output).toContain(
      `Slack Web API: a stand-in at http://127.0.0.1:${ports.SLACK_STAND_IN_PORT}/api/`,
    );
    expect(output).toContain('npm run dev:say -- "Kan Malmö söka?"');
  });

  it('shows the reply to a mention in the dev:say terminal and in the dev terminal', async () => {
    const question = 'Kan Malmö söka?';
    const answer = createEngine().answer(question).text;
    const run = await say([question]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(answer);
    expect(run.stdout).toMatch(/_Källa: /);
    expect(dev.output()).toContain(`[slack stand-in] chat.postMessage in C0CHANNEL01, thread `);
    expect(dev.output()).toContain(`  ${answer.split('\n')[0]}`);
  }, 60_000);

  it('sends a direct message with --dm and shows the reply given in the DM', async () => {
    const run = await say(['--dm', 'Who distributes the money?']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(createEngine().answer('Who distributes the money?').text);
    expect(dev.output()).toContain('[slack stand-in] chat.postMessage in D0DIRECT001:');
  }, 60_000);

  it('answers each dev:say once, also the same question asked again', async () => {
    const first = await say(['Hur mycket får Malmö?']);
    const again = await say(['Hur mycket får Malmö?']);
    expect(first.code).toBe(0);
    expect(again).toMatchObject({ code: 0, stdout: first.stdout });
  }, 60_000);

  it('never tries to reach the real Slack', () => {
    expect(dev.output()).not.toMatch(/ENOTFOUND|slack\.com|EAI_AGAIN/);
  });

  it('says in one line what to do when no npm run dev is running there', async () => {
    const run = await say(['Kan Malmö söka?'], {
      PORT: String(await closedPort()),
      SLACK_STAND_IN_PORT: String(await closedPort()),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^dev:say: No Slack stand-in of `npm run dev` answers on 127\.0\.0\.1:\d+\. Start `npm run dev`/,
    );
  });

  it('names a bad option and a missing question, exit status 2', async () => {
    expect(await say(['--loud', 'hej'])).toMatchObject({
      code: 2,
      stderr: 'dev:say: unknown option --loud; run with --help\n',
    });
    expect((await say([])).code).toBe(2);
    expect((await say(['--help'])).stdout).toMatch(/^usage: npm run dev:say -- \[--dm\] "question"/);
  });
});
