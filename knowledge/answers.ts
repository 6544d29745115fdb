// What the bot says, in Swedish and English. Every sentence here restates a fact from facts.ts and cites
// its verbatim source; where the release is silent, the answer says so instead of guessing.
import {
  AGENCY_2018,
  AGENCY_FROM_2019,
  amountFor,
  amountQuote,
  ELIGIBLE_2018,
  FIRST_YEAR,
  LAST_YEAR,
  MINISTER,
  ORDINANCE,
  PRESS_CONTACT,
  Q,
  quote,
} from './facts.ts';
import type { County, Mention, Municipality } from './municipalities.ts';
import type { Answer, Intent, Lang, Source } from './types.ts';
import { kronor, type Period, span, sumOver, TOTAL_ALL_YEARS } from './years.ts';

/** What the engine learnt about a question, for the composers below. */
export interface Context {
  lang: Lang;
  period: Period;
  mentions: Mention[];
  /** Municipalities one typo away from a word, when there are several. */
  ambiguous: Municipality[];
  /** A word that looks like a place name but is none of the 290 municipalities. */
  unknownPlace: string | null;
  /** A county the question names instead of a municipality. */
  county: County | null;
}

type Parts = Pick<Answer, 'text' | 'sources'> & Partial<Pick<Answer, 'suggestions' | 'outcome'>>;

const t = (lang: Lang, sv: string, en: string) => (lang === 'sv' ? sv : en);
const list = (items: string[]) => items.map((i) => `• ${i}`).join('\n');

