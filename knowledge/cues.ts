// Cue phrases from knowledge/content/words.yaml made into patterns over a folded question. The syntax is
// the content file's: `word*` is any word beginning so, `_` any one word, a leading `^` the start.
import { fold } from './text.ts';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One phrase as a regular-expression source, without the word boundaries around it. */
function phraseSource(phrase: string): { source: string; anchored: boolean } {
  const trimmed = phrase.trim();
  const anchored = trimmed.startsWith('^');
  const source = fold(trimmed.replace(/^\^\s*/, ''))
    .split(/\s+/)
    .map((w) =>
      w === '_' ? '\\p{L}+' : w.endsWith('*') ? `${escapeRegExp(w.slice(0, -1))}\\p{L}*` : escapeRegExp(w),
    )
    .join('\\s+');
  return { source, anchored };
}

/** The alternatives of a list, longest first so "hur mycket" wins over "hur". */
export function alternatives(phrases: readonly string[]): string {
  return phrases
    .filter((p) => !p.trim().startsWith('^'))
    .map((p) => phraseSource(p).source)
    .sort((a, b) => b.length - a.length)
    .join('|');
}

/** A pattern that finds any of the phrases, as whole words, in a folded text. */
export function cuePattern(phrases: readonly string[]): RegExp {
  const free = alternatives(phrases);
  const anchored = phrases
    .filter((p) => p.trim().startsWith('^'))
    .map((p) => phraseSource(p).source)
    .join('|');
  const parts = [free ? `\\b(?:${free})\\b` : '', anchored ? `^(?:${anchored})\\b` : ''].filter(Boolean);
  // A list with nothing in it matches nothing.
  return new RegExp(parts.length ? parts.join('|') : '(?!)', 'u');
}
