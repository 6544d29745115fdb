// Invisible format characters (\p{Cf}) inside a word: a soft hyphen pasted from a web page, a zero-width
// space or joiner from a chat client, a byte-order mark. They must not change what the engine reads.
// Regression: on 56aae90 "Kan Mal\u00ADmö söka?" read as "Mal mö" and got the programme's purpose,
// not Malmö's eligibility.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../knowledge/engine.ts';

const engine = createEngine();

describe('reading a question with invisible characters inside a name', () => {
  it.each([
    ['soft hyphen', 'Kan Mal\u00ADmö söka?'],
    ['zero-width space', 'Kan Mal\u200Bmö söka?'],
    ['zero-width joiner', 'Kan Malm\u200Dö söka?'],
    ['word joiner', 'Kan Mal\u2060mö söka?'],
    ['byte-order mark', '\uFEFFKan Malmö söka?'],
  ])('%s: answers as if it were not there', (_name, question) => {
    const plain = engine.answer('Kan Malmö söka?', null);
    const read = engine.answer(question, null);
    expect(read.intent).toBe(plain.intent);
    expect(read.entryId).toBe(plain.entryId);
    expect(read.text).toBe(plain.text);
    expect(read.text).toContain('Malmö');
  });
});
