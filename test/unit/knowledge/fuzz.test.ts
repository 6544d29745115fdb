// Random and hostile input: the engine must never throw, and must stay fast however long the input.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../knowledge/engine.ts';

const engine = createEngine();

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'Malmö',
  'kan',
  'söka',
  '2019',
  '–',
  '2018:151',
  '<!channel>',
  '<@U123>',
  '&amp;',
  '*',
  '_',
  '`',
  '\u0000',
  '\u202e',
  '👍🏽',
  '🇸🇪',
  'ᚠ',
  '漢字',
  'é',
  'ﬁ',
  '\ud800',
  '\n',
  '\t',
  '"',
  "'",
  '\\',
  '{{x}}',
  '%s',
  'null',
  'undefined',
  '__proto__',
  'constructor',
];

function input(next: () => number): string {
  const kind = Math.floor(next() * 4);
  const length = Math.floor(next() * 200);
  let out = '';
  for (let i = 0; i < length; i++) {
    if (kind === 0) out += String.fromCodePoint(Math.floor(next() * 0x10ffff) % 0xd800);
    else if (kind === 1) out += PIECES[Math.floor(next() * PIECES.length)] ?? '';
    else if (kind === 2) out += String.fromCharCode(32 + Math.floor(next() * 95));
    else out += `${PIECES[Math.floor(next() * PIECES.length)] ?? ''} `;
  }
  return out;
}

describe('engine under random input', () => {
  it('answers 10,000 random, unicode and emoji inputs without throwing, each with a valid answer', () => {
    const next = random(20180151);
    let slowest = 0;
    for (let i = 0; i < 10_000; i++) {
      const q = input(next);
      const t0 = performance.now();
      const a = engine.answer(q);
      slowest = Math.max(slowest, performance.now() - t0);
      expect(['sv', 'en']).toContain(a.lang);
      expect(typeof a.text).toBe('string');
      expect(a.text.length).toBeGreaterThan(0);
    }
    // Bounded, not timed: a generous ceiling that only a runaway (quadratic, backtracking) path would break.
    expect(slowest).toBeLessThan(1_000);
  });

  it('answers 100 KB inputs of every kind in bounded time', () => {
    for (const big of [
      'a'.repeat(100_000),
      'Malmö '.repeat(17_000),
      '👍'.repeat(50_000),
      `${'ö'.repeat(99_990)} 2019`,
    ]) {
      const t0 = performance.now();
      const a = engine.answer(big);
      expect(performance.now() - t0).toBeLessThan(1_000);
      expect(a.text.length).toBeGreaterThan(0);
    }
  });

  it('never echoes a Slack mention from the question into the answer', () => {
    for (const q of [
      '<!channel> kan Malmö söka?',
      'Kan <@U0123ABC> söka?',
      '<!here|here> Is <!everyone> eligible?',
    ]) {
      expect(engine.answer(q).text).not.toMatch(/<[!@#]/);
    }
  });
});
