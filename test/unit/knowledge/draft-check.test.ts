// A press officer checking a line of a draft against the documents: "can I say …", "kan jag skriva att
// …", a quoted line and "stämmer?". Every place named gets its verdict from the list; a quoted sentence
// is set against the document's own; a quote is attributed to the one the release names. Both languages.
import { describe, expect, it } from 'vitest';
import { frozenEngine } from '../../support/content.ts';

const engine = frozenEngine();
const verdicts = (q: string) =>
  Object.fromEntries(engine.answer(q).municipalities.map((m) => [m.name, m.eligible]));

describe('a draft line about the list', () => {
  it.each([
    ['Can I say Uppsala, Örebro and Lund are all on the list?', { Uppsala: true, Örebro: true, Lund: false }],
    ['May I write that Karlstad is among the eligible municipalities?', { Karlstad: false }],
    [
      'Kan jag skriva att Botkyrka, Huddinge och Haninge får söka?',
      { Botkyrka: true, Huddinge: true, Haninge: false },
    ],
    ['får vi skriva att Rosengård kan söka bidraget?', { Malmö: true }],
    ['Kan jag lista Karlstad bland kommunerna som kan söka?', { Karlstad: false }],
  ])('gives each place named its verdict from the list, not the rule on other applicants: %j', (q, want) => {
    const a = engine.answer(q);
    expect(a.rule).not.toBe('other-applicants');
    expect(verdicts(q)).toEqual(want);
  });

  it.each([
    ['can we say "no municipality in Jämtland County can apply"?', /Jämtland/],
    ['Kan jag skriva att ingen kommun i Kalmar län är med?', /Kalmar län/],
  ])('checks a claim about a county with its municipalities on the list: %j', (q, text) => {
    const a = engine.answer(q);
    expect(a.rule).toBe('county');
    expect(a.text).toMatch(text);
  });

  it.each([
    'Kan jag söka bidraget?',
    'Can I apply as a private person?',
    'Kan jag skriva att företag kan söka?',
  ])('still answers an applicant who is no municipality with the rule on other applicants: %j', (q) =>
    expect(engine.answer(q).rule).toBe('other-applicants'),
  );
});

describe('a pasted line and a bare check', () => {
  it.each([
    [
      'stämmer det här? "Skåne: Malmö, Lund och Helsingborg"',
      { Malmö: true, Lund: false, Helsingborg: true },
    ],
    ['is this right? "Västmanland: Västerås and Sala"', { Västerås: true, Sala: false }],
    ['En reporter skrev att Eskilstuna och Enköping är med. Stämmer?', { Eskilstuna: true, Enköping: false }],
    ['The journalist thinks Borås and Alingsås are in. Correct?', { Borås: true, Alingsås: false }],
  ])('checks the statement the check is about, quoted or just before it: %j', (q, want) => {
    expect(verdicts(q)).toEqual(want);
  });

  it.each([
    [
      'Kalle på lokalradion ringde och undrar om tre kommuner: Gävle? Hofors? Ockelbo?',
      { Gävle: true, Hofors: false, Ockelbo: false },
    ],
    [
      'A reporter from the local paper called about three towns: Borås? Alingsås? Lerum?',
      { Borås: true, Alingsås: false, Lerum: false },
    ],
  ])('answers every place of a list after a long preface, the first too: %j', (q, want) => {
    expect(verdicts(q)).toEqual(want);
  });

  it.each([
    ['Är Lund med? I utkastet står Lund, Malmö och Eslöv.', { Lund: false, Malmö: true, Eslöv: false }],
    [
      'Is Mölndal on the list? Our map shows Mölndal, Göteborg and Borås',
      { Mölndal: false, Göteborg: true, Borås: true },
    ],
  ])('checks the places another line of the message lists, each against the list: %j', (q, want) => {
    expect(verdicts(q)).toEqual(want);
  });

  it.each([
    ['kan upp sala söka?', { Uppsala: true }],
    ['is eskils tuna eligible?', { Eskilstuna: true }],
    [
      'sms från en reporter: "söder tälje med??" antar att hen menar Södertälje. Stämmer?',
      { Södertälje: true },
    ],
  ])('reads a name typed as two words as the name: %j', (q, want) => {
    expect(verdicts(q)).toEqual(want);
  });
});

