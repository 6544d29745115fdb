// Which places a message names, and when they get their verdicts. A grant bot asked about a place answers
// whether it is on the list, unless the message speaks of something else (the weather, food, sport,
// travel: words.yaml → query.elsewhere) or asks nothing at all; words the bot does not know are no
// reason to withhold the verdict.
import { describe, expect, it } from 'vitest';
import { askThread, eligible, frozenEngine } from '../../support/content.ts';

const engine = frozenEngine();

const thread = (...turns: string[]) => askThread(engine, ...turns);

describe('a short question about a place in words the bot does not know', () => {
  it.each([
    ['Botkyrka, har vi en chans?', { Botkyrka: true }],
    ['Hässleholm, funkar det?', { Hässleholm: false }],
    ['Eskilstuna eller Strängnäs?', { Eskilstuna: true, Strängnäs: false }],
    ['Tensta omfattas?', { Stockholm: true }],
    ['Omfattas Köping?', { Köping: false }],
    ['Sandviken, do we qualify?', { Sandviken: true }],
    ['Nacka, any luck?', { Nacka: false }],
    ['Borås and Alingsås?', { Borås: true, Alingsås: false }],
    ['Tumba counts?', { Botkyrka: true }],
    ['Södertälje – kvalar de?', { Södertälje: true }],
    ['Hässleholm, any chance?', { Hässleholm: false }],
  ])('gets the verdict: %s', (q, verdicts) => {
    const a = engine.answer(q);
    expect(eligible(a), a.text).toEqual(verdicts);
    expect(a.rule).toBe('named-eligibility');
    // The verdict is the whole answer: no "the rest I cannot answer" after it.
    expect(a.text).not.toMatch(/Resten av frågan|The rest of the question/);
  });

  it.each([
    ['Hejsan, Hudiksvall här – blir det några pengar till oss?', { Hudiksvall: false }],
    ['Falun – any money for us?', { Falun: false }],
  ])('asked whether money comes, without "how much", gets the verdict: %s', (q, verdicts) => {
    expect(eligible(engine.answer(q))).toEqual(verdicts);
  });
});

describe('a question word that asks nothing of the place but its standing', () => {
  it.each([
    ['Vad gäller för Motala?', { Motala: true }],
    ['Hur ser det ut för Kalmar?', { Kalmar: false }],
    ['What is the situation for Hofors?', { Hofors: false }],
  ])('gets the verdict: %s', (q, verdicts) => {
    expect(eligible(engine.answer(q))).toEqual(verdicts);
  });

  it.each([
    'How far is Malmö from Copenhagen?',
    'Hur många bor i Kiruna?',
    'Hur ser det ut för Lund i allsvenskan?',
  ])('asked for a fact about the place, gets none: %s', (q) => {
    expect(engine.answer(q).municipalities).toEqual([]);
  });
});

describe('a question about what the grant may pay for in a place', () => {
  it.each([
    ['Kan Botkyrka satsa på jobb för unga?', { Botkyrka: true }],
    ['Can Malmö put it into jobs for young people?', { Malmö: true }],
  ])('is no aside: %s', (q, verdicts) => {
    expect(eligible(engine.answer(q))).toEqual(verdicts);
  });
});

describe('a question about something else that names a place', () => {
  it.each([
    'Any good restaurants in Lund?',
    'Blir det regn i Örebro i helgen?',
    'Best hotel in Umeå?',
    'Spelar IFK Göteborg i helgen?',
    'Nice place to live, Linköping?',
    'Hur mycket kostar en lägenhet i Malmö?',
    'Jag flyttade precis till Borås.',
    'what about the weather in Karlstad tomorrow?',
    'Finns det lediga jobb i Borås?',
    'Har Luleå en flygplats?',
    'Should I move to Gothenburg?',
    'Is Lund a good place for students?',
    'Do you like Umeå?',
    'Is Malmö expensive?',
    'Har Göteborg tunnelbana?',
    'Är Kalmar fint på sommaren?',
    'Is Växjö green?',
    'Eskilstuna är väl tråkigt?',
    'Malmö, nice?',
    'Är Örebro en stor stad?',
  ])('gets no verdict: %s', (q) => {
    const a = engine.answer(q);
    expect(a.municipalities, a.text).toEqual([]);
    expect(a.rule).toBe('named-off-topic');
  });

  it.each([
    ['Hör Vaxholm till de utvalda, och regnar det där?', { Vaxholm: false }],
    ['Är Växjö utvald, staden med hockeylaget?', { Växjö: true }],
  ])(
    'asked together with whether it may apply, gets the verdict and says the rest is not its subject: %s',
    (q, v) => {
      const a = engine.answer(q);
      expect(eligible(a)).toEqual(v);
      expect(a.rule).toBe('named-besides');
    },
  );
});