/** Names joined as prose: "A, B och C" / "A, B and C". */
function joinNames(names: readonly string[], lang: Lang): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${t(lang, 'och', 'and')} ${names[names.length - 1]}`;
}

const notStatedAgencies = (lang: Lang) =>
  t(
    lang,
    `Under 2018 fördelar ${AGENCY_2018} bidraget och från och med 2019 ${AGENCY_FROM_2019}; de kan svara på det.`,
    `In 2018 ${AGENCY_2018} distributes the grant, and from 2019 ${AGENCY_FROM_2019}; they can answer that.`,
  );

function amountLine(year: number, lang: Lang): string {
  const a = amountFor(year);
  if (a === null) return '';
  return t(lang, `*${year}:* ${kronor(a, lang)}`, `*${year}:* ${kronor(a, lang)}`);
}

/** The amounts behind a sum, runs of equal years together ("2019: 1,35 …; 2020–2021: 2,2 … per år"). */
function breakdown([from, to]: [number, number], lang: Lang): string {
  const runs: { from: number; to: number; amount: number }[] = [];
  for (let y = from; y <= to; y++) {
    const amount = amountFor(y) ?? 0;
    const last = runs[runs.length - 1];
    if (last && last.amount === amount) last.to = y;
    else runs.push({ from: y, to: y, amount });
  }
  const perYear = t(lang, ' per år', ' a year');
  return runs
    .map((r) => `${span(r.from, r.to)}: ${kronor(r.amount, lang)}${r.from === r.to ? '' : perYear}`)
    .join('; ');
}

function outsideLine(years: number[], lang: Lang): string {
  // Runs of years as spans: 2028, 2029 and 2030 read "2028–2030".
  const runs: [number, number][] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  const which = joinNames(
    runs.map(([a, b]) => span(a, b)),
    lang,
  );
  return t(
    lang,
    `Pressmeddelandet anger belopp för ${span(FIRST_YEAR, LAST_YEAR)}; för ${which} framgår inget belopp.`,
    `The release gives amounts for ${span(FIRST_YEAR, LAST_YEAR)}; it does not state any amount for ${which}.`,
  );
}

function overview(lang: Lang): string {
  return t(
    lang,
    `För 2018 avsätts ${kronor(425_000_000, lang)}, för 2019 ${kronor(1_350_000_000, lang)} och därefter ${kronor(2_200_000_000, lang)} årligen ${span(2020, LAST_YEAR)}. Totalt ${span(FIRST_YEAR, LAST_YEAR)}: *${kronor(TOTAL_ALL_YEARS, lang)}* (uträknat från beloppen per år).`,
    `${kronor(425_000_000, lang)} is set aside for 2018, ${kronor(1_350_000_000, lang)} for 2019 and then ${kronor(2_200_000_000, lang)} a year ${span(2020, LAST_YEAR)}. In total ${span(FIRST_YEAR, LAST_YEAR)}: *${kronor(TOTAL_ALL_YEARS, lang)}* (computed from the amounts per year).`,
  );
}

function amountSources(years: number[]): Source[] {
  const sentences = new Set(years.filter((y) => amountFor(y) !== null).map(amountQuote));
  return [...(sentences.size ? sentences : new Set([Q.amount2018, Q.amountLater]))].map(quote);
}

/** Amounts for the years asked, sums over ranges, or the whole programme. */
export function amount(ctx: Context): Parts {
  const { lang, period } = ctx;
  const compared = comparison(ctx);
  if (compared) return compared;
  const lines: string[] = [];
  const years: number[] = [];
  for (const [from, to] of period.ranges) {
    const { sum, covered, outside } = sumOver(from, to);
    if (covered) {
      const label = span(covered[0], covered[1]);
      lines.push(
        covered[0] === covered[1]
          ? amountLine(covered[0], lang)
          : t(
              lang,
              `*${label}:* totalt ${kronor(sum, lang)} (uträknat från beloppen per år: ${breakdown(covered, lang)})`,
              `*${label}:* ${kronor(sum, lang)} in total (computed from the amounts per year: ${breakdown(covered, lang)})`,
            ),
      );
      for (let y = covered[0]; y <= covered[1]; y++) years.push(y);
    }
    if (outside.length) lines.push(outsideLine(outside, lang));
  }
  const inside = period.years.filter((y) => amountFor(y) !== null);
  const outside = period.years.filter((y) => amountFor(y) === null);
  for (const y of inside) lines.push(amountLine(y, lang));
  years.push(...inside);
  if (period.total && inside.length > 1 && period.ranges.length === 0) {
    const sum = inside.reduce((s, y) => s + (amountFor(y) ?? 0), 0);
    lines.push(t(lang, `Sammanlagt: ${kronor(sum, lang)}`, `Together: ${kronor(sum, lang)}`));
  }
  if (outside.length) lines.push(outsideLine(outside, lang));
  if (lines.length === 0) return { text: overview(lang), sources: amountSources([]) };
  return { text: lines.join('\n'), sources: amountSources(years) };
}

/** "Hur mycket mer 2019 än 2018?": two years' amounts and the difference, computed. */
function comparison(ctx: Context): Parts | null {
  const { lang, period } = ctx;
  if (!period.compare) return null;
  const pair =
    period.years.length === 2 ? period.years : period.ranges.length === 1 ? period.ranges[0] : null;
  const [a, b] = pair ?? [];
  if (a === undefined || b === undefined || a === b) return null;
  const [from, to] = a < b ? [a, b] : [b, a];
  const x = amountFor(from);
  const y = amountFor(to);
  if (x === null || y === null) return null;
  const diff = Math.abs(y - x);
  const change =
    diff === 0
      ? t(lang, 'samma belopp', 'the same amount')
      : `${kronor(diff, lang)} ${y > x ? t(lang, 'mer', 'more') : t(lang, 'mindre', 'less')}`;
  return {
    text: `${amountLine(from, lang)}\n${amountLine(to, lang)}\n${t(lang, `${to} jämfört med ${from}: ${change} (uträknat från beloppen per år).`, `${to} compared with ${from}: ${change} (computed from the amounts per year).`)}`,
    sources: amountSources([from, to]),
  };
}

/** The release gives no amount per municipality; say so, and who can tell. */
export function amountPerMunicipality(ctx: Context): Parts {
  const { lang } = ctx;
  const verdicts = ctx.mentions.length ? `\n${verdictLines(ctx)}` : '';
  return {
    text: `${t(
      lang,
      'Hur mycket varje enskild kommun får framgår inte av pressmeddelandet.',
      'The release does not say how much each municipality gets.',
    )} ${notStatedAgencies(lang)}${verdicts}\n${t(lang, 'Totalt för alla kommuner: ', 'For all municipalities together: ')}${overviewShort(lang)}`,
    sources: [quote(Q.amount2018), quote(Q.amountLater), quote(Q.admin2018), quote(Q.admin2019)],
  };
}

function overviewShort(lang: Lang): string {
  return t(
    lang,
    `${kronor(425_000_000, lang)} för 2018, ${kronor(1_350_000_000, lang)} för 2019 och ${kronor(2_200_000_000, lang)} per år ${span(2020, LAST_YEAR)}.`,
    `${kronor(425_000_000, lang)} for 2018, ${kronor(1_350_000_000, lang)} for 2019 and ${kronor(2_200_000_000, lang)} a year ${span(2020, LAST_YEAR)}.`,
  );
}

/** How long the programme runs. */
export function duration(ctx: Context): Parts {
  const { lang } = ctx;
  return {
    text: `${t(
      lang,
      `Satsningen är långsiktig: pressmeddelandet anger belopp för åren ${span(FIRST_YEAR, LAST_YEAR)}.`,
      `The programme is long-term: the release gives amounts for ${span(FIRST_YEAR, LAST_YEAR)}.`,
    )} ${overview(lang)}`,
    sources: [quote(Q.decision), quote(Q.amountLater)],
  };
}

function verdictLine(m: Mention, lang: Lang): string {
  const { name, eligible } = m.municipality;
  const area =
    m.via === 'area'
      ? t(
          lang,
          `${m.said} ligger i ${name} kommun (pressmeddelandet nämner kommuner, inte enskilda områden). `,
          `${m.said} is in ${name} municipality (the release names municipalities, not districts). `,
        )
      : '';
  const typo = m.via === 'typo' ? t(lang, ` (tolkat som ${name})`, ` (read as ${name})`) : '';
  return eligible
    ? `✅ ${area}*${name}*${typo} ${t(lang, 'är en av de 32 kommuner som kan ansöka om stöd 2018.', 'is one of the 32 municipalities that can apply for the grant in 2018.')}`
    : `❌ ${area}*${name}*${typo} ${t(lang, 'är inte med bland de 32 kommuner som kan ansöka om stöd 2018.', 'is not among the 32 municipalities that can apply for the grant in 2018.')}`;
}

function verdictLines(ctx: Context): string {
  return ctx.mentions.map((m) => verdictLine(m, ctx.lang)).join('\n');
}

/** Whether the named municipalities are on the 2018 list. */
export function eligibility(ctx: Context): Parts {
  const { lang } = ctx;
  if (ctx.mentions.length) {
    const laterYear = [...ctx.period.years, ...ctx.period.ranges.flat()].some((y) => y > 2018);
    const anyOut = laterYear || ctx.mentions.some((m) => !m.municipality.eligible);
    const later = anyOut
      ? `\n${t(lang, 'Vilka kommuner som kan söka från och med 2019 framgår inte av pressmeddelandet.', 'The release does not say which municipalities can apply from 2019 on.')}`
      : '';
    return { text: `${verdictLines(ctx)}${later}`, sources: [quote(Q.listHeading)] };
  }
  if (ctx.ambiguous.length) {
    return {
      text: t(
        lang,
        `Menar du ${joinNames(
          ctx.ambiguous.map((m) => `*${m.name}*`),
          'sv',
        ).replace(
          ' och ',
          ' eller ',
        )}? ${ctx.ambiguous.length > 1 ? 'Namnet liknar flera kommuner' : 'Namnet är inte exakt en kommuns'}, så jag gissar inte.`,
        `Did you mean ${joinNames(
          ctx.ambiguous.map((m) => `*${m.name}*`),
          'en',
        ).replace(
          ' and ',
          ' or ',
        )}? ${ctx.ambiguous.length > 1 ? 'The name is close to several municipalities' : 'The name is not exactly a municipality’s'}, so I will not guess.`,
      ),
      sources: [],
      outcome: 'suggest',
      suggestions: ctx.ambiguous
        .slice(0, 3)
        .map((m) => t(lang, `Kan ${m.name} söka?`, `Can ${m.name} apply?`)),
    };
  }
  const lead = ctx.unknownPlace
    ? t(
        lang,
        `Jag hittar ingen kommun som heter ”${ctx.unknownPlace}” bland Sveriges 290 kommuner, så jag kan inte säga att den kan söka.`,
        `I cannot find a municipality called “${ctx.unknownPlace}” among Sweden's 290 municipalities, so I cannot say it can apply.`,
      )
    : t(
        lang,
        'Skriv kommunens namn så kollar jag listan.',
        'Name the municipality and I will check the list.',
      );
  return { text: `${lead}\n${municipalityList(lang)}`, sources: [quote(Q.listHeading)] };
}

