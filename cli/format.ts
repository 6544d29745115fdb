// How the terminal doors show an answer. Slack rendering lives in functions/render.ts.
import { sourceLine } from '../knowledge/format.ts';
import type { Answer, Lang, Source } from '../knowledge/types.ts';

/** The JSONL record the grader and scripts read. */
export function toJsonl(a: Answer) {
  return {
    lang: a.lang,
    intent: a.intent,
    answer: [a.text, ...a.sources.map((s) => sourceLine(s, a.lang))].join('\n'),
    municipalities: a.municipalities,
    suggestions: a.suggestions,
    sources: a.sources.map((s) => `“${s.quote}” — ${s.document}`),
    // Every part's intent, when the message asked several things; the first part's is `intent`.
    ...(a.parts ? { parts: a.parts } : {}),
    // The routing rule(s) that decided, by name: why the bot answered as it did.
    ...(a.rule ? { rule: a.rule } : {}),
    // The values the message claimed, each checked: right, wrong (with the right value) or not stated.
    ...(a.claims ? { claims: a.claims } : {}),
  };
}

/** One answer as the line `ask --jsonl` writes, newline included. */
export const jsonLine = (a: Answer): string => `${JSON.stringify(toJsonl(a))}\n`;

// The document's title is some 95 characters: said once per document, above its quotes, not per quote.
function sourceBlock(sources: Source[], lang: Lang): string[] {
  const byDocument = new Map<string, Source[]>();
  for (const s of sources) byDocument.set(s.document, [...(byDocument.get(s.document) ?? []), s]);
  const label = (n: number) => (lang === 'sv' ? (n > 1 ? 'Källor' : 'Källa') : n > 1 ? 'Sources' : 'Source');
  return [...byDocument].flatMap(([document, quotes]) => [
    `  ${label(quotes.length)}: ${document}`,
    ...quotes.map((s) => `    ”${s.quote}”`),
  ]);
}

/** Slack mrkdwn made readable in a terminal: no asterisks, bullets kept, sources and suggestions listed. */
export function toPlainText(a: Answer): string {
  const body = a.text.replace(/\*([^*\n]+)\*/g, '$1').replace(/_([^_\n]+)_/g, '$1');
  const sources = sourceBlock(a.sources, a.lang);
  const suggestions = a.suggestions.map((s, i) => `  ${i + 1}. ${s}`);
  return [
    body,
    ...(sources.length ? ['', ...sources] : []),
    ...(suggestions.length ? ['', ...suggestions] : []),
  ].join('\n');
}

/** Columns a string takes in a terminal: emoji such as ✅ take two, combining marks none. */
export function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += /\p{Emoji_Presentation}/u.test(ch) ? 2 : /\p{M}/u.test(ch) ? 0 : 1;
  return n;
}

// What starts a line whose continuation lines should hang under its text: a bullet, a number, a quote.
const HANGING = /^(\s*)(•\s+|-\s+|\d+\.\s+|”)?/u;

/**
 * Wraps text to `width` columns at spaces, never inside a word (a word longer than the line gets a line
 * of its own). Continuation lines keep the line's indent, and hang under the text of a bullet, a numbered
 * suggestion or a quote.
 */
export function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (columns(line) <= width) return [line];
      const [lead = ''] = HANGING.exec(line) ?? [];
      const hang = ' '.repeat(columns(lead));
      const out: string[] = [];
      let current = lead.trimEnd();
      for (const word of line.slice(lead.length).split(/ +/).filter(Boolean)) {
        const first = current === lead.trimEnd();
        const candidate = first ? `${lead}${word}` : `${current} ${word}`;
        if (first || columns(candidate) <= width) current = candidate;
        else {
          out.push(current);
          current = `${hang}${word}`;
        }
      }
      out.push(current);
      return out;
    })
    .join('\n');
}
