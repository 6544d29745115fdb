// The question-set format of ../shared/eval/grade.mjs, checked in-process so `npm test` guards it.
import { readFileSync } from 'node:fs';
import { toJsonl } from '../../cli/format.ts';
import type { Answer } from '../../knowledge/types.ts';

export interface Case {
  id: string;
  q: string;
  expect: {
    elig?: [string, boolean][];
    noTrue?: boolean;
    intent?: string | string[];
    has?: string[];
    hasNot?: string[];
  };
}

/** Reads a JSONL question set. */
export function loadCases(file: string): Case[] {
  return readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
}

/** Why an answer misses its expectation; empty when it meets it. */
export function misses(c: Case, answer: Answer): string[] {
  const out = toJsonl(answer);
  const why: string[] = [];
  const e = c.expect;
  for (const [name, eligible] of e.elig ?? []) {
    if (!out.municipalities.some((m) => m.name === name && m.eligible === eligible))
      why.push(`want ${name}=${eligible}`);
  }
  const allowed = new Set((e.elig ?? []).filter(([, v]) => v).map(([n]) => n));
  const wrong = out.municipalities.filter((m) => m.eligible && !allowed.has(m.name));
  if ((e.noTrue || e.elig?.length) && wrong.length) why.push(`wrongly eligible: ${wrong.map((m) => m.name)}`);
  const intents = e.intent === undefined ? [] : [e.intent].flat();
  if (intents.length && !intents.includes(out.intent)) why.push(`intent ${out.intent}`);
  for (const re of e.has ?? []) if (!new RegExp(re, 'i').test(out.answer)) why.push(`missing /${re}/`);
  for (const re of e.hasNot ?? []) if (new RegExp(re, 'i').test(out.answer)) why.push(`has /${re}/`);
  return why;
}
