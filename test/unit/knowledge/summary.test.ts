import { describe, expect, it } from 'vitest';
import { programmeSummary } from '../../../knowledge/summary.ts';
import { frozenContent } from '../../support/content.ts';

describe('programme summary', () => {
  it('gives the amounts by year, the total and all 32 municipalities in Swedish', () => {
    const s = programmeSummary('sv', frozenContent());
    expect(s.amounts.map((a) => `${a.period}: ${a.amount}`)).toEqual([
      '2018: 425 miljoner kronor',
      '2019: 1,35 miljarder kronor',
      '2020–2027: 2,2 miljarder kronor per år',
    ]);
    expect(s.total).toContain('19,375 miljarder kronor');
    expect(s.municipalities).toHaveLength(32);
    expect(s.contacts.join()).toContain('Sami Mashial');
  });

  it('speaks English when asked to', () => {
    const s = programmeSummary('en', frozenContent());
    expect(s.total).toContain('19.375 billion kronor');
    expect(s.administration).toContain('Delegationen mot segregation');
  });
});
