// The Slack app in-process, warm: a signed event into the ack handler, the ack's 200, and the worker's
// reply at the loopback Slack stand-in. Real Bolt, real signature checks, real DynamoDB adapter on an
// in-memory dynalite (claim, question log, context), real HTTP to the stand-in. The first request (cold:
// config, Bolt, engine index, clients) is reported apart.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { BOT_USER_ID, signedCommand, signedEvent } from '../test/support/slack.ts';
import { benchStack } from './stack.ts';
import { printTable, summarise } from './table.ts';

const ITERATIONS = 300;
const QUESTIONS = ['Kan Malmö söka bidraget?', 'Hur mycket avsätts 2019?', 'Vem fördelar pengarna?', 'hjälp'];

/** Runs the Slack request benchmark and prints its table. */
export async function run(): Promise<void> {
  const stack = await benchStack();
  /** The ack's time, and the time until the worker finished (its reply posted). */
  async function time(event: APIGatewayProxyEventV2): Promise<{ ack: number; answered: number }> {
    const t0 = performance.now();
    const response = await stack.ack(event);
    const ack = performance.now() - t0;
    if (response.statusCode !== 200) throw new Error(`bench request failed: ${response.statusCode}`);
    await stack.lambda.idle();
    return { ack, answered: performance.now() - t0 };
  }
  const mention = (i: number) =>
    signedEvent({ text: `<@${BOT_USER_ID}> ${QUESTIONS[i % QUESTIONS.length]}` });
  const dm = (i: number) => signedEvent({ type: 'message', text: QUESTIONS[i % QUESTIONS.length] });
  // The assistant panel: a message in a panel thread (a DM with thread_ts) also sets the status, and in a
  // new thread the title, before the reply; each iteration opens its own thread.
  const panel = (i: number) =>
    signedEvent({
      type: 'message',
      thread_ts: `1600000000.${String(i).padStart(6, '0')}`,
      text: QUESTIONS[i % QUESTIONS.length],
    });
  const command = (i: number) =>
    signedCommand({ text: QUESTIONS[i % QUESTIONS.length], response_url: stack.slack.responseUrl() });

  try {
    const cold = await time(mention(0));
    // A few unmeasured requests so the JIT, the keep-alive sockets and the engine's caches are warm.
    for (let i = 0; i < 20; i++) await time(mention(i));
    stack.slack.reset();
    const rows: (string | number)[][] = [];
    const ms = (x: number) => x.toFixed(2);
    /** The worker alone, warm: its invocation's start (the claim is its first call) → the post's arrival. */
    const workerRows: (string | number)[][] = [];
    for (const [name, make] of [
      ['app_mention → ack; worker: claim, answer, log, chat.postMessage', mention],
      ['DM message → ack; worker: claim, context, answer, log, post', dm],
      ['assistant panel → ack; worker: claim, context, status + title, answer, log, post', panel],
      ['/bidrag → ack; worker: answer, log, response_url', command],
    ] as const) {
      const samples: { ack: number; answered: number }[] = [];
      const answers: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        const posts = stack.slack.calls.length;
        samples.push(await time(make(i)));
        const post = stack.slack.calls
          .slice(posts)
          .find((call) => call.method === 'chat.postMessage' || call.method === 'response_url');
        const started = stack.workerStarts.at(-1);
        if (post !== undefined && started !== undefined) answers.push(post.at - started);
      }
      const w = summarise(answers);
      workerRows.push([name.replace(/^.*?worker: /, ''), w.n, w.median.toFixed(0), w.p99.toFixed(0)]);
      const a = summarise(samples.map((s) => s.ack));
      const d = summarise(samples.map((s) => s.answered));
      rows.push([name, a.n, ms(a.median), ms(a.p99), ms(d.median), ms(d.p99)]);
    }
    const posted =
      stack.slack.callsTo('chat.postMessage').length + stack.slack.callsTo('response_url').length;
    // A benchmark that silently stopped posting would look fast: check that every event got its reply.
    if (posted !== 4 * ITERATIONS) throw new Error(`expected ${4 * ITERATIONS} replies, saw ${posted}`);
    rows.push([
      'first request (cold: config, Bolt, engine, clients)',
      1,
      ms(cold.ack),
      '',
      ms(cold.answered),
      '',
    ]);
    printTable(
      'Slack app in-process, warm (signed event → ack 200; → reply at the loopback stand-in; ms)',
      ['request', 'n', 'ack median', 'ack p99', 'reply median', 'reply p99'],
      rows,
    );
    printTable(
      "Worker's warm answer in-process: its invocation's start (claim first) → reply at the loopback stand-in (ms, whole ms: the stand-in's clock)",
      ['worker', 'n', 'p50', 'p99'],
      workerRows,
    );
  } finally {
    await stack.lambda.idle();
  }
}