function municipalityList(lang: Lang): string {
  return t(
    lang,
    `De *32* kommuner som kan ansöka om stöd 2018 är: ${joinNames(ELIGIBLE_2018, 'sv')}.`,
    `The *32* municipalities that can apply in 2018 are: ${joinNames(ELIGIBLE_2018, 'en')}.`,
  );
}

/** A county is not a municipality: say which of its municipalities are on the list. */
export function county(ctx: Context): Parts {
  const { lang } = ctx;
  const c = ctx.county;
  if (!c) return municipalities(ctx);
  const names = c.municipalities
    .filter((m) => m.eligible)
    .map((m) => m.name)
    .sort((a, b) => a.localeCompare(b, 'sv'));
  const lead = t(
    lang,
    `${c.name} är ett län, inte en kommun; det är kommuner som kan ansöka om stödet.`,
    `${c.name} is a county, not a municipality; it is municipalities that can apply.`,
  );
  const which = names.length
    ? t(
        lang,
        `Av kommunerna i ${c.name} kan ${names.length} söka 2018: ${joinNames(names, 'sv')}.`,
        `Of the municipalities in ${c.name}, ${names.length} can apply in 2018: ${joinNames(names, 'en')}.`,
      )
    : t(
        lang,
        `Ingen av kommunerna i ${c.name} finns bland de 32 som kan söka 2018.`,
        `None of the municipalities in ${c.name} is among the 32 that can apply in 2018.`,
      );
  return { text: `${lead} ${which}`, sources: [quote(Q.listHeading)] };
}