describe('a place next door in a thread', () => {
  it.each([
    ['Kan Gävle söka?', 'what about Ockelbo next door?', { Ockelbo: false }],
    ['Is Borås eligible?', 'hur är det med Alingsås en bit bort?', { Alingsås: false }],
    ['Är Norrköping med?', 'What about Söderköping, down the road?', { Söderköping: false }],
    ['Kan Borlänge söka?', 'och Ludvika, där det alltid regnar?', { Ludvika: false }],
  ])('gets its verdict: %s → %s', (a1, q, v) => {
    expect(eligible(thread(a1, q))).toEqual(v);
  });

  it.each([
    ['Kan Gävle söka?', 'what about the weather in Gävle next week?'],
    ['Is Borås eligible?', 'Vad blir det för väder i Alingsås i morgon?'],
    ['Kan Borlänge söka?', 'btw snöar det i Falun nu?'],
    ['Is Örebro in?', 'is it cold in Kumla now?'],
  ])('asked about the weather there, gets none: %s → %s', (a1, q) => {
    expect(thread(a1, q).municipalities).toEqual([]);
  });
});

describe('a town, a genitive or a short form for a place (places.yaml)', () => {
  it.each([
    ['Får Falu kommun vara med?', { Falun: false }],
    ['Is Falu kommun included?', { Falun: false }],
    ['Huskvarna – kan de söka?', { Jönköping: true }],
    ['Can Mölnlycke apply?', { Härryda: false }],
    ['Gäller det Fårö?', { Gotland: false }],
    ['What about Torslanda?', { Göteborg: true }],
  ])('reads it as its municipality: %s', (q, verdicts) => {
    expect(eligible(engine.answer(q))).toEqual(verdicts);
  });

  it('says the town lies in the municipality, as for a district', () => {
    expect(engine.answer('Kan Huskvarna söka?').text).toMatch(/Huskvarna ligger i Jönköpings kommun/);
  });

  it.each([
    ['Hur många kommuner i VGR får söka?', /\b4\b/],
    ['How many of them are in VGR?', /\b4\b/],
  ])('reads VGR as Västra Götaland: %s', (q, count) => {
    const a = engine.answer(q);
    expect(a.rule).toBe('county');
    expect(a.text).toMatch(count);
  });

  it.each([
    ['Enköping?', { Enköping: false }],
    ['Jönköping?', { Jönköping: true }],
    ['Lunds kommun?', { Lund: false }],
    ['Ale kommun?', { Ale: false }],
  ])('keeps near names apart: %s', (q, verdicts) => {
    expect(eligible(engine.answer(q))).toEqual(verdicts);
  });
});

