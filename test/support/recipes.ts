// The content editor's recipes, read from docs/editing-content.md and applied to a content folder the way
// an editor follows them: each ```text block is saved under the knowledge/sources/ name the line before it
// gives, each ```yaml block is pasted as text at the end of the file and list its first line names
// ("# knowledge/content/contacts.yaml, under contacts:"), and a `sha256: …` gets what sha256sum prints.
// Reading the guide itself keeps the recipes and the test that proves them from drifting apart.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GUIDE = fileURLToPath(new URL('../../docs/editing-content.md', import.meta.url));

/** A content folder and its sources folder, as `kb:check --content --sources` takes them. */
export interface ContentDirs {
  content: string;
  sources: string;
}

interface TextBlock {
  file: string;
  text: string;
}
interface YamlBlock {
  file: string;
  list: string;
  /** The block's lines after its first, as written in the guide (items start at column 0). */
  body: string;
}

const BLOCK = /```(text|yaml)\n([\s\S]*?)```/g;
const YAML_TARGET = /^# knowledge\/content\/([\w-]+\.yaml), under (\w+):\n/;

/** The text and YAML blocks of the guide's recipes, in the order they appear. */
export function recipeBlocks(guide = readFileSync(GUIDE, 'utf8')): {
  texts: TextBlock[];
  yamls: YamlBlock[];
} {
  const texts: TextBlock[] = [];
  const yamls: YamlBlock[] = [];
  for (const m of guide.matchAll(BLOCK)) {
    const [, kind, body = ''] = m;
    if (kind === 'text') {
      const before = guide.slice(0, m.index).split('\n').slice(-3).join('\n');
      const file = [...before.matchAll(/`knowledge\/sources\/([\w.-]+\.txt)`/g)].pop()?.[1];
      if (file) texts.push({ file, text: body });
      continue;
    }
    const target = YAML_TARGET.exec(body);
    if (!target?.[1] || !target[2]) continue;
    yamls.push({ file: target[1], list: target[2], body: body.slice(target[0].length) });
  }
  return { texts, yamls };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Pastes `block` as the last items of the top-level list `list` in a YAML text, at that list's indent. */
export function pasteIntoList(yaml: string, list: string, block: string): string {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => l.trimEnd() === `${list}:`);
  if (start < 0) throw new Error(`no top-level list "${list}:"`);
  let end = lines.findIndex((l, i) => i > start && /^[^\s#-]/.test(l));
  if (end < 0) end = lines.length;
  // Comments and blank lines just before the next key belong to that key.
  while (end - 1 > start && /^\s*(#.*)?$/.test(lines[end - 1] ?? '')) end--;
  const indent = /^(\s*)-/.exec(lines.slice(start + 1, end).find((l) => /^\s*-/.test(l)) ?? '')?.[1] ?? '  ';
  const pasted = block
    .trimEnd()
    .split('\n')
    .map((l) => (l ? indent + l : l));
  return [...lines.slice(0, end), ...pasted, ...lines.slice(end)].join('\n');
}

/** Follows every recipe of the guide in `dirs`; returns the files it wrote or changed. */
export function applyRecipes(dirs: ContentDirs, guide?: string): string[] {
  const { texts, yamls } = recipeBlocks(guide);
  const touched: string[] = [];
  for (const t of texts) {
    writeFileSync(join(dirs.sources, t.file), t.text);
    touched.push(join(dirs.sources, t.file));
  }
  for (const y of yamls) {
    const path = join(dirs.content, y.file);
    const block = y.body.replace(/^(\s*)sha256: … #.*$/m, (line, indent: string) => {
      const file = /^\s*file: (\S+)$/m.exec(y.body)?.[1];
      return file ? `${indent}sha256: ${sha256(join(dirs.sources, file))}` : line;
    });
    writeFileSync(path, pasteIntoList(readFileSync(path, 'utf8'), y.list, block));
    touched.push(path);
  }
  return touched;
}
