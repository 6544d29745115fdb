import { parseArgs } from 'node:util';
import { type CliStoreSettings, ConfigError, cliStoreSettings } from '../functions/config.ts';
import { createDynamoStore } from '../functions/store/dynamo.ts';
import { forget } from './forget.ts';
import { formatReport } from './report-format.ts';

// A human waits here, not Slack: allow a slow network, but do not hang on a dead endpoint.
const CLIENT_TIMEOUTS = { connectionTimeoutMs: 3_000, requestTimeoutMs: 10_000, maxAttempts: 2 };

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** A ConfigError's message is written for the user; anything else gets its name and message. */
function failure(error: unknown): never {
  if (error instanceof ConfigError) fail(error.message);
  fail(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { days: { type: 'string', default: '30' }, forget: { type: 'string' } },
  });
  if (values.forget !== undefined) {
    process.stdout.write(`${await forget(values.forget).catch(failure)}\n`);
    return;
  }
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1)
    fail(`--days must be a whole number of days, got "${values.days}".`);

  let settings: CliStoreSettings;
  try {
    settings = cliStoreSettings();
  } catch (error) {
    failure(error);
  }
  const { tableName, endpoint, region } = settings;
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
