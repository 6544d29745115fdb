/**
 * The deployed artefact, cold: `npm run package` builds the zip, and the handlers named in its template
 * are run from the unpacked zip in new Node processes, with DynamoDB (dynalite) and Slack's Web API (a
 * stand-in) on loopback. Each sample is timed from the process's start (performance.timeOrigin) to the
 * handler's answer, so Node's own start is included, as on Lambda:
 * - the ack: one signed mention → 200 (its asynchronous Invoke goes to a loopback Lambda API);
 * - the reply: the same process, now warm, given that Invoke's payload (as Lambda usually runs the
 *   function's Invoke of itself in the environment the ack just warmed) → its reply posted;
 * - the worker alone in a new process (the Invoke landing in another, cold environment) → reply posted;
 * - Bolt's own Lambda example (examples/deploy-aws-lambda/app.js of a fetched bolt-js, one say()
 *   listener), run as it deploys (unbundled, node_modules beside it): one signed "hello" → 200.
 * - optionally, the single function from before the ack/worker split (BASELINE_ZIP=<an older
 *   .serverless/bidrag-bot.zip>): one signed mention → 200 with the reply posted inside the request.
 * They are interleaved, round by round, so machine load hits them alike.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import dynalite from 'dynalite';
import { createDynamoClient, ensureTable } from '../functions/store/dynamo-sdk.ts';
import { zipEntries } from '../scripts/zip.ts';
import { startFakeSlack } from '../test/support/fake-slack.ts';
import { BOT_ID, BOT_USER_ID, nextTs, signedEvent } from '../test/support/slack.ts';
import { printTable, summarise } from './table.ts';

const ROOT = join(import.meta.dirname, '..');
const ROUNDS = 21;
const MAX_ZIP_BYTES = 1_000_000;
const MAX_PEAK_MB = 70;
/** The ack's 200 after a cold start, as a share of the time Bolt's example takes to answer. */
const MAX_ACK_SHARE = 0.45;
// Not secrets: values for these throwaway processes only.
const SIGNING_SECRET = 'bench-signing-secret';
const TABLE_NAME = 'bench-cold-start';
const FUNCTION_NAME = 'bidrag-bot-bench-slack';
/** Where `fetch` (the tool) put bolt-js; BOLT_JS_GIT overrides. */
const BOLT_JS_GIT = process.env.BOLT_JS_GIT ?? '/work/.mirror/slackapi+bolt-js/repo';

/**
 * Runs in each new process: load the handler, give it one event, report time since process start; with
 * BENCH_STAY, then read one more event from stdin (the ack's Invoke of its own function) and run it in
 * this warm process, as Lambda usually does.
 */
const CHILD = `
const { handler } = await import(process.env.BENCH_ENTRY_URL);
const context = {
  functionName: 'bench', functionVersion: '$LATEST', memoryLimitInMB: '512', awsRequestId: 'bench',
  invokedFunctionArn: 'arn:aws:lambda:eu-north-1:000000000000:function:bench', logGroupName: '/aws/lambda/bench',
  logStreamName: 'bench', callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => 40000,
  done() {}, fail() {}, succeed() {},
};
const response = await handler(JSON.parse(process.env.BENCH_EVENT), context, () => undefined);
const ms = performance.now();
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write('\\n' + JSON.stringify({ ms, peakMb, origin: performance.timeOrigin, status: response?.statusCode ?? null }) + '\\n');
if (process.env.BENCH_STAY) {
  const line = await new Promise((done) => {
    let buffered = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => {
      buffered += chunk;
      if (buffered.includes('\\n')) done(buffered.slice(0, buffered.indexOf('\\n')));
    });
  });
  await handler(JSON.parse(line), { ...context, awsRequestId: 'bench-2' });
  process.stdout.write(JSON.stringify({ second: performance.now(), peakMb: process.resourceUsage().maxRSS / 1024 }) + '\\n');
}
process.exit(0);
`;

interface Sample {
  /** From the process's start to the handler's answer. */
  ms: number;
  peakMb: number;
  /** The process's start, ms since the epoch. */
  origin: number;
  status: number | null;
}

