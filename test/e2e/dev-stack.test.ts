/**
 * The local stack end to end: `npm run dev` as a child process (esbuild bundle in serverless-offline,
 * dynalite), real HTTP requests signed as Slack signs them, and a stand-in Slack Web API on loopback
 * reached through SLACK_API_URL. Stopped the way a person stops it: SIGINT to the process group.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { closedPort } from '../support/net.ts';
import { BOT_ID, BOT_USER_ID, signedCommand, signedEvent } from '../support/slack.ts';

const ROOT = join(import.meta.dirname, '..', '..');
// Test values only, never real: the stack gets them from its environment like a developer's shell.
const SECRET = 'e2e-signing-secret';
const START_TIMEOUT_MS = 120_000;

/** What the builders give: an API Gateway event; over HTTP only its body and headers travel. */
interface SignedRequest {
  body?: string;
  headers: Record<string, string | undefined>;
}

let slack: FakeSlack;
let stack: ChildProcess;
let port: number;
let output = '';

async function post(request: SignedRequest, extraHeaders: Record<string, string> = {}): Promise<Response> {
  const headers = Object.fromEntries(
    Object.entries({ ...request.headers, ...extraHeaders }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers,
    body: request.body ?? '',
  });
}

/** The replies the stand-in Slack API received in one channel. */
const repliesIn = (channel: string) =>
  slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

/**
 * Waits until `count()` reaches `want`: the ack answers first and the worker (another serverless-offline
 * function, invoked asynchronously) posts afterwards. Then waits once more as long as that took, so a
 * duplicate that was on its way would be seen too.
 */
async function settled(count: () => number, want: number, limitMs = 20_000): Promise<number> {
  const started = Date.now();
  while (count() < want && Date.now() - started < limitMs) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, Math.min(2_000, Date.now() - started + 200)));
  return count();
}

function accepts(portNumber: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(portNumber, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

beforeAll(async () => {
  slack = await startFakeSlack();
  port = await closedPort();
  // detached: its own process group, so the test can send SIGINT to all of it, as Ctrl-C does.
  stack = spawn('npm', ['run', 'dev'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-e2e-not-real',
      SLACK_BOT_ID: BOT_ID,
      SLACK_BOT_USER_ID: BOT_USER_ID,
      SLACK_API_URL: slack.apiUrl,
    },
  });
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready: POST')) resolve();
    };
    stack.stdout?.on('data', onData);
    stack.stderr?.on('data', onData);
    stack.once('exit', (code) => reject(new Error(`npm run dev exited early (${code}):\n${output}`)));
  });
  await ready;
}, START_TIMEOUT_MS);

afterAll(async () => {
  if (stack?.pid !== undefined && stack.exitCode === null && stack.signalCode === null) {
    const exited = new Promise((resolve) => stack.once('exit', resolve));
    process.kill(-stack.pid, 'SIGINT');
    const timer = setTimeout(() => stack.pid !== undefined && process.kill(-stack.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  await slack?.close();
}, 20_000);

describe('npm run dev', () => {
  it('prints the local URL and how to expose it to Slack', () => {
    expect(output).toContain(`http://127.0.0.1:${port}/slack/events`);
    expect(output).toMatch(/tunnel/);
    expect(output).not.toContain(SECRET);
  });

  it('answers a mention in the thread of the message, through SLACK_API_URL', async () => {
    const request = signedEvent(
      { type: 'app_mention', text: `<@${BOT_USER_ID}> Kan Malmö söka bidraget?`, channel: 'C0E2EMENTION' },
      { secret: SECRET },
    );
    const response = await post(request);
    expect(response.status).toBe(200);
    // The ack answered; the worker posts the reply through serverless-offline's asynchronous Invoke.
    expect(await settled(() => repliesIn('C0E2EMENTION').length, 1)).toBe(1);
    const [reply] = repliesIn('C0E2EMENTION');
    const ts = JSON.parse(request.body ?? '{}').event.ts;
    expect(reply?.args).toMatchObject({ channel: 'C0E2EMENTION', thread_ts: ts });
    expect(String(reply?.args.text)).toMatch(/Malmö/);
  });

  it('answers a direct message in the DM', async () => {
    const request = signedEvent(
      { type: 'message', channel_type: 'im', channel: 'D0E2EDM', text: 'Hur mycket får Malmö?' },
      { secret: SECRET },
    );
    expect((await post(request)).status).toBe(200);
    expect(await settled(() => repliesIn('D0E2EDM').length, 1)).toBe(1);
  });

  it('acknowledges /bidrag at once and answers privately through its response_url', async () => {
    const responses = () => slack.callsTo('response_url').filter((c) => c.path === '/response/e2e-cmd');
    const response = await post(
      signedCommand(
        { text: 'Kan Malmö söka bidraget?', response_url: slack.responseUrl('e2e-cmd') },
        { secret: SECRET },
      ),
    );
    expect(response.status).toBe(200);
    expect(await settled(() => responses().length, 1)).toBe(1);
    expect(responses()[0]?.args.response_type).toBe('ephemeral');
    expect(String(responses()[0]?.args.text)).toMatch(/Malmö/);
  });

  it('answers a message once when Slack retries it (X-Slack-Retry-Num)', async () => {
    const first = signedEvent(
      { type: 'app_mention', text: `<@${BOT_USER_ID}> Vilka kommuner får bidraget?`, channel: 'C0E2ERETRY' },
      { secret: SECRET },
    );
    const ts = JSON.parse(first.body ?? '{}').event.ts as string;
    const retry = signedEvent(
      {
        type: 'app_mention',
        text: `<@${BOT_USER_ID}> Vilka kommuner får bidraget?`,
        channel: 'C0E2ERETRY',
        ts,
      },
      { secret: SECRET, retryNum: 1 },
    );
    expect((await post(first)).status).toBe(200);
    expect((await post(retry)).status).toBe(200);
    expect(await settled(() => repliesIn('C0E2ERETRY').length, 1)).toBe(1);
  });

  it('rejects a request signed with another secret with 401 and posts nothing', async () => {
    const before = slack.calls.length;
    const forged = signedEvent(
      { type: 'app_mention', text: `<@${BOT_USER_ID}> Kan Malmö söka bidraget?`, channel: 'C0E2EFORGED' },
      { secret: 'not-the-signing-secret' },
    );
    expect((await post(forged)).status).toBe(401);
    expect(await settled(() => slack.calls.length, before + 1, 500)).toBe(before);
  });

  it('stops everything on Ctrl-C (SIGINT to the process group)', async () => {
    const { pid } = stack;
    if (pid === undefined) throw new Error('npm run dev has no pid');
    const exited = new Promise<number | null>((resolve) => stack.once('exit', resolve));
    process.kill(-pid, 'SIGINT');
    await exited;
    expect(await accepts(port)).toBe(false);
  }, 20_000);
});