/** Applicants other than municipalities: the release names only municipalities. */
export function otherApplicants(ctx: Context): Parts {
  const { lang } = ctx;
  return {
    text: t(
      lang,
      'Enligt pressmeddelandet är det kommuner som kan ansöka om stödet, 32 stycken under 2018. Om andra sökande, till exempel företag, föreningar eller regioner, säger pressmeddelandet ingenting.',
      'According to the release it is municipalities that can apply, 32 of them in 2018. The release says nothing about other applicants, such as companies, associations or regions.',
    ),
    sources: [quote(Q.listHeading)],
  };
}

/** What the programme is, in a few lines. */
export function overviewAnswer(ctx: Context): Parts {
  const { lang } = ctx;
  return {
    text: `${t(
      lang,
      'Regeringen har beslutat om en långsiktig satsning på kommuner med områden som har socioekonomiska utmaningar, för att bryta segregationen och minska klyftorna.',
      'The government has decided on a long-term programme for municipalities with areas facing socio-economic challenges, to break segregation and reduce the gaps.',
    )} ${overview(lang)} ${t(lang, '32 kommuner kan söka under 2018. Reglerna finns i förordning (2018:151).', '32 municipalities can apply in 2018. The rules are in ordinance (2018:151).')}`,
    sources: [quote(Q.decision), quote(Q.purpose)],
  };
}

