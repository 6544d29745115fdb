/**
 * The local stack end to end: `npm run dev` as a child process (esbuild bundle in serverless-offline,
 * dynalite), real HTTP requests signed as Slack signs them, and a stand-in Slack Web API on loopback
 * reached through SLACK_API_URL. Stopped the way a person stops it: SIGINT to the process group.
 */
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevStack, postSigned, type SignedRequest, startDevStack } from '../support/dev-stack.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { closedPort } from '../support/net.ts';
import { BOT_ID, BOT_USER_ID, signedCommand, signedEvent } from '../support/slack.ts';

const ROOT = join(import.meta.dirname, '..', '..');
// Test values only, never real: the stack gets them from its environment like a developer's shell.
const SECRET = 'e2e-signing-secret';
const START_TIMEOUT_MS = 120_000;

let slack: FakeSlack;
let dev: DevStack;
let port: number;
let dynalitePort: number;
let lambdaPort: number;
let output = '';

const post = (request: SignedRequest, extraHeaders: Record<string, string> = {}) =>
  postSigned(port, request, extraHeaders);

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
  dynalitePort = await closedPort();
  lambdaPort = await closedPort();
  dev = await startDevStack({
    PORT: String(port),
    DYNALITE_PORT: String(dynalitePort),
    LAMBDA_PORT: String(lambdaPort),
    DYNAMODB_ENDPOINT: undefined,
    // Unset as in a developer's shell (vitest sets it for the tests): the scripts must silence it themselves.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-e2e-not-real',
    SLACK_BOT_ID: BOT_ID,
    SLACK_BOT_USER_ID: BOT_USER_ID,
    SLACK_API_URL: slack.apiUrl,
  });
  output = dev.output();
}, START_TIMEOUT_MS);

afterAll(async () => {
  await dev?.stop();
  await slack?.close();
}, 20_000);

describe('npm run dev', () => {
  it('prints the local URL and how to expose it to Slack', () => {
    expect(output).toContain(`http://127.0.0.1:${port}/slack/events`);
    expect(output).toMatch(/tunnel/);
    expect(output).not.toContain(SECRET);
    expect(output).not.toContain('NodeVersionSupportWarning');
  });

  it('listens on the ports DYNALITE_PORT and LAMBDA_PORT name', async () => {
    expect(output).toContain(`dynalite in memory at http://127.0.0.1:${dynalitePort}`);
    expect(await accepts(dynalitePort)).toBe(true);
    expect(await accepts(lambdaPort)).toBe(true);
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

  it('answers a follow-up in a thread from the thread\'s context: "@bot och 2019?"', async () => {
    const channel = 'C0E2ETHREAD';
    const question = signedEvent(
      { type: 'app_mention', text: `<@${BOT_USER_ID}> Vem fördelar pengarna 2018?`, channel },
      { secret: SECRET },
    );
    const root = JSON.parse(question.body ?? '{}').event.ts as string;
    expect((await post(question)).status).toBe(200);
    expect(await settled(() => repliesIn(channel).length, 1)).toBe(1);
    const followUp = signedEvent(
      { type: 'app_mention', text: `<@${BOT_USER_ID}> och 2019?`, channel, thread_ts: root },
      { secret: SECRET },
    );
    expect((await post(followUp)).status).toBe(200);
    expect(await settled(() => repliesIn(channel).length, 2)).toBe(2);
    const [, reply] = repliesIn(channel);
    expect(reply?.args.thread_ts).toBe(root);
    expect(String(reply?.args.text)).toMatch(/Delegationen mot segregation/);
  });

  it('answers a follow-up in a DM from the DM\'s context: "och för Malmö?" after an amount', async () => {
    const channel = 'D0E2EFOLLOW';
    const dm = (text: string) =>
      signedEvent({ type: 'message', channel_type: 'im', channel, text }, { secret: SECRET });
    expect((await post(dm('Hur mycket avsätts 2019?'))).status).toBe(200);
    expect(await settled(() => repliesIn(channel).length, 1)).toBe(1);
    expect((await post(dm('och för Malmö?'))).status).toBe(200);
    expect(await settled(() => repliesIn(channel).length, 2)).toBe(2);
    const reply = String(repliesIn(channel)[1]?.args.text);
    expect(reply).toMatch(/Malmö/);
    // The release gives no amount per municipality, and the answer says so.
    expect(reply).toMatch(/framgår inte/);
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

  it('prints the report command for its own table, and that command reports what the stack logged', async () => {
    const command = /Usage report: (.+)$/m.exec(output)?.[1] ?? '';
    expect(command).toBe(
      `TABLE_NAME=bidrag-bot-dev DYNAMODB_ENDPOINT=http://127.0.0.1:${dynalitePort} npm run report`,
    );
    // Run as a person would paste it, in a shell.
    const { stdout, stderr } = await promisify(execFile)('bash', ['-c', command], {
      cwd: ROOT,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined },
      timeout: 30_000,
    });
    expect(stdout).toMatch(/^questions\s+[1-9]\d*$/m);
    expect(stderr).not.toMatch(/NodeVersionSupportWarning/);
  }, 30_000);

  it('stops everything on Ctrl-C (SIGINT to the process group)', async () => {
    // By hand, not dev.stop(): that falls back to SIGKILL, which would hide a stack that ignores Ctrl-C.
    const { child } = dev;
    if (child.pid === undefined) throw new Error('npm run dev has no pid');
    const { pid } = child;
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    process.kill(-pid, 'SIGINT');
    await exited;
    expect(await accepts(port)).toBe(false);
  }, 20_000);
});
