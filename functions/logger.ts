import { Logger } from '@aws-lambda-powertools/logger';
import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';

/** The `service` field of every log line and the dimension of every metric; serverless.yml's `service`. */
export const SERVICE_NAME = 'bidrag-bot';

/**
 * The function's structured JSON logger; callers log ids and outcomes, never tokens, secrets or raw user
 * ids. Powertools reads POWERTOOLS_LOG_LEVEL itself; the service name is fixed here, not read from the
 * environment, so local runs and Lambda log the same name.
 */
export const logger = new Logger({ serviceName: SERVICE_NAME });

// Slack tokens have a recognisable shape; a stray one in an error message must not reach CloudWatch.
const TOKEN = /xox[a-z]-[A-Za-z0-9-]+/g;
// Slack user ids (U…/W…) are personal data in the question log's sense; logs carry hashes or nothing.
const USER_ID = /\b[UW][A-Z0-9]{8,}\b/g;

/** Removes token- and user-id-shaped substrings from a log line. */
export function redact(text: string): string {
  return text.replace(TOKEN, 'xox?-[redacted]').replace(USER_ID, '[user]');
}

function line(parts: unknown[]): string {
  return redact(
    parts
      .map((part) => (part instanceof Error ? `${part.name}: ${part.message}` : String(part)))
      .join(' ')
      .slice(0, 1_000),
  );
}

/** Bolt's and the Web API client's logger, forwarded to Powertools without their debug output. */
export function boltLogger(target: Logger = logger): SlackLogger {
  let level = LogLevel.INFO;
  return {
    // Bolt's debug lines dump whole requests (user ids, message text, Slack's verification token): never forwarded.
    debug: () => undefined,
    info: (...parts: unknown[]) => target.info(line(parts)),
    warn: (...parts: unknown[]) => target.warn(line(parts)),
    error: (...parts: unknown[]) => target.error(line(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
