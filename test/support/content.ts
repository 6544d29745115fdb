// Content for tests that must not change when an editor changes what the bot knows. The engine's tests and
// the question sets run against test/fixtures/content/release-2018/: a frozen copy of the programme's
// facts and FAQ entries as the 2018 press release gives them. The word lists, places and phrases (how the
// engine reads and words things, not what the documents say) come from knowledge/content/, so a test sees
// the engine's vocabulary as it is today.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Content } from '../../knowledge/content.ts';
import { createEngine, type Engine } from '../../knowledge/engine.ts';
import kommuner from '../../knowledge/sources/kommuner.json' with { type: 'json' };
import type { Answer, ConversationContext } from '../../knowledge/types.ts';
import { compileContent, formatProblem } from '../../scripts/kb/compile.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const SHIPPED = { content: join(root, 'knowledge/content'), sources: join(root, 'knowledge/sources') };
export const FIXTURES = join(root, 'test/fixtures/content');

/** A content folder's files, or a fixture's files over the shipped ones: what compileContent reads. */
export interface Folders {
  content: string;
  sources: string;
}

/** A content fixture's folders: its YAML files, and its `sources/` of documents. */
export const fixture = (name: string): Folders => ({
  content: join(FIXTURES, name),
  sources: join(FIXTURES, name, 'sources'),
});

/**
 * Compiles a content folder as `npm run kb:build` does; any file the folder lacks comes from the shipped
 * content. Throws with every problem, one `file:line: …` each, when the content does not compile.
 */
export function compileFolder(folders: Folders): Content {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  try {
    for (const f of readdirSync(SHIPPED.content)) cpSync(join(SHIPPED.content, f), join(dir, f));
    for (const f of readdirSync(folders.content).filter((f) => f.endsWith('.yaml')))
      cpSync(join(folders.content, f), join(dir, f));
    const { content, problems } = compileContent({
      content: dir,
      sources: folders.sources,
      municipalities: kommuner,
    });
    if (!content || problems.length)
      throw new Error(
        `content of ${folders.content} does not compile:\n${problems.map(formatProblem).join('\n')}`,
      );
    return content;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let frozen: Content | undefined;

/** The frozen 2018 content, compiled once per test file. */
export function frozenContent(): Content {
  frozen ??= compileFolder(fixture('release-2018'));
  return frozen;
}

/** An engine that answers from the frozen 2018 content, whatever knowledge/content/ says today. */
export const frozenEngine = (): Engine => createEngine(frozenContent());

/** The text of a frozen document in test/fixtures/content/release-2018/sources/. */
export function frozenSource(file = 'pressmeddelande.txt'): string {
  const path = join(fixture('release-2018').sources, file);
  if (!existsSync(path)) throw new Error(`no frozen source ${file}`);
  return readFileSync(path, 'utf8');
}

/** Asks each turn with the context the answer before left, as a Slack thread does; the last answer. */
export function askThread(engine: Engine, ...turns: string[]): Answer {
  let context: ConversationContext | null = null;
  let last: Answer | null = null;
  for (const q of turns) {
    last = engine.answer(q, context);
    context = last.context;
  }
  if (!last) throw new Error('no turns');
  return last;
}

/** The verdicts an answer gives, by municipality. */
export const eligible = (a: Answer) => Object.fromEntries(a.municipalities.map((m) => [m.name, m.eligible]));
