// What the bot knows is data: a content folder alone, with no TypeScript change, decides what it answers.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../knowledge/engine.ts';
import kommuner from '../../../knowledge/sources/kommuner.json' with { type: 'json' };
import { compileContent } from '../../../scripts/kb/compile.ts';
import { fixture, frozenEngine } from '../../support/content.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CONTENT = join(root, 'knowledge/content');
const SOURCES = join(root, 'knowledge/sources');
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A scratch copy of the frozen 2018 content (over the shipped word lists) and its sources, to edit. */
function scratch(): { content: string; sources: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kb-'));
  temps.push(dir);
  const frozen = fixture('release-2018');
  cpSync(CONTENT, join(dir, 'content'), { recursive: true });
  for (const f of readdirSync(frozen.content).filter((f) => f.endsWith('.yaml')))
    cpSync(join(frozen.content, f), join(dir, 'content', f));
  cpSync(frozen.sources, join(dir, 'sources'), { recursive: true });
  return { content: join(dir, 'content'), sources: join(dir, 'sources') };
}

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function engineFrom(dirs: { content: string; sources: string }) {
  const { content, problems } = compileContent({ ...dirs, municipalities: kommuner });
  expect(problems).toEqual([]);
  if (!content) throw new Error('no content');
  return createEngine(content);
}

/** Runs `npm run kb:check` on a content folder, as an editor would. */
function kbCheck(dirs: { content: string; sources: string }) {
  return spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'scripts/kb/main.ts'),
      'check',
      '--content',
      dirs.content,
      '--sources',
      dirs.sources,
    ],
    { encoding: 'utf8', cwd: root },
  );
}

