/**
 * `npm run dev`: the whole bot on this machine in one command. An in-memory dynalite on loopback with
 * the table made by the store's own ensureTable, and serverless-offline serving POST /slack/events (the
 * ack function) and the worker it invokes, from the same esbuild bundle that ships. Ctrl-C stops both.
 *
 * Environment: PORT (HTTP, default 3000), LAMBDA_PORT (the Lambda API the ack invokes the worker
 * through) and DYNALITE_PORT (default: any free port), and DYNAMODB_ENDPOINT to use another store
 * instead of starting dynalite (its table is made if missing). Unless SLACK_API_URL or a real
 * SLACK_BOT_TOKEN is given, a stand-in of Slack's Web API on SLACK_STAND_IN_PORT (default PORT + 1)
 * takes the bot's replies and prints them here: no Slack workspace and no network needed.
 */
// First, before anything loads the AWS SDK (a side-effect import: import sorting keeps it in place).
import '../cli/quiet-aws-sdk.ts';
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import dynalite from 'dynalite';
import { parseEndpoint } from '../cli/endpoint.ts';
import { createDynamoClient, ensureTable } from '../functions/store/dynamo.ts';
import { type FakeSlack, type SlackCall, startFakeSlack } from '../test/support/fake-slack.ts';
import {
  DevSetupError,
  devPort,
  HOST,
  LOCAL_DEFAULTS,
  parsePort as portFrom,
  type SlackVar,
  standInPort,
  wantsStandIn,
} from './dev-local.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAGE = 'dev';
/** serverless.yml names the table `${service}-${stage}` and gives the function that name. */
const TABLE_NAME = `bidrag-bot-${STAGE}`;
/** How long serverless-offline may take to bundle and listen before we give up. */
const START_TIMEOUT_MS = 90_000;

/** EADDRINUSE as the one line a person needs; any other error as it is. */
function inUse(error: unknown, port: number, variable: string): unknown {
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') return error;
  return new DevSetupError(
    `Port ${port} on ${HOST} is in use (another \`npm run dev\`?). Stop what listens there, or choose ` +
      `another port: ${variable}=${port + 1} npm run dev`,
    { cause: error },
  );
}

/**
 * Takes `port` (0: any free one) for a moment and gives it back: the port the OS says is free right now.
 * A port in use is a DevSetupError naming the variable that chose it, found before serverless-offline
 * starts, so its own long error dump never comes first.
 */
async function claimPort(port: number, variable: string): Promise<number> {
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, HOST, resolve);
    });
  } catch (error) {
    throw inUse(error, port, variable);
  }
  const { port: claimed } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return claimed;
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, HOST);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function startDynalite(port: number): Promise<{ server: Server; endpoint: string }> {
  // Zero delays: the table is ACTIVE at once. No `path`: in memory, gone on exit.
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(inUse(error, port, 'DYNALITE_PORT')));
    server.listen(port, HOST, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return { server, endpoint: `http://${HOST}:${address.port}` };
}

const parsePort = (variable: string, fallback: number) => portFrom(process.env, variable, fallback);

/** The replies the bot sends, as a person would read them in Slack. */
const REPLIES = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'response_url']);

/** Prints what the bot sent to the stand-in: a reply with its text, anything else as one line. */
function printCall(call: SlackCall): void {
  const where = [call.args.channel, call.args.thread_ts && `thread ${call.args.thread_ts}`].filter(Boolean);
  if (!REPLIES.has(call.method)) {
    console.log(`[slack stand-in] ${call.method}${where.length ? ` (${where.join(', ')})` : ''}`);
    return;
  }
  const text = typeof call.args.text === 'string' ? call.args.text : '(no text)';
  console.log(
    `[slack stand-in] ${call.method}${where.length ? ` in ${where.join(', ')}` : ''}:\n${text.replace(/^/gm, '  ')}`,
  );
}

/** The Slack stand-in on its port, or a DevSetupError naming the variable when the port is taken. */
async function startStandIn(): Promise<FakeSlack> {
  const port = standInPort(process.env);
  try {
    return await startFakeSlack({ port, onCall: printCall });
  } catch (error) {
    throw inUse(error, port, 'SLACK_STAND_IN_PORT');
  }
}

