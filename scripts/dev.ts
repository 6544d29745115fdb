/**
 * `npm run dev`: the whole bot on this machine in one command. An in-memory dynalite on loopback with
 * the table made by the store's own ensureTable, and serverless-offline serving POST /slack/events (the
 * ack function) and the worker it invokes, from the same esbuild bundle that ships. Ctrl-C stops both.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import dynalite from 'dynalite';
import { createDynamoClient, ensureTable } from '../functions/store/dynamo.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';
const STAGE = 'dev';
/** serverless.yml names the table `${service}-${stage}` and gives the function that name. */
const TABLE_NAME = `bidrag-bot-${STAGE}`;
/** How long serverless-offline may take to bundle and listen before we give up. */
const START_TIMEOUT_MS = 90_000;

/**
 * Local stand-ins, none of them a secret: anything real comes from the environment. The token has
 * Slack's shape so Bolt accepts it, but Slack would reject it.
 */
const LOCAL_DEFAULTS = {
  SLACK_SIGNING_SECRET: 'local-dev-signing-secret-not-real',
  SLACK_BOT_TOKEN: 'xoxb-local-dev-not-real',
  SLACK_BOT_ID: 'B0LOCALDEV',
  SLACK_BOT_USER_ID: 'U0LOCALDEV',
  USER_HASH_SALT: 'local-dev-salt-not-real',
} as const;

type SlackVar = keyof typeof LOCAL_DEFAULTS;

/** A port the OS says is free right now (serverless-offline insists on a Lambda port of its own). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
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

async function startDynalite(): Promise<{ server: Server; endpoint: string }> {
  // Zero delays: the table is ACTIVE at once. No `path`: in memory, gone on exit.
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, endpoint: `http://${HOST}:${port}` };
}

function parsePort(value: string | undefined): number {
  const port = Number(value ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`PORT must be a TCP port number (1-65535), got "${value}".`);
  }
  return port;
}

async function main(): Promise<void> {
  const port = parsePort(process.env.PORT);
  const slack = Object.fromEntries(
    (Object.keys(LOCAL_DEFAULTS) as SlackVar[]).map((name) => [
      name,
      process.env[name] || LOCAL_DEFAULTS[name],
    ]),
  ) as Record<SlackVar, string>;
  const defaulted = (Object.keys(LOCAL_DEFAULTS) as SlackVar[]).filter((name) => !process.env[name]);

  const dynamo = await startDynalite();
  const admin = createDynamoClient({ endpoint: dynamo.endpoint });
  await ensureTable(admin, TABLE_NAME);
  admin.destroy();

  // Each local stack bundles into a folder of its own (see infra/esbuild.cjs), removed on exit.
  const workFolder = join('.esbuild', `dev-${process.pid}`);
  const lambdaPort = await freePort();
  const params = [
    `--param=slackBotId=${slack.SLACK_BOT_ID}`,
    `--param=slackBotUserId=${slack.SLACK_BOT_USER_ID}`,
    // No SQS locally: the worker logs what it could not deliver (serverless.yml, UNDELIVERED_QUEUE_URL).
    '--param=undeliveredQueueUrl=log',
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
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        // The ack function hands work to the worker through serverless-offline's Lambda API, which runs
        // InvocationType Event (202) but has no retries or on-failure destination.
        LAMBDA_ENDPOINT: `http://${HOST}:${lambdaPort}`,
        BUNDLE_WORK_FOLDER: workFolder,
        // Node 20 here, Node 22 on Lambda: the SDK's upgrade notice is noise for local runs.
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    },
  );

  // One shutdown, however many signals arrive: Ctrl-C signals the whole process group (npm, tsx, this
  // process, serverless-offline), and npm or tsx may follow up with SIGTERM while we are cleaning up.
  let stopping: Promise<never> | undefined;
  const stop = (code: number): Promise<never> =>
    (stopping ??= (async () => {
      await stopChild(sls);
      // Keep-alive sockets would hold close() open indefinitely.
      dynamo.server.closeAllConnections();
      await new Promise((resolve) => dynamo.server.close(resolve));
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
  printBanner(port, dynamo.endpoint, defaulted);
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

function printBanner(port: number, dynamoEndpoint: string, defaulted: string[]): void {
  const url = `http://${HOST}:${port}/slack/events`;
  const lines = [
    '',
    `Slack bot (local stack) ready: POST ${url}`,
    `  DynamoDB: dynalite in memory at ${dynamoEndpoint}, table ${TABLE_NAME}`,
    `  Slack Web API: ${process.env.SLACK_API_URL || 'https://slack.com/api/ (SLACK_API_URL unset)'}`,
    defaulted.length > 0
      ? `  Local stand-ins (not secrets, Slack will not accept them) for: ${defaulted.join(', ')}`
      : '  Slack variables: all from the environment',
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
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
