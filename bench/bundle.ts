/**
 * The deployed artefact: how big the zip is and how long a cold start takes. Builds the Lambda bundle
 * with the same esbuild options `npm run package` uses (infra/esbuild.cjs), zips it, then starts a new
 * Node process per sample that imports the bundle and answers one signed Slack mention, with DynamoDB
 * (dynalite) and the Slack Web API (a stand-in) on loopback. Targets: zip ≤ 1 MB, cold start ≤ 150 ms.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import dynalite from 'dynalite';
import { type BuildOptions, build } from 'esbuild';
import { createDynamoClient, ensureTable } from '../functions/store/dynamo.ts';
import { zipOne } from '../scripts/zip.ts';
import { startFakeSlack } from '../test/support/fake-slack.ts';
import { BOT_ID, BOT_USER_ID, signedEvent } from '../test/support/slack.ts';
import { printTable, summarise } from './table.ts';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 12;
const MAX_ZIP_BYTES = 1_000_000;
const MAX_COLD_START_MS = 150;
// Not secrets: values for this throwaway process only.
const SIGNING_SECRET = 'bench-signing-secret';
const TABLE_NAME = 'bench-cold-start';

/** serverless-esbuild's own keys are not esbuild options. */
type ServerlessEsbuildOptions = BuildOptions & { outputFileExtension?: string; exclude?: string[] };

/** Bundles functions/slack.ts exactly as `sls package` does; returns the entry file's path. */
export async function buildBundle(outDir: string): Promise<string> {
  const require = createRequire(import.meta.url);
  const { options } = require('../infra/esbuild.cjs') as { options: ServerlessEsbuildOptions };
  const { outputFileExtension = '.mjs', exclude = [], ...esbuildOptions } = options;
  // outdir + outExtension, as serverless-esbuild does: code splitting writes chunks next to the entry.
  await build({
    ...esbuildOptions,
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'functions', 'slack.ts')],
    outdir: join(outDir, 'functions'),
    outExtension: { '.js': outputFileExtension },
    external: [...(esbuildOptions.external ?? []), ...exclude],
    logLevel: 'warning',
  });
  return join(outDir, 'functions', `slack${outputFileExtension}`);
}

/** Every file of the build (entry and chunks), as the zip names them. */
function bundleFiles(outDir: string): { name: string; data: Buffer }[] {
  return readdirSync(join(outDir, 'functions'), { recursive: true, encoding: 'utf8' })
    .map((file) => join('functions', file))
    .filter((name) => statSync(join(outDir, name)).isFile())
    .map((name) => ({ name: name.split(sep).join('/'), data: readFileSync(join(outDir, name)) }));
}

/** The size of one zip holding every file: each one-entry zip, less all but one end-of-directory record. */
function zipSize(files: { name: string; data: Buffer }[]): number {
  const EOCD_BYTES = 22;
  const sum = files.reduce((bytes, file) => bytes + zipOne(file.name, file.data).length, 0);
  return sum - EOCD_BYTES * (files.length - 1);
}

/** Runs in each new process: load the bundle, answer one event, report the times. */
const COLD_START_CHILD = `
const started = performance.now();
const { handler } = await import(process.env.BENCH_BUNDLE_URL);
const loaded = performance.now();
const context = {
  functionName: 'bidrag-bot-bench-slack', functionVersion: '$LATEST', memoryLimitInMB: '512',
  awsRequestId: 'bench', invokedFunctionArn: 'arn:aws:lambda:eu-north-1:000000000000:function:bench',
  logGroupName: '/aws/lambda/bench', logStreamName: 'bench', callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 10000, done() {}, fail() {}, succeed() {},
};
const response = await handler(JSON.parse(process.env.BENCH_EVENT), context);
const answered = performance.now();
process.stdout.write('\\n' + JSON.stringify({ loadMs: loaded - started, totalMs: answered - started, status: response?.statusCode }));
process.exit(0);
`;

interface ColdStart {
  loadMs: number;
  totalMs: number;
  status: number;
}

