// What kb:check adds to a problem so the editor can fix it without reading code: the closest official
// name for a misspelt one, the word a quote gets wrong, the names a list lacks or has too many, and where
// in a file a value is ("documents #2 (kontakt-2019), sha256", counted from 1 as an editor counts).
import { editDistance, fold } from '../../knowledge/text.ts';

type Path = readonly PropertyKey[];

/** A path in a content file as an editor reads it: lists counted from 1, entries named by their id. */
export function pathLabel(data: unknown, path: Path): string {
  const parts: string[] = [];
  let node: unknown = data;
  for (const key of path) {
    const next = (node as Record<PropertyKey, unknown> | undefined)?.[key];
    if (typeof key === 'number') {
      const id = (next as { id?: unknown } | undefined)?.id ?? (next as { year?: unknown } | undefined)?.year;
      parts.push(`#${key + 1}${typeof id === 'string' || typeof id === 'number' ? ` (${id})` : ''}`);
    } else parts.push(`${parts.length ? ', ' : ''}${String(key)}`);
    node = next;
  }
  return parts.join(' ').replace(/ ,/g, ',');
}

/** The official name nearest to a misspelt one, if one is near enough to be meant ("Umea" → "Umeå"). */
export function closestName(name: string, official: Iterable<string>): string | undefined {
  const typed = fold(name);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of official) {
    const d = editDistance(typed, fold(candidate), 4);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(typed.length / 3)) ? best : undefined;
}

/**
 * Where a quote that is not in the document goes wrong: the passage of the document most like it, word
 * by word, and the first words that differ ("the document has "Exempel" where the quote has "Exemple"").
 */
export function quoteDifference(quote: string, text: string): string {
  const want = quote.split(/\s+/).filter(Boolean);
  if (!want.length) return '';
  let best: string[] = [];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const line of text.split('\n')) {
    const words = line.split(/\s+/).filter(Boolean);
    for (let i = 0; i + want.length <= Math.max(words.length, want.length); i++) {
      const window = words.slice(i, i + want.length);
      if (!window.length) continue;
      const d = editDistance(want.join(' '), window.join(' '), Math.min(bestDistance, quote.length));
      if (d < bestDistance) [best, bestDistance] = [window, d];
    }
  }
  // Too unlike anything in the document to be a typo: say only that it is not there.
  if (bestDistance > Math.max(3, quote.length / 3)) return '';
  const at = want.findIndex((w, i) => w !== best[i]);
  if (at < 0) return '';
  const has = best[at];
  return has === undefined
    ? ` (the document's line ends before "${want[at]}")`
    : ` (the document has "${has}" where the quote has "${want[at]}")`;
}

/** The names the document lists under a heading: the lines after it that are official names. */
export function namesUnder(heading: string, text: string, official: ReadonlySet<string>): string[] {
  const at = text.indexOf(heading);
  if (at < 0) return [];
  const names: string[] = [];
  for (const line of text.slice(at + heading.length).split('\n')) {
    const name = line.trim();
    if (!name) {
      if (names.length) break;
      continue;
    }
    if (!official.has(name)) break;
    names.push(name);
  }
  return names;
}

/** What a list lacks and has too many, against the document's names: "missing: Lund; extra: Lund". */
export function listDifference(listed: readonly string[], inDocument: readonly string[]): string {
  const missing = inDocument.filter((n) => !listed.includes(n));
  const extra = listed.filter((n) => !inDocument.includes(n));
  return [
    missing.length ? `the document also lists ${missing.join(', ')}` : '',
    extra.length
      ? `${extra.join(', ')} ${extra.length === 1 ? 'is' : 'are'} not under the heading in the document`
      : '',
  ]
    .filter(Boolean)
    .join('; ');
}
