// A press officer checking a line of a draft against the documents: "can I say …", "kan jag skriva att
// …", a quoted line and "stämmer?". Every place named gets its verdict from the list; a quoted sentence
// is set against the document's own; a quote is attributed to the one the release names. Both languages.
import { describe, expect, it } from 'vitest';
import { frozenEngine } from '../../support/content.ts';

const engine = frozenEngine();
const verdicts = (q: string) =>
  Object.fromEntries(engine.answer(q).municipalities.map((m) => [m.name, m.eligible]));

describe('a draft line about the list', () => {
  it.each([
    ['Can I say Uppsala, Örebro and Lund are all on the list?', { Uppsala: true, Örebro: true, Lund: false }],
    ['May I write that Karlstad is among the eligible municipalities?', { Karlstad: false }],
    [
      'Kan jag skriva att Botkyrka, Huddinge och Haninge får söka?',
      { Botkyrka: true, Huddinge: true, Haninge: false },
    ],
    ['får vi skriva att Rosengård kan söka bidraget?', { Malmö: true }],
    ['Kan jag lista Karlstad bland kommunerna som kan söka?', { Karlstad: false }],
  ])('gives each place named its verdict from the list, not the rule on other applicants: %j', (q, want) => {
    const a = engine.answer(q);
    expect(a.rule).not.toBe('other-applicants');
    expect(verdicts(q)).toEqual(want);
  });

  it.each([
    ['can we say "no municipality in Jämtland County can apply"?', /Jämtland/],
    ['Kan jag skriva att ingen kommun i Kalmar län är med?', /Kalmar län/],
  ])('checks a claim about a county with its municipalities on the list: %j', (q, text) => {
    const a = engine.answer(q);
    expect(a.rule).toBe('county');
    expect(a.text).toMatch(text);
  });

  it.each([
    'Kan jag söka bidraget?',
    'Can I apply as a private person?',
    'Kan jag skriva att företag kan söka?',
  ])('still answers an applicant who is no municipality with the rule on other applicants: %j', (q) =>
    expect(engine.answer(q).rule).toBe('other-applicants'),
  );
});
