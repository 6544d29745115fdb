import { describe, expect, it } from 'vitest';
import { frozenEngine } from '../../support/content.ts';

const engine = frozenEngine();

describe('language', () => {
  it.each([
    ['Kan Malmö söka stödet?', 'sv'],
    ['Hur mycket pengar satsas 2019?', 'sv'],
    ['hur mycket far goteborg', 'sv'],
    ['Vem fördelar pengarna?', 'sv'],
    ['hjälp', 'sv'],
    ['Is Malmö eligible?', 'en'],
    ['Can Sodertalje apply?', 'en'],
    ['How much is allocated in 2018?', 'en'],
    ['Who do I call with press questions?', 'en'],
    ['help', 'en'],
  ] as const)('answers %j in %s', (question, lang) => {
    expect(engine.answer(question).lang).toBe(lang);
  });

  it('answers in the language it detected', () => {
    expect(engine.answer('Who distributes the money?').text).toMatch(/distributes/);
    expect(engine.answer('Vem fördelar pengarna?').text).toMatch(/fördelar/);
  });
});
