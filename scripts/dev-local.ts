// What `npm run dev` and `npm run dev:say` agree on without talking: the local stand-in values for the
// Slack settings, and where the stack and its Slack stand-in listen. No secrets: anything real comes
// from the environment.

export const HOST = '127.0.0.1';

/**
 * Local stand-ins, none of them a secret: anything real comes from the environment. The token has
 * Slack's shape so Bolt accepts it, but Slack would reject it.
 */
export const LOCAL_DEFAULTS = {
  SLACK_SIGNING_SECRET: 'local-dev-signing-secret-not-real',
  SLACK_BOT_TOKEN: 'xoxb-local-dev-not-real',
  SLACK_BOT_ID: 'B0LOCALDEV',
  SLACK_BOT_USER_ID: 'U0LOCALDEV',
  USER_HASH_SALT: 'local-dev-salt-not-real',
} as const;

export type SlackVar = keyof typeof LOCAL_DEFAULTS;

/** A Slack setting from the environment, or its local stand-in. */
export const slackSetting = (env: NodeJS.ProcessEnv, name: SlackVar): string =>
  env[name] || LOCAL_DEFAULTS[name];

/** A mistake in the environment or the command line: said in one line, without a stack trace. */
export class DevSetupError extends Error {
  override name = 'DevSetupError';
}

/** The port a variable names; unset or empty: `fallback` (0 lets the OS choose). */
export function parsePort(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const value = env[variable];
  if (!value) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new DevSetupError(`${variable} must be a TCP port number (1-65535), got "${value}".`);
  }
  return port;
}

/** The stack's HTTP port: PORT, default 3000. */
export const devPort = (env: NodeJS.ProcessEnv): number => parsePort(env, 'PORT', 3000);

/** The Slack stand-in's port: SLACK_STAND_IN_PORT, default the one after PORT, so dev:say finds it. */
export const standInPort = (env: NodeJS.ProcessEnv): number =>
  parsePort(env, 'SLACK_STAND_IN_PORT', devPort(env) + 1);

/**
 * Whether `npm run dev` plays Slack itself: unless SLACK_API_URL says where Slack is, or a bot token
 * from a real app is given (then the Web API calls go to Slack, as with a tunnel).
 */
export const wantsStandIn = (env: NodeJS.ProcessEnv): boolean => !env.SLACK_API_URL && !env.SLACK_BOT_TOKEN;
