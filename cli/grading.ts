/**
 * Grading a question set against the bot's JSONL answers: the rules of the shared grader
 * (../shared/eval/grade.mjs) in one module, used by `npm run eval` and by the fixture tests, so the two
 * cannot disagree. Its output lines, and its last (summary) line, are the shared grader's, byte for byte
 * apart from the timing.
 */

/** What an answer must show; every key is optional and all that are given must hold. */
export interface Expectation {
  /** [name, eligible] pairs that must each appear in `municipalities`. */
  elig?: [string, boolean][];
  /** No municipality may be called eligible except those `elig` names as eligible. */
  noTrue?: boolean;
  /** The intent, or the intents any of which will do. */
  intent?: string | string[];
  /** Regular expressions that must match the answer text (case-insensitive). */
  has?: string[];
  /** Regular expressions that must not match it. */
  hasNot?: string[];
}

/** One line of a question set. */
export interface Case {
  id?: string;
  cat?: string;
  q: string;
  /** A turn of a conversation: turns of one thread are answered in order, with the earlier ones' context. */
  thread?: string | number;
  expect?: Expectation;
  /**
   * A known gap, and why: the bot does not yet answer this as expected. The shared grader counts it like
   * any other question; the fixture tests require that it still misses, so whoever closes the gap is told
   * to remove the mark.
   */
  gap?: string;
}

/** A question set that cannot be read, with the file and line to fix. */
export class QuestionSetError extends Error {
  override name = 'QuestionSetError';
}

/** Reads a JSONL question set; blank lines are skipped, a bad line is a QuestionSetError naming it. */
export function parseCases(text: string, file: string): Case[] {
  const cases: Case[] = [];
  text.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    const where = `${file}:${index + 1}`;
    let item: unknown;
    try {
      item = JSON.parse(raw);
    } catch (error) {
      throw new QuestionSetError(`${where}: not JSON (${(error as Error).message})`, { cause: error });
    }
    if (typeof item !== 'object' || item === null || typeof (item as Case).q !== 'string') {
      throw new QuestionSetError(`${where}: each line must be an object with a string "q"`);
    }
    const c = item as Case;
    // `ask` skips blank lines (no question, no answer), so a blank question would shift every answer after it.
    if (c.thread === undefined && !c.q.trim()) {
      throw new QuestionSetError(`${where}: "q" is blank; ask answers no blank line, so it cannot be graded`);
    }
    cases.push(c);
  });
  if (cases.length === 0) throw new QuestionSetError(`${file}: no questions`);
  return cases;
}

/** The stdin line that asks a case: the question, or `{"q","thread"}` for a turn of a conversation. */
export function inputLine(c: Case): string {
  return c.thread === undefined
    ? c.q.replace(/\n/g, ' ')
    : JSON.stringify({ q: c.q, thread: String(c.thread) });
}

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

interface Municipality {
  name?: unknown;
  eligible?: unknown;
}

/** Why one answer (a parsed JSONL record, or anything) misses its case's expectation; empty when it meets it. */
export function misses(c: Case, output: unknown): { why: string[]; falseEligible: boolean } {
  const out = (typeof output === 'object' && output !== null ? output : {}) as Record<string, unknown>;
  const e = c.expect ?? {};
  const why: string[] = [];
  const answer = String(out.answer ?? '');
  const munis = (Array.isArray(out.municipalities) ? out.municipalities : []) as (Municipality | null)[];
  for (const [name, eligible] of e.elig ?? []) {
    if (!munis.some((m) => m && m.name === name && m.eligible === eligible))
      why.push(`want ${name}=${eligible}`);
  }
  const allowed = new Set((e.elig ?? []).filter(([, v]) => v === true).map(([n]) => n));
  const wrong = munis.filter((m) => m && m.eligible === true && !allowed.has(String(m.name)));
  const falseEligible = Boolean(e.noTrue || (e.elig ?? []).length) && wrong.length > 0;
  if (falseEligible) why.push(`wrongly eligible: ${wrong.map((m) => m?.name).join(', ')}`);
  const intents = list(e.intent);
  if (intents.length && !intents.includes(out.intent as string)) {
    why.push(`intent ${out.intent} not in ${intents.join('|')}`);
  }
  for (const re of e.has ?? []) if (!new RegExp(re, 'i').test(answer)) why.push(`missing /${re}/`);
  for (const re of e.hasNot ?? []) if (new RegExp(re, 'i').test(answer)) why.push(`has forbidden /${re}/`);
  return { why, falseEligible };
}

