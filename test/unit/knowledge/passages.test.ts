// Passage search (issue 17, "the release's own words"): any sentence of a document can be found, in
// Swedish or English, and quoted whole with its document as the source; a request for the exact words
// gets them; off-topic questions still fall back, and no "not stated" where a sentence says it.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT } from '../../../knowledge/content.ts';
import { createEngine } from '../../../knowledge/engine.ts';
import { createKit } from '../../../knowledge/kit.ts';
import kommuner from '../../../knowledge/sources/kommuner.json' with { type: 'json' };
import { englishStem, swedishStem } from '../../../knowledge/stem.ts';
import { fold } from '../../../knowledge/text.ts';
import { compileContent, formatProblem } from '../../../scripts/kb/compile.ts';

const engine = createEngine();
const root = fileURLToPath(new URL('../../../', import.meta.url));
const release = readFileSync(join(root, 'knowledge/sources/pressmeddelande.txt'), 'utf8');

const STATEMENT = [
  'Det här är en viktig satsning för ett tryggt och hållbart Sverige.',
  'Vi förstärker nu regeringens arbete med att bryta segregationen och snabba på etableringen.',
  'Investeringar i samhällsbygget går före skattesänkningar, säger samordnings- och energiminister Ibrahim Baylan.',
];
const LESSONS = [
  'Regeringen har tagit lärdom av tidigare satsningar för att minska segregationen.',
  expect.stringMatching(/^De viktigaste lärdomarna är att det krävs ett långsiktigt/),
];
const HEADLINE = 'Sverige ska hålla ihop – segregationen ska brytas';
const quotes = (q: string) => engine.answer(q).sources.map((s) => s.quote);

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe('stemming for passage search', () => {
  it('gives the inflections of a Swedish word one stem', () => {
    for (const forms of [
      ['område', 'området', 'områden', 'områdena'],
      ['lärdom', 'lärdomar', 'lärdomarna'],
      ['långsiktig', 'långsiktigt', 'långsiktiga'],
      ['minister', 'ministern'],
    ])
      expect(new Set(forms.map((w) => swedishStem(fold(w)))).size, forms.join()).toBe(1);
  });

  it('gives the inflections of an English word one stem', () => {
    expect(new Set(['lesson', 'lessons'].map(englishStem)).size).toBe(1);
    expect(new Set(['characterise', 'characterises', 'characterised'].map(englishStem)).size).toBe(1);
  });
});

describe("the release's own words", () => {
  it.each([
    ['Citera Baylan ordagrant'],
    ['Vad sa Baylan ordagrant?'],
    ['Quote Baylan verbatim'],
    ['What were the exact words of the minister?'],
    ["Give me Baylan's exact words"],
  ])("gives the minister's whole statement, word for word: %s", (q) => {
    const a = engine.answer(q);
    expect(a.rule).toBe('quote');
    expect(a.outcome).toBe('answered');
    expect(a.sources.map((s) => s.quote)).toEqual(STATEMENT);
    for (const line of STATEMENT) expect(a.text).toContain(`”${line}”`);
  });

  it.each([
    ['Citera meningen om budgetöverenskommelsen'],
    ['Quote the sentence about the Left Party verbatim'],
  ])('quotes the one sentence asked for: %s', (q) => {
    expect(quotes(q)).toEqual([
      'Satsningen är en del av regeringens budgetöverenskommelse med Vänsterpartiet.',
    ]);
  });

  it.each([
    ['What did the government learn from earlier efforts?'],
    ['What did the government learn from previous desegregation initiatives?'],
    ['Vilka är de viktigaste lärdomarna?'],
  ])('finds both sentences on what the government learnt: %s', (q) => {
    const a = engine.answer(q);
    expect(a.outcome).toBe('answered');
    expect(a.text).toMatch(/långsiktig|long-term/);
    if (a.rule === 'passage') expect(a.sources.map((s) => s.quote)).toEqual(LESSONS);
  });

  it.each([
    ['Which characteristics do the areas share?'],
    ['What do the areas have in common?'],
    ['Vilka egenskaper har områdena gemensamt?'],
    ['Vad kännetecknar områdena?'],
  ])('says what characterises the areas: %s', (q) => {
    const a = engine.answer(q);
    expect(a.outcome).toBe('answered');
    expect(a.text).toMatch(/valdeltagande|voter turnout/);
  });

  it.each([
    ["What is Tillväxtverket's role?", /temporary/],
    ['Vilken roll har Tillväxtverket?', /tillfälligt/],
    ['Tillväxtverkets uppgift?', /tillfälligt/],
  ])('says what Tillväxtverket does, not who the minister is: %s', (q, temporary) => {
    const a = engine.answer(q);
    expect(a.text).toMatch(temporary);
    expect(a.text).toContain('Tillväxtverket');
    expect(a.text).not.toContain('Baylan');
  });

  it.each([
    ['Vad heter pressmeddelandet?'],
    ['Vad är rubriken på pressmeddelandet?'],
    ["What's the title of the release?"],
    ['What is the headline of the press release?'],
  ])('gives the headline of the release: %s', (q) => {
    const a = engine.answer(q);
    expect(a.rule).toBe('quote');
    expect(a.sources.map((s) => s.quote)).toEqual([HEADLINE]);
  });

  it("leaves the minister's title to the minister's answer: Vad har Baylan för titel i pressmeddelandet?", () => {
    const a = engine.answer('Vad har Baylan för titel i pressmeddelandet?');
    expect(a.text).toMatch(/samordnings- och energiminister/);
    expect(a.rule).not.toBe('quote');
  });

  it.each([
    ['Vad står det om beständiga resultat?', /^Så här står det, ordagrant:\n”Detta syftar sammantaget/],
    ['Vilka resultat hoppas regeringen på?', /beständiga resultat/],
    ['Vad menas med att snabba på etableringen?', /snabba på etableringen/],
    ['Vilka statsråd har entledigats?', /Statsråd på denna sida som har entledigats/],
    ['What does cross-sectoral work mean here?', /sektorsövergripande/],
    ['`2018:151` - what is that exactly?', /Förordning \(2018:151\)/],
  ])('quotes a sentence instead of "not stated" when one says it: %s', (q, said) => {
    const a = engine.answer(q);
    expect(a.rule).toBe('passage');
    expect(a.outcome).toBe('answered');
    expect(a.text).toMatch(said);
    expect(a.text).not.toMatch(/framgår inte|does not say/);
  });

  it.each([
    ['Vad kostar en kaffe?'],
    ['Who won the Champions League?'],
    ['Vad är klockan i Sverige?'],
    ['Who is the best football player in Sweden?'],
    ['Hur blir vädret i Sverige imorgon?'],
  ])('still falls back, quoting nothing, off the subject: %s', (q) => {
    const a = engine.answer(q);
    expect(a.rule).toBe('fallback');
    expect(a.sources).toEqual([]);
  });

  it.each([
    ['Who heads Delegationen mot segregation?'],
    ['Vilket datum publicerades pressmeddelandet?'],
    ['Står det något om ansökningstider?'],
  ])('says "not stated" where a sentence only shares a word with the question: %s', (q) => {
    expect(engine.answer(q).rule).not.toMatch(/passage|quote/);
  });

  it('quotes only sentences that stand verbatim in the release, with the release as their source', () => {
    const label =
      'Pressmeddelande från Statsrådsberedningen, ”Sverige ska hålla ihop – segregationen ska brytas”, 2018';
    for (const p of CONTENT.derived.passages.passages) {
      expect(release).toContain(p.text);
      const a = engine.answer(`Citera ordagrant: ${p.text}`);
      for (const s of a.sources) {
        expect(release).toContain(s.quote);
        if (a.rule === 'quote') expect(s.document).toBe(label);
      }
    }
  });

  it('finds every sentence of the release by its own words, first', () => {
    const { passages } = createKit(CONTENT);
    for (const p of CONTENT.derived.passages.passages)
      expect(passages.find(p.text)[0]?.passage.text, p.text).toBe(p.text);
  });
});

