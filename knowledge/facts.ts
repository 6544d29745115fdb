// Every fact the bot states, each with the sentence of the press release it comes from.
// test/unit/knowledge/facts.test.ts proves every quote occurs verbatim in knowledge/sources/pressmeddelande.txt,
// so an answer cannot drift from the text. Numbers are kept as numbers, so sums are computed, not typed.
import type { Source } from './types.ts';

/** The document every fact comes from, as the bot names it. */
export const DOCUMENT =
  'Pressmeddelande från Statsrådsberedningen, ”Sverige ska hålla ihop – segregationen ska brytas”';

/** A fact's verbatim source sentence. */
export function quote(sentence: string): Source {
  return { quote: sentence, document: DOCUMENT };
}

export const Q = {
  decision:
    'Regeringen har i dag beslutat om en långsiktig miljardsatsning på kommuner med områden som har socioekonomiska utmaningar.',
  budgetAgreement: 'Satsningen är en del av regeringens budgetöverenskommelse med Vänsterpartiet.',
  annual:
    'Denna satsning innebär att 2,2 miljarder årligen kommer investeras i att bryta segregation och minska klyftorna.',
  amount2018:
    'För 2018 avsätts 425 miljoner kronor till kommuner med områden med socioekonomiska utmaningar.',
  amountLater: 'För 2019 avsätts 1,35 miljarder och därefter 2,2 miljarder årligen 2020–2027.',
  purpose:
    'Syftet med satsningen är att bryta segregationen och minska klyftorna och att bygga ett tryggt och hållbart Sverige.',
  criteria:
    'Det nya statsbidraget ska bidra till att stärka kommunernas långsiktiga arbete för att minska segregationen i områden som i dag kännetecknas av stora utmaningar när det gäller lågt valdeltagande, hög arbetslöshet, låg utbildningsnivå och låg sysselsättningsgrad.',
  means:
    'Med dessa medel ges kommunerna möjlighet att genomföra ytterligare prioriterade långsiktiga insatser.',
  measures:
    'Det kan exempelvis handla om tidiga insatser för barn och unga, satsningar på utbildning, ökad trygghet, ökad sysselsättning och insatser för att stärka demokratin och det civila samhället.',
  ministerQuote: '– Det här är en viktig satsning för ett tryggt och hållbart Sverige.',
  ministerSays:
    'Investeringar i samhällsbygget går före skattesänkningar, säger samordnings- och energiminister Ibrahim Baylan.',
  lessonsLearned: 'Regeringen har tagit lärdom av tidigare satsningar för att minska segregationen.',
  lessons:
    'De viktigaste lärdomarna är att det krävs ett långsiktigt och sektorsövergripande arbete där tidiga insatser, lokal förankring, samordning och samverkan är centrala beståndsdelar.',
  approach:
    'Den aktuella satsningen tar därför sikte på att skapa långsiktiga förutsättningar för kommunernas planering och arbete och att utgå från de lokala behoven.',
  pressContact: 'Sami Mashial',
  pressTitle: 'Pressekreterare hos samordnings- och energiminister Ibrahim Baylan',
  phone: 'Telefon (växel) 08-405 10 00',
  tenureCoordination:
    'Under perioden 25 maj 2016 till den 21 januari 2019 var han samordnings- och energiminister.',
  tenureEnterprise: 'Under perioden 21 januari 2021 och den 30 november 2021 var han näringsminister.',
  listHeading: 'De 32 kommuner som under 2018 kan ansöka om stöd är:',
  admin2018: 'Under 2018 kommer Tillväxtverket tillfälligt fördela det nya statsbidraget.',
  admin2019: 'Från och med 2019 hanteras bidragsfördelningen av Delegationen mot segregation.',
  ordinance: 'Förordning (2018:151) om statsbidrag till kommuner med socioekonomiskt eftersatta områden',
  publisher: 'Pressmeddelande från Statsrådsberedningen',
  title: 'Sverige ska hålla ihop – segregationen ska brytas',
} as const;

/** The first and last year the release gives an amount for. */
export const FIRST_YEAR = 2018;
export const LAST_YEAR = 2027;

/** Kronor set aside for one year of the programme, or null outside 2018–2027. */
export function amountFor(year: number): number | null {
  if (year === 2018) return 425_000_000;
  if (year === 2019) return 1_350_000_000;
  if (year >= 2020 && year <= LAST_YEAR) return 2_200_000_000;
  return null;
}

/** The sentence a year's amount comes from. */
export function amountQuote(year: number): string {
  return year === 2018 ? Q.amount2018 : Q.amountLater;
}

/** The 32 municipalities that may apply in 2018, spelt as in the release. */
export const ELIGIBLE_2018 = [
  'Borlänge',
  'Borås',
  'Botkyrka',
  'Eskilstuna',
  'Filipstad',
  'Gävle',
  'Göteborg',
  'Halmstad',
  'Helsingborg',
  'Huddinge',
  'Järfälla',
  'Jönköping',
  'Katrineholm',
  'Karlskrona',
  'Kristianstad',
  'Landskrona',
  'Linköping',
  'Malmö',
  'Motala',
  'Norrköping',
  'Nyköping',
  'Perstorp',
  'Sandviken',
  'Stockholm',
  'Södertälje',
  'Trollhättan',
  'Uddevalla',
  'Uppsala',
  'Västerås',
  'Växjö',
  'Åstorp',
  'Örebro',
] as const;

export const PRESS_CONTACT = { name: 'Sami Mashial', phone: '08-405 10 00' } as const;
export const MINISTER = 'Ibrahim Baylan';
export const AGENCY_2018 = 'Tillväxtverket';
export const AGENCY_FROM_2019 = 'Delegationen mot segregation';
export const ORDINANCE =
  'Förordning (2018:151) om statsbidrag till kommuner med socioekonomiskt eftersatta områden';
