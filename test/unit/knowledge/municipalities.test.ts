import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../../knowledge/content.ts';
import { MUNICIPALITIES } from '../../../knowledge/municipalities.ts';
import { fold } from '../../../knowledge/text.ts';
import { frozenContent, frozenEngine } from '../../support/content.ts';

const engine = frozenEngine();
const ELIGIBLE_2018 = createKnowledge(frozenContent()).listFor(2018)?.municipalities ?? [];
const onList = (name: string) => ELIGIBLE_2018.includes(name);
const verdicts = (q: string) => engine.answer(q).municipalities;

/** One-letter typos in the middle of a name: a letter dropped, doubled, swapped, or replaced. */
function typos(name: string): string[] {
  const mid = Math.floor(name.length / 2);
  const at = (i: number) => name[i] ?? '';
  return [
    name.slice(0, mid) + name.slice(mid + 1),
    name.slice(0, mid) + at(mid) + name.slice(mid),
    name.slice(0, mid - 1) + at(mid) + at(mid - 1) + name.slice(mid + 1),
    `${name.slice(0, -1)}${at(name.length - 1) === 'e' ? 'a' : 'e'}`,
  ];
}

describe('municipality recognition', () => {
  it.each(MUNICIPALITIES.map((m) => [m.name, m] as const))('recognises %s by its exact name', (name, m) => {
    expect(verdicts(`Kan ${name} söka bidraget?`)).toEqual([
      { name, code: m.code, eligible: onList(name), listYear: 2018 },
    ]);
  });

  it.each(MUNICIPALITIES.map((m) => [m.name, m] as const))(
    'recognises %s typed without diacritics',
    (name, m) => {
      const plain = fold(name).replace(/^./, (c) => c.toUpperCase());
      const found = verdicts(`Can ${plain} apply?`);
      // Håbo without its ring is Habo, another municipality; both are off the list.
      const expected = name === 'Håbo' ? 'Habo' : name;
      expect(found).toEqual([
        { name: expected, code: expect.any(String), eligible: onList(m.name), listYear: 2018 },
      ]);
    },
  );

  it.each([...ELIGIBLE_2018])('recognises %s with a one-letter typo', (name) => {
    for (const typo of typos(name)) {
      const found = verdicts(`Kan ${typo} söka?`);
      expect(found, typo).toEqual([expect.objectContaining({ name, eligible: true })]);
    }
  });

  it('answers every municipality off the list as not eligible', () => {
    const off = MUNICIPALITIES.filter((m) => !onList(m.name));
    expect(off).toHaveLength(258);
    for (const m of off) {
      const a = engine.answer(`Is ${m.name} eligible?`);
      expect(a.municipalities, m.name).toEqual([
        { name: m.name, code: m.code, eligible: false, listYear: 2018 },
      ]);
      expect(a.text).toContain('not among the 32');
    }
  });

  it('never reads a typo as another municipality when the question names one exactly', () => {
    expect(verdicts('Kan Lidköping söka?')).toEqual([
      expect.objectContaining({ name: 'Lidköping', eligible: false }),
    ]);
    expect(verdicts('Kan Lidköping och Linkopng söka?').map((v) => v.name)).toEqual(['Lidköping']);
  });

  it('offers both when a typo is as close to two municipalities, and calls neither eligible', () => {
    const a = engine.answer('Kan Lipköping söka?');
    expect(a.municipalities).toEqual([]);
    expect(a.outcome).toBe('suggest');
    expect(a.suggestions.join(' ')).toMatch(/Linköping/);
    expect(a.suggestions.join(' ')).toMatch(/Lidköping/);
  });

  it('answers each of several municipalities in one question', () => {
    expect(verdicts('Är Borås, Boden och Göteborgs stad med?')).toEqual([
      expect.objectContaining({ name: 'Borås', eligible: true }),
      expect.objectContaining({ name: 'Boden', eligible: false }),
      expect.objectContaining({ name: 'Göteborg', eligible: true }),
    ]);
  });

  it('drops kommun, stad, Region and a genitive -s, and knows Gothenburg', () => {
    expect(verdicts('Kan Eskilstuna kommun söka?')[0]?.name).toBe('Eskilstuna');
    expect(verdicts('Region Gotland?')[0]?.name).toBe('Gotland');
    expect(verdicts('Malmös skolor, får de pengar?')[0]?.name).toBe('Malmö');
    expect(verdicts('Does Gothenburg qualify?')[0]?.name).toBe('Göteborg');
    expect(verdicts('Upplands-Bro kommun?')[0]?.name).toBe('Upplands-Bro');
  });

  it('keeps Håbo and Habo apart when the diacritics are typed', () => {
    expect(verdicts('Kan Håbo söka?')[0]?.name).toBe('Håbo');
    expect(verdicts('Kan Habo söka?')[0]?.name).toBe('Habo');
  });

  it('does not read ordinary words as municipalities with the same spelling', () => {
    expect(verdicts('Vad kan pengarna vara till för?')).toEqual([]);
    expect(verdicts('Which municipalities are eligible?')).toEqual([]);
    expect(verdicts('What kind of areas get money?')).toEqual([]);
    expect(verdicts('Vad tycker du om Mark Zuckerberg?')).toEqual([]);
  });

  it('never reads an English word or a person as a misspelt municipality', () => {
    expect(verdicts('Is the gavel on the table?')).toEqual([]);
    expect(verdicts('He bores me, later we eat')).toEqual([]);
    expect(verdicts('Did Boris Johnson say anything?')).toEqual([]);
    // With its ä, "Gäle" is not the English word: it is read as Gävle.
    expect(verdicts('Kan Gäle söka?')).toEqual([expect.objectContaining({ name: 'Gävle', eligible: true })]);
  });

  it('reads a county as a county, not as its largest municipality', () => {
    const names = verdicts('Kan kommunerna i Stockholms län söka?').map((v) => `${v.name}=${v.eligible}`);
    expect(names.sort()).toEqual(
      ['Botkyrka', 'Huddinge', 'Järfälla', 'Stockholm', 'Södertälje'].map((n) => `${n}=true`),
    );
  });

  it('answers a district by the municipality it lies in, and says so', () => {
    const a = engine.answer('Is Hammarkullen covered?');
    expect(a.municipalities).toEqual([expect.objectContaining({ name: 'Göteborg', eligible: true })]);
    expect(a.text).toMatch(/Hammarkullen is in Göteborg/);
  });

  it('calls nothing eligible when the place is not a Swedish municipality', () => {
    for (const q of ['Kan Narnia söka bidraget?', 'Is Copenhagen eligible?', 'Kan Oslo söka?']) {
      const a = engine.answer(q);
      expect(a.municipalities.filter((m) => m.eligible)).toEqual([]);
      expect(a.intent).toBe('eligibility');
    }
  });
});
