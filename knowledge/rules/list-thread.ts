// Rules over what the answer before gave: a sentence by its place among those it quoted ("nästa mening
// efter den?", "just the last sentence of the quote"), and over the municipalities it listed: those with a first letter ("which of them start
// with K?") and their count ("and how many's that?"). The names come from that answer (or the document's
// list), never from elsewhere; no verdict is given that was not asked for.
import { joinNames, listSource, listYearFor } from '../answers.ts';
import { type Mention, MUNICIPALITIES } from '../municipalities.ts';
import type { Rule } from './rule.ts';
import { countyMentions, countyNamed, made, noted, placesOf, type Scope } from './scope.ts';

const say = (s: Scope, id: string, slots: Record<string, string | number>) => s.kit.kb.say(s.lang, id, slots);

const byName = (name: string): Mention[] => {
  const m = MUNICIPALITIES.find((x) => x.name === name);
  return m ? [{ municipality: m, via: 'exact', said: m.name }] : [];
};

/** The names the answer before listed, else the document's list of the year asked (or the latest). */
function namesBefore(s: Scope): { places: Mention[]; sources: ReturnType<typeof listSource> } {
  const { kb } = s.ctx;
  const list = kb.listFor(listYearFor(kb, s.ctx.period));
  const county = s.prev?.county ? countyNamed(s.kit, s.prev.county) : null;
  const before = county ? countyMentions(county, s.ctx) : placesOf(s.prev?.places ?? []);
  const places = before.length > 1 ? before : (list?.municipalities ?? []).flatMap(byName);
  return { places, sources: listSource(kb, list) };
}

/** The single letter the part asks for: its last one-letter word ("start with a K?" asks K). */
function letterOf(f: string): string | null {
  const letters = f.match(/(?:^|[^\p{L}])(\p{L})(?=$|[^\p{L}])/gu) ?? [];
  const last = letters[letters.length - 1];
  return last ? last.replace(/[^\p{L}]/gu, '').toLowerCase() : null;
}

const sorted = (ms: readonly Mention[]) =>
  ms.map((m) => m.municipality.name).sort((a, b) => a.localeCompare(b, 'sv'));

export const startsWith: Rule = {
  name: 'starts-with',
  examples: [
    'Which municipalities can apply? → which of them start with K?',
    'Vilka kommuner kan söka? → vilka av dem börjar på S?',
    'Vilka i Skåne län är med? → och vilka börjar på L?',
  ],
  // "which of them start with K?": the names before (or the list) whose first letter is the one asked.
  decide(s) {
    const { r } = s;
    const letter = r.cue.startsWith && !s.named && !r.cue.money ? letterOf(r.f) : null;
    if (!letter) return null;
    const { places, sources } = namesBefore(s);
    if (!places.length) return null;
    const first = (m: Mention) => m.municipality.name.slice(0, 1).toLowerCase();
    const hits = places.filter((m) => first(m) === letter);
    const L = letter.toUpperCase();
    const text = hits.length
      ? say(s, 'thread.starts-with', { n: hits.length, letter: L, names: joinNames(s.ctx, sorted(hits)) })
      : say(s, 'thread.starts-with-none', { letter: L });
    s.ctx.mentions = hits;
    return made(
      s,
      'starts-with',
      noted(s, { text, sources }),
      'municipalities',
      'municipalities',
      1,
      'municipalities',
    );
  },
};

export const countBefore: Rule = {
  name: 'count-before',
  examples: [
    'Which municipalities can apply? → which of them start with K? → and how many is that?',
    'Vilka kommuner kan söka? → vilka av dem börjar på S? → hur många blir det?',
  ],
  // "and how many's that?" after municipalities listed (not a county: its answer counts them already).
  decide(s) {
    const { r, prev } = s;
    if (!(r.cue.countAsk && prev && !prev.county && r.all.length <= 5)) return null;
    if (s.named || r.county || r.cue.money || r.cue.startsWith) return null;
    const places = placesOf(prev.places);
    if (places.length < 2) return null;
    const text = say(s, 'thread.count-before', { n: places.length, names: joinNames(s.ctx, sorted(places)) });
    s.ctx.mentions = places;
    return made(
      s,
      'count-before',
      noted(s, { text, sources: [] }, true),
      'municipalities',
      'municipalities',
      1,
      'municipalities',
    );
  },
};

/**
 * The index of the sentence asked, by its place among those quoted before (or right after them). "The first
 * sentence" is left out: it asks the document's own first sentence ("the first sentence of the body text?").
 */
function sentenceAt(s: Scope, quoted: readonly number[]): number | null {
  const { cue } = s.r;
  // The answer's first run of sentences in a row is the passage it quoted; later sources only back it.
  const run = quoted.filter((x, i) => x - i === quoted[0]);
  const last = run[run.length - 1];
  if (last === undefined) return null;
  if (cue.sentenceNext) return last + 1;
  // The last sentence: of all the answer quoted (a minister's words may follow a line about him).
  if (cue.sentenceLast) return quoted[quoted.length - 1] ?? null;
  if (cue.sentenceMiddle) return run[Math.floor(run.length / 2)] ?? null;
  return null;
}

export const sentenceByPlace: Rule = {
  name: 'sentence-by-place',
  examples: [
    'Vad är syftet med satsningen, ordagrant? → och nästa mening?',
    'What did the minister say, word for word? → just the last sentence please',
    'Vad sa ministern, ordagrant? → vilken är den mittersta meningen?',
  ],
  // The sentence the part asks by its place: one the answer before quoted, or the one after them in the
  // same document. Word for word, in Swedish, as the document has it (no translation is made up).
  decide(s) {
    const quoted = s.prev?.quoted ?? [];
    if (!quoted.length || s.named || s.r.county || s.r.all.length > 9) return null;
    const at = sentenceAt(s, quoted);
    const all = s.kit.kb.content.derived.passages.passages;
    const p = at === null ? undefined : all[at];
    const before = at === null ? undefined : all[at - 1];
    // The sentence after stays in the text: the same paragraph or the next, not the contact lines below.
    const runsOn = s.r.cue.sentenceNext && before && (p?.paragraph ?? 0) - before.paragraph > 1;
    if (!p || runsOn || (before && p.document !== before.document && s.r.cue.sentenceNext)) return null;
    const { kb } = s.kit;
    const parts = {
      text: [kb.say(s.lang, 'passage'), `”${p.text}”`].join('\n'),
      sources: [{ quote: p.text, document: kb.documentLabel(p.document) }],
      outcome: 'answered' as const,
    };
    return made(s, 'sentence-by-place', noted(s, parts, true), 'background', 'passage', 1, null);
  },
};
