// The cue gate lets a cue's pattern run only when the text has a word one of its phrases begins with. It
// must never hide a match: over every question of the question sets, a cue the gate closes does not match.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCases } from '../../../cli/grading.ts';
import { CONTENT } from '../../../knowledge/content.ts';
import { type Cues, createKit } from '../../../knowledge/kit.ts';
import { fold } from '../../../knowledge/text.ts';

const kit = createKit(CONTENT);
const FIXTURES = new URL('../../fixtures/', import.meta.url);
const questions = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => parseCases(readFileSync(new URL(f, FIXTURES), 'utf8'), f).map((c) => fold(c.q)));
const tokens = (f: string) => new Set(f.split(/[^a-z0-9_]+/));

describe('the cue gate', () => {
  it('closes only on texts the cue does not match, over every question of the sets', () => {
    const hidden: string[] = [];
    for (const f of questions)
      for (const [name, re] of Object.entries(kit.cues) as [keyof Cues, RegExp][]) {
        re.lastIndex = 0;
        if (!kit.mayCue(name, tokens(f)) && re.test(f)) hidden.push(`${name}: ${f}`);
        re.lastIndex = 0;
      }
    expect(hidden).toEqual([]);
  });

  it('closes most cues for a short question, so their patterns are never compiled', () => {
    const words = tokens(fold('Kan Malmö söka?'));
    const open = (Object.keys(kit.cues) as (keyof Cues)[]).filter((k) => kit.mayCue(k, words));
    expect(open.length).toBeLessThan(Object.keys(kit.cues).length / 2);
  });

  it('opens a cue on a word its phrase begins with, and on a prefix of one ("snitt*")', () => {
    expect(kit.mayCue('average', tokens('vad blir snittet per ar'))).toBe(true);
    expect(kit.mayCue('average', tokens('kan malmo soka'))).toBe(false);
  });
});
