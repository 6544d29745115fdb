// Names as people type them (issue 17, point 3), through the batch door: `npm run ask -- --jsonl`.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.ts';

describe('npm run ask --jsonl, on the names people type', () => {
  it('answers short forms, old spellings, regions, county adjectives and agency short forms in both languages', async () => {
    const questions = [
      'Kan Jkpg kn söka?',
      'Is Wexiö eligible?',
      'vilka kommuner i Norrland kan söka?',
      'Can Svealand apply?',
      'hallandskommuner, kan de söka?',
      'Which Scanian municipalities can apply?',
      'vad gör delmos?',
      'what does TVV do?',
    ];
    const run = await runCli('cli/ask.ts', ['--jsonl'], { input: `${questions.join('\n')}\n` });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const records = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const seen = records.map((r) => [
      r.lang,
      r.intent,
      r.municipalities.map((m: { name: string; eligible: boolean }) => `${m.name}=${m.eligible}`).join(' '),
    ]);
    expect(seen).toEqual([
      ['sv', 'eligibility', 'Jönköping=true'],
      ['en', 'eligibility', 'Växjö=true'],
      ['sv', 'municipalities', 'Gävle=true Sandviken=true'],
      ['en', 'eligibility', expect.stringContaining('Borlänge=true')],
      ['sv', 'eligibility', 'Halmstad=true'],
      ['en', 'eligibility', expect.stringContaining('Malmö=true')],
      ['sv', 'administration', ''],
      ['en', 'administration', ''],
    ]);
    expect(records[2].answer).toMatch(/^Norrland är ingen kommun/);
    expect(records[3].answer).toMatch(/^Svealand is not a municipality/);
  });
});