/** From the process's start to the reply's arrival at the stand-in: what the asker waits for. */
const untilPosted = (sample: Sample, postedAt: number): Sample => ({
  ...sample,
  ms: postedAt - sample.origin,
});

function runChild(script: string, env: NodeJS.ProcessEnv): Promise<Sample> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script], { env, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`cold-start process failed: ${error.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Sample);
    });
  });
}

/**
 * Like runChild, and then the same process, warm, runs `next()` (read once the first answer is in: the
 * Invoke's payload); the second sample's peak memory is the whole process's.
 */
function runChildTwice(
  script: string,
  env: NodeJS.ProcessEnv,
  next: () => unknown,
): Promise<{ first: Sample; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      env: { ...env, BENCH_STAY: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 30_000,
    });
    let out = '';
    let err = '';
    let first: Sample | undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // Only our own report lines: the handler also writes EMF metric lines ({"_aws": …}) on stdout.
      const lines = out.split('\n').filter((line) => line.startsWith('{"ms"'));
      if (first === undefined && lines[0] !== undefined) {
        first = JSON.parse(lines[0]) as Sample;
        child.stdin.end(`${JSON.stringify(next())}\n`);
      }
    });
    child.on('close', (code) => {
      const second = out.split('\n').find((line) => line.startsWith('{"second"'));
      if (code !== 0 || first === undefined || second === undefined) {
        reject(new Error(`cold-start process failed (exit ${code}):\n${err}`));
        return;
      }
      resolve({ first, peakMb: (JSON.parse(second) as { peakMb: number }).peakMb });
    });
  });
}

/** Unpacks a Lambda zip into `dir`; returns how many files it held. */
function unpack(zipPath: string, dir: string): number {
  const entries = zipEntries(readFileSync(zipPath));
  for (const entry of entries) {
    mkdirSync(dirname(join(dir, entry.name)), { recursive: true });
    writeFileSync(join(dir, entry.name), entry.text);
  }
  return entries.length;
}

/** `npm run package`, then the zip unpacked into `dir`; returns the function's entry file. */
function packaged(dir: string): { entry: string; zipBytes: number; files: number } {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'ignore' });
  const zipPath = join(ROOT, '.serverless', 'bidrag-bot.zip');
  const files = unpack(zipPath, dir);
  const template = JSON.parse(
    readFileSync(join(ROOT, '.serverless', 'cloudformation-template-update-stack.json'), 'utf8'),
  ) as { Resources: Record<string, { Properties?: { Handler?: string } }> };
  // The handler as the template names it: functions/slack.handler → functions/slack.mjs, export handler.
  const entryOf = (resource: string) => {
    const handler = template.Resources[resource]?.Properties?.Handler ?? '';
    return join(dir, `${handler.slice(0, handler.lastIndexOf('.'))}.mjs`);
  };
  return {
    entry: entryOf('SlackLambdaFunction'),
    zipBytes: statSync(zipPath).size,
    files,
  };
}

/**
 * Bolt's example, from the fetched repository, into a folder inside this project so that
 * require('@slack/bolt') finds our node_modules (as its own deploy zips node_modules beside it). One
 * change: its Web API calls go to the stand-in (clientOptions.slackApiUrl), as ours do.
 */
function boltExample(): { entry: string } | { skipped: string } {
  let source: string;
  try {
    source = execFileSync(
      'git',
      [`--git-dir=${BOLT_JS_GIT}`, 'show', 'HEAD:examples/deploy-aws-lambda/app.js'],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
  } catch {
    return {
      skipped: `no bolt-js repository at ${BOLT_JS_GIT} (set BOLT_JS_GIT to a fetched bolt-js git dir)`,
    };
  }
  const anchor = 'token: process.env.SLACK_BOT_TOKEN,';
  if (!source.includes(anchor)) return { skipped: 'the example no longer has the line it is redirected at' };
  const dir = join(ROOT, '.esbuild', 'bolt-example');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'app.cjs');
  writeFileSync(
    entry,
    source.replace(anchor, `${anchor} clientOptions: { slackApiUrl: process.env.SLACK_API_URL },`),
  );
  return { entry };
}

/** A Lambda Invoke API that accepts every asynchronous invocation (202) and keeps the payloads. */
async function acceptingLambda(): Promise<{ endpoint: string; payloads: unknown[]; close(): Promise<void> }> {
  const payloads: unknown[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      payloads.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    payloads,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Prints the zip size and the cold starts of the ack, the worker and Bolt's example, side by side. */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bidrag-package-'));
  const dynamo = dynalite({ createTableMs: 0 });
  const slack = await startFakeSlack();
  const lambda = await acceptingLambda();
  try {
    const { entry, zipBytes, files } = packaged(dir);
    const bolt = boltExample();
    const baselineZip = process.env.BASELINE_ZIP;
    const baseline = baselineZip ? join(dir, 'baseline', 'functions', 'slack.mjs') : undefined;
    if (baselineZip) unpack(baselineZip, join(dir, 'baseline'));
    await new Promise<void>((resolve) => dynamo.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`;
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    const admin = createDynamoClient({ endpoint });
    await ensureTable(admin, TABLE_NAME);
    admin.destroy();

    const script = join(dir, 'cold-start.mjs');
    writeFileSync(script, CHILD);
    // A clean environment: a shell's NODE_EXTRA_CA_CERTS alone adds ~45 ms to every Node start.
    const env = (entry: string, event: unknown): NodeJS.ProcessEnv => ({
      PATH: process.env.PATH,
      BENCH_ENTRY_URL: pathToFileURL(entry).href,
      BENCH_EVENT: JSON.stringify(event),
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench-not-real',
      SLACK_BOT_ID: BOT_ID,
      SLACK_BOT_USER_ID: BOT_USER_ID,
      SLACK_API_URL: slack.apiUrl,
      USER_HASH_SALT: 'bench-salt',
      TABLE_NAME,
      DYNAMODB_ENDPOINT: endpoint,
      WORKER_FUNCTION_NAME: FUNCTION_NAME,
      LAMBDA_ENDPOINT: lambda.endpoint,
      AWS_REGION: 'eu-north-1',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    const acks: Sample[] = [];
    const replies: Sample[] = [];
    const workers: Sample[] = [];
    const examples: Sample[] = [];
    const baselines: Sample[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (baseline) {
        const before = slack.callsTo('chat.postMessage').length;
        const mention = signedEvent(
          { text: `<@${BOT_USER_ID}> Kan Malmö söka bidraget?` },
          { secret: SIGNING_SECRET },
        );
        const b = await runChild(script, env(baseline, mention));
        const reply = slack.callsTo('chat.postMessage')[before];
        if (b.status !== 200 || reply === undefined)
          throw new Error(`baseline round ${round}: HTTP ${b.status}, no reply`);
        baselines.push(untilPosted(b, reply.at));
      }
      // A new ts each time: a repeated one would lose the reply claim and skip the real work.
      const mention = signedEvent(
        { text: `<@${BOT_USER_ID}> Kan Malmö söka bidraget?` },
        { secret: SIGNING_SECRET },
      );
      const handed = lambda.payloads.length;
      const posted = slack.callsTo('chat.postMessage').length;
      const { first: a, peakMb } = await runChildTwice(script, env(entry, mention), () =>
        lambda.payloads.at(-1),
      );
      const reply = slack.callsTo('chat.postMessage')[posted];
      if (a.status !== 200 || lambda.payloads.length !== handed + 1 || reply === undefined) {
        throw new Error(
          `ack round ${round}: HTTP ${a.status}, ${lambda.payloads.length - handed} hand-overs, no reply`,
        );
      }
      acks.push(a);
      replies.push({ ...untilPosted(a, reply.at), peakMb });
      // The same Invoke landing in a new environment: the worker's whole cold start, alone. Another ts,
      // or the claim the first reply took would (rightly) keep this one silent.
      const payload = structuredClone(lambda.payloads.at(-1)) as { body: { event: { ts: string } } };
      payload.body.event.ts = nextTs();
      const again = slack.callsTo('chat.postMessage').length;
      const w = await runChild(script, env(entry, payload));
      const late = slack.callsTo('chat.postMessage')[again];
      if (late === undefined) throw new Error(`worker round ${round}: no reply`);
      workers.push(untilPosted(w, late.at));
      if ('entry' in bolt) {
        const hello = signedEvent(
          { type: 'message', channel: 'C0BENCH001', channel_type: 'channel', text: 'hello', ts: nextTs() },
          { secret: SIGNING_SECRET },
        );
        const before = slack.callsTo('chat.postMessage').length;
        const e = await runChild(script, env(bolt.entry, hello));
        if (e.status !== 200 || slack.callsTo('chat.postMessage').length !== before + 1) {
          throw new Error(`Bolt example round ${round}: HTTP ${e.status}, no say()`);
        }
        // Its 200 (after say() returned), as for the ack: what the target compares with.
        examples.push(e);
      }
    }

    const ms = (x: number) => x.toFixed(1);
    const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');
    const a = summarise(acks.map((s) => s.ms));
    const r = summarise(replies.map((s) => s.ms));
    const w = summarise(workers.map((s) => s.ms));
    const peak = Math.max(...[...acks, ...replies, ...workers].map((s) => s.peakMb));
    const rows: (string | number)[][] = [
      [
        `zip from npm run package, ${files} files (bytes)`,
        zipBytes,
        '',
        MAX_ZIP_BYTES,
        verdict(zipBytes <= MAX_ZIP_BYTES),
      ],
      ['ack: process start → 200 (one signed mention, handed over)', ms(a.median), ms(a.max), '', ''],
      [
        'reply: process start → reply at the stand-in (the Invoke run in the ack’s warm process)',
        ms(r.median),
        ms(r.max),
        '',
        '',
      ],
      [
        'the Invoke in a new environment instead: process start → reply at the stand-in',
        ms(w.median),
        ms(w.max),
        '',
        '',
      ],
    ];
    if (baselines.length > 0) {
      const b = summarise(baselines.map((s) => s.ms));
      rows.push(
        [
          'before the split (BASELINE_ZIP): process start → reply at the stand-in',
          ms(b.median),
          ms(b.max),
          '',
          '',
        ],
        ['reply / before the split (medians)', (r.median / b.median).toFixed(2), '', '', ''],
        [
          'peak memory of a before-the-split process (MB)',
          ms(Math.max(...baselines.map((s) => s.peakMb))),
          '',
          '',
          '',
        ],
      );
    }
    if ('entry' in bolt) {
      const e = summarise(examples.map((s) => s.ms));
      rows.push(
        ["Bolt's Lambda example: process start → 200 after its say()", ms(e.median), ms(e.max), '', ''],
        [
          'ack / Bolt example (medians)',
          (a.median / e.median).toFixed(2),
          '',
          `≤ ${MAX_ACK_SHARE}`,
          verdict(a.median / e.median <= MAX_ACK_SHARE),
        ],
        [
          'reply (ack and answer, one cold start) / Bolt example (medians)',
          (r.median / e.median).toFixed(2),
          '',
          '≤ 1',
          verdict(r.median <= e.median),
        ],
        [
          'peak memory of a Bolt example process (MB)',
          ms(Math.max(...examples.map((s) => s.peakMb))),
          '',
          '',
          '',
        ],
      );
    } else {
      rows.push([`Bolt's Lambda example: skipped, ${bolt.skipped}`, '', '', '', '']);
    }
    rows.push([
      'peak memory of a process that acked and answered, or answered alone (MB)',
      ms(peak),
      '',
      `≤ ${MAX_PEAK_MB}`,
      verdict(peak <= MAX_PEAK_MB),
    ]);
    printTable(
      `Cold starts of the packaged artefact (new Node process each, ${ROUNDS} interleaved rounds; ms)`,
      ['measure', 'median', 'max', 'target', ''],
      rows,
    );
  } finally {
    await slack.close();
    await lambda.close();
    dynamo.closeAllConnections();
    await new Promise((resolve) => dynamo.close(resolve));
    rmSync(dir, { recursive: true, force: true });
    if (existsSync(join(ROOT, '.esbuild', 'bolt-example')))
      rmSync(join(ROOT, '.esbuild', 'bolt-example'), { recursive: true });
  }
}
