// The one place that reads process.env. Read once per cold start; a missing value stops the function
// with a message that says which variable and where its value comes from, instead of a confusing
// failure at the first Slack request.

/** Everything the worker needs (the function that answers), validated. Secrets included: never log this. */
export interface Config {
  slack: {
    botToken: string;
    botId: string;
    botUserId: string;
    /** Base URL for every Web API call; unset means Slack itself. */
    apiUrl: string | undefined;
  };
  store: {
    tableName: string;
    /** e.g. http://127.0.0.1:8000 for dynalite; unset in AWS. */
    endpoint: string | undefined;
    questionLogDays: number;
  };
  userHashSalt: string;
  /** The dead-letter queue for replies that could not be delivered; unset locally (they are logged). */
  undeliveredQueueUrl: string | undefined;
}

/** Everything the ack function (Slack's HTTP endpoint) needs: it verifies, validates and hands over. */
export interface AckConfig {
  signingSecret: string;
  botUserId: string;
  worker: {
    /** The worker Lambda's name, for the asynchronous Invoke. */
    functionName: string;
    /** The Lambda API to call; unset in AWS, serverless-offline's or a test's in local runs. */
    endpoint: string | undefined;
  };
}

/** A variable is missing or malformed; the message says which one and where to find its value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads SecureString parameters by name, decrypted; the default uses Powertools (cached per cold start). */
export type SecretReader = (names: string[]) => Promise<Record<string, string>>;

type Env = Record<string, string | undefined>;

const WHERE: Record<string, string> = {
  SLACK_SIGNING_SECRET:
    'Slack app settings (api.slack.com/apps → your app) → Basic Information → App Credentials → Signing Secret',
  SLACK_BOT_TOKEN:
    'Slack app settings → OAuth & Permissions → Bot User OAuth Token (xoxb-…), after installing the app',
  SLACK_BOT_ID: 'the "bot_id" (B…) that auth.test returns for the bot token',
  SLACK_BOT_USER_ID: 'the "user_id" (U…) that auth.test returns for the bot token',
  TABLE_NAME: 'the DynamoDB table name (serverless.yml sets it; locally, any name: npm run dev creates it)',
  USER_HASH_SALT: 'a long random string you create once, e.g. `openssl rand -hex 32`; keep it secret',
  WORKER_FUNCTION_NAME: "the worker Lambda's name (serverless.yml sets it: <service>-<stage>-worker)",
};

/** Secrets that may come from SSM instead: `<NAME>_PARAM` holds the parameter's name. */
const SECRETS = ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'USER_HASH_SALT'] as const;

function missing(name: string): ConfigError {
  const alt = (SECRETS as readonly string[]).includes(name)
    ? ` (or set ${name}_PARAM to the name of an SSM SecureString parameter holding it)`
    : '';
  return new ConfigError(`${name} is not set${alt}. Get it from ${WHERE[name] ?? 'the deployment'}.`);
}

function required(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw missing(name);
  return value;
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function url(env: Env, name: string): string | undefined {
  const value = optional(env, name);
  if (value === undefined) return undefined;
  try {
    new URL(value);
  } catch {
    throw new ConfigError(
      `${name} must be an absolute URL such as http://127.0.0.1:5000/api/, got "${value}".`,
    );
  }
  return value;
}

function positiveInteger(env: Env, name: string, fallback: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new ConfigError(`${name} must be a whole number of days (1 or more), got "${raw}".`);
  }
  return value;
}

function matching(env: Env, name: string, pattern: RegExp, shape: string): string {
  const value = required(env, name);
  if (!pattern.test(value)) {
    throw new ConfigError(`${name} should look like ${shape}. Get it from ${WHERE[name]}.`);
  }
  return value;
}

type Secret = (typeof SECRETS)[number];

