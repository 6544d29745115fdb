import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT, createKnowledge } from '../../../knowledge/content.ts';
import kommuner from '../../../knowledge/sources/kommuner.json' with { type: 'json' };

const release = readFileSync(
  new URL('../../../knowledge/sources/pressmeddelande.txt', import.meta.url),
  'utf8',
);
const kb = createKnowledge();

describe('the compiled content the engine ships', () => {
  it.each(Object.entries(CONTENT.facts))('quotes %s verbatim from its document', (_, fact) => {
    expect(release).toContain(fact.quote);
  });

  it('names the contact, the minister and the ordinance exactly as the release does', () => {
    for (const id of ['contact.press.name', 'contact.press.phone', 'minister.name', 'ordinance'])
      expect(release).toContain(String(CONTENT.facts[id]?.value));
  });

  it('lists exactly the 32 municipalities that stand one per line under the 2018 heading', () => {
    const list = kb.listFor(2018);
    const heading = list?.heading ?? '—';
    const after = release.slice(release.indexOf(heading) + heading.length);
    const lines = after.split('\n').map((l) => l.trim());
    expect(list?.municipalities).toEqual(lines.slice(lines.findIndex(Boolean)).slice(0, 32));
    expect(new Set(list?.municipalities).size).toBe(32);
  });

  it('spells every eligible municipality as kommuner.json does', () => {
    const names = new Set(kommuner.map((k) => k.name));
    for (const name of kb.listFor(2018)?.municipalities ?? []) expect(names).toContain(name);
    expect(kommuner).toHaveLength(290);
  });

  it('gives the amounts the release states, and none outside 2018–2027', () => {
    expect(kb.amountFor(2018)).toBe(425_000_000);
    expect(kb.amountFor(2019)).toBe(1_350_000_000);
    for (let y = 2020; y <= 2027; y++) expect(kb.amountFor(y)).toBe(2_200_000_000);
    expect(kb.amountFor(2017)).toBeNull();
    expect(kb.amountFor(2028)).toBeNull();
  });

  it('has one list, for 2018, and no list for any later year', () => {
    expect(kb.listYears).toEqual([2018]);
  });
});
