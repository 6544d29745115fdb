import { describe, expect, it } from 'vitest';
import { askedYears, genitive, joinNames, listYearFor } from '../../../knowledge/answers.ts';
import { createKnowledge, kronor } from '../../../knowledge/content.ts';
import { frozenContent, frozenEngine } from '../../support/content.ts';

const kb = createKnowledge(frozenContent());
const engine = frozenEngine();
const period = (years: number[] = [], ranges: [number, number][] = []) => ({
  years,
  ranges,
  total: false,
  compare: false,
});

describe('answers', () => {
  it('writes Swedish genitives as Swedish does', () => {
    expect(genitive('Stockholm')).toBe('Stockholms');
    expect(genitive('Göteborg')).toBe('Göteborgs');
    expect(genitive('Borås')).toBe('Borås');
    expect(engine.answer('Kan Rinkeby söka?').text).toContain('Rinkeby ligger i Stockholms kommun');
  });

  it('shows what the asker typed, not the corrected name twice, when it read a typo', () => {
    const a = engine.answer('Kan Helsingbrg söka?');
    expect(a.text).toContain('*Helsingborg* (du skrev ”Helsingbrg”)');
    expect(a.text).not.toContain('tolkat som Helsingborg');
  });

  it('joins names as prose in each language', () => {
    expect(joinNames({ kb, lang: 'sv' }, ['A', 'B', 'C'])).toBe('A, B och C');
    expect(joinNames({ kb, lang: 'en' }, ['A', 'B'], 'or')).toBe('A or B');
    expect(joinNames({ kb, lang: 'sv' }, ['A'])).toBe('A');
  });

  it('bases a verdict on the list of the year asked, or on the latest list', () => {
    expect(listYearFor(kb, period())).toBe(2018);
    expect(listYearFor(kb, period([2025]))).toBe(2018);
    expect(askedYears(period([2019], [[2021, 2022]]))).toEqual([2019, 2021, 2022]);
  });

  it('says first that a year has no list, never a bare tick', () => {
    const a = engine.answer('Is Göteborg eligible in 2025?');
    expect(a.text).toMatch(/^\*Göteborg\* is on the list for 2018\.\n/);
    expect(a.text).toMatch(/so for 2025 they say nothing: the latest list is for 2018/);
    expect(a.text).not.toContain('✅');
    expect(a.municipalities).toEqual([
      expect.objectContaining({ name: 'Göteborg', eligible: true, listYear: 2018 }),
    ]);
  });

  it('corrects an amount the question gets wrong, then gives the right one', () => {
    const a = engine.answer('Är det 2,2 miljarder redan 2019?');
    expect(a.text).toContain('❌ Nej, det stämmer inte – inte 2,2 miljarder kronor (2019)');
    expect(a.text).toContain('1,35 miljarder kronor');
  });

  it('computes an average per year from the amounts', () => {
    expect(engine.answer('Vad blir det i snitt per år 2018–2027?').text).toContain(
      kronor(1_937_500_000, 'sv'),
    );
  });

  it('answers every part of a message that asks several things, each with its source', () => {
    const a = engine.answer('Vem hanterar bidraget och hur mycket är det 2021?');
    expect(a.parts).toEqual(['administration', 'amount']);
    expect(a.text).toMatch(/Delegationen mot segregation/);
    expect(a.text).toMatch(/2,2 miljarder/);
    expect(a.sources.length).toBeGreaterThanOrEqual(2);
  });
});