export interface Failure {
  case: Case;
  why: string[];
  got: { intent: unknown; municipalities: unknown[]; answer: string };
}

export interface Grade {
  total: number;
  pass: number;
  falseEligible: number;
  byCategory: Map<string, { pass: number; total: number }>;
  failures: Failure[];
}

/** Grades the command's stdout lines (one JSON object per case, in order) against the cases. */
export function grade(cases: Case[], outputLines: string[]): Grade {
  const result: Grade = {
    total: cases.length,
    pass: 0,
    falseEligible: 0,
    byCategory: new Map(),
    failures: [],
  };
  cases.forEach((c, i) => {
    let out: Record<string, unknown> = {};
    const unparseable: string[] = [];
    try {
      out = JSON.parse(outputLines[i] ?? '');
    } catch {
      unparseable.push('unparseable JSON');
    }
    const { why, falseEligible } = misses(c, out);
    why.unshift(...unparseable);
    if (falseEligible) result.falseEligible++;
    const cat = c.cat ?? 'all';
    const count = result.byCategory.get(cat) ?? { pass: 0, total: 0 };
    count.total++;
    if (why.length === 0) {
      result.pass++;
      count.pass++;
    } else {
      const municipalities = Array.isArray(out.municipalities) ? out.municipalities : [];
      const answer = String(out.answer ?? '').slice(0, 240);
      result.failures.push({ case: c, why, got: { intent: out.intent, municipalities, answer } });
    }
    result.byCategory.set(cat, count);
  });
  return result;
}

/** Only lines that look like JSON objects count as answers, as in the shared grader (npm may print others). */
export const answerLines = (stdout: string): string[] =>
  stdout.split('\n').filter((l) => l.trim().startsWith('{'));

/** The summary line when the command failed before it could be graded. */
export const failedSummary = (total: number, reason: string): string => `accuracy 0/${total} (0%); ${reason}`;

const SHOWN_FAILURES = 25;

/** The report: one line per category, the failures, and the summary line last. */
export function formatGrade(g: Grade, options: { verbose: boolean; ms: number }): string[] {
  // The shared grader sorts [category, counts] pairs as strings, i.e. by "category,…": the same order here.
  const categories = [...g.byCategory].sort(([a], [b]) =>
    `${a},` < `${b},` ? -1 : `${a},` > `${b},` ? 1 : 0,
  );
  const lines = categories.map(([cat, c]) => `${cat.padEnd(16)} ${c.pass}/${c.total}`);
  for (const f of options.verbose ? g.failures : g.failures.slice(0, SHOWN_FAILURES)) {
    lines.push(`FAIL ${f.case.id} ${JSON.stringify(f.case.q)}: ${f.why.join('; ')}`);
    if (options.verbose) lines.push(`     got ${JSON.stringify(f.got)}`);
  }
  if (!options.verbose && g.failures.length > SHOWN_FAILURES) {
    lines.push(`(${g.failures.length - SHOWN_FAILURES} more failures; --verbose shows all)`);
  }
  const pct = ((100 * g.pass) / g.total).toFixed(1);
  lines.push(
    `accuracy ${g.pass}/${g.total} (${pct}%); false-eligible ${g.falseEligible}; ${options.ms.toFixed(0)} ms for the batch`,
  );
  return lines;
}