describe('content as data', () => {
  it('answers about a made-up second programme from its own content folder alone', () => {
    const dirs = scratch();
    const fixture = join(root, 'test/fixtures/content/kulturlyftet');
    for (const f of readdirSync(fixture).filter((f) => f.endsWith('.yaml')))
      cpSync(join(fixture, f), join(dirs.content, f));
    cpSync(join(fixture, 'sources'), dirs.sources, { recursive: true });
    const engine = engineFrom(dirs);

    const kiruna = engine.answer('Kan Kiruna söka?');
    expect(kiruna.municipalities).toEqual([
      expect.objectContaining({ name: 'Kiruna', eligible: true, listYear: 2031 }),
    ]);
    expect(kiruna.text).toContain('3 kommuner');
    expect(kiruna.sources[0]?.document).toContain('Kulturdepartementet');
    expect(kiruna.sources[0]?.document).toContain('2031-03-15');
    expect(engine.answer('Kan Malmö söka?').municipalities).toEqual([
      expect.objectContaining({ name: 'Malmö', eligible: false }),
    ]);
    expect(engine.answer('Hur mycket avsätts 2032?').text).toContain('150 miljoner kronor');
    expect(engine.answer('How much in total 2031–2033?').text).toContain('400 million kronor');
    expect(engine.answer('Vem är presskontakt?').text).toContain('Anna Berg');
    expect(engine.answer('Who distributes the money?').text).toContain('Kulturrådet');
    expect(engine.answer('Kan Kiruna söka 2033?').text).toMatch(/står på listan för 2031/);
    expect(engine.answer('Kan Kiruna söka 2033?').text).toMatch(/den senaste listan gäller 2031/);
  });

  it('lets a later document supersede a fact of an earlier one, and cites the later one with its date', () => {
    const dirs = scratch();
    const note = join(dirs.sources, 'presskontakt-2019.txt');
    writeFileSync(note, 'Ny presskontakt\n\nEva Exempel\nPressekreterare\nTelefon (växel) 08-405 10 00\n');
    edit(
      join(dirs.content, 'documents.yaml'),
      (t) =>
        `${t}  - id: kontakt-2019\n    kind: Pressmeddelande\n    publisher: Statsrådsberedningen\n    title: Ny presskontakt\n    date: "2019-02-01"\n    file: presskontakt-2019.txt\n    sha256: ${sha256(note)}\n`,
    );
    const contact = (id: string, value: string, quote = value) =>
      `  - id: ${id}\n    value: ${value}\n    quote: ${quote}\n    document: kontakt-2019\n`;
    edit(join(dirs.content, 'contacts.yaml'), (t) =>
      t.replace('contacts:\n', `contacts:\n${contact('contact.press.name', 'Eva Exempel')}`),
    );
    // The name alone: a contact's name, title and phone belong together, and the check says so.
    expect(compileContent({ ...dirs, municipalities: kommuner }).problems).toEqual([
      expect.objectContaining({
        file: expect.stringContaining('contacts.yaml'),
        message: expect.stringMatching(
          /"contact.press.title", "contact.press.phone" still from an older document/,
        ),
      }),
    ]);
    edit(join(dirs.content, 'contacts.yaml'), (t) =>
      t.replace(
        'contacts:\n',
        `contacts:\n${contact('contact.press.title', 'Pressekreterare')}${contact('contact.press.phone', '08-405 10 00', 'Telefon (växel) 08-405 10 00')}`,
      ),
    );
    const a = engineFrom(dirs).answer('Vem är presskontakt?');
    expect(a.text).toContain('Eva Exempel');
    expect(a.text).not.toContain('Sami Mashial');
    expect(a.text).not.toMatch(/samordnings- och energiminister/);
    expect(a.sources.map((s) => s.document).join()).toContain('Ny presskontakt”, 2019-02-01');
  });

  it('refuses a template that writes out a fact instead of naming it by placeholder', () => {
    const dirs = scratch();
    edit(join(dirs.content, 'faq.yaml'), (t) =>
      t.replace(
        '{contact.press.title}. {contact.press.phone.line}',
        'pressekreterare hos Ibrahim Baylan. Telefon 08-405 10 00',
      ),
    );
    const messages = compileContent({ ...dirs, municipalities: kommuner }).problems.map((p) => p.message);
    expect(messages).toEqual([expect.stringMatching(/a number stands in the text \("08-405 10 00"\)/)]);
    edit(join(dirs.content, 'faq.yaml'), (t) =>
      t.replace('Telefon 08-405 10 00', 'Telefon {contact.press.phone}'),
    );
    const again = compileContent({ ...dirs, municipalities: kommuner }).problems.map((p) => p.message);
    expect(again).toEqual([
      expect.stringMatching(/"Ibrahim Baylan" is the fact \{minister.name\} written out/),
    ]);
  });

  it('changes the answer when the press contact is renamed in the source text and the content files', () => {
    const dirs = scratch();
    const release = join(dirs.sources, 'pressmeddelande.txt');
    edit(release, (t) => t.replaceAll('Sami Mashial', 'Kim Testsson'));
    for (const f of readdirSync(dirs.content))
      edit(join(dirs.content, f), (t) => t.replaceAll('Sami Mashial', 'Kim Testsson'));
    edit(join(dirs.content, 'documents.yaml'), (t) => t.replace(/sha256: \w+/, `sha256: ${sha256(release)}`));
    expect(engineFrom(dirs).answer('Vem är presskontakt?').text).toContain('Kim Testsson');
    // The frozen files still say what the release says.
    expect(frozenEngine().answer('Vem är presskontakt?').text).toContain('Sami Mashial');
  });

  it('fails kb:check and names the file when one word of a quoted sentence is changed', () => {
    const dirs = scratch();
    edit(join(dirs.content, 'facts.yaml'), (t) =>
      t.replace('tryggt och hållbart Sverige.', 'tryggt och starkt Sverige.'),
    );
    const run = kbCheck(dirs);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /facts\.yaml:\d+: the quote is not word for word in knowledge\/sources\/pressmeddelande\.txt/,
    );
  });

  it('refuses a published document whose text was edited', () => {
    const dirs = scratch();
    edit(join(dirs.sources, 'pressmeddelande.txt'), (t) => t.replace('Publicerad', 'Publicerat'));
    const run = kbCheck(dirs);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/documents\.yaml:\d+: .*not the text as published/);
  });

  it('reports an entry with neither answer nor composer, an unknown placeholder and a duplicate keyword', () => {
    const dirs = scratch();
    edit(join(dirs.content, 'faq.yaml'), (t) =>
      t
        .replace('    composer: duration\n', '')
        .replace('Bidraget regleras i *{ordinance}*.', 'Bidraget regleras i *{ordinanse}*.')
        .replace('keywords: [varje kommun,', 'keywords: [varje kommun, vardera,'),
    );
    const run = kbCheck(dirs);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/faq\.yaml:\d+: "duration" has no answer/);
    expect(run.stderr).toMatch(/faq\.yaml:\d+: \{ordinanse\} is not a fact.*\{ordinance\}/);
    expect(run.stderr).toMatch(/faq\.yaml:\d+: "vardera" is listed twice/);
  });

  it('reports an example question that another entry answers', () => {
    const dirs = scratch();
    edit(join(dirs.content, 'faq.yaml'), (t) =>
      t.replace('- Vem är presskontakt?', '- Hur mycket avsätts 2019?'),
    );
    const run = kbCheck(dirs);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /faq\.yaml:\d+: the example "Hur mycket avsätts 2019\?" is answered by "amount", not by "contact.press"/,
    );
  });

  it('reports a region naming an unknown county, and a county left out of county_prefixes, with a hint', () => {
    const dirs = scratch();
    edit(join(dirs.content, 'places.yaml'), (t) =>
      t
        .replace('[Gävleborgs län, Västernorrlands län,', '[Gävleborg län, Västernorrlands län,')
        .replace(/ {2}Jämtlands län: \[.*\]\n/, ''),
    );
    const run = kbCheck(dirs);
    expect(run.status).toBe(1);
    const lines = readFileSync(join(dirs.content, 'places.yaml'), 'utf8').split('\n');
    const norrland = lines.findIndex((l) => l.includes('[Gävleborg län,')) + 1;
    expect(run.stderr).toContain(
      `places.yaml:${norrland}: "Gävleborg län" is not a county name in kommuner.json; did you mean "Gävleborgs län"?`,
    );
    expect(run.stderr).toMatch(/places\.yaml:\d+: every county needs a line here.*"Jämtlands län: \[\]"/);
  });

  it('passes on the shipped content, and says so', () => {
    const run = kbCheck({ content: CONTENT, sources: SOURCES });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