describe('places named together with a county or a list', () => {
  it.each([
    ['Vilka i Kronobergs län kan söka? I vår text står Växjö och Alvesta.', { Växjö: true, Alvesta: false }],
    [
      'Which municipalities in Gävleborg are on the list? Our draft says Gävle, Sandviken and Hofors.',
      { Gävle: true, Sandviken: true, Hofors: false },
    ],
    [
      'Lokaltidningen vill veta om Eslöv och Höör är med. Det gäller hela Skåne.',
      { Eslöv: false, Höör: false },
    ],
  ])('gives the county answer and each named place its verdict: %s', (q, verdicts) => {
    const a = engine.answer(q);
    expect(a.rule).toMatch(/county/);
    expect(eligible(a)).toMatchObject(verdicts);
  });

  it('gives no verdict to a place named in passing outside the county asked about', () => {
    const a = engine.answer('Jag bor i Stockholm. Vilka i Hallands län kan söka?');
    expect(eligible(a)).toEqual({ Halmstad: true });
  });

  it.each([
    [
      'Kuriren undrar om Boden, Luleå och Piteå kan söka. Och Kiruna?',
      { Boden: false, Luleå: false, Piteå: false, Kiruna: false },
    ],
    [
      'A reporter asks whether Borås, Alingsås and Ulricehamn can apply. And Skövde?',
      { Borås: true, Alingsås: false, Ulricehamn: false, Skövde: false },
    ],
  ])('answers "and X?" after a sentence that lists places, for all of them: %s', (q, verdicts) => {
    expect(eligible(engine.answer(q))).toEqual(verdicts);
  });
});

describe('a place another sentence of the message sets beside the one asked', () => {
  it.each([
    ['Kan Kungälv söka? Det ligger ju precis bredvid Göteborg.', { Kungälv: false, Göteborg: true }],
    ['Is Solna in? I always mix up Solna and Sundbyberg.', { Solna: false, Sundbyberg: false }],
    ['Is Staffanstorp on the list? It is close to Malmö.', { Staffanstorp: false, Malmö: true }],
  ])('gives both their verdicts: %s', (q, verdicts) => {
    expect(eligible(engine.answer(q))).toEqual(verdicts);
  });

  it.each([
    ['P4 Örebro ringde precis. Kan Karlskoga söka?', { Karlskoga: false }],
    ['I used to live in Malmö. Can Lomma apply?', { Lomma: false }],
  ])('gives none to one place in a preface: %s', (q, verdicts) => {
    expect(eligible(engine.answer(q))).toEqual(verdicts);
  });

  it('gives none to the place a correction takes back', () => {
    const a = thread('Är Borlänge med?', 'och Mora? nej vänta, Leksand menar jag');
    expect(eligible(a)).toEqual({ Leksand: false });
  });
});

describe('a quoted question after a lead-in that asks nothing', () => {
  it.each([
    ['Fick det här från en reporter:\n> Kan Kalmar söka bidraget?', { Kalmar: false }],
    ['From a listener:\n> Is Karlstad on the list?', { Karlstad: false }],
  ])('answers the quoted question: %s', (q, verdicts) => {
    expect(eligible(engine.answer(q))).toEqual(verdicts);
  });
});

describe('a name we do not know, asked whether it is on the list', () => {
  it.each([
    ['Är Hobbiton med?', 'Hobbiton'],
    ['Hör Gondor till de utvalda?', 'Gondor'],
    ['Is Springfield in?', 'Springfield'],
  ])('says no municipality has that name: %s', (q, name) => {
    const a = engine.answer(q);
    expect(a.municipalities).toEqual([]);
    expect(a.text).toContain(name);
    expect(a.text).toMatch(/290/);
  });

  it('reads Ö-vik as Örnsköldsvik', () => {
    expect(eligible(engine.answer('Ö-vik med?'))).toEqual({ Örnsköldsvik: false });
  });
});

describe("a place's name in a newspaper's or a station's name (places.yaml → media)", () => {
  it.each([
    [
      'Göteborgs-Posten undrar om Borås och Alingsås kan söka. Och Lerum?',
      { Borås: true, Alingsås: false, Lerum: false },
    ],
    [
      'Upsala Nya Tidning wants to know if Enköping and Knivsta are in. And Tierp?',
      { Enköping: false, Knivsta: false, Tierp: false },
    ],
    ['P4 Malmö asks: can Trelleborg apply?', { Trelleborg: false }],
  ])('names no place asked about: %s', (q, verdicts) => {
    expect(eligible(engine.answer(q))).toEqual(verdicts);
  });

  it('still reads the place asked about when the newspaper bears its name', () => {
    expect(eligible(engine.answer('Borås Tidning frågar: är Borås med?'))).toEqual({ Borås: true });
  });
});

