import { Logger } from '@aws-lambda-powertools/logger';

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

function code(error: Error): string | undefined {
  const value = (error as { code?: unknown }).code;
  return typeof value === 'string' ? value : undefined;
}

/** An error's name, code and message (redacted), and its cause's: what a log line needs to say why. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: typeof error };
  const cause = error.cause instanceof Error ? error.cause : undefined;
  return {
    error: error.name,
    code: code(error),
    detail: redact(error.message).slice(0, 300),
    ...(cause
      ? { cause: cause.name, causeCode: code(cause), causeDetail: redact(cause.message).slice(0, 300) }
      : {}),
  };
}
