// Bolt's and the Web API client's logger, forwarded to Powertools. Apart from logger.ts so that the ack
// function, which never loads Bolt, does not import it for an enum.
import type { Logger } from '@aws-lambda-powertools/logger';
import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import { logger as functionLogger, redact } from './logger.ts';

function line(parts: unknown[]): string {
  return redact(
    parts
      .map((part) => (part instanceof Error ? `${part.name}: ${part.message}` : String(part)))
      .join(' ')
      .slice(0, 1_000),
  );
}

/** Bolt's and the Web API client's logger, forwarded to Powertools without their debug output. */
export function boltLogger(target: Logger = functionLogger): SlackLogger {
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
