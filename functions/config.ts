// The one place the bot (functions/) and its CLIs (cli/) read process.env: the Lambdas' settings
// (loadAckConfig for the ack, loadConfig for the worker, once per cold start) and the admin CLI's
// (cliStoreSettings, cliUserHashSalt). Libraries read their own variables: Powertools its POWERTOOLS_*
// (log level, metrics on or off), the AWS SDK its AWS_* (region, credentials). The dev tooling
// (scripts/, bench/) sets up environments for the bot and reads its own few (PORT, the values it hands
// to serverless-offline). A missing value stops the function with a message that says which variable
// and where its value comes from, instead of a confusing failure at the first Slack request.

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
  /** Slack user ids (U…) allowed to read other people's questions on the App Home; often none. */
  adminUserIds: ReadonlySet<string>;
  /** The dead-letter queue for replies that could not be delivered; unset locally (they are logged). */
  undeliveredQueueUrl: string | undefined;
  /** The delay queue for replies Slack asked us to post later (deferral.ts); unset: such replies fail. */
  deferredQueueUrl: string | undefined;
  /** How long one second of Slack's Retry-After lasts here: 1000; tests shorten it. */
  retryAfterSecondMs: number;
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

/**
 * Reads SSM parameters by name, SecureStrings decrypted; the default uses Powertools. A parameter that
 * does not exist is left out of the result (the caller decides whether it was required); any other
 * failure (access denied, network) rejects.
 */
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
  ADMIN_USER_IDS:
    "the Slack user ids (U…, from the person's profile → ⋮ → Copy member ID) of the people allowed to read questions, comma-separated",
};

/** Values that may come from SSM instead: `<NAME>_PARAM` holds the parameter's name. */
const SECRETS = ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'USER_HASH_SALT'] as const;
/** Not secret, but kept in SSM so the admins can change without a redeploy; absent means no admin. */
const FROM_SSM = [...SECRETS, 'ADMIN_USER_IDS'] as const;
type FromSsm = (typeof FROM_SSM)[number];

