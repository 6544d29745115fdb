// The shipped content is checked only by what is true of any content, so an editor's correct change (a
// new contact, next year's list) passes; what the 2018 release itself says is checked on its frozen copy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT, type Content, createKnowledge } from '../../../knowledge/content.ts';
import kommuner from '../../../knowledge/sources/kommuner.json' with { type: 'json' };
import { fixture, frozenContent, frozenSource, SHIPPED } from '../../support/content.ts';

const OFFICIAL = new Set(kommuner.map((k) => k.name));

describe.each([
  ['the compiled content the engine ships', () => CONTENT, SHIPPED.sources],
  ['the frozen 2018 content the engine tests use', frozenContent, fixture('release-2018').sources],
] as const)('%s', (_, content: () => Content, sources) => {
  const text = (documentId: string) => {
    const d = content().documents.find((d) => d.id === documentId);
    if (!d) throw new Error(`no document ${documentId}`);
    return readFileSync(join(sources, d.file), 'utf8');
  };

  it('quotes every fact verbatim from the document it names', () => {
    for (const [id, fact] of Object.entries(content().facts))
      expect(text(fact.document), id).toContain(fact.quote);
  });

  it('quotes every amount verbatim from the document it names', () => {
    for (const run of content().amounts) expect(text(run.document)).toContain(run.quote);
  });

  it('lists, for each year, official names that stand one per line under the heading, as many as it says', () => {
    for (const list of content().lists) {
      const lines = text(list.document)
        .split(list.heading)[1]
        ?.split('\n')
        .map((l) => l.trim());
      const from = lines?.findIndex(Boolean) ?? 0;
      expect(lines?.slice(from, from + list.municipalities.length), String(list.year)).toEqual(
        list.municipalities,
      );
      expect(new Set(list.municipalities).size).toBe(list.municipalities.length);
      for (const name of list.municipalities) expect(OFFICIAL, name).toContain(name);
      const count = /\b(\d+)\b/.exec(list.heading)?.[1];
      if (count) expect(list.municipalities).toHaveLength(Number(count));
    }
  });

  it('has at most one list a year, each from a document it knows', () => {
    const years = content().lists.map((l) => l.year);
    expect(new Set(years).size).toBe(years.length);
    const ids = new Set(content().documents.map((d) => d.id));
    for (const l of content().lists) expect(ids).toContain(l.document);
  });

  it('knows all 290 municipalities', () => {
    expect(kommuner).toHaveLength(290);
  });
});

describe('the frozen copy of the 2018 release', () => {
  const release = frozenSource();
  const frozen = frozenContent();
  const kb = createKnowledge(frozen);

  it('names the contact, the minister and the ordinance exactly as the release does', () => {
    for (const id of ['contact.press.name', 'contact.press.phone', 'minister.name', 'ordinance'])
      expect(release).toContain(String(frozen.facts[id]?.value));
    expect(frozen.facts['contact.press.name']?.value).toBe('Sami Mashial');
  });

  it('lists exactly the 32 municipalities of the 2018 heading', () => {
    expect(kb.listFor(2018)?.municipalities).toHaveLength(32);
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
