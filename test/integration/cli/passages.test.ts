// The release's own words through `npm run --silent ask -- --jsonl`, as scripts and `npm run eval` read
// them: each sentence quoted whole in the answer and listed, word for word, as a source.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.ts';

const release = readFileSync(
  new URL('../../../knowledge/sources/pressmeddelande.txt', import.meta.url),
  'utf8',
);
const DOCUMENT =
  'Pressmeddelande från Statsrådsberedningen, ”Sverige ska hålla ihop – segregationen ska brytas”, 2018';

const QUESTIONS = [
  'Citera Baylan ordagrant',
  'What were the exact words of the minister?',
  'Vad menas med att snabba på etableringen?',
  'What did the government learn from previous desegregation initiatives?',
  'Vad heter pressmeddelandet?',
  "What's the title of the release?",
  'Vad kostar en kaffe?',
  'Who won the Champions League?',
];

describe("npm run ask --jsonl: the release's own words", () => {
  it('quotes sentences of the release word for word, in both languages, and falls back off the subject', async () => {
    const run = await runCli('cli/ask.ts', ['--jsonl'], {
      input: `${QUESTIONS.join('\n')}\n`,
      timeoutMs: 30_000,
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const records = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { lang: string; rule: string; answer: string; sources: string[] });
    expect(records.map((r) => [r.lang, r.rule])).toEqual([
      ['sv', 'quote'],
      ['en', 'quote'],
      ['sv', 'passage'],
      ['en', 'passage'],
      ['sv', 'quote'],
      ['en', 'quote'],
      ['sv', 'fallback'],
      ['en', 'fallback'],
    ]);
    const [sv, en, integration, lessons, headline, title] = records;
    expect(sv?.answer).toMatch(/^Så här står det, ordagrant:\n”Det här är en viktig satsning/);
    expect(en?.answer).toMatch(/^This is what it says, word for word \(in Swedish\):\n”Det här är/);
    expect(en?.sources).toEqual(sv?.sources);
    expect(sv?.sources).toHaveLength(3);
    expect(integration?.answer).toContain(
      '”Vi förstärker nu regeringens arbete med att bryta segregationen och snabba på etableringen.”',
    );
    expect(lessons?.answer).toContain('”Regeringen har tagit lärdom av tidigare satsningar');
    expect(lessons?.answer).toContain('”De viktigaste lärdomarna är');
    for (const r of [headline, title])
      expect(r?.sources).toEqual([`“Sverige ska hålla ihop – segregationen ska brytas” — ${DOCUMENT}`]);
    // Every source is a sentence of the release, word for word, with the release named.
    for (const r of records.slice(0, 6))
      for (const source of r.sources) {
        const [, quote, document] = source.match(/^“(.*)” — (.*)$/) ?? [];
        expect(release).toContain(quote);
        expect(document).toBe(DOCUMENT);
      }
    expect(records.slice(6).flatMap((r) => r.sources)).toEqual([]);
  });
});
