import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBatch } from '../../../cli/batch.ts';
import { toJsonl } from '../../../cli/format.ts';
import { inputLine, misses, parseCases } from '../../../cli/grading.ts';
import { frozenEngine, frozenSource } from '../../support/content.ts';

const engine = frozenEngine();
// Every question set in test/fixtures: the shared sample and the sets written blind from the release.
const FIXTURES = new URL('../../fixtures/', import.meta.url);
const QUESTION_SETS = readdirSync(FIXTURES).filter((f) => f.endsWith('.jsonl'));
const loadCases = (file: string) => parseCases(readFileSync(new URL(file, FIXTURES), 'utf8'), file);
const release = frozenSource();

describe('answer engine', () => {
  describe.each(QUESTION_SETS)('question set %s', (file) => {
    // Graded as `npm run eval` grades them: the line ask reads, ask's answer, the grader's rules.
    // One batch per set, in order, so the turns of a thread see the context of the earlier ones.
    const answer = createBatch(engine);
    it.each(loadCases(file).map((c) => [c.id, c] as const))('answers %s as expected', (_, c) => {
      const a = answer(inputLine(c));
      expect(a).not.toBeNull();
      const why = a ? misses(c, toJsonl(a)).why : [];
      // A known gap must still miss: when it passes, remove its "gap" mark so it guards from then on.
      if (c.gap) expect(why, `${c.id} is marked as a gap (${c.gap}) but now passes`).not.toEqual([]);
      else expect(why).toEqual([]);
    });
  });

  it('cites only sentences that stand verbatim in the release', () => {
    const all = QUESTION_SETS.flatMap(loadCases);
    for (const c of all) for (const s of engine.answer(c.q).sources) expect(release, c.q).toContain(s.quote);
  });

  it('gives every answered question at least one source', () => {
    for (const q of [
      'Kan Malmö söka?',
      'Hur mycket 2019?',
      'Vem är presskontakt?',
      'Vilken förordning gäller?',
    ]) {
      const a = engine.answer(q);
      expect(a.outcome).toBe('answered');
      expect(a.sources.length, q).toBeGreaterThan(0);
    }
  });

  it('answers greetings and help with example questions', () => {
    for (const q of ['hjälp', 'Hej!', 'help', 'hello', '?', '']) {
      const a = engine.answer(q);
      expect(a.intent, q).toBe('help');
      expect(a.text).toMatch(/Malmö|Uppsala/);
    }
  });

  it('says honestly what the release does not state instead of inventing it', () => {
    expect(engine.answer('Hur mycket får Göteborg?').text).toMatch(/framgår inte/);
    expect(engine.answer('What is the application deadline?').text).toMatch(/does not say/);
    expect(engine.answer('Hur mycket får varje kommun?').text).toMatch(/framgår inte/);
  });

  it('falls back without a topic or a municipality when the question is off the subject', () => {
    for (const q of ['Vad kostar en kaffe?', 'Who won the Champions League?', 'asdf qwerty']) {
      const a = engine.answer(q);
      expect(a.intent, q).toBe('unknown');
      expect(a.municipalities).toEqual([]);
      expect(a.outcome).not.toBe('answered');
    }
  });

  it('offers "did you mean" suggestions in the asker\'s language when it is unsure', () => {
    const sv = engine.answer('syfte kaffe');
    expect(sv.outcome).toBe('suggest');
    expect(sv.intent).toBe('unknown');
    expect(sv.suggestions).toEqual(['Vad är syftet med satsningen?']);
    const en = engine.answer('minister fotboll');
    expect(en.suggestions.length).toBeGreaterThan(0);
    expect(en.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('answers a question about two things with both answers', () => {
    const a = engine.answer('Kan Uppsala söka, och vem hanterar pengarna 2019?');
    expect(a.municipalities).toEqual([expect.objectContaining({ name: 'Uppsala', eligible: true })]);
    expect(a.text).toContain('Delegationen mot segregation');
  });

  it('keeps to what it knows when a municipality comes up in an unrelated question', () => {
    const a = engine.answer("What's the weather in Gothenburg tomorrow?");
    expect(a.intent).toBe('unknown');
    expect(a.text).toMatch(/cannot answer/);
  });

  it('asks instead of answering when a name is two edits from a municipality', () => {
    const a = engine.answer('Kan Helsingfors söka bidraget?');
    expect(a.municipalities).toEqual([]);
    expect(a.outcome).toBe('suggest');
  });

  it('reads only the start of a very long question', () => {
    const a = engine.answer(`Kan Malmö söka? ${'bla '.repeat(30_000)} Kan Boden söka?`);
    expect(a.municipalities.map((m) => m.name)).toEqual(['Malmö']);
  });
});
