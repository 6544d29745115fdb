// The content editor's three recipes (docs/editing-content.md), followed as written in a scratch copy of
// the repository's knowledge/ holding the frozen 2018 content: a new press contact, a new FAQ entry and next year's list. An editor's correct
// change must pass the check and change the answers, with no TypeScript change and no test to rewrite.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonl } from '../../../cli/format.ts';
import { misses, parseCases } from '../../../cli/grading.ts';
import type { Content } from '../../../knowledge/content.ts';
import { createEngine, type Engine } from '../../../knowledge/engine.ts';
import { fixture } from '../../support/content.ts';
import { applyRecipes, recipeBlocks } from '../../support/recipes.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let repo = '';
let engine: Engine;
let build: ReturnType<typeof kb>;
let check: ReturnType<typeof kb>;

/** `npm run kb:<mode>` in the scratch repository, as the editor runs it there. */
function kb(mode: 'build' | 'check') {
  return spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts/kb/main.ts'), mode], {
    cwd: repo,
    encoding: 'utf8',
  });
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'recipes-'));
  cpSync(join(root, 'knowledge'), join(repo, 'knowledge'), { recursive: true });
  // The recipes start from the frozen 2018 content, so they still apply after an editor has followed them.
  const frozen = fixture('release-2018');
  for (const f of readdirSync(frozen.content).filter((f) => f.endsWith('.yaml')))
    cpSync(join(frozen.content, f), join(repo, 'knowledge/content', f));
  for (const f of readdirSync(frozen.sources))
    cpSync(join(frozen.sources, f), join(repo, 'knowledge/sources', f));
  for (const f of readdirSync(join(repo, 'knowledge/sources')))
    if (!f.endsWith('.json') && !readdirSync(frozen.sources).includes(f))
      rmSync(join(repo, 'knowledge/sources', f));
  cpSync(join(root, 'scripts/kb'), join(repo, 'scripts/kb'), { recursive: true });
  cpSync(join(root, 'package.json'), join(repo, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(repo, 'node_modules'), 'dir');
  applyRecipes({ content: join(repo, 'knowledge/content'), sources: join(repo, 'knowledge/sources') });
  build = kb('build');
  check = kb('check');
  const compiled = JSON.parse(readFileSync(join(repo, 'knowledge/compiled/content.json'), 'utf8')) as Content;
  engine = createEngine(compiled);
}, 120_000);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("the content editor's recipes", () => {
  it('are all in the guide: three documents, and the lists each recipe adds to', () => {
    const { texts, yamls } = recipeBlocks();
    expect(texts.map((t) => t.file)).toEqual([
      'presskontakt-2019.txt',
      'uppfoljning-2019.txt',
      'kommuner-2019.txt',
    ]);
    expect(yamls.map((y) => `${y.file} ${y.list}`)).toEqual([
      'documents.yaml documents',
      'contacts.yaml contacts',
      'documents.yaml documents',
      'facts.yaml facts',
      'faq.yaml entries',
      'documents.yaml documents',
      'eligibility.yaml lists',
    ]);
  });

  it('pass kb:build, which writes the compiled content, and then kb:check', () => {
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('kb: content checked, no problems');
    expect(check.status).toBe(0);
  });

  it('give the new press contact, with the new number, from the new document', () => {
    const a = engine.answer('Vem är presskontakt?');
    expect(a.text).toContain('Eva Exempel');
    expect(a.text).toContain('08-405 22 22');
    expect(a.text).not.toContain('Sami Mashial');
    expect(a.text).not.toContain('08-405 10 00');
    expect(a.sources.map((s) => s.quote)).toEqual(
      expect.arrayContaining([
        'Eva Exempel',
        'Pressekreterare på Statsrådsberedningen',
        'Telefon 08-405 22 22',
      ]),
    );
    for (const s of a.sources) expect(s.document).toContain('Ny presskontakt för satsningen”, 2019-02-01');
  });

  // Issue 16, point 2 (the engine's): the title and "(växel)" are still written into the template.
  it('give the new contact’s title and nothing of the old one’s', () => {
    const a = engine.answer('Vem är presskontakt?');
    expect(a.text.toLowerCase()).toContain('pressekreterare på statsrådsberedningen');
    expect(a.text).not.toMatch(/samordnings- och energiminister|växel/);
  });

  it('answer the new FAQ entry from the new document', () => {
    const a = engine.answer('Hur följs satsningen upp?');
    expect(a.text).toContain('Delegationen mot segregation');
    expect(a.text).toContain('redovisar resultaten till regeringen varje år');
    expect(a.sources[0]?.document).toContain('Uppföljning av satsningen”, 2019-03-15');
    expect(engine.answer('How is the programme followed up?').text).toContain(
      'Delegation against Segregation',
    );
  });

  // Issue 16, point 5: ten questions written blind from the new document alone (fixture
  // test/fixtures/recipes/follow-up-blind.jsonl), graded as `npm run eval` grades: a new entry is found
  // by the words of its document, not only by close paraphrases of its own examples.
  it('find the new FAQ entry for questions written blind from its document', () => {
    const file = join(root, 'test/fixtures/recipes/follow-up-blind.jsonl');
    const cases = parseCases(readFileSync(file, 'utf8'), file);
    const missed = cases.filter((c) => misses(c, toJsonl(engine.answer(c.q))).why.length > 0).map((c) => c.q);
    expect(cases).toHaveLength(10);
    // First run 7/10. The three it misses use words neither the entry nor its document has (monitoring,
    // tracks, rapporterar); they are known gaps that must still miss, so whoever closes one is told here.
    expect(missed).toEqual([
      'vem rapporterar till vem om satsningen, och hur ofta?',
      "Who's responsible for monitoring the initiative?",
      'quick one – which body tracks the programme and who does it report to?',
    ]);
  });

  it("answer each year from that year's list", () => {
    expect(engine.answer('Kan Lund söka 2019?').municipalities).toEqual([
      expect.objectContaining({ name: 'Lund', eligible: true, listYear: 2019 }),
    ]);
    expect(engine.answer('Kan Lund söka 2019?').sources[0]?.document).toContain('stöd 2019”, 2019-04-02');
    expect(engine.answer('Kan Lund söka 2018?').municipalities).toEqual([
      expect.objectContaining({ name: 'Lund', eligible: false, listYear: 2018 }),
    ]);
    expect(engine.answer('Kan Perstorp söka 2018?').municipalities).toEqual([
      expect.objectContaining({ name: 'Perstorp', eligible: true, listYear: 2018 }),
    ]);
    expect(engine.answer('Kan Perstorp söka 2019?').municipalities).toEqual([
      expect.objectContaining({ name: 'Perstorp', eligible: false, listYear: 2019 }),
    ]);
  });

  // Issue 16, point 3 (the engine's): with two lists, a year without one still says "X är en av dem".
  it('say that 2020 has no list, without calling Lund one of "them"', () => {
    const a = engine.answer('Kan Lund söka 2020?');
    expect(a.text).toMatch(/2020/);
    expect(a.text).not.toMatch(/en av dem/);
  });
});
