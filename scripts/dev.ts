/**
 * `npm run dev`: the whole bot on this machine in one command. An in-memory dynalite on loopback with
 * the table made by the store's own ensureTable, and serverless-offline serving POST /slack/events (the
 * function's ack) and the Invoke of itself that answers, from the same esbuild bundle that ships.
 * Ctrl-C stops both.
 *
 * Environment: PORT (HTTP, default 3000), LAMBDA_PORT (the Lambda API the ack invokes the function
 * through) and DYNALITE_PORT (default: any free port), and DYNAMODB_ENDPOINT to use another store
 * instead of starting dynalite (its table is made if missing).
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
import { createDynamoClient, ensureTable } from '../functions/store/dynamo-sdk.ts';

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

/** A mistake in the environment: `main` prints its message alone, without a stack trace. */
class DevSetupError extends Error {
  override name = 'DevSetupError';
}

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

/** The port a variable names; unset or empty: `fallback` (0 lets the OS choose). */
function parsePort(variable: string, fallback: number): number {
  const value = process.env[variable];
  if (!value) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new DevSetupError(`${variable} must be a TCP port number (1-65535), got "${value}".`);
  }
  return port;
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
  const port = parsePort('PORT', 3000);
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
        // The ack hands work to the function itself through serverless-offline's Lambda API, which runs
        // InvocationType Event (202) but has no retries or on-failure destination.
        LAMBDA_ENDPOINT: `http://${HOST}:${lambdaPort}`,
        BUNDLE_WORK_FOLDER: workFolder,
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
  printBanner(port, dynamo, defaulted);
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

function printBanner(
  port: number,
  store: { endpoint: string; external: boolean },
  defaulted: string[],
): void {
  const url = `http://${HOST}:${port}/slack/events`;
  const lines = [
    '',
    `Slack bot (local stack) ready: POST ${url}`,
    store.external
      ? `  DynamoDB: DYNAMODB_ENDPOINT ${store.endpoint}, table ${TABLE_NAME}`
      : `  DynamoDB: dynalite in memory at ${store.endpoint}, table ${TABLE_NAME}`,
    `  Usage report: TABLE_NAME=${TABLE_NAME} DYNAMODB_ENDPOINT=${store.endpoint} npm run report`,
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
  // A setup mistake is said in one line; anything else keeps its stack, as it is a bug to report.
  console.error(error instanceof DevSetupError ? error.message : error);
  process.exit(1);
});