/** The environment with the named secrets filled in from SSM where only their `_PARAM` is set. */
async function withSecrets(env: Env, wanted: readonly Secret[], readSecrets: SecretReader): Promise<Env> {
  const fromSsm = wanted.filter((name) => !optional(env, name) && optional(env, `${name}_PARAM`));
  if (fromSsm.length === 0) return env;
  const names = fromSsm.map((name) => required(env, `${name}_PARAM`));
  let values: Record<string, string>;
  try {
    values = await readSecrets(names);
  } catch (error) {
    // The parameter names are not secret and say what to fix; the SDK error says why.
    throw new ConfigError(
      `Could not read ${names.join(', ')} from SSM Parameter Store: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const resolved = { ...env };
  for (const name of fromSsm) {
    const parameter = required(env, `${name}_PARAM`);
    const value = values[parameter];
    if (!value) throw new ConfigError(`SSM parameter ${parameter} (${name}_PARAM) is empty or missing.`);
    resolved[name] = value;
  }
  return resolved;
}

/** The worker's config: fills in secrets given as SSM parameter names, then validates everything. */
export async function loadConfig(
  env: Env = process.env,
  readSecrets: SecretReader = readFromSsm,
): Promise<Config> {
  return parse(await withSecrets(env, ['SLACK_BOT_TOKEN', 'USER_HASH_SALT'], readSecrets));
}

/** The ack function's config: only the signing secret is secret, and it never sees the bot token. */
export async function loadAckConfig(
  env: Env = process.env,
  readSecrets: SecretReader = readFromSsm,
): Promise<AckConfig> {
  return parseAck(await withSecrets(env, ['SLACK_SIGNING_SECRET'], readSecrets));
}

const botUserId = (env: Env) =>
  matching(env, 'SLACK_BOT_USER_ID', /^[UW][A-Z0-9]+$/, 'U… (the bot user id, not the B… bot id)');

/** Validates the ack function's environment (no SSM). */
export function parseAck(env: Env): AckConfig {
  return {
    signingSecret: required(env, 'SLACK_SIGNING_SECRET'),
    botUserId: botUserId(env),
    worker: { functionName: required(env, 'WORKER_FUNCTION_NAME'), endpoint: url(env, 'LAMBDA_ENDPOINT') },
  };
}

/** Validates an environment that already holds every value the worker needs (no SSM). */
export function parse(env: Env): Config {
  return {
    slack: {
      botToken: matching(env, 'SLACK_BOT_TOKEN', /^xox[bp]-/, 'xoxb-…'),
      botId: matching(env, 'SLACK_BOT_ID', /^B[A-Z0-9]+$/, 'B… (a bot id, not the U… user id)'),
      botUserId: botUserId(env),
      apiUrl: url(env, 'SLACK_API_URL'),
    },
    store: {
      tableName: required(env, 'TABLE_NAME'),
      endpoint: url(env, 'DYNAMODB_ENDPOINT'),
      questionLogDays: positiveInteger(env, 'QUESTION_LOG_DAYS', 90),
    },
    userHashSalt: required(env, 'USER_HASH_SALT'),
    // `log` (npm run dev): no queue, the worker logs the scrubbed record instead.
    undeliveredQueueUrl:
      optional(env, 'UNDELIVERED_QUEUE_URL') === 'log' ? undefined : url(env, 'UNDELIVERED_QUEUE_URL'),
  };
}

/** How long a cold start may wait for SSM: each attempt is capped, and so is the whole read. */
const SSM = { connectionTimeoutMs: 1_000, requestTimeoutMs: 1_500, maxAttempts: 2, deadlineMs: 3_500 };

async function readFromSsm(names: string[]): Promise<Record<string, string>> {
  // Imported on demand: local runs and tests give the secrets directly and never load the SSM client.
  const { SSMProvider } = await import('@aws-lambda-powertools/parameters/ssm');
  // The SDK's defaults have no request timeout and three attempts: a slow SSM would hold every cold start
  // up to the Lambda timeout. Two short attempts, then give up (the next request tries again).
  const provider = new SSMProvider({
    clientConfig: {
      maxAttempts: SSM.maxAttempts,
      requestHandler: {
        connectionTimeout: SSM.connectionTimeoutMs,
        requestTimeout: SSM.requestTimeoutMs,
        throwOnRequestTimeout: true,
      },
    },
  });
  // One GetParameters call for all names; the default cache (5 s) does not matter, config is read once.
  // Powertools passes no abortSignal to the SDK, so the overall deadline is a race.
  const deadline = AbortSignal.timeout(SSM.deadlineMs);
  const read = provider.getParametersByName<string>(Object.fromEntries(names.map((name) => [name, {}])), {
    decrypt: true,
    throwOnError: true,
  });
  const timedOut = new Promise<never>((_, reject) => {
    deadline.addEventListener('abort', () => reject(new Error(`no answer within ${SSM.deadlineMs} ms`)), {
      once: true,
    });
  });
  const values = await Promise.race([read, timedOut]);
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = values[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}
