// Typed queries: each reading rule's corpus is answered by that rule, every attribute's claims are checked
// right, wrong and not stated in both languages, and every operation and unit computes from the amounts.
import { describe, expect, it } from 'vitest';
import { CLAIM_RULES } from '../../../knowledge/query/claims.ts';
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
      ['amount', 'Totalt satsas drygt 19 miljarder kronor 2018–2027, stämmer det?', 'right', /19,375/],
      ['amount', 'Göteborg får 60 miljoner kronor 2018, stämmer det?', 'unstated', /framgår inte/],
      ['count', 'The 32 municipalities on the list can apply in 2019, accurate?', 'unstated', /does not say/],
      [
        'agency',
        'Delegationen mot segregation takes over the distribution from 2020, right?',
        'wrong',
        /from 2019/,
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
