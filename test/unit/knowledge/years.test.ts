import { describe, expect, it } from 'vitest';
import { createKnowledge, kronor } from '../../../knowledge/content.ts';
import { cuePattern } from '../../../knowledge/cues.ts';
import { fold } from '../../../knowledge/text.ts';
import { parsePeriod as parse, sumOver } from '../../../knowledge/years.ts';
import { frozenContent, frozenEngine } from '../../support/content.ts';

const engine = frozenEngine();
const CONTENT = frozenContent();
const kb = createKnowledge(CONTENT);
const cues = {
  total: cuePattern(CONTENT.words.cues.total),
  compare: cuePattern(CONTENT.words.cues.compare),
  firstYear: cuePattern(CONTENT.words.cues.first_year),
  firstAmountYear: kb.firstYear,
  lastAmountYear: kb.lastYear,
};
const parsePeriod = (text: string) => parse(text, fold(text), cues);
const TOTAL_ALL_YEARS = sumOver(kb, kb.firstYear, kb.lastYear).sum;

describe('years and amounts', () => {
  it('reads single years, ranges in several spellings, and a wish for a total', () => {
    expect(parsePeriod('Hur mycket 2019?')).toEqual({
      years: [2019],
      ranges: [],
      total: false,
      compare: false,
    });
    expect(parsePeriod('Vad får kommunerna -18?').years).toEqual([2018]);
    expect(parsePeriod('efter 2018').ranges).toEqual([[2019, 2027]]);
    expect(parsePeriod('det första året').years).toEqual([2018]);
    expect(parsePeriod('totalt 2019–2021').ranges).toEqual([[2019, 2021]]);
    expect(parsePeriod('from 2020 to 2027').ranges).toEqual([[2020, 2027]]);
    expect(parsePeriod('mellan 2021 och 2019').ranges).toEqual([[2019, 2021]]);
    expect(parsePeriod('2020-27').ranges).toEqual([[2020, 2027]]);
    expect(parsePeriod('2019 och 2021').years).toEqual([2019, 2021]);
    expect(parsePeriod('How much in total?').total).toBe(true);
  });

  it('reads a range named by its end ("t.o.m. 2025", "up to and including 2023") from the first year', () => {
    expect(parsePeriod('Ackumulerat t.o.m. 2025?').ranges).toEqual([[2018, 2025]]);
    expect(parsePeriod('How much up to and including 2023?').ranges).toEqual([[2018, 2023]]);
    expect(parsePeriod('2019 till och med 2023').ranges).toEqual([[2019, 2023]]);
  });

  it('reads positions without their noun at the end of a follow-up, or beside one that has it', () => {
    expect(parsePeriod('and the last three?').ranges).toEqual([[2025, 2027]]);
    expect(parsePeriod('de två första?').ranges).toEqual([[2018, 2019]]);
    expect(parsePeriod('de tre första och de tre sista åren').ranges).toEqual([
      [2025, 2027],
      [2018, 2020],
    ]);
    expect(parsePeriod('the first two municipalities on the list').ranges).toEqual([]);
  });

  it('does not read the ordinance number 2018:151 as a year', () => {
    expect(parsePeriod('Förordning 2018:151')).toEqual({
      years: [],
      ranges: [],
      total: false,
      compare: false,
    });
  });

  it('sums 2018–2027 to 19,375 billion kronor from the per-year facts', () => {
    expect(TOTAL_ALL_YEARS).toBe(19_375_000_000);
    expect(kronor(TOTAL_ALL_YEARS, 'sv')).toBe('19,375 miljarder kronor');
    expect(kronor(TOTAL_ALL_YEARS, 'en')).toBe('19.375 billion kronor');
    expect(sumOver(kb, 2019, 2021)).toEqual({ sum: 5_750_000_000, covered: [2019, 2021], outside: [] });
  });

  it.each<[number, string]>([
    [2018, '425 miljoner'],
    [2019, '1,35 miljarder'],
    ...[2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027].map((y): [number, string] => [y, '2,2 miljarder']),
  ])('answers the amount for %i', (year, amount) => {
    const a = engine.answer(`Hur mycket avsätts ${year}?`);
    expect(a.intent).toBe('amount');
    expect(a.text).toContain(amount);
    expect(a.sources.length).toBeGreaterThan(0);
  });

  it('sums a range and says which years of it the release does not cover', () => {
    expect(engine.answer('Hur mycket totalt 2019–2021?').text).toContain('5,75 miljarder');
    const partly = engine.answer('How much from 2026 to 2030?').text;
    expect(partly).toContain('4.4 billion');
    expect(partly).toContain('2018–2027');
  });

  it('names every uncovered year of a range, as spans', () => {
    expect(engine.answer('Hur mycket totalt mellan 2021 och 2030?').text).toContain(
      'något belopp för 2028–2030 framgår inte',
    );
  });

  it('says the release covers 2018–2027 for a year outside it, and gives no amount', () => {
    for (const year of [2017, 2028, 2031, 1999]) {
      const a = engine.answer(`Hur mycket satsas ${year}?`);
      expect(a.text).toContain('2018–2027');
      expect(a.text).not.toMatch(/miljard|miljoner/);
    }
  });

  it('computes the difference between two years when asked to compare', () => {
    expect(engine.answer('Hur mycket mer får kommunerna 2019 jämfört med 2018?').text).toContain(
      '925 miljoner kronor mer',
    );
    expect(engine.answer('By how much does the funding increase from 2019 to 2020?').text).toContain(
      '850 million kronor more',
    );
  });

  it('gives the whole programme when no year is named', () => {
    expect(engine.answer('How much money is it in total?').text).toContain('19.375 billion');
  });
});
