// Issue 17's press desk, in the engine: a pasted mail with the press officer's own line first, several
// questions (numbered, lettered, or joined by "and also"), a cap that says so, and thread references to
// the previous answer's list. Each in both languages.
import { describe, expect, it } from 'vitest';
import { MAX_PARTS } from '../../../knowledge/message.ts';
import type { ConversationContext } from '../../../knowledge/types.ts';
import { frozenEngine } from '../../support/content.ts';

const engine = frozenEngine();
const thread = (turns: string[]) => {
  let context: ConversationContext | null = null;
  let last = engine.answer('');
  for (const q of turns) {
    last = engine.answer(q, context);
    context = last.context;
  }
  return last;
};

describe('the press desk', () => {
  describe("a line of the asker's own before the question", () => {
    it.each([
      ['Ringde precis P4 Örebro. Hur mycket avsätts 2019?', /1,35 miljarder/],
      ['A Dutch daily just called me about this. Who is the press contact?', /Sami Mashial/],
    ])('is no question of its own, and no earlier turn: %j', (q, text) => {
      const a = engine.answer(q);
      expect(a.text).toMatch(text);
      expect(a.text).not.toMatch(/följdfråga|follow-up|frågades innan|asked before/);
    });
  });

  describe("a journalist's question reported in the third person", () => {
    it.each([
      ['Sydsvenskan undrar vem som delar ut pengarna från 2019.', /Delegationen mot segregation/, /425/],
      ['Aftonbladet vill ha namnet på presskontakten', /Sami Mashial/, /framgår inte/],
      ['En reporter på SvD frågar om Lund kan söka.', /❌ \*Lund\*/, /följdfråga/],
      ['The Local wants to know how much money there is in 2021.', /2\.2 billion/, /does not say/],
      ['A reporter from Reuters asks whether Södertälje is on the list', /✅ \*Södertälje\*/, /follow-up/],
      ['Bloomberg would like the total for 2020–2022.', /6\.6 billion/, /does not say/],
    ])('reads the question past its lead-in: %j', (q, text, not) => {
      const a = engine.answer(q);
      expect(a.text).toMatch(text);
      expect(a.text).not.toMatch(not);
    });

    it('keeps a place the lead-in names: "Malmö undrar om de kan söka" asks about Malmö', () => {
      const a = engine.answer('Malmö undrar om de kan söka');
      expect(a.municipalities.map((m) => [m.name, m.eligible])).toEqual([['Malmö', true]]);
    });

    it('leaves a sentence that already asks as it is', () => {
      const a = engine.answer('Hur mycket vill Malmö ha 2019?');
      expect(a.text).toMatch(/1,35 miljarder/);
    });
  });

  describe('a pasted mail whose only question is quoted', () => {
    it.each([
      ['Vidarebefordrat från Expressen:\n> Hur mycket får kommunerna 2020?\nHälsningar', /2,2 miljarder/],
      [
        'Forwarded from a reporter:\n> Which agency pays out the money in 2018?\nThanks, Anna',
        /Tillväxtverket/,
      ],
    ])('answers the quoted question, not the sign-off: %j', (q, text) => {
      const a = engine.answer(q);
      expect(a.text).toMatch(text);
      expect(a.rule).not.toMatch(/fallback|suggest/);
    });
  });

  describe("a line about the press contact, checked field by field against the documents' contact", () => {
    it.each([
      ['Vi skriver att presskontakten är Sami Mashal, presschef. OK?', ['contact-name', 'contact-title']],
      ['Presskontakten stavas Samy Mashial, rätt?', ['contact-name']],
      ['Our draft gives the contact as Sami Mashiell – correct?', ['contact-name']],
      ["Is the press contact's number 08-405 10 01?", ['contact-phone']],
      ['"Press contact: Sami Mashial, head of communications" – correct?', ['contact-title']],
      [
        'Presskontakt: Sami Mashial, pressekreterare hos finansminister Magdalena Andersson. Stämmer?',
        ['contact-title'],
      ],
    ])('sets each wrong field right, with the contact as the documents give him: %j', (q, wrong) => {
      const a = engine.answer(q);
      expect(
        a.claims?.filter((c) => c.verdict === 'wrong').map((c) => c.attribute),
        a.text,
      ).toEqual(wrong);
      expect(a.text.split('\n')[0]).toMatch(/^❌/);
      expect(a.text).toMatch(/Sami Mashial/);
      expect(a.text).toMatch(/08-405 10 00/);
    });

    it.each([
      'Presskontakt: Sami Mashial, pressekreterare, tel 08-405 10 00 – stämmer?',
      'Can I write that the press contact is Sami Mashial, press secretary, on +46 8 405 10 00?',
    ])('confirms a line that is right in every field: %j', (q) => {
      const a = engine.answer(q);
      expect(a.claims?.map((c) => c.verdict)).toEqual(['right', 'right', 'right']);
    });

    it.each([
      'Har Sami Mashial ett direktnummer eller en mejladress?',
      'Sami Mashial är väl ministern bakom satsningen?',
      'whats the phone nr for the press secretary',
    ])('claims nothing of a question that only names him or his title: %j', (q) => {
      const a = engine.answer(q);
      expect(a.claims ?? []).toEqual([]);
      expect(a.text).not.toMatch(/✅/);
    });
  });

  describe('a precise "not stated"', () => {
    it.each([
      ['Hur ska satsningen utvärderas, och av vem?', /^”utvärderas”: det framgår inte/],
      ['Kommer kommunerna behöva återrapportera något?', /^”återrapportera”: det framgår inte/],
      ['Is any cofinancing required of the municipalities?', /^“cofinancing”: the release does not say/],
      ['Is there any follow up of the results planned?', /^“follow up”: the release does not say/],
    ])('names the subject the documents do not cover, as it was asked: %j', (q, lead) => {
      const a = engine.answer(q);
      expect(a.text).toMatch(lead);
      expect(a.outcome).toBe('unstated');
    });

    it.each([
      ['Kan länsstyrelsen i Skåne söka stödet själv?', /kommuner som kan ansöka/],
      ['Could a county administrative board apply for the grant?', /municipalities that can apply/],
    ])('says it is municipalities that apply when an authority asks whether it may: %j', (q, text) => {
      const a = engine.answer(q);
      expect(a.text).toMatch(text);
      expect(a.municipalities).toEqual([]);
    });

    it.each([
      ['deadline för 2020 års ansökningar?', /sista ansökningsdag .*framgår inte/],
      ['application deadline for 2021?', /does not say how to apply, by when/],
    ])("answers a year's application deadline as not stated, not with the year's amount: %j", (q, text) => {
      const a = engine.answer(q);
      expect(a.text).toMatch(text);
      expect(a.text).not.toMatch(/miljarder|billion/);
    });

    it.each([
      ['står det ngt om lokal förankring?', /lokal förankring/],
      ['e det samma kommuner som polisens lista?', /framgår inte/],
    ])('reads chat words ("ngt", "e det") as the words they stand for: %j', (q, text) => {
      expect(engine.answer(q).text).toMatch(text);
    });
  });

  describe('several questions in one message', () => {
    it.each([
      [
        'Journalist från DN undrar: a) hur mycket är det 2021? b) vem är presskontakt?',
        [/2,2 miljarder/, /Sami Mashial/],
      ],
      ['Two things: 1) how much in 2019? 2) which ordinance applies?', [/1\.35 billion/, /2018:151/]],
      ['the amount for 2021, and also who the press contact is', [/2\.2 billion/, /Sami Mashial/]],
      [
        'Hur mycket är det 2018 samt vem fördelar pengarna 2019?',
        [/425 miljoner/, /Delegationen mot segregation/],
      ],
      ['Uppsala ja? Täby? Sigtuna?', [/Uppsala/, /Täby/, /Sigtuna/]],
    ] as const)('answers each part of %j, in order', (q, texts) => {
      const a = engine.answer(q);
      const at = texts.map((t) => a.text.search(t));
      expect(
        at.every((i) => i >= 0),
        a.text,
      ).toBe(true);
      expect([...at].sort((x, y) => x - y)).toEqual(at);
    });

    it('answers the first places of a list with a verdict each, and notes no follow-up within one message', () => {
      const a = engine.answer('Uppsala ja? Täby? Sigtuna?');
      expect(a.municipalities.map((m) => [m.name, m.eligible])).toEqual([
        ['Uppsala', true],
        ['Täby', false],
        ['Sigtuna', false],
      ]);
      expect(a.text).not.toMatch(/följdfråga/);
    });

    it.each([
      [
        '1) Kan Malmö söka? 2) Hur mycket 2019? 3) Vem fördelar? 4) Vilken förordning? 5) Vem är presskontakt? 6) Vad är syftet?',
        /svarat på de 5 första/,
      ],
      [
        '1) Can Malmö apply? 2) How much in 2019? 3) Who distributes it? 4) Which ordinance? 5) Who is the press contact? 6) What is the purpose?',
        /answered the first 5/,
      ],
    ])('answers up to the cap and says so when a message holds more: %j', (q, note) => {
      const a = engine.answer(q);
      expect(MAX_PARTS).toBe(5);
      expect(a.parts).toHaveLength(5);
      expect(a.text).toMatch(note);
    });
  });

  describe('thread references', () => {
    it.each([
      [
        ['Vilka kommuner kan söka?', 'vilka av dem ligger i Västra Götaland?'],
        ['Borås', 'Göteborg', 'Trollhättan', 'Uddevalla'],
      ],
      [
        ['Which municipalities can apply?', 'which of those are in Skåne?'],
        ['Helsingborg', 'Kristianstad', 'Landskrona', 'Malmö', 'Perstorp', 'Åstorp'],
      ],
      [
        ['Hur många kommuner i Skåne kan söka?', 'vilka då?'],
        ['Helsingborg', 'Kristianstad', 'Landskrona', 'Malmö', 'Perstorp', 'Åstorp'],
      ],
    ])("%j names the previous answer's list", (turns, names) => {
      const a = thread([...turns]);
      expect(
        a.municipalities
          .filter((m) => m.eligible)
          .map((m) => m.name)
          .sort(),
      ).toEqual(names);
    });

    it('answers a question with a complete topic of its own on its own, whatever came before', () => {
      const a = thread(['How much is it in 2018?', 'which agency is in charge from 2019 on?']);
      expect(a.text).toMatch(/Delegationen mot segregation/);
      expect(a.text).not.toMatch(/follow-up|billion/);
    });

    it('says a follow-up was read with the previous turn, without quoting a question nobody asked', () => {
      const a = thread(['Vem fördelar pengarna 2018?', 'och 2019?']);
      expect(a.text).toMatch(/^_\(Läst som en följdfråga till din förra fråga\.\)_/);
      expect(a.text).not.toMatch(/”/);
    });
  });
});
