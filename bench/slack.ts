// The Slack Lambda in-process, warm: a signed event in, the reply posted to the loopback Slack stand-in,
// the handler's 200 out. Real Bolt, real signature checks, real DynamoDB adapter on an in-memory dynalite
// (claim + question log per mention), real HTTP to the stand-in. The first request (cold: config, Bolt,
// engine index) is reported apart.
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import dynalite from 'dynalite';
import { logger } from '../functions/logger.ts';
import { handler } from '../functions/slack.ts';
import { createDynamoClient, ensureTable } from '../functions/store/dynamo.ts';
import { startFakeSlack } from '../test/support/fake-slack.ts';
import { BOT_USER_ID, lambdaContext, signedCommand, signedEvent, slackEnv } from '../test/support/slack.ts';
import { printTable, summarise } from './table.ts';

const ITERATIONS = 300;
const QUESTIONS = ['Kan Malmö söka bidraget?', 'Hur mycket avsätts 2019?', 'Vem fördelar pengarna?', 'hjälp'];

/** Runs the Slack request benchmark and prints its table. */
export async function run(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const db = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => db.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(db.address() as AddressInfo).port}`;
  const admin = createDynamoClient({ endpoint });
  await ensureTable(admin, 'bench-slack');
  admin.destroy();
  const slack = await startFakeSlack();
  Object.assign(process.env, slackEnv(slack.apiUrl, 'bench-slack', endpoint));
  logger.setLogLevel('SILENT');
  const context = lambdaContext();
  // The handler publishes its metrics as one EMF line per request on stdout, as on Lambda: still
  // written (their cost is part of each request), but kept out of the tables.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
    String(chunk).startsWith('{"_aws"') ? true : write(chunk, ...rest)) as typeof process.stdout.write;

  async function time(event: APIGatewayProxyEventV2): Promise<number> {
    const t0 = performance.now();
    const response = await handler(event, context);
    const ms = performance.now() - t0;
    if (response.statusCode !== 200) throw new Error(`bench request failed: ${response.statusCode}`);
    return ms;
  }
  const mention = (i: number) =>
    signedEvent({ text: `<@${BOT_USER_ID}> ${QUESTIONS[i % QUESTIONS.length]}` });
  const dm = (i: number) => signedEvent({ type: 'message', text: QUESTIONS[i % QUESTIONS.length] });
  const command = (i: number) => signedCommand({ text: QUESTIONS[i % QUESTIONS.length] });

  try {
    const cold = await time(mention(0));
    // A few unmeasured requests so the JIT, the keep-alive sockets and the engine's caches are warm.
    for (let i = 0; i < 20; i++) await time(mention(i));
    slack.reset();
    const rows: (string | number)[][] = [];
    const ms = (x: number) => x.toFixed(2);
    for (const [name, make] of [
      ['app_mention → claim, answer, log, chat.postMessage', mention],
      ['DM message → claim, answer, log, chat.postMessage', dm],
      ['/bidrag → answer, log, ephemeral ack', command],
    ] as const) {
      const samples: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) samples.push(await time(make(i)));
      const s = summarise(samples);
      rows.push([name, s.n, ms(s.median), ms(s.p99), ms(s.max)]);
    }
    const posted = slack.callsTo('chat.postMessage').length;
    // A benchmark that silently stopped posting would look fast: check that every event got its reply.
    if (posted !== 2 * ITERATIONS) throw new Error(`expected ${2 * ITERATIONS} replies, saw ${posted}`);
    rows.push(['first request (cold: config, Bolt, engine, clients)', 1, ms(cold), '', '']);
    printTable(
      'Slack Lambda handler, in-process, warm (signed event in → reply at the loopback stand-in; ms)',
      ['request', 'n', 'median', 'p99', 'max'],
      rows,
    );
  } finally {
    process.stdout.write = write;
    await slack.close();
    db.closeAllConnections?.();
    await new Promise((resolve) => db.close(resolve));
  }
}