function runChild(script: string, env: NodeJS.ProcessEnv): Promise<ColdStart> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script], { env, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`cold-start process failed: ${error.message}\n${stderr}`));
      const last = stdout.trim().split('\n').at(-1) ?? '';
      resolve(JSON.parse(last) as ColdStart);
    });
  });
}

/** Prints the zip size and the cold-start times of the bundle that ships. */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bidrag-bundle-'));
  const dynamo = dynalite({ createTableMs: 0 });
  const slack = await startFakeSlack();
  try {
    const built = performance.now();
    const bundle = await buildBundle(dir);
    const buildMs = performance.now() - built;
    const files = bundleFiles(dir);
    const bundleBytes = files.reduce((bytes, file) => bytes + file.data.length, 0);
    const zipBytes = zipSize(files);

    await new Promise<void>((resolve) => dynamo.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`;
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    const admin = createDynamoClient({ endpoint });
    await ensureTable(admin, TABLE_NAME);
    admin.destroy();

    const script = join(dir, 'cold-start.mjs');
    writeFileSync(script, COLD_START_CHILD);
    const samples: ColdStart[] = [];
    for (let i = 0; i < RUNS; i++) {
      // signedEvent gives each a new ts: a repeated one would lose the reply claim and skip the real work.
      const event = signedEvent(
        { type: 'app_mention', text: `<@${BOT_USER_ID}> Kan Malmö söka bidraget?` },
        { secret: SIGNING_SECRET },
      );
      const posted = slack.callsTo('chat.postMessage').length;
      const sample = await runChild(script, {
        PATH: process.env.PATH,
        BENCH_BUNDLE_URL: pathToFileURL(bundle).href,
        BENCH_EVENT: JSON.stringify(event),
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-bench-not-real',
        SLACK_BOT_ID: BOT_ID,
        SLACK_BOT_USER_ID: BOT_USER_ID,
        SLACK_API_URL: slack.apiUrl,
        USER_HASH_SALT: 'bench-salt',
        TABLE_NAME,
        DYNAMODB_ENDPOINT: endpoint,
        AWS_REGION: 'eu-north-1',
        POWERTOOLS_LOG_LEVEL: 'ERROR',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      });
      const replies = slack.callsTo('chat.postMessage').length - posted;
      if (sample.status !== 200 || replies !== 1) {
        throw new Error(`cold start ${i} did not answer once: HTTP ${sample.status}, ${replies} replies`);
      }
      samples.push(sample);
    }

    const load = summarise(samples.map((s) => s.loadMs));
    const total = summarise(samples.map((s) => s.totalMs));
    const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');
    // The framework's zip of the same bundle compresses a little worse (archiver's streaming deflate).
    const packaged = join(ROOT, '.serverless', 'bidrag-bot.zip');
    const packagedRow: (string | number)[][] = existsSync(packaged)
      ? [['zip from the last `npm run package` (bytes)', statSync(packaged).size, MAX_ZIP_BYTES, '']]
      : [];
    printTable(
      `Lambda bundle (esbuild ${buildMs.toFixed(0)} ms; cold start = new Node process, median of ${RUNS})`,
      ['measure', 'value', 'target', ''],
      [
        [`bundle functions/, ${files.length} files (bytes)`, bundleBytes, '', ''],
        ['zip (bytes)', zipBytes, MAX_ZIP_BYTES, verdict(zipBytes <= MAX_ZIP_BYTES)],
        ...packagedRow,
        ['cold start: import bundle, median (ms)', load.median.toFixed(1), '', ''],
        [
          'cold start: import + answer one mention, median (ms)',
          total.median.toFixed(1),
          MAX_COLD_START_MS,
          verdict(total.median <= MAX_COLD_START_MS),
        ],
        ['cold start: import + answer, max (ms)', total.max.toFixed(1), '', ''],
      ],
    );
  } finally {
    await slack.close();
    dynamo.closeAllConnections();
    await new Promise((resolve) => dynamo.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}
