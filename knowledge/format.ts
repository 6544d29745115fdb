import type { Lang, Source } from './types.ts';

/** One source as a line of Slack mrkdwn: the quote, then the document's name. */
export function sourceLine(source: Source, lang: Lang): string {
  return `_${lang === 'sv' ? 'Källa' : 'Source'}: ”${source.quote}” (${source.document})_`;
}
