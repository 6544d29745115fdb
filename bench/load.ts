// Load, in-process: 500 distinct signed mentions at concurrency 10, 50 and 100 through the real ack and
// the real worker (driven in this process: serverless-offline would start a worker thread per busy
// request, which on 2 cores measures the machine, not the bot, and answers 200 when its own timeout hits).
// Counts what Slack would see: replies, duplicates, refusals (5xx: Slack retries those) and lost ones
// (a 200 and never a reply: nothing would ever retry them); and times the ack and the reply.
// test/reliability/load.test.ts runs a smaller burst() and holds it to the same promises.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { FakeSlack } from '../test/support/fake-slack.ts';
import { BOT_USER_ID, CHANNEL_ID, nextTs, signedEvent } from '../test/support/slack.ts';
import { benchStack } from './stack.ts';
import { printTable, summarise } from './table.ts';

const MESSAGES = 500;
const QUESTIONS = [
  'Kan Malmö söka bidraget?',
  'Hur mycket avsätts 2019?',
  'Vem fördelar pengarna?',
  'Kan Lund söka?',
];

/** What a burst needs: the ack, a way to wait for the workers, and the Slack stand-in. */
export interface BurstTarget {
  ack(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2>;
  lambda: { idle(): Promise<void> };
  slack: FakeSlack;
}

/** What Slack would have seen of one burst. */
export interface BurstResult {
  sent: number;
  replies: number;
  /** Replies beyond the first to one message. */
  duplicates: number;
  /** Messages the ack answered with a 5xx (Slack retries those). */
  refused: number;
  /** Of those, the ones never answered. */
  refusedUnanswered: number;
  /** Answered 200 and never replied to: nothing would retry them. */
  lost: number;
  /** Their timestamps, to look them up in the logs. */
  lostTs: string[];
  /** Statuses other than 200 and 5xx. */
  other: number[];
  ackMs: number[];
  replyMs: number[];
  seconds: number;
}

/** Sends `messages` distinct mentions, `concurrency` at a time, and counts the replies per message. */
export async function burst(
  stack: BurstTarget,
  { concurrency, messages }: { concurrency: number; messages: number },
): Promise<BurstResult> {
  stack.slack.reset();
  const sent = new Map<string, number>();
  const ackMs: number[] = [];
  const refused = new Set<string>();
  const other: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < messages) {
      const i = next++;
      const ts = nextTs();
      const event = signedEvent({ text: `<@${BOT_USER_ID}> ${QUESTIONS[i % QUESTIONS.length]}`, ts });
      const t0 = Date.now();
      sent.set(ts, t0);
      const response = await stack.ack(event);
      ackMs.push(Date.now() - t0);
      const status = response.statusCode ?? 0;
      if (status >= 500) refused.add(ts);
      else if (status !== 200) other.push(status);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  await stack.lambda.idle();
  const seconds = (performance.now() - started) / 1000;
  const byTs = new Map<string, number[]>();
  for (const call of stack.slack.callsTo('chat.postMessage')) {
    if (call.args.channel !== CHANNEL_ID) continue;
    const ts = String(call.args.thread_ts);
    byTs.set(ts, [...(byTs.get(ts) ?? []), call.at]);
  }
  const result: BurstResult = {
    sent: sent.size,
    replies: 0,
    duplicates: 0,
    refused: refused.size,
    refusedUnanswered: 0,
    lost: 0,
    lostTs: [],
    other,
    ackMs,
    replyMs: [],
    seconds,
  };
  for (const [ts, t0] of sent) {
    const posts = byTs.get(ts) ?? [];
    if (posts.length === 0) {
      if (refused.has(ts)) result.refusedUnanswered += 1;
      else {
        result.lost += 1;
        result.lostTs.push(ts);
      }
    } else {
      result.replies += 1;
      result.duplicates += posts.length - 1;
      result.replyMs.push(Math.min(...posts) - t0);
    }
  }
  return result;
}

/** Runs the load benchmark and prints its table. */
export async function run(): Promise<void> {
  const stack = await benchStack();
  const rows: (string | number)[][] = [];
  try {
    for (const concurrency of [10, 50, 100]) {
      const r = await burst(stack, { concurrency, messages: MESSAGES });
      if (r.other.length > 0) throw new Error(`unexpected statuses under load: ${r.other.join(', ')}`);
      const a = summarise(r.ackMs);
      const d = summarise(r.replyMs);
      rows.push([
        concurrency,
        r.sent,
        r.replies,
        r.duplicates,
        r.refused,
        r.refusedUnanswered,
        r.lost,
        a.median,
        a.p99,
        d.median,
        d.p99,
        (r.sent / r.seconds).toFixed(0),
      ]);
    }
  } finally {
    await stack.lambda.idle();
  }
  printTable(
    `Load, in-process: ${MESSAGES} distinct mentions through ack → worker (ms; real dynalite, loopback Slack)`,
    [
      'concurrency',
      'sent',
      'replies',
      'duplicates',
      '5xx',
      '5xx, no reply',
      'lost (200, no reply)',
      'ack median',
      'ack p99',
      'reply median',
      'reply p99',
      'msg/s',
    ],
    rows,
  );
}
