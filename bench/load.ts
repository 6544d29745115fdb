// Load, in-process: 500 distinct signed mentions at concurrency 10 and 20 through the real ack and the
// real worker (driven in this process: serverless-offline would start a worker thread per busy request,
// which on 2 cores measures the machine, not the bot). Counts what Slack would see: replies, duplicates,
// lost; and times the ack's 200 and the reply's arrival at the stand-in.
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
    for (const concurrency of [10, 20]) {
      stack.slack.reset();
      const sent = new Map<string, number>();
      const acks: number[] = [];
      const non200: number[] = [];
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
          if (response.statusCode !== 200) non200.push(response.statusCode ?? 0);
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
      const latencies: number[] = [];
      for (const [ts, t0] of sent) {
        const posts = byTs.get(ts) ?? [];
        if (posts.length === 0) lost += 1;
        else {
          replies += 1;
          duplicates += posts.length - 1;
          latencies.push(Math.min(...posts) - t0);
        }
      }
      const a = summarise(acks);
      const r = summarise(latencies);
      rows.push([
        concurrency,
        MESSAGES,
        replies,
        duplicates,
        lost,
        non200.length,
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
      'lost',
      'non-200',
      'ack median',
      'ack p99',
      'reply median',
      'reply p99',
      'msg/s',
    ],
    rows,
  );
}
