// A cue pattern's gate: the words one of its phrases begins with (cues.ts → PatternSource.first). A
// folded text with none of them cannot match, so the pattern need not run, nor be compiled, which a
// cold engine pays on a pattern's first test. kit.ts registers each compiled cue; the query modules
// test through `testCue`, so a question without the words never compiles the pattern.

interface Gate {
  exact: Set<string>;
  prefixes: string[];
}

const gates = new WeakMap<RegExp, Gate>();

/** Registers the words a compiled pattern's phrases begin with ("snitt*": any word beginning so). */
export function gatePattern(re: RegExp, first: readonly string[] | undefined): RegExp {
  if (first) {
    const prefixes = first.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1));
    gates.set(re, { exact: new Set(first.filter((w) => !w.endsWith('*'))), prefixes });
  }
  return re;
}

/** The words of folded text as a pattern's \b splits them. */
export const tokensOf = (f: string): Set<string> => new Set(f.split(/[^a-z0-9_]+/));

/** Whether a pattern can match text with these words; true for a pattern with no gate. */
export function mayMatch(re: RegExp, tokens: ReadonlySet<string>): boolean {
  const g = gates.get(re);
  if (!g) return true;
  for (const w of tokens) if (g.exact.has(w) || g.prefixes.some((p) => w.startsWith(p))) return true;
  return false;
}

let last: { f: string; tokens: Set<string> } | undefined;

/** A cue tested on folded text from its start (a global pattern's lastIndex reset), behind its gate. */
export function testCue(re: RegExp, f: string): boolean {
  if (last?.f !== f) last = { f, tokens: tokensOf(f) };
  if (!mayMatch(re, last.tokens)) return false;
  re.lastIndex = 0;
  return re.test(f);
}
