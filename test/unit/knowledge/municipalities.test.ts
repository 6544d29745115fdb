import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../../knowledge/content.ts';
import { createKit } from '../../../knowledge/kit.ts';
import { MUNICIPALITIES } from '../../../knowledge/municipalities.ts';
import { fold, words as splitWords } from '../../../knowledge/text.ts';
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

  it.each([
    'Alem?',
    'Kan Alem söka?',
    'Can Alem apply?',
    'Och Bjuf då?',
    'What about Lnud?',
    'Kind?',
    'Moar?',
  ])('does not turn the unknown short word in %j into another municipality', (q) => {
    expect(verdicts(q)).toEqual([]);
  });

  it('says it cannot find a short unknown name rather than answering for a near one, in both languages', () => {
    expect(engine.answer('Kan Alem söka?').text).toMatch(/hittar ingen kommun som heter ”Alem”/);
    expect(engine.answer('Can Alem apply?').text).toMatch(/cannot find a municipality called “Alem”/);
  });

  it.each([
    ['Kan Ystd söka?', 'Ystad'],
    ['Can Tibo apply?', 'Tibro'],
    ['Kan Ale söka?', 'Ale'],
    ['Is Bjuv eligible?', 'Bjuv'],
    ['Kan Eda söka?', 'Eda'],
    ['Does Sala qualify?', 'Sala'],
    ['Kan Umeå söka?', 'Umeå'],
    ['Can Lund apply?', 'Lund'],
    ['Får Mora söka?', 'Mora'],
    ['Kan Åre söka?', 'Åre'],
  ])('still reads %j as %s: short names exact, short misspellings that keep the first letter', (q, name) => {
    expect(verdicts(q).map((v) => v.name)).toEqual([name]);
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

describe('names as content (places.yaml): short forms, older spellings, regions, county adjectives', () => {
  const content = frozenContent();
  const kit = createKit(content);
  const names = (q: string) => verdicts(q).map((v) => `${v.name}=${v.eligible}`);
  const county = (q: string) => engine.answer(q);

  it.each(Object.entries(content.places.aliases))('reads %s as %s', (alias, official) => {
    expect(verdicts(`Kan ${alias} söka?`)).toEqual([expect.objectContaining({ name: official })]);
    expect(verdicts(`Is ${alias} eligible?`)).toEqual([expect.objectContaining({ name: official })]);
  });

  it('reads no short form or older spelling that is also a word the bot knows', () => {
    const words = Object.keys(content.places.aliases).filter((a) => kit.isWord(fold(a)));
    expect(words).toEqual([]);
  });

  it('answers short forms and older spellings in both languages, and "kn" as kommun', () => {
    expect(names('Kan Hbg söka?')).toEqual(['Helsingborg=true']);
    expect(names('Lkpg och Nkpg, kan de söka?')).toEqual(['Linköping=true', 'Norrköping=true']);
    expect(names('Kan Hbg kn söka?')).toEqual(['Helsingborg=true']);
    expect(names('kan malmö kn söka?')).toEqual(['Malmö=true']);
    expect(names('Vara kn, kan de söka?')).toEqual(['Vara=false']);
    expect(names('Kan Wexiö söka?')).toEqual(['Växjö=true']);
    expect(names('Kan Oerebro söka?')).toEqual(['Örebro=true']);
    expect(names('Is Gefle eligible?')).toEqual(['Gävle=true']);
    expect(names('Can Sthlm and Gbg apply?')).toEqual(['Stockholm=true', 'Göteborg=true']);
    expect(names('Is Övik on the list?')).toEqual(['Örnsköldsvik=false']);
  });

  it('names no place for ordinary words that look like the new names', () => {
    for (const q of [
      'Vad betyder kn?',
      'Är anslaget dalande?',
      'Is the budget calm or warm?',
      'Är gatorna smala där?',
      'Hallå, vem svarar?',
      'Kan jag skicka DMs till er?',
      'Norra delen eller södra?',
    ]) {
      const a = engine.answer(q);
      expect(a.municipalities, q).toEqual([]);
      expect(a.rule, q).not.toMatch(/county/);
      expect(a.intent, q).not.toBe('administration');
    }
  });

  it('names no place for any word the FAQ and the word lists know, in either language', () => {
    const vocabulary = new Set<string>();
    const walk = (n: unknown): void => {
      if (typeof n === 'string') for (const w of splitWords(n.replace(/[*^_]/g, ' '))) vocabulary.add(w.raw);
      else if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') Object.values(n).forEach(walk);
    };
    walk(content.words);
    for (const e of content.faq) walk([e.keywords, e.weak]);
    expect(vocabulary.size).toBeGreaterThan(1000);
    const read = [...vocabulary].flatMap((word) => {
      const all = splitWords(`Kan ${word} söka?`);
      const r = kit.gazetteer.recognise(all, kit.isWord);
      const c = kit.gazetteer.county(all);
      // "Höörs", "Moras": genitives of names the word lists keep apart from typos; those are names.
      const named = r.mentions.filter((m) => m.via !== 'exact').map((m) => m.municipality.name);
      return named.length || c ? [`${word} → ${c?.name ?? named.join(', ')}`] : [];
    });
    expect(read).toEqual([]);
  });

  it('answers a region above the counties like a county: not a municipality, these of its municipalities', () => {
    const a = county('vilka kommuner i Norrland kan söka?');
    expect(a.text).toMatch(/^Norrland är ingen kommun/);
    expect(a.text).toContain('Gävleborgs län');
    expect(a.municipalities.map((m) => m.name).sort()).toEqual(['Gävle', 'Sandviken']);
    expect(a.municipalities.every((m) => m.eligible)).toBe(true);
    const b = county('Kan Norrland söka?');
    expect(b.rule).toBe('county');
    expect(b.text).not.toMatch(/hittar ingen kommun/);
    const en = county('Which municipalities in Svealand are eligible?');
    expect(en.text).toMatch(/^Svealand is not a municipality/);
    expect(en.municipalities.map((m) => m.name)).toEqual(
      expect.arrayContaining(['Borlänge', 'Filipstad', 'Stockholm', 'Örebro']),
    );
    expect(en.municipalities.map((m) => m.name)).not.toContain('Göteborg');
    expect(names('Can Götaland apply?')).toContain('Göteborg=true');
    expect(names('Can Götaland apply?')).not.toContain('Gävle=true');
  });

  it('keeps Götaland a region and Västra Götaland a county, and reads neither as a typo of Gotland', () => {
    expect(county('Kan Götaland söka?').text).toMatch(/^Götaland är ingen kommun/);
    expect(county('Kan Västra Götaland söka?').text).toMatch(/^Västra Götalands län är ett län/);
    expect(county('Kan Västra Götalandsregionen söka?').text).toMatch(/^Västra Götalands län/);
    expect(names('Kan Götaland söka?')).not.toContain('Gotland=false');
    expect(names('Kan Gotland söka?')).toEqual(['Gotland=false']);
  });

  it('divides the counties by the traditional lands: each county in one of the three, once', () => {
    const { regions } = content.places;
    const lands = ['Norrland', 'Svealand', 'Götaland'].flatMap((r) => regions[r]?.counties ?? []);
    expect(lands.sort()).toEqual([...new Set(MUNICIPALITIES.map((m) => m.county))].sort());
    expect(regions.Norrland?.counties).toContain('Gävleborgs län');
    expect(regions.Svealand?.counties).toEqual(expect.arrayContaining(['Värmlands län', 'Dalarnas län']));
    expect(regions.Småland?.counties.sort()).toEqual(['Jönköpings län', 'Kalmar län', 'Kronobergs län']);
  });

  it.each([
    ['vilka småländska kommuner kan söka?', ['Jönköping', 'Växjö']],
    ['hallandskommuner som får söka?', ['Halmstad']],
    ['Kan jämtländska kommuner söka?', []],
    [
      'Får skånska kommuner söka?',
      ['Helsingborg', 'Kristianstad', 'Landskrona', 'Malmö', 'Perstorp', 'Åstorp'],
    ],
    ['värmländska kommuner, kan de söka?', ['Filipstad']],
    ['Kan norrländska kommuner söka?', ['Gävle', 'Sandviken']],
    ['Kan sörmländska kommuner söka?', ['Eskilstuna', 'Katrineholm', 'Nyköping']],
    ['Vilka blekingska kommuner kan söka?', ['Karlskrona']],
    ['Kan västerbottniska kommuner söka?', []],
    ['Gävleborgskommunerna, får de söka?', ['Gävle', 'Sandviken']],
    [
      'Which Scanian municipalities can apply?',
      ['Helsingborg', 'Kristianstad', 'Landskrona', 'Malmö', 'Perstorp', 'Åstorp'],
    ],
    ['Can municipalities in Dalecarlia apply?', ['Borlänge']],
    ['Are any Smaland municipalities eligible?', ['Jönköping', 'Växjö']],
  ])('reads the adjective or compound in "%s" as its county or region', (q, expected) => {
    const a = engine.answer(q);
    expect(a.rule).toMatch(/county/);
    expect(a.municipalities.map((m) => m.name).sort()).toEqual(expected);
  });

  it('carries a region to the next question like a county', () => {
    const first = engine.answer('Kan Norrland söka?');
    expect(first.context?.county).toBe('Norrland');
    const next = engine.answer('och 2019?', first.context);
    expect(next.text).toContain('Norrland är ingen kommun');
  });
});
