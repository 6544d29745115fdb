// Rules over the municipalities the answer before listed: those with a first letter ("which of them start
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