/** The 32 municipalities. */
export function municipalities(ctx: Context): Parts {
  const { lang } = ctx;
  return {
    text: `${municipalityList(lang)}\n${t(lang, 'Vilka kommuner som kan söka från och med 2019 framgår inte av pressmeddelandet.', 'The release does not say which municipalities can apply from 2019 on.')}`,
    sources: [quote(Q.listHeading)],
  };
}

/** The press contact. */
export function pressContact(ctx: Context): Parts {
  const { lang } = ctx;
  return {
    text: t(
      lang,
      `Presskontakt: *${PRESS_CONTACT.name}*, pressekreterare hos samordnings- och energiminister ${MINISTER}. Telefon (växel) *${PRESS_CONTACT.phone}*. Någon e-postadress anges inte i pressmeddelandet.`,
      `Press contact: *${PRESS_CONTACT.name}*, press secretary to the Minister for Policy Coordination and Energy, ${MINISTER}. Phone (switchboard) *${PRESS_CONTACT.phone}*. The release does not give an e-mail address.`,
    ),
    sources: [quote(Q.pressTitle), quote(Q.phone)],
  };
}

/** The minister and what he said. */
export function minister(ctx: Context): Parts {
  const { lang } = ctx;
  return {
    text: t(
      lang,
      `Satsningen presenterades av samordnings- och energiminister *${MINISTER}* (samordnings- och energiminister 25 maj 2016 – 21 januari 2019; näringsminister 21 januari – 30 november 2021). Han sa: ”Det här är en viktig satsning för ett tryggt och hållbart Sverige.”`,
      `The programme was presented by *${MINISTER}*, Minister for Policy Coordination and Energy (25 May 2016 – 21 January 2019; Minister for Enterprise 21 January – 30 November 2021). He said (in Swedish): “This is an important investment for a safe and sustainable Sweden.”`,
    ),
    sources: [quote(Q.ministerSays), quote(Q.tenureCoordination)],
  };
}

/** Who distributes the grant, for the years asked. */
export function administration(ctx: Context): Parts {
  const { lang, period } = ctx;
  const asked = [...period.years, ...period.ranges.flat()];
  const only2018 = asked.length > 0 && asked.every((y) => y === 2018);
  const onlyLater = asked.length > 0 && asked.every((y) => y >= 2019);
  const y2018 = t(
    lang,
    `Under 2018 fördelar *${AGENCY_2018}* tillfälligt det nya statsbidraget.`,
    `In 2018 *${AGENCY_2018}* (the Swedish Agency for Economic and Regional Growth) distributes the new grant on a temporary basis.`,
  );
  const later = t(
    lang,
    `Från och med 2019 hanteras bidragsfördelningen av *${AGENCY_FROM_2019}*.`,
    `From 2019 the grant is distributed by *${AGENCY_FROM_2019}* (the Delegation against Segregation).`,
  );
  const text = only2018 ? y2018 : onlyLater ? later : `${y2018}\n${later}`;
  const sources = only2018
    ? [quote(Q.admin2018)]
    : onlyLater
      ? [quote(Q.admin2019)]
      : [quote(Q.admin2018), quote(Q.admin2019)];
  return { text, sources };
}

/** How and when to apply: the release does not say. */
export function application(ctx: Context): Parts {
  const { lang } = ctx;
  return {
    text: `${t(
      lang,
      'Hur man ansöker, sista ansökningsdag och blanketter framgår inte av pressmeddelandet.',
      'The release does not say how to apply, by when, or on which form.',
    )} ${notStatedAgencies(lang)} ${t(lang, 'Reglerna finns i', 'The rules are in')} ${ORDINANCE}.`,
    sources: [quote(Q.admin2018), quote(Q.admin2019)],
  };
}

/** The ordinance. */
export function regulation(ctx: Context): Parts {
  const { lang } = ctx;
  return {
    text: t(
      lang,
      `Bidraget regleras i *${ORDINANCE}*.`,
      `The grant is governed by *${ORDINANCE}* (Ordinance 2018:151 on state grants to municipalities with socio-economically disadvantaged areas).`,
    ),
    sources: [quote(Q.ordinance)],
  };
}

