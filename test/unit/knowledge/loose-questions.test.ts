// Questions put loosely: a topic asked with words the FAQ does not know beside the ones it does ("in a
// nutshell", "to my editor"), names people type for counties, and the press desk's own words. The
// phrasings here are not those of any question set, so they test the mechanism, not a sentence.
import { describe, expect, it } from 'vitest';
import { frozenEngine } from '../../support/content.ts';

const engine = frozenEngine();
const NOT_STATED = /framgår inte|nämns inte|does not say|does not mention|not stated/;

describe('a question put loosely', () => {
  it.each([
    ['syftet, i en mening?', /bryta segregationen/],
    ['purpose in a nutshell?', /break segregation/],
    ['vilka insatser kan finansieras?', /tidiga insatser/],
    ['Vad kan pengarna gå till, ungefär?', /tidiga insatser/],
    ['förordningen, vilket nummer har den i SFS?', /2018:151/],
    ['presskontaktens mejl?', /e-postadress anges inte/],
    ['Who should I refer reporters to?', /Sami Mashial/],
  ])('answers the topic its known words point at: %s', (q, want) => {
    const a = engine.answer(q);
    expect(a.text).toMatch(want);
  });

  it.each([
    ['Vem är generaldirektör för Delegationen mot segregation?'],
    ['Who is the director of Tillväxtverket?'],
  ])('does not answer another fact of a name than the documents give: %s', (q) => {
    const a = engine.answer(q);
    // Not the agency's entry, which would answer who distributes the money as if that were asked.
    expect(a.rule).not.toBe('topic');
  });

  it('says what the documents do not state about a name asked of', () => {
    expect(engine.answer('Vem är generaldirektör för Delegationen mot segregation?').text).toMatch(
      NOT_STATED,
    );
  });

  it('reads a name it does not know as a subject, not as a loosely put topic', () => {
    const a = engine.answer('Is Springfield on the list?');
    expect(a.text).toMatch(/Springfield/);
    expect(a.municipalities).toEqual([]);
  });

  it('takes no topic from a sentence that asks nothing before an off-topic question', () => {
    const a = engine.answer('Hur blir vädret i Kiruna på lördag? En journalist ska åka dit.');
    expect(a.text).not.toMatch(/Mashial/);
    expect(a.municipalities).toEqual([]);
  });
});

describe('how to apply, asked of a place named before', () => {
  it.each([
    ['Vi ringer från Borås. Hur går det till när kommunen ansöker?', /framgår inte/],
    ['Calling from Västerås: how should the municipality apply?', /does not say how to apply/],
  ])('says how to apply is not stated: %s', (q, want) => {
    expect(engine.answer(q).text).toMatch(want);
  });
});

describe('the party of the agreement', () => {
  it.each([
    ['Var Kristdemokraterna med i uppgörelsen också?', /Något annat parti i överenskommelsen nämns inte/],
    ['Any parties other than the Left Party in the deal?', /does not mention any other party/],
  ])('names the party the release names, and says it names no other: %s', (q, want) => {
    expect(engine.answer(q).text).toMatch(want);
  });
});

describe('a county named by its town', () => {
  it.each([
    ['vilka kn i sthlms län får söka', 'Stockholms län'],
    ['which municipalities in Upsala county can apply', 'Uppsala län'],
  ])('reads the town’s other names with "län": %s', (q, county) => {
    const a = engine.answer(q);
    expect(a.rule).toBe('county');
    expect(a.text).toContain(county);
  });

  it('answers "which municipalities in X county" by the county when the places named are on its list', () => {
    const a = engine.answer('Gefle-redaktionen undrar vilka kommuner i Gävleborgs län som kan söka');
    expect(a.rule).toBe('county');
    expect(a.municipalities.map((m) => m.name).sort()).toEqual(['Gävle', 'Sandviken']);
  });
});

describe('questions run together', () => {
  it.each([
    ['Beloppet 2021, och vem är presskontakt?', [/2,2 miljarder/, /Sami Mashial/]],
    [
      'The sum for 2019–2020, and which agency pays it out in 2020?',
      [/3\.55 billion/, /Delegationen mot segregation/],
    ],
  ])('answers a question put without a question word before the next one: %s', (q, wants) => {
    const a = engine.answer(q);
    for (const want of wants) expect(a.text).toMatch(want);
  });

  it.each([
    ['mellan 2018 och 2019, hur mycket totalt?', 1],
    ['Hässleholm har ju socioekonomiska utmaningar, kan de söka?', 1],
  ])('keeps a setting of the same question with it: %s', (q, count) => {
    expect(engine.answer(q).parts ?? ['one']).toHaveLength(count);
  });

  it('reads Slack *bold* and _italic_ as plain words, so a bold preface is a preface', () => {
    const a = engine.answer('*Snabbt:* vem fördelar pengarna 2018 och _vilket nummer_ har förordningen?');
    expect(a.text).toMatch(/Tillväxtverket/);
    expect(a.text).toMatch(/2018:151/);
  });
});

