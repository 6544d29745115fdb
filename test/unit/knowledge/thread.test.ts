// Conversations in a Slack thread: what a turn takes from the turns before it. Counts and lists over the
// thread's places and counties, people pointed back at, and a new topic announced mid-thread.
import { describe, expect, it } from 'vitest';
import { THREAD_RULES } from '../../../knowledge/rules/thread.ts';
import { askThread, eligible, frozenEngine } from '../../support/content.ts';

const engine = frozenEngine();

const thread = (...turns: string[]) => askThread(engine, ...turns);

describe('the thread rules', () => {
  describe.each(THREAD_RULES.map((r) => [r.name, r] as const))('the rule %s', (name, rule) => {
    it.each(rule.examples)('decides its example %j', (example) => {
      const a = thread(...example.split(' → '));
      expect(a.rule, a.text).toBe(name);
    });
  });
});

describe('counts and lists over the places of a thread', () => {
  it.each([
    ['Är Lund med? → och Landskrona? → hur många skånekommuner är med totalt?', /\b6\b/],
    ['Can Lund apply? → How many municipalities in Skåne county are on the list?', /\b6\b/],
    ['Kan Uppsala söka? → hur många kommuner i Stockholms län kan söka?', /\b5\b/],
  ])('counts the municipalities of a county, not its kronor: %s', (turns, count) => {
    const a = thread(...turns.split(' → '));
    expect(a.rule).toBe('county');
    expect(a.text).toMatch(count);
  });

  it('names them when asked "vilka då?" after the count', () => {
    const a = thread('Hur många skånekommuner är med?', 'vilka då?');
    for (const name of ['Helsingborg', 'Kristianstad', 'Landskrona', 'Malmö', 'Perstorp', 'Åstorp'])
      expect(a.text).toContain(name);
  });

  it.each([
    [
      'Vilka östgötakommuner är med?',
      'och Södermanland?',
      'hur många blir det för båda länen ihop?',
      /\*6\*/,
    ],
    [
      'Which municipalities in Värmland can apply?',
      'and Dalarna?',
      'so how many for the two counties?',
      /\*2\*/,
    ],
  ])('adds up the counties asked in the thread: %s → %s → %s', (a1, a2, q, total) => {
    const a = thread(a1, a2, q);
    expect(a.rule).toBe('counties-together');
    expect(a.text).toMatch(total);
  });

  it('answers which places asked so far lie in a county, also those not on the list', () => {
    const en = thread(
      'Can Gothenburg, Malmo and Norrkoping apply?',
      'and Lund?',
      'which of the cities I asked about are in Skåne?',
    );
    expect(en.text).toMatch(/Malmö and Lund are in Skåne län/);
    expect(eligible(en)).toEqual({ Malmö: true, Lund: false });
    const sv = thread(
      'Kan Borås söka?',
      'och Alingsås?',
      'Kan Lund söka?',
      'vilka av dem jag frågat om ligger i Västra Götaland?',
    );
    expect(sv.text).toMatch(/ligger Borås och Alingsås i Västra Götalands län/);
    expect(eligible(sv)).toEqual({ Borås: true, Alingsås: false });
  });

  it.each([
    [
      'Kan Borås och Uddevalla söka?',
      'och Lund?',
      'hur många av de kommuner jag nämnt är med?',
      /Av de 3 kommuner du frågat om kan 2 söka 2018: Borås och Uddevalla/,
    ],
    [
      'Can Malmö apply?',
      'and Umeå?',
      'which of the ones I asked about can apply?',
      /Of the 2 municipalities you asked about, 1 can apply in 2018: Malmö/,
    ],
  ])('counts the places asked so far against the list: %s → %s → %s', (a1, a2, q, line) => {
    const a = thread(a1, a2, q);
    expect(a.rule).toBe('asked-on-list');
    expect(a.text).toMatch(line);
  });

  it.each([
    ['Is Eskilstuna eligible?', 'what county is that in?', 'how many on the list from there?', 'Katrineholm'],
    ['Kan Motala söka?', 'vilket län?', 'hur många därifrån är med?', 'Norrköping'],
  ])('reads "from there" after a county named as that county: %s → %s → %s', (a1, a2, q, name) => {
    const a = thread(a1, a2, q);
    expect(a.rule).toBe('same-county');
    expect(a.text).toContain(name);
  });

  it.each([
    ['and which counties have none at all?', /6 of Sweden's 21 counties have none/, 'Kalmar län'],
    ['vilka län saknar kommuner på listan?', /6 av Sveriges 21 län har ingen/, 'Gotlands län'],
    ['vilka län har kommuner på listan?', /15 av Sveriges 21 län har någon/, 'Skåne län'],
    [
      'how many counties are represented on the list?',
      /15 of Sweden's 21 counties have one or more/,
      'Skåne län',
    ],
  ])('answers which counties have none (or some) of the list: %s', (q, line, county) => {
    const a = thread('Give me the full list of municipalities that can apply', q);
    expect(a.rule).toBe('counties-with-none');
    expect(a.text).toMatch(line);
    expect(a.text).toContain(county);
  });

  it.each([
    [
      'Is Kristinehamn eligible?',
      'sorry, I meant Kristianstad',
      'which county is it in?',
      /Kristianstad: \*Skåne län\*/,
    ],
    [
      'Kan Motala och Mjölby söka?',
      'vilket län ligger de i?',
      '',
      /Motala och Mjölby ligger i \*Östergötlands län\*/,
    ],
    ['Kan Umeå söka?', 'i vilket län ligger den?', '', /Umeå ligger i \*Västerbottens län\*/],
  ])('names the county of the places before: %s → %s', (a1, a2, a3, line) => {
    const a = thread(...[a1, a2, a3].filter(Boolean));
    expect(a.rule).toBe('county-of');
    expect(a.text).toMatch(line);
  });

  it.each([
    ['Kan Motala söka?', 'finns det fler från samma län på listan?', ['Linköping', 'Norrköping']],
    ['Is Malmö eligible?', 'any others in the same county?', ['Helsingborg', 'Perstorp']],
  ])('lists the county of the places before: %s → %s', (a1, q, names) => {
    const a = thread(a1, q);
    expect(a.rule).toBe('same-county');
    for (const name of names) expect(a.text).toContain(name);
  });
});

describe('all municipalities together after a place', () => {
  it.each([
    [
      'how much will Malmö get in 2019?',
      'and all municipalities together that year?',
      /\*2019:\* 1\.35 billion/,
    ],
    ['Hur mycket får Malmö 2019?', 'och alla kommuner sammanlagt det året?', /\*2019:\* 1,35 miljarder/],
  ])('answers the programme amount for the years before: %s → %s', (a1, q, line) => {
    const a = thread(a1, q);
    expect(a.rule).toBe('all-together');
    expect(a.text).toMatch(line);
  });

  it('reads "how many municipalities in total?" as the list, not kronor', () => {
    expect(thread('Hur mycket får Malmö?', 'hur många kommuner är med totalt?').text).toMatch(/\*32\*/);
  });
});

describe('a place asked about in passing', () => {
  it.each([
    [
      'A Danish journalist asks whether Copenhagen can get any of this money',
      'and Malmö, across the bridge?',
      'Malmö',
      true,
    ],
    ['Kan Oslo söka?', 'och Lund, lite längre norrut?', 'Lund', false],
    ['Is Gothenburg on the list?', 'What about Mölndal, right next door?', 'Mölndal', false],
  ])('gives the place after "and …," its verdict, whatever describes it: %s → %s', (a1, q, name, yes) => {
    expect(eligible(thread(a1, q))).toEqual({ [name]: yes });
  });

  it.each([
    ['Is Karlstad eligible?', 'what is the weather going to be like in Kiruna tomorrow?'],
    ['Kan Malmö söka?', 'hur många bor i Kiruna?'],
  ])('answers a question of its own about a place on its own, with no verdict: %s → %s', (a1, q) => {
    const a = thread(a1, q);
    expect(a.municipalities).toEqual([]);
    expect(a.rule).toBe('named-off-topic');
  });
});

describe('a new topic mid-thread', () => {
  it.each([
    ['Switching topics — who is the press secretary on this?', /Mashial/],
    ['Byter ämne: vem är presskontakt?', /Mashial/],
    ['Annan fråga: vem fördelar pengarna 2019?', /Delegationen mot segregation/],
  ])('answers the new topic on its own: %s', (q, fact) => {
    const a = thread('Kan Malmö söka?', 'och 2019?', q);
    expect(a.text).toMatch(fact);
    expect(a.text).not.toMatch(/följdfråga|follow-up/);
  });

  it.each([
    'unrelated, but what is the weather going to be like in Kiruna tomorrow?',
    'helt annan sak, hur blir vädret i Kiruna imorgon?',
  ])('gives no verdict for a place in an unrelated question: %s', (q) => {
    const a = thread('Is Karlstad eligible?', 'sorry, Karlskrona I meant', q);
    expect(a.municipalities).toEqual([]);
    expect(a.intent).toBe('unknown');
  });
});

describe('people pointed back at', () => {
  it.each([
    ['Who is the press contact?', 'his number?', /08-405 10 00/],
    ['Vem är presskontakt?', 'vilket nummer når man honom på?', /08-405 10 00/],
    ['Which minister is quoted?', 'and when did he hold that post?', /2016/],
    ['Vilken minister står bakom satsningen?', 'vilken post hade han senare?', /näringsminister/],
  ])('answers about the person of the turn before, whatever topic a word matches: %s → %s', (a1, q, fact) => {
    const a = thread(a1, q);
    expect(a.rule).toBe('follow-up:topic');
    expect(a.text).toMatch(fact);
  });

  it.each([
    ['Who is the minister behind this?', 'who is his press secretary?'],
    ['Vilken minister står bakom satsningen?', 'och hans pressekreterare?'],
  ])('answers another person named by role: %s → %s', (a1, q) => {
    expect(thread(a1, q).text).toMatch(/Sami Mashial/);
  });

  it.each([
    ['When was this decided?', 'by whom?', /government decided/],
    ['När beslutades satsningen?', 'av vem?', /Regeringen beslutade/],
  ])('reads a bare question word as asking on about the topic before: %s → %s', (a1, q, fact) => {
    expect(thread(a1, q).text).toMatch(fact);
  });
});

describe('a why about the answer before', () => {
  it.each([
    [
      'Vem fördelar pengarna 2018?',
      'varför bara det året?',
      /framgår inte.*\n.*Tillväxtverket\* tillfälligt/,
    ],
    ['Which agencies distribute the money?', 'why the change?', /does not say.*\n.*temporary basis/],
    ['Hur mycket avsätts 2018?', 'varför så lite?', /framgår inte.*\n.*425 miljoner/],
  ])('says the release gives no reason, with what it does say: %s → %s', (a1, q, text) => {
    const a = thread(a1, q);
    expect(a.rule).toBe('follow-up:why');
    expect(a.text).toMatch(text);
  });

  it.each([
    ['Who distributes the money?', 'Why is the government doing this?', /purpose/],
    ['Vem fördelar pengarna?', 'Varför satsar regeringen på det här?', /Syftet/],
  ])('answers a why with a topic of its own on its own: %s → %s', (a1, q, text) => {
    expect(thread(a1, q).text).toMatch(text);
  });
});

describe('what the money of a place is for', () => {
  it.each([
    ['Kan Hjällbo i Göteborg få del av pengarna?', 'vad kan de använda dem till?', /tidiga insatser/],
    ['Can Malmö apply?', 'what can they use the money for?', /early measures/],
    ['Is Borås eligible?', 'what can they spend it on?', /early measures/],
  ])('answers the purpose, never the help text: %s → %s', (a1, q, text) => {
    const a = thread(a1, q);
    expect(a.text).toMatch(text);
    expect(a.text).not.toMatch(/Prova till exempel|Try for example/);
  });
});

describe('more than a prose answer names', () => {
  it.each([
    [
      'Is this part of a budget deal with someone?',
      'with which other parties?',
      /does not say.*\n.*Vänsterpartiet/,
    ],
    [
      'Ingår satsningen i en budgetöverenskommelse?',
      'med vilka andra partier?',
      /framgår inte.*\n.*Vänsterpartiet/,
    ],
    [
      'What lessons did the government draw from earlier efforts?',
      'which efforts, specifically?',
      /does not say/,
    ],
    ['Vad har regeringen lärt sig av tidigare satsningar?', 'vilka satsningar konkret?', /framgår inte/],
    [
      'What can the municipalities spend the money on?',
      'can they use it for renovating housing?',
      /does not say[\s\S]*early measures/,
    ],
    [
      'Vad kan kommunerna använda pengarna till?',
      'får de lägga dem på att renovera bostäder?',
      /framgår inte[\s\S]*tidiga insatser/,
    ],
    ['Is this part of a budget agreement?', 'When was that agreement signed?', /does not say/],
    ['Vilka problem har områdena?', 'vilka områden handlar det om? har du namn?', /framgår inte/],
  ])('says the release does not say, with what it does: %s → %s', (a1, q, text) => {
    // (Each part of "vilka områden …? har du namn?" says so: the same text, shown once.)
    expect(thread(a1, q).text).toMatch(text);
  });

  it('still answers what a person answer does name ("what other post did he hold?")', () => {
    expect(thread('Who is the minister behind this?', 'What other post did he hold later on?').text).toMatch(
      /Minister for Enterprise/,
    );
  });
});

describe('the wording behind the answer before', () => {
  it.each([
    [
      'What can the municipalities spend the money on?',
      'can you give me the Swedish wording for that list?',
      /”Det kan exempelvis handla om tidiga insatser/,
    ],
    [
      'Vad kan kommunerna göra för pengarna?',
      'vad är den exakta formuleringen?',
      /”Det kan exempelvis handla om tidiga insatser/,
    ],
    ['Hur mycket avsätts 2018?', 'hur ska meningen lyda då?', /”För 2018 avsätts 425 miljoner kronor/],
    [
      'Utkast: ”Tillväxtverket fördelar pengarna 2019.” Stämmer det?',
      'hur ska meningen lyda då?',
      /”Från och med 2019 hanteras bidragsfördelningen av Delegationen mot segregation.”/,
    ],
    [
      'Draft: "The grant starts with 2.2 billion in 2018." Correct?',
      'so how should the sentence read?',
      /”För 2018 avsätts 425 miljoner kronor/,
    ],
  ])('quotes the sentences the answer rests on: %s → %s', (a1, q, sentence) => {
    const a = thread(a1, q);
    expect(a.rule).toBe('wording-before');
    expect(a.text).toMatch(sentence);
  });
});

describe('after the first run of round 3', () => {
  const thread = (...qs: string[]) => {
    let ctx: ReturnType<typeof engine.answer>['context'] = null;
    return qs.map((q) => {
      const a = engine.answer(q, ctx);
      ctx = a.context;
      return a;
    });
  };

  it('answers an aside that begins with "btw" on its own, with no verdict, and keeps the topic', () => {
    const [, aside, next] = thread(
      'Kan Gävle söka?',
      'btw, hur blir vädret i Uppsala i helgen?',
      'och Borås?',
    );
    expect(aside?.municipalities).toEqual([]);
    expect(next?.municipalities).toEqual([expect.objectContaining({ name: 'Borås', eligible: true })]);
  });

  it.each([
    ['Kan Västerås söka?', 'och Sala? nej förresten, Köping menar jag'],
    ['Can Västerås apply?', 'and Sala? I meant Köping.'],
  ])('reads a correction after the question as the question: %s / %s', (first, second) => {
    const [, a] = thread(first, second);
    expect(a?.municipalities.map((m) => m.name)).toEqual(['Köping']);
  });

  it('takes "the one that isn\'t on it" from the places the thread asked about', () => {
    const [, , a] = thread(
      'Är Gävle och Hudiksvall med?',
      'och Sandviken?',
      'den som inte är med, varför inte?',
    );
    expect(a?.municipalities).toEqual([expect.objectContaining({ name: 'Hudiksvall', eligible: false })]);
  });
});

describe('arithmetic over the years a thread asked one by one', () => {
  it.each([
    ['Vad får man 2020? → och 2021? → och 2022? → alla tre ihop?', /Sammanlagt: 6,6 miljarder/],
    ['What is the amount for 2019? → and 2020? → and 2021? → those three combined?', /5\.75 billion/],
    ['hur mkt 2018 → o 2019? → summan av dom två åren?', /1,775 miljarder/],
    ['How much for 2020? → and 2021? → all of that together?', /4\.4 billion/],
    [
      'How much in 2021? → and 2022? → and 2023? → average of those three?',
      /Average 2021, 2022 and 2023: 2\.2 billion/,
    ],
    ['Hur mycket 2018? → och 2019? → snittet för båda åren?', /Genomsnitt 2018 och 2019: 887,5 miljoner/],
  ])('sums the years asked before, the last n when a count is named: %s', (turns, sum) => {
    expect(thread(...turns.split(' → ')).text).toMatch(sum);
  });

  it.each([
    ['Hur mycket får man 2019? → och 2018? → hur stor är skillnaden?', /925 miljoner kronor mer/],
    ['How much for 2018? → and for 2019? → what is the difference?', /925 million kronor more/],
    ['Hur mycket 2019? → och 2018? → och i procent?', /\+217,6 %/],
    ['How much in 2020? → and 2019? → how many per cent is the increase from 2019?', /\+63 %|\+63\.0 %/],
  ])('compares the last two years asked: %s', (turns, result) => {
    expect(thread(...turns.split(' → ')).text).toMatch(result);
  });

  it.each([
    [
      'Vad är beloppet 2020? → och 2021? → båda tillsammans? → och om man lägger till 2019?',
      /5,75 miljarder/,
    ],
    ['summa 2018–2020? → + 2021?', /6,175 miljarder/],
    ['Total for 2020 and 2021? → and if you add 2022?', /6\.6 billion/],
  ])('adds a year to the sum before: %s', (turns, sum) => {
    expect(thread(...turns.split(' → ')).text).toMatch(sum);
  });

  it.each([
    ['Vad är budgeten för 2020? → och 2021? → hur mycket är det totalt för hela satsningen?', /19,375/],
    ['How much for 2020? → and 2021? → what is the total across all years?', /19\.375/],
    ['How much for 2020? → and 2021? → what about 2018 and 2019 together?', /1\.775 billion/],
  ])('answers a total that names its own years or the whole programme on its own: %s', (turns, sum) => {
    const a = thread(...turns.split(' → '));
    expect(a.text).toMatch(sum);
    expect(a.municipalities).toEqual([]);
  });
});

describe('the count of the list before', () => {
  it.each([
    ['Vilka kommuner i Östergötland kan söka? → hur många är det?', /\b3\b/],
    ['Vilka kommuner får söka 2018? → vilka av dem ligger i Västra Götaland? → antal?', /\b4\b/],
    ['Which municipalities in Stockholm County can apply? → how many are they?', /\b5\b/],
    ['Which of the municipalities are in Skåne? → and how many is that?', /\b6\b/],
  ])('counts the county list the answer before gave: %s', (turns, n) => {
    const a = thread(...turns.split(' → '));
    expect(a.rule).toMatch(/county/);
    expect(a.text).toMatch(n);
  });

  it.each([
    ['Vilka kommuner i Skåne kan söka? → hur många år pågår satsningen?'],
    ['Which municipalities in Skåne can apply? → how many years does the programme run?'],
    ['Which municipalities in Skåne can apply? → how many million kronor is that in 2019?'],
  ])('answers a count with a subject of its own on its own: %s', (turns) => {
    const a = thread(...turns.split(' → '));
    expect(a.rule).not.toMatch(/county/);
    expect(a.municipalities).toEqual([]);
  });
});

describe('what the documents do not give about the people and agencies an answer named', () => {
  it.each([
    [
      'Vem fördelar pengarna 2019? → vem är generaldirektör där?',
      /framgår inte[\s\S]*Delegationen mot segregation/,
    ],
    [
      'Which agency distributes the money in 2018? → who is its director?',
      /does not say[\s\S]*Tillväxtverket/,
    ],
    ['Vem är ministern bakom satsningen? → vilket parti tillhör han?', /framgår inte[\s\S]*Baylan/],
    ['Who presented the programme? → how old is he?', /does not say[\s\S]*Baylan/],
    ['Vem fördelar pengarna 2018? → och deras hemsida?', /framgår inte[\s\S]*Tillväxtverket/],
    [
      'Who distributes the money in 2019? → who runs that agency?',
      /does not say[\s\S]*Delegationen mot segregation/,
    ],
    [
      'Vem fördelar pengarna 2019? → vem leder den myndigheten?',
      /framgår inte[\s\S]*Delegationen mot segregation/,
    ],
    ["Who presented the programme? → what's his e-mail?", /does not say[\s\S]*Baylan/],
    // A hyphenated word is its word written without the hyphen ("e-post" is "epost*").
    ['Vem är ministern bakom satsningen? → vad har han för e-post?', /framgår inte[\s\S]*Baylan/],
    ['Vem presenterade satsningen? → och hans e-postadress?', /framgår inte[\s\S]*Baylan/],
    ['Who is the minister behind this? → and his e-mail address?', /does not say[\s\S]*Baylan/],
  ])('says so, naming the subject from the answer before: %s', (turns, text) => {
    const a = thread(...turns.split(' → '));
    expect(a.rule).toBe('not-stated-about');
    expect(a.text).toMatch(text);
    expect(a.municipalities).toEqual([]);
  });

  it.each([
    ['Who is the minister behind this? → what is his title?', /Minister for Policy Coordination and Energy/],
    ['Vem är ministern bakom satsningen? → vilket parti nämns i pressmeddelandet?', /Vänsterpartiet/],
    ['Who is the minister behind this? → which party is the budget agreement with?', /Vänsterpartiet/],
    ['Vem fördelar pengarna 2019? → vem är presskontakt?', /Mashial/],
    ['Who distributes the money in 2018? → who runs the grant from 2019?', /Delegationen mot segregation/],
  ])('answers what the documents do give, or a question of its own, as asked: %s', (turns, text) => {
    const a = thread(...turns.split(' → '));
    expect(a.rule).not.toBe('not-stated-about');
    expect(a.text).toMatch(text);
  });
});

describe('references to the answer before', () => {
  it.each([
    ['vem fördelar pengarna 2018? → o sen?', /Delegationen mot segregation/],
    ['Who distributes the money in 2018? → and then?', /Delegationen mot segregation/],
    ['Hur mycket avsätts 2018? → och sen?', /1,35 miljarder/],
    ['How much is set aside for 2019? → and after that?', /2\.2 billion/],
  ])('reads "and then?" as the year after the one asked: %s', (turns, text) => {
    expect(thread(...turns.split(' → ')).text).toMatch(text);
  });

  it.each([
    ["What's the legal basis, is there an ordinance? → what is its full name?", /socio-economically/],
    ['Finns det en förordning? → vad är dess fullständiga titel?', /socioekonomiskt eftersatta/],
  ])('reads "its title" as the thing before, not a person\'s title: %s', (turns, text) => {
    const a = thread(...turns.split(' → '));
    expect(a.text).toMatch(text);
    expect(a.text).not.toMatch(/Baylan/);
  });

  it('still answers a person named by role after "dess": the press contact', () => {
    expect(thread('Finns det en förordning?', 'vem är dess presskontakt?').text).toMatch(/Mashial/);
  });

  it.each([
    [
      'What lessons has the government drawn from earlier efforts? → so what does the programme do differently because of that?',
      /long-term/,
    ],
    [
      'Vad har regeringen lärt sig av tidigare satsningar? → vad gör man annorlunda på grund av det?',
      /långsiktig/,
    ],
  ])('reads "because of that" as asking on from the answer before: %s', (turns, text) => {
    const a = thread(...turns.split(' → '));
    expect(a.rule).toBe('follow-up:topic');
    expect(a.text).toMatch(text);
  });

  it('answers a question of its own after "given that" on its own', () => {
    const a = thread(
      'What lessons has the government drawn from earlier efforts?',
      'given that, how much is set aside for 2019?',
    );
    expect(a.text).toMatch(/1\.35 billion/);
  });
});

describe('the speaker of the words quoted before', () => {
  it.each([
    ['Har du ministerns citat? → vem var det som sa det?'],
    ['Citera Baylan ordagrant → vem sa det nu igen?'],
    ["What were the minister's exact words? → who said that again?"],
    ['Can I get the quote from the release? I need it for a newsletter → sorry, who said it?'],
  ])('names the one whose statement it is: %s', (turns) => {
    const a = thread(...turns.split(' → '));
    expect(a.text).toMatch(/Baylan/);
    expect(a.text).not.toMatch(/framgår inte|does not say/);
  });

  it.each([
    ['Har du ministerns citat? → och vem ringer jag om jag vill ha en intervju med honom?'],
    ["What were the minister's exact words? → who should I call to interview him?"],
  ])('gives the press contact for an interview with the one quoted: %s', (turns) => {
    expect(thread(...turns.split(' → ')).text).toMatch(/Mashial/);
  });
});

describe('the answer before in English', () => {
  it.each([
    ['Vad är syftet med bidraget? → kan du ge mig det på engelska?', /The purpose is/],
    ["What were the minister's exact words? → can you give me that in English?", /sustainable Sweden/],
    ['Vem fördelar pengarna 2018? → kan du ta det på engelska?', /In 2018 \*Tillväxtverket\*/],
  ])('composes the topic before in English, for its years: %s', (turns, text) => {
    const a = thread(...turns.split(' → '));
    expect(a.rule).toBe('in-english');
    expect(a.text).toMatch(text);
  });

  it('answers a question of its own that asks for English on its own', () => {
    const a = thread('Vad är syftet med bidraget?', 'who is the press contact, in English please?');
    expect(a.rule).not.toBe('in-english');
    expect(a.text).toMatch(/Mashial/);
  });
});

describe('a share of the list after a county', () => {
  it.each([
    [
      'Which municipalities in Stockholm County are on the list? → how many is that? → and as a share of all 32?',
      /15\.63 %/,
    ],
    ['Vilka kommuner i Skåne kan söka? → hur stor andel av listan är det?', /18,75 %/],
  ])("gives the county's part of the whole list: %s", (turns, share) => {
    expect(thread(...turns.split(' → ')).text).toMatch(share);
  });

  it.each([
    ['Vilka kommuner i Skåne kan söka? → hur stor andel av pengarna går dit?'],
    ['Which municipalities in Skåne can apply? → what share of all the money do they get?'],
  ])('does not compute a share of the money from the list: %s', (turns) => {
    const a = thread(...turns.split(' → '));
    expect(a.rule).not.toBe('share-of-list');
    expect(a.text).toMatch(/framgår inte|does not say/);
  });
});

describe('a subject no document covers, asked about the place or county before', () => {
  it.each([
    'Which municipalities in Skåne can apply? → how many people live there?',
    'Vilka kommuner i Västra Götaland är med? → hur många bor där?',
    'Vilka kommuner i Skåne kan söka? → och befolkningen där?',
    'Kan Malmö söka? → hur många människor bor där?',
    'Is Lund eligible? → and how many people live there?',
  ])('says the documents do not say, with no list and no verdict: %s', (turns) => {
    const a = thread(...turns.split(' → '));
    expect(a.rule).toBe('not-stated');
    expect(a.text).toMatch(/framgår inte|does not say/);
    expect(a.municipalities).toEqual([]);
  });

  it.each([
    ['Vilka kommuner i Skåne kan söka? → hur många blir det?', /\b6\b/],
    ['Which municipalities in Skåne can apply? → how many is that?', /\b6\b/],
  ])('still counts the county before when the list is asked: %s', (turns, count) => {
    const a = thread(...turns.split(' → '));
    expect(a.text).toMatch(count);
  });

  it('reads "jag bor i" as where the asker lives, not as the population', () => {
    const a = thread('Hur mycket får kommunerna 2019?', 'Jag bor i Borlänge – får min kommun söka?');
    expect(eligible(a)).toEqual({ Borlänge: true });
  });
});

describe('the agency a question named', () => {
  it.each([
    ['What is Delmos and what role does it play here? → and before that?', /Tillväxtverket/, /Delegationen/],
    ['Vad är Delmos? → och innan dess?', /Tillväxtverket/, /Delegationen/],
    ['Vad gör Tillväxtverket? → och efter det?', /Delegationen mot segregation/, /Tillväxtverket/],
    [
      'What does the Agency for Economic and Regional Growth do? → and after that?',
      /Delegationen/,
      /Tillväxtverket/,
    ],
  ])('sets the years of the thread to its period: %s', (turns, has, hasNot) => {
    const a = thread(...turns.split(' → '));
    expect(a.text).toMatch(has);
    expect(a.text).not.toMatch(hasNot);
  });

  it.each([
    ['What is Delmos? → how much money will it distribute in its first year?', /1\.35 billion/],
    ['Vad är Delmos? → hur mycket delar den ut under sitt första år?', /1,35 miljarder/],
    ['Vad är Delmos? → och innan dess? → hur mycket fördelar den första året?', /1,35 miljarder/],
    ['What does Tillväxtverket do? → how much did it hand out in its first year?', /425 million/],
  ])('reads "it", "den", "its" as that agency, its first year as the agency\'s: %s', (turns, amount) => {
    const a = thread(...turns.split(' → '));
    expect(a.intent).toBe('amount');
    expect(a.text).toMatch(amount);
  });

  it.each([
    ['What is Delmos? → How much is allocated in the first year?', /425 million/],
    ['Vad är Delmos? → Hur mycket avsätts första året?', /425 miljoner/],
  ])("leaves the grant's first year to a question of its own that points at nothing: %s", (turns, amount) => {
    expect(thread(...turns.split(' → ')).text).toMatch(amount);
  });

  it('answers a new question about a place on its own, with only its verdict', () => {
    const a = thread('Vad är Delmos?', 'Kan Malmö söka?');
    expect(eligible(a)).toEqual({ Malmö: true });
    expect(a.context?.agency).toBeUndefined();
  });
});

describe('the name of the agency before', () => {
  it.each([
    [
      'What is Delmos? → what is its name in English?',
      /Delegationen mot segregation.*Delegation against Segregation/,
    ],
    [
      'Vad är Delmos? → vad heter den på engelska?',
      /Delegationen mot segregation.*Delegation against Segregation/,
    ],
    [
      'Vem fördelar pengarna 2018? → vad heter myndigheten på engelska?',
      /Tillväxtverket.*Agency for Economic and Regional Growth/,
    ],
    [
      'Vad är Delmos? → Vem fördelar pengarna 2018? → och dess engelska namn?',
      /Tillväxtverket.*Agency for Economic/,
    ],
    [
      'Who distributes the money in 2019? → what is that agency called in English?',
      /Delegation against Segregation/,
    ],
  ])('gives it from the content, not "not stated": %s', (turns, text) => {
    const a = thread(...turns.split(' → '));
    expect(a.rule).toBe('agency-name');
    expect(a.text).toMatch(text);
    expect(a.text).not.toMatch(/framgår inte|does not say/);
  });

  it.each([
    ['What is Delmos? → Can Malmö apply?', 'named-eligibility'],
    ['Vad är syftet med bidraget? → kan du ge mig det på engelska?', 'in-english'],
  ])('leaves a question of its own, or the answer before in English, to their rules: %s', (turns, rule) => {
    expect(thread(...turns.split(' → ')).rule).toBe(rule);
  });
});

describe('filters, counts and shares over the list before', () => {
  it.each([
    ['Vilka kommuner kan söka? → vilka av dem börjar på S?', /\b3\b.*Sandviken, Stockholm och Södertälje/],
    [
      'Which municipalities can apply 2018? → any of them beginning with an N?',
      /\b2\b.*Norrköping and Nyköping/,
    ],
    ['Vilka i Skåne län är med? → vilka av dem börjar på L?', /\b1\b.*Landskrona/],
  ])('names those with the first letter asked, from the answer before: %s', (turns, names) => {
    const a = thread(...turns.split(' → '));
    expect(a.rule).toBe('starts-with');
    expect(a.text.replace(/\*/g, '')).toMatch(names);
  });

  it('says none start with a letter no name starts with, and names no other', () => {
    const a = thread('Which municipalities can apply? → which ones start with Q?');
    expect(a.text).toMatch(/None of them start with Q/);
    expect(a.municipalities).toEqual([]);
  });

  it.each([
    ['Vilka kommuner kan söka? → vilka av dem börjar på K? → hur många blir det?', /\*3\*/],
    ['Which municipalities can apply? → which of them begin with B? → how many is that', /\*3\*/],
  ])('counts the names the answer before gave: %s', (turns, n) => {
    const a = thread(...turns.split(' → '));
    expect(a.rule).toBe('count-before');
    expect(a.text).toMatch(n);
  });

  it.each([
    ['Vilka kommuner i Skåne kan söka? → och i Stockholms län? → ihop?', /\*11\*/],
    ['Which in Östergötland can apply? → and in Västmanland? → combined?', /\*4\*/],
    ['Hur många sammanlagt i Gävleborg, Dalarna och Halland?', /\*4\*/],
    ['Hur många kommuner i Skåne och Stockholms län kan söka?', /\*11\*/],
    ['How many in total for Västra Götaland, Halland and Örebro county together?', /\*6\*/],
  ])('sums the counties named at once or counted before: %s', (turns, n) => {
    const a = thread(...turns.split(' → '));
    expect(a.rule).toBe('counties-together');
    expect(a.text).toMatch(n);
    expect(a.text).not.toMatch(/✅|❌/);
  });

  it.each([
    ['Vilka kommuner i Västmanlands län kan söka? → hur många? → som andel?', /3,13 %/],
    ['Which in Östergötland can apply? → as a share?', /9.38 %/],
    ['Hur stor andel av de 32 ligger i Stockholms län?', /15,63 %/],
    [
      'Which in Östergötland can apply? → and in Västmanland? → combined? → as a percentage of the 32?',
      /12.5 %/,
    ],
    ['Which municipalities can apply? → which start with K? → what percent of all is that?', /9.38 %/],
  ])('gives the share of the list the answer before counted: %s', (turns, share) => {
    const a = thread(...turns.split(' → '));
    expect(a.rule).toBe('share-of-list');
    expect(a.text).toMatch(share);
  });

  it('leaves a county named with "of the list" to its own share of municipalities', () => {
    const a = thread('Hur stor andel av kommunerna i Skåne län finns på listan?');
    expect(a.text).toMatch(/6 av 33/);
  });
});

describe('a sentence by its place after a quote', () => {
  it.each([
    ['What did the minister say, word for word? → just the last sentence please', /samhällsbygget går före/],
    ['Vad sa ministern, ordagrant? → kan jag få sista meningen bara?', /samhällsbygget går före/],
    ['Vad sa ministern, ordagrant? → vilken är den mittersta meningen?', /Vi förstärker nu/],
    ['What is the purpose, in the exact words? → and the sentence after?', /Det nya statsbidraget/],
    ['Vad är syftet med satsningen, ordagrant? → och nästa mening?', /Det nya statsbidraget/],
  ])('quotes the sentence asked, word for word from the document: %s', (turns, sentence) => {
    const a = thread(...turns.split(' → '));
    expect(a.rule).toBe('sentence-by-place');
    expect(a.text).toMatch(sentence);
  });

  it('does not run on past the text into the contact lines', () => {
    const a = thread('Vilka lärdomar nämns? ordagrant → nästa mening efter den? → och sen?');
    expect(a.text).not.toMatch(/Pressekreterare/);
  });
});
