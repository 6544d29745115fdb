import { describe, expect, it } from 'vitest';
import type { ConversationContext } from '../../../knowledge/types.ts';
import { frozenEngine } from '../../support/content.ts';

const engine = frozenEngine();
// A thread that was in English: a Swedish message must still be read as Swedish, not fall back to the thread's language.
const ENGLISH_THREAD: ConversationContext = {
  topic: null,
  places: [],
  years: [],
  ranges: [],
  county: null,
  lang: 'en',
};

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

  it.each([
    '2019→2020: +850m, i.e. roughly +63%. right?',
    '8 yrs x 2.2bn = 17.6bn?',
    '850m more than 2019, correct?',
    'approx 17bn total?',
    'per yr?',
    'ok thx',
    'same for 2021?',
  ])('reads the short English chat %j, with figures and abbreviations, as English', (question) => {
    expect(engine.answer(question).lang).toBe('en');
  });

  it.each([
    'hur mkt 2019?',
    'funkar det för Gbg?',
    'ok tack',
    '850 mkr mer än 2019, stämmer det?',
    '1,35 mdr + 2,2 mdr?',
    'typ 17 mdr totalt?',
    'samma för 2021?',
    'rätt?',
  ])('keeps the short Swedish chat %j, with figures and abbreviations, Swedish', (question) => {
    expect(engine.answer(question).lang).toBe('sv');
    expect(engine.answer(question, ENGLISH_THREAD).lang).toBe('sv');
  });

  it.each(['belopp t.o.m. 2024?', 'Lund me?'])(
    'does not read the lone letters and short forms of %j as English: with no word of either it is Swedish',
    (question) => {
      expect(engine.answer(question).lang).toBe('sv');
    },
  );

  it.each([
    ['per month?', 'en'],
    ['Lund too?', 'en'],
    ['avg per year?', 'en'],
    ['wait, 1.35bn in 2019?', 'en'],
    ['great thx', 'en'],
    ['who pays?', 'en'],
    ['per månad?', 'sv'],
    ['Lund också?', 'sv'],
    ['snitt per år?', 'sv'],
    ['vänta, 1,35 mdr 2019?', 'sv'],
    ['toppen tack', 'sv'],
    ['vem betalar?', 'sv'],
    ['va blir det totalt?', 'sv'],
    ['Who heads Delegationen mot segregation?', 'en'],
  ] as const)('reads the short message %j as %s', (question, lang) => {
    expect(engine.answer(question).lang).toBe(lang);
  });

  it('answers in the language it detected', () => {
    expect(engine.answer('Who distributes the money?').text).toMatch(/distributes/);
    expect(engine.answer('Vem fördelar pengarna?').text).toMatch(/fördelar/);
  });
});