describe('passage search over content', () => {
  /** A scratch copy of the shipped content and sources. */
  function scratch() {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    temps.push(dir);
    cpSync(join(root, 'knowledge/content'), join(dir, 'content'), { recursive: true });
    cpSync(join(root, 'knowledge/sources'), join(dir, 'sources'), { recursive: true });
    return { content: join(dir, 'content'), sources: join(dir, 'sources') };
  }

  it('finds a sentence of a later document and cites that document', () => {
    const dirs = scratch();
    const file = join(dirs.sources, 'uppfoljning-2020.txt');
    writeFileSync(
      file,
      'Uppföljning\n\nStatskontoret ska följa upp hur kommunerna använder statsbidraget.\n',
    );
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    const documents = join(dirs.content, 'documents.yaml');
    writeFileSync(
      documents,
      `${readFileSync(documents, 'utf8')}  - id: uppfoljning-2020\n    kind: Pressmeddelande\n    publisher: Finansdepartementet\n    title: Uppföljning\n    date: "2020-03-01"\n    file: uppfoljning-2020.txt\n    sha256: ${sha}\n`,
    );
    const { content, problems } = compileContent({ ...dirs, municipalities: kommuner });
    expect(problems).toEqual([]);
    if (!content) throw new Error('no content');
    const a = createEngine(content).answer('Vem ska följa upp statsbidraget?');
    expect(a.rule).toBe('passage');
    expect(a.sources).toEqual([
      {
        quote: 'Statskontoret ska följa upp hur kommunerna använder statsbidraget.',
        document: 'Pressmeddelande från Finansdepartementet, ”Uppföljning”, 2020-03-01',
      },
    ]);
  });

  it('reports a glossary word listed twice in a group, with its file and line', () => {
    const dirs = scratch();
    const glossary = join(dirs.content, 'glossary.yaml');
    writeFileSync(
      glossary,
      readFileSync(glossary, 'utf8').replace('  - en: [ordinance,', '  - en: [ordinance, Ordinance,'),
    );
    const { problems } = compileContent({ ...dirs, municipalities: kommuner });
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/glossary\.yaml:\d+: "Ordinance" is listed twice; remove one/),
    ]);
  });

  it('refuses a glossary group with no Swedish word', () => {
    const dirs = scratch();
    const glossary = join(dirs.content, 'glossary.yaml');
    writeFileSync(glossary, readFileSync(glossary, 'utf8').replace('    sv: [förordning]', '    sv: []'));
    const { problems } = compileContent({ ...dirs, municipalities: kommuner });
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/glossary\.yaml:\d+: terms #\d+, sv: give at least one Swedish word/),
    ]);
  });
});
