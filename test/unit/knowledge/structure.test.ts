// The engine's shape, as issue 15 asks it to stay: a short pipeline in engine.ts, small functions, and no
// import circle among the knowledge modules (a circle through types still ties modules that should not
// know each other). Measured on the source, so a change that breaks the shape fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../../knowledge');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'compiled' || f === 'sources' ? [] : sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}
const FILES = sources(ROOT);

/** Each module's relative imports (types too), as paths. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'";]*?from\s+'(\.{1,2}\/[^']+\.ts)'/g)].map((m) =>
    resolve(dirname(file), m[1] ?? ''),
  );
}

/** The first import circle found, as the modules in it, or null. */
function circle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (f: string): string[] | null => {
    if (state.get(f) === 'done') return null;
    if (state.get(f) === 'open') return [...path.slice(path.indexOf(f)), f];
    state.set(f, 'open');
    path.push(f);
    for (const next of graph.get(f) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of graph.keys()) {
    const found = visit(f);
    if (found) return found.map((x) => relative(ROOT, x));
  }
  return null;
}
const knowledgeGraph = () => new Map(FILES.map((f) => [f, imports(f).filter((i) => FILES.includes(i))]));

/** Functions longer than `max` lines, as "file:line name (n lines)". */
function longFunctions(max: number): string[] {
  return FILES.flatMap((file) => {
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const out: string[] = [];
    const visit = (n: ts.Node) => {
      if (ts.isFunctionLike(n) && (n as ts.FunctionLikeDeclaration).body) {
        const from = src.getLineAndCharacterOfPosition(n.getStart()).line;
        const lines = src.getLineAndCharacterOfPosition(n.getEnd()).line - from + 1;
        const name = (n as ts.FunctionDeclaration).name?.getText() ?? '(anonymous)';
        if (lines > max) out.push(`${relative(ROOT, file)}:${from + 1} ${name} (${lines} lines)`);
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
    return out;
  });
}

describe("the engine's structure", () => {
  it('keeps engine.ts a short pipeline, under 200 lines', () => {
    expect(readFileSync(join(ROOT, 'engine.ts'), 'utf8').split('\n').length).toBeLessThan(200);
  });

  it('has no function over 80 lines in knowledge/', () => {
    expect(longFunctions(80)).toEqual([]);
  });

  it('has no import circle in knowledge/, types included', () => {
    expect(circle(knowledgeGraph())).toBeNull();
  });

  it('finds a circle when there is one, through types too (the check can fail)', () => {
    const [a, b, c] = ['content.ts', 'cues.ts', 'words.ts'].map((f) => join(ROOT, f)) as [
      string,
      string,
      string,
    ];
    expect(imports(b)).toContain(c);
    expect(
      circle(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, [a]],
        ]),
      ),
    ).toEqual(['content.ts', 'cues.ts', 'words.ts', 'content.ts']);
    expect(
      circle(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, []],
        ]),
      ),
    ).toBeNull();
  });
});
