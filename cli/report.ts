// `npm run report`: usage stats of the bot's table, as plain-text tables.
// First, before anything loads the AWS SDK (a side-effect import: import sorting keeps it in place).
import './quiet-aws-sdk.ts';
import { createDynamoStore } from '../functions/store/dynamo.ts';
import { commandLine, exitWithUsageError } from './args.ts';
import { parseEndpoint } from './endpoint.ts';
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
  },
  words: { kind: 'none' },
  more: [
    'environment:',
    '  TABLE_NAME         the DynamoDB table, e.g. bidrag-bot-prod (required)',
    '  DYNAMODB_ENDPOINT  a local store, e.g. the one `npm run dev` prints; unset: AWS itself',
    '  AWS_REGION         default eu-north-1; AWS credentials as usual (AWS_PROFILE, …)',
    'example:',
    '  TABLE_NAME=bidrag-bot-prod npm run report -- --days 7',
  ],
});

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const days = values.days === undefined ? DEFAULT_DAYS : Number(values.days);
if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
  exitWithUsageError(
    `npm run report: --days must be a whole number from 1 to ${MAX_DAYS}, got "${values.days}"`,
  );
}

const tableName = process.env.TABLE_NAME;
if (!tableName) {
  fail(
    'TABLE_NAME is not set: name the DynamoDB table to report on, e.g.\n' +
      '  TABLE_NAME=bidrag-bot-prod npm run report      (the table in AWS, with your usual credentials)\n' +
      '`npm run dev` prints the command for its local table, with its DYNAMODB_ENDPOINT.',
  );
}
const rawEndpoint = process.env.DYNAMODB_ENDPOINT || undefined;
const parsed = rawEndpoint === undefined ? undefined : parseEndpoint(rawEndpoint);
if (parsed && 'error' in parsed) fail(parsed.error);
const endpoint = parsed?.url;
const region = process.env.AWS_REGION || 'eu-north-1';
const where = endpoint ?? `AWS ${region}`;

const store = createDynamoStore({ tableName, endpoint, region, statsDays: days, ...CLIENT_TIMEOUTS });
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