/** Where the stack keeps its data: another store if DYNAMODB_ENDPOINT names one, else a new dynalite. */
async function startStore(): Promise<{ endpoint: string; external: boolean; close(): Promise<void> }> {
  const configured = process.env.DYNAMODB_ENDPOINT;
  if (configured) {
    const parsed = parseEndpoint(configured);
    if ('error' in parsed) throw new DevSetupError(parsed.error);
    if (process.env.DYNALITE_PORT) {
      throw new DevSetupError(
        'DYNALITE_PORT and DYNAMODB_ENDPOINT are both set: dynalite starts only without DYNAMODB_ENDPOINT.',
      );
    }
    return { endpoint: parsed.url, external: true, close: async () => {} };
  }
  const { server, endpoint } = await startDynalite(parsePort('DYNALITE_PORT', 0));
  return {
    endpoint,
    external: false,
    close: async () => {
      // Keep-alive sockets would hold close() open indefinitely.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function main(): Promise<void> {
  const port = devPort(process.env);
  // Checked before anything starts, so a taken port is the only thing said.
  await claimPort(port, 'PORT');
  const lambdaPort = await claimPort(parsePort('LAMBDA_PORT', 0), 'LAMBDA_PORT');
  const slack = Object.fromEntries(
    (Object.keys(LOCAL_DEFAULTS) as SlackVar[]).map((name) => [
      name,
      process.env[name] || LOCAL_DEFAULTS[name],
    ]),
  ) as Record<SlackVar, string>;
  const defaulted = (Object.keys(LOCAL_DEFAULTS) as SlackVar[]).filter((name) => !process.env[name]);
  const standIn = wantsStandIn(process.env) ? await startStandIn() : undefined;

  const dynamo = await startStore();
  const admin = createDynamoClient({ endpoint: dynamo.endpoint });
  try {
    await ensureTable(admin, TABLE_NAME);
  } catch (error) {
    await dynamo.close();
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new DevSetupError(`Could not make table ${TABLE_NAME} at ${dynamo.endpoint}: ${detail}`, {
      cause: error,
    });
  } finally {
    admin.destroy();
  }

  // Each local stack bundles into a folder of its own (see infra/esbuild.cjs), removed on exit.
  const workFolder = join('.esbuild', `dev-${process.pid}`);
  const params = [
    `--param=slackBotId=${slack.SLACK_BOT_ID}`,
    `--param=slackBotUserId=${slack.SLACK_BOT_USER_ID}`,
    // No SQS locally: the worker logs what it could not deliver (serverless.yml, UNDELIVERED_QUEUE_URL).
    '--param=undeliveredQueueUrl=log',
    // No delay queue locally either: a reply Slack asks to post later is recorded as undelivered.
    '--param=deferredQueueUrl=log',
    ...(process.env.QUESTION_LOG_DAYS ? [`--param=questionLogDays=${process.env.QUESTION_LOG_DAYS}`] : []),
  ];
  const sls = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'osls', 'bin', 'serverless.js'),
      'offline',
      'start',
      `--stage=${STAGE}`,
      `--host=${HOST}`,
      `--httpPort=${port}`,
      `--lambdaPort=${lambdaPort}`,
      // The function's environment is what serverless.yml declares (table name, bot IDs) on top of
      // this process's: that is how the secrets, SLACK_API_URL and DYNAMODB_ENDPOINT reach it.
      '--localEnvironment',
      '--noPrependStageInUrl',
      '--noSponsor',
      ...params,
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        ...slack,
        // No admin unless named: otherwise the function would look for ADMIN_USER_IDS_PARAM in SSM.
        ADMIN_USER_IDS: process.env.ADMIN_USER_IDS || 'none',
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        // The ack function hands work to the worker through serverless-offline's Lambda API, which runs
        // InvocationType Event (202) but has no retries or on-failure destination.
        LAMBDA_ENDPOINT: `http://${HOST}:${lambdaPort}`,
        BUNDLE_WORK_FOLDER: workFolder,
        ...(standIn ? { SLACK_API_URL: standIn.apiUrl } : {}),
      },
    },
  );

  // One shutdown, however many signals arrive: Ctrl-C signals the whole process group (npm, tsx, this
  // process, serverless-offline), and npm or tsx may follow up with SIGTERM while we are cleaning up.
  let stopping: Promise<never> | undefined;
  const stop = (code: number): Promise<never> =>
    (stopping ??= (async () => {
      await stopChild(sls);
      await dynamo.close();
      await standIn?.close();
      rmSync(join(ROOT, workFolder), { recursive: true, force: true });
      process.exit(code);
    })());
  // Ctrl-C reaches the whole process group; serverless-offline halts on its own, we wait and clean up.
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  sls.once('exit', (code) => {
    if (stopping === undefined) {
      console.error(`serverless-offline exited (code ${code}); is port ${port} free?`);
      void stop(code ?? 1);
    }
  });

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await listening(port))) {
    if (Date.now() > deadline) {
      console.error(
        `serverless-offline did not listen on ${HOST}:${port} within ${START_TIMEOUT_MS / 1000} s`,
      );
      await stop(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  printBanner(port, dynamo, defaulted, standIn);
}

/** Asks the child to stop like Ctrl-C would, and makes sure it is gone. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The variables dev:say needs to find this stack, when they are not the defaults. */
function sayPrefix(port: number): string {
  const vars = [
    port === 3000 ? '' : `PORT=${port}`,
    process.env.SLACK_STAND_IN_PORT ? `SLACK_STAND_IN_PORT=${process.env.SLACK_STAND_IN_PORT}` : '',
    process.env.SLACK_SIGNING_SECRET ? 'SLACK_SIGNING_SECRET=…' : '',
  ].filter(Boolean);
  return vars.length ? `${vars.join(' ')} ` : '';
}

function printBanner(
  port: number,
  store: { endpoint: string; external: boolean },
  defaulted: string[],
  standIn: FakeSlack | undefined,
): void {
  const url = `http://${HOST}:${port}/slack/events`;
  const lines = [
    '',
    `Slack bot (local stack) ready: POST ${url}`,
    store.external
      ? `  DynamoDB: DYNAMODB_ENDPOINT ${store.endpoint}, table ${TABLE_NAME}`
      : `  DynamoDB: dynalite in memory at ${store.endpoint}, table ${TABLE_NAME}`,
    `  Usage report: TABLE_NAME=${TABLE_NAME} DYNAMODB_ENDPOINT=${store.endpoint} npm run report`,
    standIn
      ? `  Slack Web API: a stand-in at ${standIn.apiUrl}; the bot's replies are printed here`
      : `  Slack Web API: ${process.env.SLACK_API_URL || 'https://slack.com/api/ (SLACK_API_URL unset)'}`,
    defaulted.length > 0
      ? `  Local stand-ins (not secrets, Slack will not accept them) for: ${defaulted.join(', ')}`
      : '  Slack variables: all from the environment',
    ...(standIn
      ? [
          '',
          'Ask it as Slack would, from another terminal:',
          `  ${sayPrefix(port)}npm run dev:say -- "Kan Malmö söka?"          (a mention; --dm for a direct message)`,
        ]
      : []),
    '',
    'To let Slack reach it, expose the port through a tunnel, e.g.',
    `  cloudflared tunnel --url http://${HOST}:${port}     or     ngrok http ${port}`,
    'and set https://<tunnel-host>/slack/events as the Request URL for Event Subscriptions,',
    'Interactivity and the /bidrag command (infra/slack-app-manifest.yml). For that, run with the',
    "app's SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_BOT_ID and SLACK_BOT_USER_ID, and SLACK_API_URL unset.",
    'Ctrl-C stops everything.',
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  // A setup mistake is said in one line; anything else keeps its stack, as it is a bug to report.
  console.error(error instanceof DevSetupError ? error.message : error);
  process.exit(1);
});
