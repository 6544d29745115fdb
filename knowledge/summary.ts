// The programme at a glance, for the App Home. Built from the same content as the answers.
import { administration } from './answers.ts';
import { CONTENT, type Content, createKnowledge } from './content.ts';
import type { Lang, Source } from './types.ts';
import { span, sumOver } from './years.ts';

/** What the App Home shows about the programme, all drawn from the documents. */
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
export function programmeSummary(lang: Lang, content: Content = CONTENT): ProgrammeSummary {
  const kb = createKnowledge(content);
  const { summary } = content;
  const perYear = kb.say(lang, 'amount.per-year');
  const latest = kb.listFor(kb.listYears[kb.listYears.length - 1] ?? 0);
  return {
    title: summary.title[lang],
    intro: kb.fill(lang, summary.intro[lang]),
    amounts: content.amounts.map((a) => ({
      period: span(a.from, a.to),
      amount: `${kb.kronor(a.kronor, lang)}${a.from === a.to ? '' : perYear}`,
    })),
    total: `${lang === 'sv' ? 'Totalt' : 'In total'} ${span(kb.firstYear, kb.lastYear)}: ${kb.kronor(sumOver(kb, kb.firstYear, kb.lastYear).sum, lang)}`,
    municipalities: [...(latest?.municipalities ?? [])],
    contacts: [kb.fill(lang, summary.contact[lang])],
    administration: administration({
      kb,
      lang,
      period: { years: [], ranges: [], total: false, compare: false },
      mentions: [],
      ambiguous: [],
      unknownPlace: null,
      county: null,
    }).text.replace(/\*/g, ''),
    examples: content.examples[lang],
    source: kb.source('decision'),
  };
}