describe('the areas of a named place', () => {
  it.each([
    ['Which neighbourhoods in Borås are covered?', 'Borås', /does not say which individual areas/],
    ['vilka stadsdelar i Västerås omfattas?', 'Västerås', /framgår inte/],
  ])('gives the place its verdict and says the release names no areas: %s', (q, name, want) => {
    const a = engine.answer(q);
    expect(a.municipalities).toEqual([expect.objectContaining({ name, eligible: true })]);
    expect(a.text).toMatch(want);
  });

  it('answers "which of them can apply?" with the verdicts alone', () => {
    const a = engine.answer('Uppsala and Tierp: which of them can apply?');
    expect(a.text).not.toMatch(/areas|områden/);
  });
});

describe('a subject the documents do not cover', () => {
  it.each([
    ['Hur ska resultaten följas upp?'],
    ['Is there an audit of how the money is spent?'],
    ['Hur ser fördelningen per län ut 2019?'],
    ['How many residents live in the targeted areas?'],
  ])('is not stated, whatever entry its other words come near: %s', (q) => {
    const a = engine.answer(q);
    expect(a.text).toMatch(NOT_STATED);
    expect(a.municipalities).toEqual([]);
  });

  it('leaves a place asked about to the rules for places', () => {
    expect(engine.answer('Hur många invånare har Malmö?').rule).toBe('named-off-topic');
  });
});

describe('requests and short checks', () => {
  it.each([
    ['förordningens nummer tack, behöver det till en fotnot', /2018:151/],
    ['the ordinance number please, for a footnote', /2018:151/],
  ])('answers a request of some words without a question mark: %s', (q, want) => {
    expect(engine.answer(q).text).toMatch(want);
  });

  it('leaves a request whose unknown words outweigh the known ones to the fallback (a known limit)', () => {
    // Two words no entry knows ("footnote", "memo") beside two it does: the lead is not clear enough.
    expect(engine.answer('the ordinance number please, for a footnote in my memo').rule).toBe('fallback');
  });

  it.each([
    ['2023 – fortfarande Tillväxtverket?', /Delegationen mot segregation/],
    ['Still Tillväxtverket in 2022?', /Delegationen mot segregation/],
  ])('reads "still <agency>?" as a claim about who distributes the money: %s', (q, want) => {
    const a = engine.answer(q);
    expect(a.text).toMatch(/^❌/);
    expect(a.text).toMatch(want);
  });

  it('answers who runs it in a year with the agency of that year', () => {
    expect(engine.answer('who runs the grant in 2021?').text).toMatch(/Delegationen mot segregation/);
  });
});

describe('whether something works is no question about the bot', () => {
  it.each([
    'funkar kulturföreningar? typ läxhjälp',
    'fungerar det med insatser för trygghet?',
    'does it work for sports clubs?',
  ])('is not answered with the help text: %s', (q) => {
    expect(engine.answer(q).intent).not.toBe('help');
  });

  it.each(['Hur funkar boten?', 'How does this bot work?'])('while a question about the bot is: %s', (q) => {
    expect(engine.answer(q).intent).toBe('help');
  });
});

// A project put in the asker's own words and asked whether it fits: the release names the kinds of
// measure, not single projects, so the answer is those measures (whose words are near the project's).
describe('a project asked whether it fits', () => {
  it.each([
    ['läxhjälpen på biblioteket vill utöka till helger, passar det in?', /tidiga insatser för barn och unga/],
    ['vi vill starta en jobbcoach-verksamhet, ryms det inom bidraget?', /ökad sysselsättning/],
    ['our youth club wants to run summer camps for teenagers, does that fit?', /children and young people/],
    ['hiring more teachers for newcomer classes, would it fit?', /education/],
  ])('answers with the measures the release names: %s', (q, want) => {
    expect(engine.answer(q).text).toMatch(want);
  });

  it('still reads "does Lund fit the criteria" as a question about the list', () => {
    expect(engine.answer('Does Lund fit the criteria?').text).toMatch(/Lund\* is not among/);
  });
});

describe('the contact number asked of its kind', () => {
  it.each([
    ['är det ett direktnummer eller växeln?', /växel/],
    ['vilket telephone number har presskontakten?', /08-405 10 00/],
    ['what phone number is given for the press secretary?', /08-405 10 00/],
  ])('answers with the number as the release gives it: %s', (q, want) => {
    expect(engine.answer(q).text).toMatch(want);
  });

  it('does not take "why the switch?" or "in one line" for the number', () => {
    expect(engine.answer("In one line, what's the purpose of the grant?").text).toMatch(/break segregation/);
  });
});

describe('the pot as a word for the amount', () => {
  it.each([
    ['hur stor är potten 2021?', /2,2 miljarder/],
    ['how big is the pot for 2019?', /1\.35 billion/],
  ])('answers the amount of the year: %s', (q, want) => {
    expect(engine.answer(q).text).toMatch(want);
  });
});