describe('a quoted line set against the documents', () => {
  it.each([
    '> Syftet är att bygga ett tryggt och jämlikt Sverige. stämmer?',
    '> The aim is to build a safe and equal Sweden. correct?',
  ])('reads a check typed on the line of its quote as the check of that quote: %j', (q) => {
    expect(engine.answer(q).rule).toBe('draft-line');
  });

  it.each([
    [
      '"Det här är en viktig satsning för ett tryggt och jämställt Sverige" – stämmer citatet?',
      /hållbart Sverige/,
      /jämställt/,
    ],
    [
      'kan vi skriva att "de viktigaste lärdomarna är att arbetet måste vara kortsiktigt"?',
      /långsiktigt och sektorsövergripande/,
      /kortsiktigt/,
    ],
    [
      'stämmer titeln? "förordning om statsbidrag till kommuner med särskilt utsatta områden"',
      /socioekonomiskt eftersatta/,
      /utsatta/,
    ],
  ])('says ❌, quotes the sentence whole and names the words that differ: %j', (q, sentence, differs) => {
    const a = engine.answer(q);
    expect(a.rule).toBe('draft-line');
    expect(a.text).toMatch(/^❌/);
    expect(a.text).toMatch(sentence);
    expect(a.text.split('\n').at(-1)).toMatch(differs);
  });

  it.each([
    ['"Satsningen är en del av regeringens budgetöverenskommelse med Vänsterpartiet." Stämmer?', /^✅/],
    ['Is this right: "The lessons show that short projects work best"?', /^❌|^❔/],
  ])(
    'says ✅ only for what a sentence says, and never for an English line set against Swedish words: %j',
    (q, verdict) => {
      expect(engine.answer(q).text).toMatch(verdict);
    },
  );

  it.each([
    [
      'fact check: "Municipalities may spend the money on new football stadiums."',
      /^❔ The release does not say that/,
    ],
    [
      'Kan jag skriva att "kommunerna får använda pengarna till skattesänkningar"?',
      /^❔ Det säger inte pressmeddelandet/,
    ],
  ])('says ❔ with the nearest sentences when no sentence says it: %j', (q, verdict) => {
    const a = engine.answer(q);
    expect(a.text).toMatch(verdict);
    expect(a.sources.length).toBeGreaterThan(0);
  });

  it.each([
    ['i utkastet: "Satsningen fortsätter även efter 2027" – korrekt?', /2018–2027/],
    ['Can I write "the programme runs until 2035"?', /2018–2027/],
  ])('says ❔ for a year the documents give no money for, with the years they do: %j', (q, years) => {
    const a = engine.answer(q);
    expect(a.text).toMatch(/^❔/);
    expect(a.text).toMatch(years);
  });
});

describe('a quote given to someone else', () => {
  it.each([
    [
      '"This is an important investment for a safe Sweden," said Finance Minister Magdalena Andersson. Correct?',
      /Ibrahim Baylan/,
    ],
    [
      'Kan jag skriva att statsminister Stefan Löfven sa "Investeringar i samhällsbygget går före skattesänkningar"?',
      /Ibrahim Baylan/,
    ],
    ['står det "justitieminister Morgan Johansson" under citatet?', /Ibrahim Baylan/],
  ])('says ❌ and gives the speaker the release names, with his words: %j', (q, speaker) => {
    const a = engine.answer(q);
    expect(a.text).toMatch(/^❌/);
    expect(a.text).toMatch(speaker);
    expect(a.text).toMatch(/tryggt och hållbart Sverige/);
  });

  it('checks the words of a quote given to the minister himself, not the speaker', () => {
    const a = engine.answer(
      'Stämmer det att Baylan sa "Investeringar i välfärden går före skattesänkningar"?',
    );
    expect(a.text).toMatch(/^❌ Nej, så står det inte/);
    expect(a.text).toMatch(/samhällsbygget/);
  });
});

describe('the words of the one the release quotes', () => {
  it.each([
    'Behöver ministerns exakta citat till ett nyhetsbrev',
    'citat från Baylan till vår sajt?',
    'Who in the government can I quote on this?',
    "I need Baylan's quote for a feature",
  ])('gives his whole statement, each sentence word for word: %j', (q) => {
    const a = engine.answer(q);
    expect(a.rule).toBe('speaker-quote');
    for (const said of [/tryggt och hållbart Sverige/, /bryta segregationen/, /går före skattesänkningar/])
      expect(a.text).toMatch(said);
  });

  it.each([
    [
      'Does the Green Party get a quote in the release?',
      /^❌ No, the release does not quote the Green Party/,
    ],
    [
      'Får Vänsterpartiet något citat i pressmeddelandet?',
      /^❌ Nej, pressmeddelandet citerar inte Vänsterpartiet/,
    ],
    ['Finns det ett citat från Stefan Löfven?', /^❌ Nej, pressmeddelandet citerar inte Stefan Löfven/],
  ])('says who else it does not quote, and whom it does: %j', (q, lead) => {
    const a = engine.answer(q);
    expect(a.text).toMatch(lead);
    expect(a.text).toMatch(/Ibrahim Baylan/);
  });

  it('answers a question for the press secretary to call with the contact, not the quote', () => {
    expect(engine.answer('Vem är pressekreterare som jag kan ringa och citera?').text).toMatch(
      /Sami Mashial/,
    );
  });
});

describe('a quote in quotation marks', () => {
  it.each([
    'Utkastet: ministern säger att regeringen "förstärker arbetet med att bryta segregationen". Ok?',
    'Stämmer citatet "Det här är en viktig satsning för ett hållbart Sverige"?',
  ])('is right in substance but not word for word when words of the sentence are left out: %j', (q) => {
    const a = engine.answer(q);
    expect(a.text).toMatch(/inte ordagrant/);
    expect(a.text).not.toMatch(/✅/);
  });

  it.each([
    'Stämmer citatet "Vi förstärker nu regeringens arbete med att bryta segregationen"?',
    'korrekt? "Det här är en viktig satsning för ett tryggt och hållbart Sverige"',
  ])('is ✅ when its words are one run of the sentence: %j', (q) => {
    expect(engine.answer(q).text).toMatch(/^✅/);
  });

  it('is not held to the words when the line is said in other words, without quotation marks', () => {
    expect(
      engine.answer('kan jag skriva att regeringen förstärker arbetet med att bryta segregationen?').text,
    ).toMatch(/^✅/);
  });
});
