// PLACEHOLDER until the facts land: the final shape, with little content.
import type { Lang, Source } from './types.ts';

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
  return {
    title: lang === 'sv' ? 'Statsbidraget mot segregation' : 'The grant against segregation',
    intro: '',
    amounts: [],
    total: '',
    municipalities: [],
    contacts: [],
    administration: '',
    examples: [],
    source: { quote: '', document: '' },
  };
}