function missing(name: string): ConfigError {
  const alt = (FROM_SSM as readonly string[]).includes(name)
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

function url(env: Env, name: string, example: string): string | undefined {
  const value = optional(env, name);
  if (value === undefined) return undefined;
  // "127.0.0.1:8000" is no URL, and "localhost:8000" is one whose scheme is "localhost:": both mean a
  // forgotten http://, which the SDK would report as a TypeError far from here.
  const scheme = URL.canParse(value) ? new URL(value).protocol : undefined;
  if (scheme !== 'http:' && scheme !== 'https:') {
    throw new ConfigError(`${name} must be an http:// or https:// URL such as ${example}, got "${value}".`);
  }
  return value;
}

const SLACK_USER_ID = /^[UW][A-Z0-9]+$/;

function userIds(env: Env, name: string): ReadonlySet<string> {
  const raw = optional(env, name);
  // SSM cannot hold an empty string: "none" (or "-") says "no admins" there.
  if (raw === undefined || raw === 'none' || raw === '-') return new Set();
  const ids = raw.split(/[\s,]+/).filter((id) => id !== '');
  const wrong = ids.filter((id) => !SLACK_USER_ID.test(id));
  if (wrong.length > 0) {
    throw new ConfigError(
      `${name} should list U… ids, but has "${wrong.join('", "')}". Get them from ${WHERE[name]}.`,
    );
  }
  return new Set(ids);
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

function milliseconds(env: Env, name: string, fallback: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 1000) {
    throw new ConfigError(`${name} must be a whole number of milliseconds from 1 to 1000, got "${raw}".`);
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

/** The worker's config: fills in secrets given as SSM parameter names, then validates everything. */
export async function loadConfig(
  env: Env = process.env,
  readSecrets: SecretReader = readFromSsm,
): Promise<Config> {
  return parse(await fromSsm(env, ['SLACK_BOT_TOKEN', 'USER_HASH_SALT', 'ADMIN_USER_IDS'], readSecrets));
}

/**
 * The environment with each of `names` that is not set but has a `<NAME>_PARAM` read from SSM, in one
 * call. A missing parameter is an error, except ADMIN_USER_IDS's: no parameter means no admin.
 */
async function fromSsm(env: Env, names: readonly FromSsm[], readSecrets: SecretReader): Promise<Env> {
  const wanted = names.filter((name) => !optional(env, name) && optional(env, `${name}_PARAM`));
  if (wanted.length === 0) return env;
  const parameters = wanted.map((name) => required(env, `${name}_PARAM`));
  let values: Record<string, string>;
  try {
    values = await readSecrets(parameters);
  } catch (cause) {
    // The parameter names are not secret and say what to fix; the SDK error (kept as the cause) says why.
    throw new ConfigError(
      `Could not read ${parameters.join(', ')} from SSM Parameter Store: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
  const resolved = { ...env };
  for (const name of wanted) {
    const parameter = required(env, `${name}_PARAM`);
    const value = values[parameter];
    if (value) resolved[name] = value;
    else if (name !== 'ADMIN_USER_IDS') {
      throw new ConfigError(`SSM parameter ${parameter} (${name}_PARAM) is empty or missing.`);
    }
  }
  return resolved;
}

/** The ack function's config: only the signing secret is secret, and it never sees the bot token. */
export async function loadAckConfig(
  env: Env = process.env,
  readSecrets: SecretReader = readFromSsm,
): Promise<AckConfig> {
  return parseAck(await fromSsm(env, ['SLACK_SIGNING_SECRET'], readSecrets));
}

const botUserId = (env: Env) =>
  matching(env, 'SLACK_BOT_USER_ID', SLACK_USER_ID, 'U… (the bot user id, not the B… bot id)');

/** Validates the ack function's environment (no SSM). */
export function parseAck(env: Env): AckConfig {
  return {
    signingSecret: required(env, 'SLACK_SIGNING_SECRET'),
    botUserId: botUserId(env),
    worker: {
      functionName: required(env, 'WORKER_FUNCTION_NAME'),
      endpoint: url(env, 'LAMBDA_ENDPOINT', 'http://127.0.0.1:3002'),
    },
  };
}

/** Validates an environment that already holds every value the worker needs (no SSM). */
export function parse(env: Env): Config {
  return {
    slack: {
      botToken: matching(env, 'SLACK_BOT_TOKEN', /^xox[bp]-/, 'xoxb-…'),
      botId: matching(env, 'SLACK_BOT_ID', /^B[A-Z0-9]+$/, 'B… (a bot id, not the U… user id)'),
      botUserId: botUserId(env),
      apiUrl: url(env, 'SLACK_API_URL', 'http://127.0.0.1:5000/api/'),
    },
    store: {
      tableName: required(env, 'TABLE_NAME'),
      endpoint: url(env, 'DYNAMODB_ENDPOINT', DYNAMODB_ENDPOINT_EXAMPLE),
      questionLogDays: positiveInteger(env, 'QUESTION_LOG_DAYS', 90),
    },
    userHashSalt: required(env, 'USER_HASH_SALT'),
    adminUserIds: userIds(env, 'ADMIN_USER_IDS'),
    // `log` (npm run dev): no queue, the worker logs the scrubbed record instead.
    undeliveredQueueUrl:
      optional(env, 'UNDELIVERED_QUEUE_URL') === 'log'
        ? undefined
        : url(env, 'UNDELIVERED_QUEUE_URL', 'https://sqs.eu-north-1.amazonaws.com/123456789012/undelivered'),
    // `log` (npm run dev): no delay queue, a reply Slack asks to post later is recorded as undelivered.
    deferredQueueUrl:
      optional(env, 'DEFERRED_QUEUE_URL') === 'log'
        ? undefined
        : url(env, 'DEFERRED_QUEUE_URL', 'https://sqs.eu-north-1.amazonaws.com/123456789012/deferred'),
    // Tests shorten Slack's seconds so a 30-s Retry-After can be shown without waiting 30 s.
    retryAfterSecondMs: milliseconds(env, 'RETRY_AFTER_SECOND_MS', 1000),
  };
}

const DYNAMODB_ENDPOINT_EXAMPLE = 'http://127.0.0.1:8000';
const DEFAULT_CLI_REGION = 'eu-north-1';

/** Where the admin CLI (npm run report) finds the table: locally, or in AWS with the caller's credentials. */
export interface CliStoreSettings {
  tableName: string;
  endpoint: string | undefined;
  region: string;
}

/** The admin CLI's table settings: TABLE_NAME, DYNAMODB_ENDPOINT and AWS_REGION (default eu-north-1). */
export function cliStoreSettings(env: Env = process.env): CliStoreSettings {
  const tableName = optional(env, 'TABLE_NAME');
  if (tableName === undefined) {
    throw new ConfigError(
      'TABLE_NAME is not set: name the DynamoDB table to report on, e.g.\n' +
        `  TABLE_NAME=bidrag-bot-dev DYNAMODB_ENDPOINT=${DYNAMODB_ENDPOINT_EXAMPLE} npm run report\n` +
        '(leave DYNAMODB_ENDPOINT unset to read the table in AWS with your usual credentials).',
    );
  }
  return {
    tableName,
    endpoint: url(env, 'DYNAMODB_ENDPOINT', DYNAMODB_ENDPOINT_EXAMPLE),
    region: optional(env, 'AWS_REGION') ?? DEFAULT_CLI_REGION,
  };
}

/**
 * The salt that hashes user ids in the question log, for the admin CLI: USER_HASH_SALT, or read from
 * SSM by the name in USER_HASH_SALT_PARAM (e.g. /bidrag-bot/prod/user-hash-salt) with the caller's
 * credentials.
 */
export async function cliUserHashSalt(
  env: Env = process.env,
  readSecrets: SecretReader = readFromSsm,
): Promise<string> {
  return required(await fromSsm(env, ['USER_HASH_SALT'], readSecrets), 'USER_HASH_SALT');
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
  // throwOnError false only affects parameters that do not exist (left out, so the caller can say which);
  // access and network errors still reject. Powertools passes no abortSignal to the SDK, so the overall
  // deadline is a race.
  const deadline = AbortSignal.timeout(SSM.deadlineMs);
  const read = provider.getParametersByName<string>(Object.fromEntries(names.map((name) => [name, {}])), {
    decrypt: true,
    throwOnError: false,
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
