// Load, in-process: 500 distinct signed mentions at concurrency 10, 50 and 100 through the real ack and
// the real worker (driven in this process: serverless-offline would start a worker thread per busy
// request, which on 2 cores measures the machine, not the bot, and answers 200 when its own timeout hits).
// Counts what Slack would see: replies, duplicates, refusals (5xx: Slack retries those) and lost ones
// (a 200 and never a reply: nothing would ever retry them); and times the ack and the reply.
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

/** Runs the load benchmark and prints its table. */
export async function run(): Promise<void> {
  const stack = await benchStack();
  const rows: (string | number)[][] = [];
  try {
    for (const concurrency of [10, 50, 100]) {
      stack.slack.reset();
      const sent = new Map<string, number>();
      const acks: number[] = [];
      const refused = new Set<string>();
      const other: number[] = [];
      let next = 0;
      const started = performance.now();
      const lane = async () => {
        while (next < MESSAGES) {
          const i = next++;
          const ts = nextTs();
          const event = signedEvent({ text: `<@${BOT_USER_ID}> ${QUESTIONS[i % QUESTIONS.length]}`, ts });
          const t0 = Date.now();
          sent.set(ts, t0);
          const response = await stack.ack(event);
          acks.push(Date.now() - t0);
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
      let replies = 0;
      let duplicates = 0;
      let lost = 0;
      let refusedUnanswered = 0;
      const latencies: number[] = [];
      for (const [ts, t0] of sent) {
        const posts = byTs.get(ts) ?? [];
        if (posts.length === 0) {
          if (refused.has(ts)) refusedUnanswered += 1;
          else lost += 1;
        } else {
          replies += 1;
          duplicates += posts.length - 1;
          latencies.push(Math.min(...posts) - t0);
        }
      }
      const a = summarise(acks);
      const r = summarise(latencies);
      if (other.length > 0) throw new Error(`unexpected statuses under load: ${other.join(', ')}`);
      rows.push([
        concurrency,
        MESSAGES,
        replies,
        duplicates,
        refused.size,
        refusedUnanswered,
        lost,
        a.median,
        a.p99,
        r.median,
        r.p99,
        (MESSAGES / seconds).toFixed(0),
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
