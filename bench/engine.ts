// The answer engine in-process: index build at start, then latency per question over a mixed set,
// first with every word new to the engine's per-word cache, then warm (the steady state of a warm Lambda).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CONTENT } from '../knowledge/content.ts';
import { createEngine } from '../knowledge/engine.ts';
import { MUNICIPALITIES } from '../knowledge/municipalities.ts';
import { fold } from '../knowledge/text.ts';
import { printTable, summarise } from './table.ts';

/** A seeded generator, so every run measures the same questions. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** About a thousand questions of every kind the bot gets: names, typos, years, topics, noise. */
export function mixedQuestions(count = 1_200): string[] {
  const next = seeded(151);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const kinds: (() => string)[] = [
    () => `Kan ${pick(MUNICIPALITIES).name} söka bidraget?`,
    () => `Is ${fold(pick(MUNICIPALITIES).name)} eligible?`,
    () => {
      const n = pick(MUNICIPALITIES).name;
      const i = 1 + Math.floor(next() * (n.length - 2));
      return `Kan ${n.slice(0, i)}${n.slice(i + 1)} söka?`;
    },
    () => `Hur mycket avsätts ${2015 + Math.floor(next() * 16)}?`,
    () => `How much in total ${2018 + Math.floor(next() * 4)}–${2022 + Math.floor(next() * 8)}?`,
    () => pick(pick(CONTENT.faq).examples.sv),
    () => pick(pick(CONTENT.faq).examples.en),
    () => pick(['Vad kostar en kaffe?', 'Who won the Champions League?', 'hjälp', 'hej', 'asdf qwerty']),
  ];
  return Array.from({ length: count }, () => (pick(kinds) as () => string)());
}

/** Runs the engine benchmark and prints its table. */
export async function run(): Promise<void> {
  const builds: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    createEngine();
    builds.push(performance.now() - t0);
  }
  // The typo index is built on the first question that needs a typo guess: measure that first one apart.
  const typoFirst: number[] = [];
  for (let i = 0; i < 10; i++) {
    const fresh = createEngine();
    const t0 = performance.now();
    fresh.answer('Kan Linkopng söka?');
    typoFirst.push(performance.now() - t0);
  }
  const questions = mixedQuestions();
  const engine = createEngine();
  const pass = () =>
    questions.map((q) => {
      const t0 = performance.now();
      engine.answer(q);
      return performance.now() - t0;
    });
  const first = summarise(pass());
  const warm = summarise(pass());
  const cold = await coldBuilds(12);
  const build = summarise(builds);
  const ms = (x: number) => x.toFixed(3);
  printTable(
    `Answer engine, in-process (${questions.length} mixed questions; ms)`,
    ['measure', 'median', 'p99', 'max', 'target', 'median / target'],
    [
      [
        'index build at start (30 builds)',
        ms(build.median),
        ms(build.p99),
        ms(build.max),
        '< 20',
        (build.median / 20).toFixed(2),
      ],
      [
        `index build in a new process (${cold.length} processes)`,
        ms(summarise(cold).median),
        '',
        ms(summarise(cold).max),
        '< 20',
        (summarise(cold).median / 20).toFixed(2),
      ],
      [
        'first typo guess (builds the typo index)',
        ms(summarise(typoFirst).median),
        '',
        ms(summarise(typoFirst).max),
        '',
        '',
      ],
      ['per question, words first seen', ms(first.median), ms(first.p99), ms(first.max), '', ''],
      [
        'per question, warm',
        ms(warm.median),
        ms(warm.p99),
        ms(warm.max),
        '< 0.2 (p99 < 2)',
        (warm.median / 0.2).toFixed(2),
      ],
    ],
  );
}

/**
 * The engine's build in a new Node process, as a cold Lambda pays it: the compiled content parsed, the
 * matcher and name indexes built, before the first answer. Bundled once with esbuild, run N times.
 */
async function coldBuilds(runs: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'engine-cold-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { createEngine } from ${JSON.stringify(new URL('../knowledge/engine.ts', import.meta.url).pathname)};
const t0 = performance.now();
createEngine();
process.stdout.write(String(performance.now() - t0));`,
    );
    const out = join(dir, 'entry.mjs');
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: out,
      logLevel: 'silent',
    });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      // A clean environment: NODE_OPTIONS or NODE_EXTRA_CA_CERTS in a shell would time the shell, not the engine.
      const run = spawnSync(process.execPath, [out], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
      });
      if (run.status === 0) times.push(Number(run.stdout));
    }
    return times;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
