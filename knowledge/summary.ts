// The programme at a glance, for the App Home. Built from the same facts and wording as the answers.
import { EXAMPLES } from './answers.ts';
import {
  AGENCY_2018,
  AGENCY_FROM_2019,
  amountFor,
  ELIGIBLE_2018,
  LAST_YEAR,
  MINISTER,
  PRESS_CONTACT,
  Q,
  quote,
} from './facts.ts';
import type { Lang, Source } from './types.ts';
import { kronor, span, TOTAL_ALL_YEARS } from './years.ts';

/** What the App Home shows about the programme, all drawn from the release. */
export interface ProgrammeSummary {
  title: string;
  intro: string;
  amounts: { period: string; amount: string }[];
  total: string;
  municipalities: string[];
  contacts: string[];
  administration: string;
  examples: string[];
  source: Source;
}

/** The programme at a glance, in the given language. */
export function programmeSummary(lang: Lang): ProgrammeSummary {
  const sv = lang === 'sv';
  const each = (year: number) => kronor(amountFor(year) ?? 0, lang);
  return {
    title: sv
      ? 'Statsbidrag till kommuner med socioekonomiska utmaningar'
      : 'Grant to municipalities with socio-economic challenges',
    intro: sv
      ? 'Regeringen har beslutat om en långsiktig satsning för att bryta segregationen och minska klyftorna, i kommuner med områden som har socioekonomiska utmaningar. Reglerna finns i förordning (2018:151).'
      : 'The government has decided on a long-term programme to break segregation and reduce the gaps, in municipalities with areas facing socio-economic challenges. The rules are in ordinance (2018:151).',
    amounts: [
      { period: '2018', amount: each(2018) },
      { period: '2019', amount: each(2019) },
      { period: span(2020, LAST_YEAR), amount: `${each(2020)} ${sv ? 'per år' : 'a year'}` },
    ],
    total: `${sv ? 'Totalt' : 'In total'} ${span(2018, LAST_YEAR)}: ${kronor(TOTAL_ALL_YEARS, lang)}`,
    municipalities: [...ELIGIBLE_2018],
    contacts: [
      sv
        ? `Presskontakt: ${PRESS_CONTACT.name}, pressekreterare hos samordnings- och energiminister ${MINISTER}, telefon (växel) ${PRESS_CONTACT.phone}`
        : `Press contact: ${PRESS_CONTACT.name}, press secretary to Minister ${MINISTER}, phone (switchboard) ${PRESS_CONTACT.phone}`,
    ],
    administration: sv
      ? `2018 fördelar ${AGENCY_2018} bidraget; från och med 2019 ${AGENCY_FROM_2019}.`
      : `In 2018 ${AGENCY_2018} distributes the grant; from 2019 ${AGENCY_FROM_2019}.`,
    examples: EXAMPLES[lang],
    source: quote(Q.decision),
  };
}
