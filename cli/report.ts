// `npm run report`: usage stats of the bot's table, as plain-text tables; `--forget U…` deletes one
// person's questions and votes (cli/forget.ts).
// First, before anything loads the AWS SDK (a side-effect import: import sorting keeps it in place).
import './quiet-aws-sdk.ts';
import { type CliStoreSettings, ConfigError, cliStoreSettings } from '../functions/config.ts';
import { createSdkDynamoStore } from '../functions/store/dynamo-sdk.ts';
import { commandLine, exitWithUsageError } from './args.ts';
import { forget } from './forget.ts';
import { formatReport } from './report-format.ts';

// A human waits here, not Slack: allow a slow network, but do not hang on a dead endpoint.
const CLIENT_TIMEOUTS = { connectionTimeoutMs: 3_000, requestTimeoutMs: 10_000, maxAttempts: 2 };
const DEFAULT_DAYS = 30;
/** Stats read one query per month of the period: ten years is plenty, and bounds a typo like 300000. */
const MAX_DAYS = 3660;

const { values } = commandLine({
  run: 'npm run report --',
  about: 'Prints how the bot has been used: questions, the share answered, intents, the latest unanswered.',
  // One line per flag: the parser and --help both come from this table.
  flags: {
    days: { value: 'N', help: `count the last N days (UTC), 1–${MAX_DAYS}; default ${DEFAULT_DAYS}` },
    forget: {
      value: 'U…',
      help: "delete one person's questions and votes (needs USER_HASH_SALT or USER_HASH_SALT_PARAM)",
    },
  },
  words: { kind: 'none' },
  more: [
    'environment:',
    '  TABLE_NAME         the DynamoDB table, e.g. bidrag-bot-prod (required)',
    '  DYNAMODB_ENDPOINT  a local store, e.g. the one `npm run dev` prints; unset: AWS itself',
    '  AWS_REGION         default eu-north-1; AWS credentials as usual (AWS_PROFILE, …)',
    'examples:',
    '  TABLE_NAME=bidrag-bot-prod npm run report -- --days 7',
    '  TABLE_NAME=bidrag-bot-prod USER_HASH_SALT_PARAM=/bidrag-bot/prod/user-hash-salt npm run report -- --forget U0123ABCD',
  ],
});

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** A ConfigError's message is written for the user; anything else gets its name and message. */
function failure(error: unknown): never {
  if (error instanceof ConfigError) fail(error.message);
  fail(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}

if (values.forget !== undefined) {
  process.stdout.write(`${await forget(values.forget).catch(failure)}\n`);
  process.exit(0);
}

const days = values.days === undefined ? DEFAULT_DAYS : Number(values.days);
if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
  exitWithUsageError(
    `npm run report: --days must be a whole number from 1 to ${MAX_DAYS}, got "${values.days}"`,
  );
}

let settings: CliStoreSettings;
try {
  settings = cliStoreSettings();
} catch (error) {
  failure(error);
}
const { tableName, endpoint, region } = settings;
const where = endpoint ?? `AWS ${region}`;

// The SDK's client: an admin runs this with their own credentials (profile, SSO), which it finds.
const store = createSdkDynamoStore({ tableName, endpoint, region, statsDays: days, ...CLIENT_TIMEOUTS });
try {
  process.stdout.write(formatReport(await store.stats(), tableName));
} catch (error) {
  const name = error instanceof Error ? error.name : 'Error';
  if (name === 'ResourceNotFoundException') {
    fail(`Table ${tableName} does not exist at ${where}. Check TABLE_NAME and DYNAMODB_ENDPOINT.`);
  }
  const detail = error instanceof Error ? error.message : String(error);
  fail(`Could not read table ${tableName} at ${where}: ${name}: ${detail}`);
}
