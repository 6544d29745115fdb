import { parseArgs } from 'node:util';
import { createDynamoStore } from '../functions/store/dynamo.ts';
import { formatReport } from './report-format.ts';

// A human waits here, not Slack: allow a slow network, but do not hang on a dead endpoint.
const CLIENT_TIMEOUTS = { connectionTimeoutMs: 3_000, requestTimeoutMs: 10_000, maxAttempts: 2 };

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { days: { type: 'string', default: '30' } } });
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1)
    fail(`--days must be a whole number of days, got "${values.days}".`);

  const tableName = process.env.TABLE_NAME;
  if (!tableName) {
    fail(
      'TABLE_NAME is not set: name the DynamoDB table to report on, e.g.\n' +
        '  TABLE_NAME=bidrag-bot-dev DYNAMODB_ENDPOINT=http://127.0.0.1:8000 npm run report\n' +
        '(leave DYNAMODB_ENDPOINT unset to read the table in AWS with your usual credentials).',
    );
  }
  const endpoint = process.env.DYNAMODB_ENDPOINT || undefined;
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
}

await main();
