// Replies that could not be delivered go to the dead-letter queue (infra/queue.yml), so an operator can
// see what was lost and answer by hand: where to answer, what was asked with personal data removed, and
// why it failed. Never the raw text, never a user id. Locally (no queue URL) the record is logged.
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { WorkKind } from './inbound.ts';
import { describeError, logger } from './logger.ts';
import { scrubPersonalData } from './privacy.ts';

/** One undelivered reply as it lands in the queue. */
export interface UndeliveredRecord {
  kind: WorkKind;
  /** Where the reply should have gone (channel and thread), for an operator's manual answer. */
  channel: string | undefined;
  threadTs: string | undefined;
  /** The question with personal identity numbers, phone numbers, e-mail addresses and mentions removed. */
  question: string;
  /** Why, e.g. "chat.postMessage failed after 4 attempts: slack_webapi_http_error". */
  reason: string;
  /** Whether the short apology reached the thread. */
  apologised: boolean;
  at: string;
}

export type UndeliveredSink = (record: Omit<UndeliveredRecord, 'at'>) => Promise<void>;

let sqs:
  | Promise<{ client: SQSClient; Send: typeof import('@aws-sdk/client-sqs').SendMessageCommand }>
  | undefined;

async function queueClient() {
  // Only a failed reply needs it: imported then, never at a cold start.
  const { SQSClient, SendMessageCommand } = await import('@aws-sdk/client-sqs');
  return {
    client: new SQSClient({
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true },
    }),
    Send: SendMessageCommand,
  };
}

/** Sends scrubbed records to `queueUrl`, or logs them when there is none; never throws. */
export function undeliveredSink(queueUrl: string | undefined): UndeliveredSink {
  return async (input) => {
    const record: UndeliveredRecord = {
      ...input,
      question: scrubPersonalData(input.question),
      at: new Date().toISOString(),
    };
    if (queueUrl === undefined) {
      logger.error('Reply undelivered (no queue configured: logged instead)', { undelivered: record });
      return;
    }
    try {
      sqs ??= queueClient();
      const { client, Send } = await sqs;
      await client.send(new Send({ QueueUrl: queueUrl, MessageBody: JSON.stringify(record) }));
      logger.error('Reply undelivered: sent to the dead-letter queue', {
        kind: record.kind,
        reason: record.reason,
      });
    } catch (error) {
      // The queue is the last resort; the log line is what is left.
      logger.error('Reply undelivered and the dead-letter queue refused it', {
        undelivered: record,
        ...describeError(error),
      });
    }
  };
}
