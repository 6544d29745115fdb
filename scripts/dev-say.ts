/**
 * `npm run dev:say -- "Kan Malmö söka?"`: asks the running `npm run dev` stack a question the way Slack
 * would, and prints the bot's reply. It sends a signed `app_mention` (or, with --dm, a direct message) to
 * the stack's POST /slack/events, then reads the reply back from the stack's Slack stand-in. The request
 * is the one the tests send (test/support/slack.ts), signed with the stack's signing secret.
 *
 * Environment: PORT and SLACK_STAND_IN_PORT as given to `npm run dev` (defaults 3000 and PORT + 1), and
 * SLACK_SIGNING_SECRET and SLACK_BOT_USER_ID if `npm run dev` was given them.
 * Exit status: 0 a reply, 1 no stack, refused or no reply, 2 bad usage.
 */
import { postSigned } from '../test/support/dev-stack.ts';
import type { SlackCall } from '../test/support/fake-slack.ts';
import { CHANNEL_ID, DM_CHANNEL_ID, signedEvent } from '../test/support/slack.ts';
import { DevSetupError, devPort, HOST, slackSetting, standInPort } from './dev-local.ts';

const USAGE = `usage: npm run dev:say -- [--dm] "question"
  Sends the question to the running \`npm run dev\` as a signed mention of the bot in a channel
  (--dm: as a direct message), and prints the bot's reply.
  Start \`npm run dev\` in another terminal first; give dev:say the same PORT, SLACK_STAND_IN_PORT
  and SLACK_SIGNING_SECRET as that terminal, if you set them there.`;
const REPLY_TIMEOUT_MS = 20_000;

interface Calls {
  next: number;
  calls: SlackCall[];
}

/** A message timestamp no earlier dev:say used: the stack answers each Slack message once. */
function freshTs(): string {
  const now = Date.now();
  return `${Math.floor(now / 1000)}.${String((now % 1000) * 1000 + Math.floor(Math.random() * 1000)).padStart(6, '0')}`;
}

async function standInCalls(port: number, from: number): Promise<Calls> {
  try {
    const response = await fetch(`http://${HOST}:${port}/_calls?from=${from}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as Calls;
  } catch (error) {
    throw new DevSetupError(
      `No Slack stand-in of \`npm run dev\` answers on ${HOST}:${port}. Start \`npm run dev\` in another ` +
        'terminal (without SLACK_API_URL or a real SLACK_BOT_TOKEN), and give dev:say the same PORT and ' +
        'SLACK_STAND_IN_PORT.',
      { cause: error },
    );
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const dm = argv.includes('--dm');
  const flag = argv.find((a) => a.startsWith('-') && a !== '--dm');
  if (flag) {
    console.error(`dev:say: unknown option ${flag}; run with --help`);
    return 2;
  }
  const question = argv
    .filter((a) => a !== '--dm')
    .join(' ')
    .trim();
  if (!question) {
    console.error('dev:say: no question given; e.g. npm run dev:say -- "Kan Malmö söka?"');
    return 2;
  }

  const port = devPort(process.env);
  const slackPort = standInPort(process.env);
  const before = await standInCalls(slackPort, 0);
  const ts = freshTs();
  const botUserId = slackSetting(process.env, 'SLACK_BOT_USER_ID');
  const channel = dm ? DM_CHANNEL_ID : CHANNEL_ID;
  const request = signedEvent(
    dm ? { type: 'message', text: question, ts } : { text: `<@${botUserId}> ${question}`, ts },
    { secret: slackSetting(process.env, 'SLACK_SIGNING_SECRET') },
  );
  let status: number;
  try {
    status = (await postSigned(port, request)).status;
  } catch (error) {
    throw new DevSetupError(
      `Nothing answers on http://${HOST}:${port}/slack/events: is \`npm run dev\` running with this PORT?`,
      { cause: error },
    );
  }
  if (status === 401)
    throw new DevSetupError(
      'The stack refused the signature (401): give dev:say the same SLACK_SIGNING_SECRET as `npm run dev`.',
    );
  if (status !== 200) throw new DevSetupError(`The stack answered HTTP ${status} instead of 200.`);

  // The ack answers first; the worker posts the reply a moment later.
  let from = before.next;
  const deadline = Date.now() + REPLY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { next, calls } = await standInCalls(slackPort, from);
    from = next;
    const reply = calls.find(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.channel === channel &&
        (dm ? c.args.thread_ts === undefined : c.args.thread_ts === ts),
    );
    if (reply) {
      console.log(typeof reply.args.text === 'string' ? reply.args.text : JSON.stringify(reply.args));
      return 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new DevSetupError(
    `No reply within ${REPLY_TIMEOUT_MS / 1000} s; the \`npm run dev\` terminal says what happened.`,
  );
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof DevSetupError ? `dev:say: ${error.message}` : error);
    process.exitCode = 1;
  },
);
