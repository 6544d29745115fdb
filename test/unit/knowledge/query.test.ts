// Typed queries: each reading rule's corpus is answered by that rule, every attribute's claims are checked
// right, wrong and not stated in both languages, and every operation and unit computes from the amounts.
import { describe, expect, it } from 'vitest';
import { CLAIM_RULES } from '../../../knowledge/query/claims.ts';
import { FIGURE_RULES } from '../../../knowledge/query/figures.ts';
import { number } from '../../../knowledge/query/operations.ts';
import { OPERATION_RULES, UNIT_RULES } from '../../../knowledge/query/read.ts';
import { frozenEngine } from '../../support/content.ts';

const engine = frozenEngine();
const ask = (q: string, context = null) => engine.answer(q, context);

describe('typed queries', () => {
  describe.each([
    ...OPERATION_RULES.map((r) => [r.name, `compute:${r.name}`, r.examples] as const),
    ...UNIT_RULES.map((r) => [r.name, `compute:${r.name.replace('unit-', '')}`, r.examples] as const),
    ...CLAIM_RULES.map((r) => [r.name, r.name.replace('claim-', 'claim:'), r.examples] as const),
    ...FIGURE_RULES.map((r) => [r.name, r.name.replace('claim-', 'claim:'), r.examples] as const),
  ])('the rule %s', (_, rule, examples) => {
    it.each(examples)('answers %j', (q) => {
      expect(ask(q).rule).toContain(rule);
    });
  });

  describe('claims', () => {
    it.each([
      ['agency', 'Socialstyrelsen fördelar pengarna 2018, eller hur?', 'wrong', /Tillväxtverket/],
      [
        'agency',
        'Is it Tillväxtverket that distributes the money in 2018, right?',
        'right',
        /Tillväxtverket/,
      ],
      ['agency', 'Boverket handles the money from 2019, correct?', 'wrong', /Delegationen mot segregation/],
      ['agency', 'Tillväxtverket fördelade pengarna redan 2017, stämmer det?', 'unstated', /framgår inte/],
      ['title', 'Baylan var näringsminister 2015, eller hur?', 'unstated', /framgår inte/],
      ['party', 'The deal was with the Green Party?', 'wrong', /Vänsterpartiet/],
      ['party', 'Överenskommelsen var med Vänsterpartiet, stämmer det?', 'right', /Vänsterpartiet/],
      ['title', 'Baylan är väl utbildningsminister?', 'wrong', /samordnings- och energiminister/],
      ['title', 'Baylan was Minister for Enterprise in 2021, right?', 'right', /21 January 2021/],
      [
        'title',
        'Näringsminister Ibrahim Baylan kommenterar – stämmer titeln?',
        'wrong',
        /samordnings- och energiminister/,
      ],
      ['ordinance', 'SFS 2018:115?', 'wrong', /2018:151/],
      ['ordinance', 'Förordning 2018:151 – stämmer det?', 'right', /2018:151/],
      ['count', 'Det är 30 kommuner som får söka?', 'wrong', /32 kommuner/],
      ['count', 'So 32 municipalities can apply in 2018, right?', 'right', /32 municipalities/],
      ['amount', 'Är det 2,2 miljarder redan 2019?', 'wrong', /1,35 miljarder/],
      ['amount', 'Is it SEK 1.35bn for 2019?', 'right', /1\.35 billion/],
      ['amount', 'Stämmer det att det blir 4 miljarder 2031?', 'unstated', /framgår inte/],
      ['total', 'Totalt satsas drygt 19 miljarder kronor 2018–2027, stämmer det?', 'right', /19,375/],
      ['amount', 'Göteborg får 60 miljoner kronor 2018, stämmer det?', 'unstated', /framgår inte/],
      ['count', 'The 32 municipalities on the list can apply in 2019, accurate?', 'unstated', /does not say/],
      [
        'agency',
        'Delegationen mot segregation takes over the distribution from 2020, right?',
        'wrong',
        /from 2019/,
      ],
      [
        'agency',
        'Municipalities apply to Boverket in 2019, correct?',
        'wrong',
        /Delegationen mot segregation/,
      ],
      [
        'agency',
        'Kommunerna skickar ansökningar till Tillväxtverket 2018, stämmer det?',
        'right',
        /Tillväxtverket/,
      ],
      ['amount-start', 'So the yearly 2.2 billion started in 2019?', 'wrong', /2020–2027/],
      ['amount-start', 'Började 2,2 miljarder per år 2020?', 'right', /2020–2027/],
      ['amount-start', 'Började 3 miljarder per år 2021?', 'unstated', /framgår inte/],
    ] as const)('checks a %s claim: %j is %s', (attribute, q, verdict, text) => {
      const a = ask(q);
      expect(a.claims).toEqual([expect.objectContaining({ attribute, verdict })]);
      expect(a.text).toMatch(text);
      if (verdict !== 'unstated') expect(a.sources.length).toBeGreaterThan(0);
    });

    it("puts the verdict first, with the right value and its source, in the asker's language", () => {
      const a = ask('SFS 2018:115?');
      expect(a.text.split('\n')[0]).toBe('❌ Nej, det stämmer inte – inte 2018:115, utan 2018:151.');
      expect(a.claims?.[0]?.source?.quote).toContain('2018:151');
      expect(ask('Is it ordinance 2017:151?').text.split('\n')[0]).toMatch(/^❌ No, that is not right/);
    });

    it('reads a quoted draft line as the question when the message only asks "stämmer det?"', () => {
      const a = ask('> Bidraget fördelas av Boverket 2019\nstämmer det?');
      expect(a.claims).toEqual([expect.objectContaining({ attribute: 'agency', verdict: 'wrong' })]);
      expect(a.text).toContain('Delegationen mot segregation');
    });

    it('sets both years right when an amount is said to start a year early', () => {
      const a = ask('So the yearly 2.2 billion started in 2019?');
      expect(a.text).toMatch(/2019: 1\.35 billion/);
      expect(a.text).toMatch(/2020–2027/);
    });

    it('makes no claim of a party named as "besides" another, nor of an agency asked with no year', () => {
      expect(ask('Did any party besides the Left Party sign on?').claims).toBeUndefined();
      const a = ask('Är Tillväxtverket ansvarigt för fördelningen permanent?');
      expect(a.text).not.toMatch(/✅/);
      expect(a.text).toContain('Delegationen mot segregation');
    });
  });

  describe('operations and units', () => {
    it.each([
      ['What is the percentage increase from 2018 to 2019?', /\+217\.6 %/],
      ['Hur många procent ökar beloppet 2020?', /\+63 %/],
      ['Vilken andel av hela satsningen går till 2019?', /6,97 %/],
      ['hur mycket per kvartal 2024?', /550 miljoner kronor per kvartal/],
      ['Hur mycket per månad 2020?', /183,33 miljoner kronor per månad/],
      ['how long does the 2.2 billion level last, in years?', /2020–2027: 8 years/],
      ['Hur många år omfattar 2018–2027?', /10 år/],
      ['Belopp 2022 i mkr?', /2 200 mkr/],
      ['2021 written out in kronor', /2,200,000,000 kronor/],
      ['Hur mycket är 2018 i miljarder?', /0,425 miljarder kronor/],
      ['2019 in millions?', /1,350 million kronor/],
      ['Hur många gånger större är beloppet 2021 än 2018?', /5,18 gånger/],
      ['de tre sista åren', /2025–2027/],
      ['the middle two years', /2022–2023/],
    ])('%s', (q, text) => {
      expect(ask(q).text).toMatch(text);
    });

    it('says a currency the release does not give is not stated, with no rate from elsewhere', () => {
      const a = ask('How much is 2019 in euros?');
      expect(a.text).toMatch(/kronor only/);
      expect(a.text).not.toMatch(/€|EUR \d|\d euro/i);
    });

    it("says a municipality's share is not stated, without calling it off the subject", () => {
      const a = ask('Vad blir Borås andel av kakan?');
      expect(a.text).toMatch(/framgår inte/);
      expect(a.outcome).toBe('answered');
    });

    it('writes numbers as a press officer does in each language', () => {
      expect(number(2_200_000_000, 'sv', 0)).toBe('2 200 000 000');
      expect(number(1350, 'en', 0)).toBe('1,350');
      expect(number(183.333, 'sv')).toBe('183,33');
    });
  });

  describe('ranges named in other ways, and operations over them', () => {
    it.each([
      ['Hur mycket har avsatts sammanlagt till och med 2022?', /2018–2022:\* totalt 8,375 miljarder/],
      [
        'What has been set aside in all up to and including 2021?',
        /2018–2021:\* 6\.175 billion kronor in total/,
      ],
      [
        'Skillnaden mellan de tre första och de tre sista åren?',
        /2025–2027 jämfört med 2018–2020: 2,625 miljarder kronor mer/,
      ],
      ['How much more goes to 2021–2023 than to 2018–2019?', /4\.825 billion kronor more/],
      ['de två mittersta åren, totalt?', /2022–2023:\* totalt 4,4 miljarder/],
      ['Hur många år pågår satsningen?', /2018–2027:\* 10 år/],
      ['How many budget years have less than 2.2 billion?', /2018–2019, that is 2 years/],
      ['Hur många år får mer än 1 miljard?', /2019–2027, det vill säga 9 år/],
    ])('%s', (q, text) => {
      expect(ask(q).text).toMatch(text);
    });
  });

  describe('shares, averages and an even split', () => {
    it.each([
      ['Hur stor andel av 2018–2021 utgör 2,2 miljarder?', /2,2 miljarder kronor är 35,63 % av 2018–2021/],
      ['Of 2019–2021, what percentage is 2021?', /2021 is 38\.26 % of 2019–2021/],
      ['Hur många procent av det fulla beloppet är 2019?', /2019 är 61,36 % av 2,2 miljarder/],
      ['2018 as a share of the full annual amount?', /2018 is 19\.32 % of 2\.2 billion/],
      ['What share of the total falls on the years with 2.2 billion?', /2020–2027 is 90\.84 % of 2018–2027/],
      [
        'Genomsnitt per kvartal 2018–2019?',
        /i genomsnitt 221,88 miljoner kronor per kvartal \(1,775 miljarder kronor delat med 8 kvartal/,
      ],
      [
        'What is the average per month over the period 2020–2027?',
        /on average 183\.33 million kronor a month/,
      ],
      ['Hur mycket blir det i snitt per kvartal 2021?', /550 miljoner kronor per kvartal/],
      [
        'Om pengarna 2018 fördelas jämnt mellan kommunerna, hur mycket får var och en?',
        /framgår inte.*13,28 miljoner kronor per kommun/s,
      ],
      [
        'If the 2018 allocation were divided equally among the municipalities, what would each get?',
        /does not say.*13\.28 million kronor each/s,
      ],
      [
        'delar vi 2020 års 2,2 mdkr jämnt på de 32, ungefär hur mkt var?',
        /framgår inte.*68,75 miljoner kronor per kommun/s,
      ],
      [
        'if we split 2019’s 1.35 billion equally across the 32, how much per municipality?',
        /does not say.*42\.19 million kronor each/s,
      ],
      [
        'Vad är satsningen värd per år i full takt?',
        /Fullt belopp är 2,2 miljarder kronor per år \(2020–2027\)/,
      ],
      ['I vilket år är beloppet lägst?', /Lägst belopp: \*2018\*, 425 miljoner/],
      ['Hur mycket under första halvan av perioden?', /2018–2022:\* totalt 8,375 miljarder/],
      ['And the second half of the period?', /2023–2027:\* 11 billion kronor in total/],
      [
        'Vilken andel av landets kommuner får söka 2018?',
        /32 av 290 kommuner står på listan för 2018: 11,03 %/,
      ],
      [
        'What percentage of the municipalities in Skåne are on the list?',
        /6 of 33 municipalities in Skåne län .*18\.18 %/,
      ],
      [
        'How many municipalities are not eligible in 2018?',
        /258 of Sweden's 290 municipalities are not on the list/,
      ],
      ['Antal kommuner som inte får söka?', /258 av Sveriges 290 kommuner/],
      ['Which years get the most money?', /The highest amount: \*2020–2027\*, 2\.2 billion/],
      ['Ungefär hur mycket blir det per vecka 2020?', /42,31 miljoner kronor per vecka/],
      [
        'Which are the last two years, and what do they come to?',
        /2026–2027:\* 4\.4 billion kronor in total/,
      ],
    ])('%s', (q, text) => {
      expect(ask(q).text).toMatch(text);
    });
  });

  describe('claims of computed figures', () => {
    it.each([
      [
        'Vi räknar med ett snitt på 1,9 miljarder per år 2018–2027, stämmer det?',
        'right',
        /1,9375 miljarder/,
      ],
      ['Our average for 2020–2027 is 2.5 bn a year, correct?', 'wrong', /2\.2 billion/],
      ['Kalkylen säger att 2020 är 2,5 gånger 2019, eller hur?', 'wrong', /1,63/],
      ['Is 2019 about 3 times 2018, right?', 'right', /3\.18/],
      ['Vi har 1 350 000 tkr för 2019 i budgeten, korrekt?', 'right', /1,35 miljarder/],
      ['10 × 2,2 mdr = 22 mdr, stämmer det?', 'right', /22 miljarder/],
      ['1.35bn + 2.2bn = 3.45bn?', 'wrong', /3[.,]55/],
      ['Is 19 375 million the same as 19.375 billion?', 'right', /19\.375 billion/],
      ['1,35 miljarder är väl 135 mkr?', 'wrong', /1 350 miljoner/],
      ['Ökningen från 2018 till 2019 är väl cirka 218 %?', 'right', /217,65 %/],
      ['The 2019 share of the total is 10 %, right?', 'wrong', /6\.97 %/],
      ['So the programme began in 2020?', 'wrong', /2018: 425 million/],
      ['Står det verkligen 425 miljarder?', 'wrong', /425 miljoner kronor \(2018\)/],
      ['Började satsningen 2018?', 'right', /2018: 425 miljoner/],
    ])('%s is %s', (q, verdict, text) => {
      const a = ask(q);
      expect(a.claims?.[0]?.verdict).toBe(verdict);
      expect(a.text).toMatch(text);
    });
  });

  describe('threads', () => {
    const thread = (turns: string[]) => {
      let context = null;
      let last = ask(turns[0] ?? '');
      for (const q of turns) {
        last = engine.answer(q, context);
        context = last.context as never;
      }
      return last;
    };

    it.each([
      [['Hur mycket 2018 och 2019?', 'båda åren ihop?'], /Sammanlagt: 1,775 miljarder/],
      [['How much in 2020?', 'plus 2022?'], /Together: 4\.4 billion/],
      [['How much in 2020?', 'plus 2022?', 'and all of that together?'], /Together: 4\.4 billion/],
      [['Compare 2018 and 2019', 'in percent?'], /\+217\.6 %/],
      [['hur mycket per månad 2020?', 'och 2019?'], /112,5 miljoner kronor per månad/],
      [['How much for 2021?', 'and for 2019?', 'both years together?'], /Together: 3\.55 billion/],
      [['Belopp 2020?', 'och 2018?', 'vad är skillnaden mellan dem?'], /1,775 miljarder kronor mer/],
      [['What is allocated in 2018?', 'and how much more is it the year after?'], /925 million kronor more/],
      [
        ['Hur mycket mer får 2021 än 2019?', 'och jämfört med 2018?'],
        /2021 jämfört med 2018: 1,775 miljarder/,
      ],
      [['Totalt 2018–2027?', 'exklusive 2018 och 2019?'], /2020–2027:\* totalt 17,6 miljarder/],
      [['How much from 2021 onwards?', 'and without 2027?'], /2021–2026:\* 13\.2 billion kronor in total/],
      [
        ['Hur mycket avsätts per år från och med 2020?', 'i hur många år?', 'och allt det tillsammans?'],
        /17,6 miljarder/,
      ],
      [['Total for the first two years?', 'and the last two?'], /2026–2027:\* 4\.4 billion/],
      [['Hur mycket 2019?', 'hur många gånger 2018 är det årliga beloppet från 2020?'], /5,18 gånger/],
      [
        ['What is the full annual amount?', 'and 2019?', 'what percent of the full amount is that?'],
        /61\.36 %/,
      ],
      [['Hur mycket får Malmö 2019?', 'och alla kommuner tillsammans det året?'], /2019:\* 1,35 miljarder/],
    ])('%j', (turns, text) => {
      expect(thread([...turns]).text).toMatch(text);
    });

    it("answers in the conversation's language when a follow-up has no word of either", () => {
      expect(thread(['How much in 2020?', 'plus 2022?']).lang).toBe('en');
    });
  });
});

describe('agencies by the names people type (words.yaml → known.agencies)', () => {
  it.each([
    ['vad gör tvv?', 'sv'],
    ['vad gör tillväxtv. med pengarna?', 'sv'],
    ['vad gör delmos?', 'sv'],
    ['Vad gör DMS?', 'sv'],
    ['what does TVV do?', 'en'],
    ['What does Delmos do?', 'en'],
  ])('answers "%s" about the agency', (q, lang) => {
    const a = ask(q);
    expect(a.intent).toBe('administration');
    expect(a.lang).toBe(lang);
    expect(a.text).toContain('Tillväxtverket');
  });

  it('reads "DMs" (direct messages) as no agency: a form written in capitals counts only so', () => {
    expect(ask('Kan jag skicka DMs till er?').intent).not.toBe('administration');
  });

  it('reads a short form in a claim as the agency it stands for', () => {
    const a = ask('Hanterar TVV bidraget 2019?');
    expect(a.claims).toEqual([expect.objectContaining({ claimed: 'Tillväxtverket', verdict: 'wrong' })]);
  });
});

describe('levels and years: the answer is a year, a count of years or a yes (knowledge/query/levels.ts)', () => {
  it.each([
    ['Which is the earliest year with 1.35 billion?', /\*2019\*/],
    ['Vilket är sista budgetåret med pengar?', /\*2027\*/],
    ['Får 2022 lika mycket som 2025?', /Ja, samma nivå/],
    ['Is 2018 the same amount as 2019?', /No, not the same level/],
    ['Hur många år fördelar Tillväxtverket pengarna?', /2018: 1 år/],
    ['How many years does Delegationen mot segregation handle the money?', /2019–2027; years in all: 9/],
    ['Hur många år ligger nivån på 2,2 miljarder?', /2020–2027: 8 år/],
    ['change from 2024 to 2025?', /the same amount/],
    ['Allocation in 2026?', /2\.2 billion kronor/],
    ['When does the money run out?', /\*2027\*/],
    ['vilket år tar pengarna slut?', /\*2027\*/],
    ['Do 2019 and 2020 get the same?', /No, not the same level/],
    ['When does the 1.35bn level apply?', /2019: 1 year/],
    ['Vilka år gäller 2,2 miljarder?', /2020–2027: 8 år/],
    ['vad är ramen för 2019?', /1,35 miljarder kronor/],
    ['Förändring från 2022 till 2023?', /samma belopp/],
  ])('answers %j', (q, text) => {
    expect(ask(q).text).toMatch(text);
  });

  it('reads a figure the question asks about as its argument, never as a claim', () => {
    for (const q of [
      'vilket år är första året med 2,2 miljarder',
      'Which year is the first with 2.2 billion?',
      'Hur många år ligger nivån på 2,2 miljarder?',
      'If it had been 2 billion every year, how much more than decided?',
    ])
      expect(ask(q).claims).toBeUndefined();
  });

  it('keeps the agency the answer when an agency does change between the years compared', () => {
    expect(ask('change from 2018 to 2019?').intent).toBe('administration');
  });
});

describe('units: a stated figure converted, and a difference asked in a unit', () => {
  it.each([
    ['1,35 miljarder i tkr?', /^1,35 miljarder kronor = 1 350 000 tkr\.$/],
    ['425 mkr = how many billion?', /^425 million kronor = 0\.425 billion kronor\.$/],
    ['2,2 mdkr skrivet med alla nollor', /= 2 200 000 000 kronor/],
    ['2018 → 2019 i tkr?', /925 000 tkr mer/],
    ['difference between 2018 and 2019 in millions?', /925 million kronor more/],
    ['2019 års anslag i mdkr?', /1,35 miljarder kronor/],
    ['The 2018 amount in bn?', /0\.425 billion kronor/],
    ['tot 2019–2021 i kr', /5 750 000 000 kronor/],
    ['tot 2020-2022 in kronor?', /6[ ,]600[ ,]000[ ,]000 kronor/],
  ])('answers %j', (q, text) => {
    expect(ask(q).text).toMatch(text);
  });
});

describe('cumulative sums from the first year through a year, and what remains after a year', () => {
  it.each([
    ['nominal, cumulative through the end of 2024?', /2018–2024:\* 12\.775 billion kronor in total/],
    ['How much in total by the end of 2021?', /2018–2021:\* 6\.175 billion kronor in total/],
    ['ack från start t.o.m. 2023?', /2018–2023:\* totalt 10,575 miljarder kronor/],
    ['sammanlagt till utgången av 2022?', /2018–2022:\* totalt 8,375 miljarder kronor/],
    ['how much is left after 2022 through 2027?', /2023–2027:\* 11 billion kronor in total/],
    ['vad återstår efter 2023 t.o.m. 2027?', /2024–2027:\* totalt 8,8 miljarder kronor/],
  ])('answers %j', (q, text) => {
    expect(ask(q).text).toMatch(text);
  });
});

describe('hypotheticals: a figure a year put in place of the amounts', () => {
  it.each([
    [
      'If it had been 1.35 billion every year 2019–2027, how much more would that be?',
      /9 years.*6\.8 billion kronor less/,
    ],
    [
      'Om det hade varit 2 miljarder per år alla tio åren, hur mycket mer än beslutat?',
      /10 år.*625 miljoner kronor mer/,
    ],
  ])('answers %j', (q, text) => {
    expect(ask(q).text).toMatch(text);
  });
});

describe('claims of totals, changes and amounts per municipality', () => {
  it.each([
    ['total', 'My sheet has 5.75 bn as the total for 2019–2021, correct?', 'right', /5\.75 billion/],
    ['total', 'I utkastet: "sammanlagt 20 miljarder 2018–2027". Stämmer det?', 'wrong', /19,375 miljarder/],
    ['total', 'Summa 2018–2019 i mitt ark: 1 775, rätt?', 'right', /1 775 miljoner kronor/],
    [
      'change',
      'The draft says funding grows by 850 million from 2019 to 2020, right?',
      'right',
      /850 million/,
    ],
    ['change', 'Ökar det med 1 miljard från 2018 till 2019, stämmer det?', 'wrong', /925 miljoner/],
    [
      'per-municipality',
      '425 mkr × 32 kommuner = 13,6 mdkr 2018, stämmer?',
      'wrong',
      /alla kommunerna tillsammans/,
    ],
    [
      'per-municipality',
      '425m × 32 municipalities = 13.6bn in 2018, right?',
      'wrong',
      /all the municipalities together/,
    ],
    ['amount', 'Utkastet: "1,35 miljarder per år från 2019". Rätt?', 'wrong', /2020–2027: 2,2 miljarder/],
    ['per-municipality', 'Får varje kommun 425 miljoner 2018?', 'wrong', /alla kommunerna tillsammans/],
    [
      'per-municipality',
      'Each municipality gets 1.35 billion in 2019, right?',
      'wrong',
      /all the municipalities together/,
    ],
    [
      'arithmetic',
      'Jag räknar 0,425 + 1,35 = 1,775 mdkr för 2018–2019, rätt?',
      'right',
      /0,425 miljarder kronor \+ 1,35/,
    ],
  ] as const)('checks a %s claim: %j is %s', (attribute, q, verdict, text) => {
    const a = ask(q);
    expect(a.claims?.[0]).toEqual(expect.objectContaining({ attribute, verdict }));
    expect(a.text).toMatch(text);
    expect(a.sources.length).toBeGreaterThan(0);
  });

  it.each([
    'Gäller 2,2 miljarder varje kommun eller alla tillsammans?',
    'Is the 1.35 billion for 2019 per municipality or for all of them combined?',
  ])('answers %j: for all together, per municipality not stated, and no verdict', (q) => {
    const a = ask(q);
    expect(a.text).toMatch(/alla kommunerna tillsammans|all the municipalities together/);
    expect(a.text).toMatch(/framgår inte|does not say/);
    expect(a.claims).toBeUndefined();
  });

  it("says a figure per municipality other than a year's amount is not stated", () => {
    expect(ask('Does each municipality get 10 million in 2018?').claims?.[0]?.verdict).toBe('unstated');
  });

  it('judges a claimed change and its per cent each, right at the precision written', () => {
    const a = ask('Från 2019 till 2020: +850 mkr, alltså cirka +63 %, eller hur?');
    expect(a.claims?.map((c) => [c.attribute, c.verdict])).toEqual([
      ['change', 'right'],
      ['percent', 'right'],
    ]);
  });

  it('never judges a round figure looser than 5 %, unless it is said as an approximation', () => {
    expect(ask('It rises by 1 billion from 2018 to 2019, right?').claims?.[0]?.verdict).toBe('wrong');
    expect(
      ask('Från 2018 till 2019 ökar det med drygt 900 miljoner, stämmer det?').claims?.[0]?.verdict,
    ).toBe('right');
  });

  it('reads no claimed total in a question about the total, a count of years or a short year', () => {
    for (const q of [
      'how much of the total comes from the years with 2.2 billion?',
      'last 5 years combined?',
      "Total for '19–'21?",
      'Is the 1.35 billion per year or in total?',
      '2,2 mdkr – är det per år eller totalt?',
    ])
      expect(ask(q).claims).toBeUndefined();
  });

  it('judges a yearly figure "from" a year for every year after it, never as their sum', () => {
    const a = ask('korrekt? "Från 2021 avsätts 2,5 miljarder kronor per år"');
    expect(a.claims?.[0]?.correct).toMatch(/2021–2027: 2,2 miljarder kronor per år/);
  });
});

describe('money the release does not state (words.yaml → cues.uncovered)', () => {
  it.each(['Hur mycket per kvartal 2019?', 'What does 2020 come to per month?'])(
    'still computes %j: an amount per period is not a schedule of payments',
    (q) => {
      expect(ask(q).text).toMatch(/uträknat|computed/);
    },
  );
  it.each([
    'Hur mycket är 2025 års belopp värt i fasta priser?',
    "What's the 2020 money worth after inflation?",
    'What was the outturn for 2019?',
    'Vad blev utfallet 2018?',
    'Betalas bidraget ut i förskott eller kvartalsvis?',
    'Is the money paid monthly or quarterly?',
    'När betalas pengarna ut, varje månad?',
    'Kan outnyttjade pengar sparas till nästa år?',
    'Can unspent funds be carried over into 2020?',
    'Hur mycket går till förvaltningskostnader hos Delmos?',
    'What is the overhead of running the grant?',
  ])('says %j is not stated, and claims nothing of the figure', (q) => {
    const a = ask(q);
    expect(a.text).toMatch(/framgår inte|does not say/);
    expect(a.claims).toBeUndefined();
  });
});