/** Why the grant exists and what it can pay for. */
export function purpose(ctx: Context): Parts {
  const { lang } = ctx;
  return {
    text: t(
      lang,
      `Syftet är att bryta segregationen, minska klyftorna och bygga ett tryggt och hållbart Sverige. Kommunerna kan genomföra ytterligare prioriterade långsiktiga insatser, till exempel:\n${list(['tidiga insatser för barn och unga', 'satsningar på utbildning', 'ökad trygghet', 'ökad sysselsättning', 'insatser för att stärka demokratin och det civila samhället'])}`,
      `The purpose is to break segregation, reduce the gaps and build a safe and sustainable Sweden. Municipalities can carry out further prioritised long-term measures, for example:\n${list(['early measures for children and young people', 'investment in education', 'greater safety', 'higher employment', 'measures to strengthen democracy and civil society'])}`,
    ),
    sources: [quote(Q.purpose), quote(Q.measures)],
  };
}

/** What characterises the areas the grant is for. */
export function criteria(ctx: Context): Parts {
  const { lang } = ctx;
  return {
    text: t(
      lang,
      `Bidraget gäller kommuner med områden som har socioekonomiska utmaningar: områden som kännetecknas av stora utmaningar när det gäller\n${list(['lågt valdeltagande', 'hög arbetslöshet', 'låg utbildningsnivå', 'låg sysselsättningsgrad'])}\nVilka enskilda områden som omfattas framgår inte av pressmeddelandet, och det ger inga siffror om dem (till exempel invånarantal).`,
      `The grant is for municipalities with areas facing socio-economic challenges: areas marked by\n${list(['low voter turnout', 'high unemployment', 'low level of education', 'low employment rate'])}\nThe release does not name individual areas and gives no figures about them (such as population).`,
    ),
    sources: [quote(Q.criteria)],
  };
}

/** The budget agreement behind the programme. */
export function agreement(ctx: Context): Parts {
  const { lang } = ctx;
  return {
    text: t(
      lang,
      'Ja. Satsningen är en del av regeringens budgetöverenskommelse med *Vänsterpartiet*.',
      'Yes. The programme is part of the government’s budget agreement with *Vänsterpartiet* (the Left Party).',
    ),
    sources: [quote(Q.budgetAgreement)],
  };
}

/** The lessons the programme builds on. */
export function lessons(ctx: Context): Parts {
  const { lang } = ctx;
  return {
    text: t(
      lang,
      'Regeringen har tagit lärdom av tidigare satsningar: det krävs ett långsiktigt och sektorsövergripande arbete där tidiga insatser, lokal förankring, samordning och samverkan är centrala. Därför ska satsningen ge långsiktiga förutsättningar för kommunernas planering och utgå från de lokala behoven.',
      'The government has learnt from earlier efforts: the work must be long-term and cross-sectoral, with early measures, local roots, coordination and cooperation at its centre. So the programme aims to give municipalities long-term conditions for their planning and to start from local needs.',
    ),
    sources: [quote(Q.lessons), quote(Q.approach)],
  };
}

/** Who decided, and what the release says of when. */
export function decision(ctx: Context): Parts {
  const { lang } = ctx;
  return {
    text: t(
      lang,
      'Regeringen beslutade om satsningen. Pressmeddelandet, ”Sverige ska hålla ihop – segregationen ska brytas”, kommer från Statsrådsberedningen och säger ”i dag”, men själva datumet står inte i texten.',
      'The government decided on the programme. The press release, “Sverige ska hålla ihop – segregationen ska brytas” (Sweden must hold together – segregation must be broken), is from the Prime Minister’s Office (Statsrådsberedningen) and says “today”, but the date itself is not in the text.',
    ),
    sources: [quote(Q.decision), quote(Q.title)],
  };
}

