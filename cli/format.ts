// How the terminal doors show an answer. Slack rendering lives in functions/render.ts.
import { sourceLine } from '../knowledge/format.ts';
import type { Answer } from '../knowledge/types.ts';

/** The JSONL record the grader and scripts read. */
export function toJsonl(a: Answer) {
  return {
    lang: a.lang,
    intent: a.intent,
    answer: [a.text, ...a.sources.map((s) => sourceLine(s, a.lang))].join('\n'),
    municipalities: a.municipalities,
    suggestions: a.suggestions,
    sources: a.sources.map((s) => `“${s.quote}” — ${s.document}`),
  };
}

/** Slack mrkdwn made readable in a terminal: no asterisks, bullets kept, sources and suggestions listed. */
export function toPlainText(a: Answer): string {
  const body = a.text.replace(/\*([^*\n]+)\*/g, '$1').replace(/_([^_\n]+)_/g, '$1');
  const sources = a.sources.map((s) => `  ${sourceLine(s, a.lang).replace(/_/g, '')}`);
  const suggestions = a.suggestions.map((s, i) => `  ${i + 1}. ${s}`);
  return [
    body,
    ...(sources.length ? ['', ...sources] : []),
    ...(suggestions.length ? ['', ...suggestions] : []),
  ].join('\n');
}
