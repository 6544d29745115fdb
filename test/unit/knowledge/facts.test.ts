import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { amountFor, ELIGIBLE_2018, MINISTER, ORDINANCE, PRESS_CONTACT, Q } from '../../../knowledge/facts.ts';
import kommuner from '../../../knowledge/sources/kommuner.json' with { type: 'json' };

const release = readFileSync(
  new URL('../../../knowledge/sources/pressmeddelande.txt', import.meta.url),
  'utf8',
);

describe('facts', () => {
  it.each(Object.entries(Q))('quotes %s verbatim from the press release', (_, sentence) => {
    expect(release).toContain(sentence);
  });

  it('names the contact, the minister and the ordinance exactly as the release does', () => {
    for (const s of [PRESS_CONTACT.name, PRESS_CONTACT.phone, MINISTER, ORDINANCE])
      expect(release).toContain(s);
  });

  it('lists exactly the 32 municipalities that stand one per line under the heading', () => {
    const after = release.slice(release.indexOf(Q.listHeading) + Q.listHeading.length);
    const lines = after.split('\n').map((l) => l.trim());
    const listed = lines.slice(lines.findIndex(Boolean)).slice(0, 32);
    expect(ELIGIBLE_2018).toEqual(listed);
    expect(new Set(ELIGIBLE_2018).size).toBe(32);
  });

  it('spells every eligible municipality as kommuner.json does', () => {
    const names = new Set(kommuner.map((k) => k.name));
    for (const name of ELIGIBLE_2018) expect(names).toContain(name);
    expect(kommuner).toHaveLength(290);
  });

  it('gives the amounts the release states, and none outside 2018–2027', () => {
    expect(amountFor(2018)).toBe(425_000_000);
    expect(amountFor(2019)).toBe(1_350_000_000);
    for (let y = 2020; y <= 2027; y++) expect(amountFor(y)).toBe(2_200_000_000);
    expect(amountFor(2017)).toBeNull();
    expect(amountFor(2028)).toBeNull();
  });
});