/** Short help with example questions. */
export function help(lang: Lang): Parts {
  return {
    text: t(
      lang,
      `Hej! Jag svarar på frågor om regeringens långsiktiga statsbidrag till kommuner med områden som har socioekonomiska utmaningar (förordning 2018:151), utifrån pressmeddelandet. Prova till exempel:\n${list(EXAMPLES.sv)}`,
      `Hi! I answer questions about the Swedish government’s long-term grant to municipalities with areas facing socio-economic challenges (ordinance 2018:151), from the press release. Try for example:\n${list(EXAMPLES.en)}`,
    ),
    sources: [],
  };
}

/** Example questions, shown in help and on the App Home. */
export const EXAMPLES: Record<Lang, string[]> = {
  sv: [
    'Kan Malmö söka bidraget?',
    'Hur mycket avsätts 2019?',
    'Vem fördelar pengarna?',
    'Vem är presskontakt?',
  ],
  en: [
    'Is Uppsala eligible?',
    'How much is allocated in total?',
    'Who distributes the money in 2019?',
    'Which ordinance applies?',
  ],
};

/** Two answers in one reply, for a question that asks two things. */
export function both(first: Parts, second: Parts): Parts {
  const seen = new Set<string>();
  const sources = [...first.sources, ...second.sources].filter(
    (s) => !seen.has(s.quote) && seen.add(s.quote),
  );
  return { text: `${first.text}\n\n${second.text}`, sources };
}

/** What the release says of the municipalities named, and that the rest of the question is beyond it. */
export function besides(ctx: Context): Parts {
  const { lang } = ctx;
  return {
    text: `${verdictLines(ctx)}\n${t(lang, 'Resten av frågan kan jag inte svara på utifrån pressmeddelandet.', 'The rest of the question I cannot answer from the press release.')}`,
    sources: [quote(Q.listHeading)],
    outcome: 'fallback',
  };
}

/** Unsure: offer the questions the asker may have meant. */
export function suggest(lang: Lang, suggestions: string[]): Parts {
  return {
    text: t(
      lang,
      'Jag är inte säker på vad du menar. Menade du något av detta?',
      'I am not sure what you mean. Did you mean one of these?',
    ),
    sources: [],
    outcome: 'suggest',
    suggestions,
  };
}

/** Nothing reliable to say. */
export function fallback(lang: Lang): Parts {
  return {
    text: t(
      lang,
      'Det kan jag tyvärr inte svara på utifrån pressmeddelandet. Jag kan svara på vilka kommuner som kan söka, belopp per år, vem som fördelar pengarna, syftet, förordningen och presskontakter. Skriv *hjälp* för exempel.',
      'I cannot answer that from the press release. I can tell you which municipalities can apply, the amounts per year, who distributes the money, the purpose, the ordinance and the press contact. Type *help* for examples.',
    ),
    sources: [],
    outcome: 'fallback',
  };
}

/** The composer for each FAQ entry. */
export const COMPOSERS: Record<string, (ctx: Context) => Parts> = {
  amount,
  'amount.per-municipality': amountPerMunicipality,
  duration,
  municipalities,
  eligibility,
  'contact.press': pressContact,
  'contact.minister': minister,
  administration,
  application,
  regulation,
  purpose,
  criteria,
  'background.agreement': agreement,
  'background.lessons': lessons,
  'background.decision': decision,
  help: (ctx) => help(ctx.lang),
  county,
  'eligibility.others': otherApplicants,
  overview: overviewAnswer,
};

/** Builds the final Answer from composed parts. */
export function toAnswer(
  parts: Parts,
  meta: { lang: Lang; intent: Intent; entryId: string | null; confidence: number; mentions: Mention[] },
): Answer {
  return {
    lang: meta.lang,
    intent: meta.intent,
    outcome: parts.outcome ?? 'answered',
    text: parts.text,
    sources: parts.sources,
    municipalities: meta.mentions.map((m) => ({
      name: m.municipality.name,
      code: m.municipality.code,
      eligible: m.municipality.eligible,
    })),
    suggestions: parts.suggestions ?? [],
    entryId: meta.entryId,
    confidence: meta.confidence,
    context: null,
  };
}