describe('what a named place may use the money for (words.yaml → cues.purpose)', () => {
  it.each([
    ['Får Malmö använda pengarna till skolor?', 'Malmö', true, /tidiga insatser för barn och unga/],
    ['Får Örebro lägga stödet på fritidsgårdar?', 'Örebro', true, /satsningar på utbildning/],
    ['Kan Lund använda bidraget till bostäder?', 'Lund', false, /ökad trygghet/],
    ['Can Gothenburg use the money for youth centres?', 'Göteborg', true, /early measures for children/],
    ['Could Uppsala spend the grant on policing?', 'Uppsala', true, /investment in education/],
    ['What can Boden spend the money on?', 'Boden', false, /greater safety/],
  ])('answers %j with the verdict and the measures the release names', (q, name, verdict, measure) => {
    const a = engine.answer(q);
    expect(eligible(a)).toEqual({ [name]: verdict });
    expect(a.text).toMatch(measure);
    expect(a.text).not.toMatch(/Resten av frågan|The rest of the question/);
  });

  it.each([
    ['Hur mycket får Malmö?', /framgår inte/],
    ['How much does Malmö get?', /does not say/],
  ])('leaves %j, an amount asked of a place, to the amounts', (q, text) => {
    const a = engine.answer(q);
    expect(a.rule).toBe('named-amount');
    expect(a.text).toMatch(text);
  });

  it.each(['Vad får pengarna användas till?', 'What can the money be used for?'])(
    'answers %j, with no place, with the measures alone',
    (q) => {
      const a = engine.answer(q);
      expect(a.municipalities).toEqual([]);
      expect(a.rule).not.toBe('named-purpose');
    },
  );
});

describe('the status of a place, asked with an opener (words.yaml → query.place_opener)', () => {
  it.each([
    ["What's the status of Borås?", 'Borås', true],
    ['What is the status of Lund?', 'Lund', false],
    ['Hur är läget för Borås?', 'Borås', true],
    ['Hur ser det ut med Boden?', 'Boden', false],
    ['funkar det för Gbg?', 'Göteborg', true],
    ['Fungerar det för Boden?', 'Boden', false],
    ['Does it work for Malmö?', 'Malmö', true],
    ['Does this apply to Lund?', 'Lund', false],
  ])('answers %j with the verdict, not another entry', (q, name, verdict) => {
    const a = engine.answer(q);
    expect(eligible(a)).toEqual({ [name]: verdict });
    expect(a.text).not.toMatch(/2018:151/);
  });

  it('still answers which areas of a place, when the question asks which of something', () => {
    expect(engine.answer('Vilka bostadsområden i Gävle gäller det?').rule).toBe('named-which');
  });
});

describe('an ordinary word one letter from a name', () => {
  it.each(['Får outnyttjade medel föras över till nästa år?', 'kan pengarna föras över mellan åren?'])(
    'is no misspelt name when typed in lower case with another first letter: %s',
    (q) => {
      expect(eligible(engine.answer(q))).toEqual({});
    },
  );

  it.each([
    ['kan göteborh söka?', { Göteborg: true }],
    ['Kan Vorås söka?', { Borås: true }],
    ['is linkoping on it?', { Linköping: true }],
  ])('while a name misspelt keeps its verdict: %s', (q, want) => {
    expect(eligible(engine.answer(q))).toEqual(want);
  });
});

describe('a place said to be mixed up with another', () => {
  it.each([
    [
      'Is Karlstad on the list? (she may have mixed it up with Karlskrona, so answer both)',
      { Karlstad: false, Karlskrona: true },
    ],
    ['Kan Falun söka? Jag har nog blandat det ihop med Borlänge', { Falun: false, Borlänge: true }],
    ['Är Lund med? Svara på båda, Lund och Malmö', { Lund: false, Malmö: true }],
  ])('gets both verdicts: %s', (q, want) => {
    expect(eligible(engine.answer(q))).toEqual(want);
  });
});
