import { describe, expect, it } from 'vitest';
import { type Case, formatGrade, grade, inputLine, misses, parseCases } from '../../../cli/grading.ts';

const malmo = { name: 'Malmö', code: '1280', eligible: true };
const boden = { name: 'Boden', code: '2582', eligible: true };
const record = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({ intent: 'eligibility', answer: 'Malmö kan söka.', municipalities: [malmo], ...overrides });

describe('parseCases', () => {
  it('reads one case per non-blank line', () => {
    expect(parseCases('{"q":"a"}\n\n{"q":"b","cat":"x"}\n', 'set.jsonl')).toEqual([
      { q: 'a' },
      { q: 'b', cat: 'x' },
    ]);
  });

  it('names the file and line of a bad case, and what is wrong', () => {
    expect(() => parseCases('{"q":"a"}\n{"q":', 'set.jsonl')).toThrow(/^set\.jsonl:2: not JSON/);
    expect(() => parseCases('{"question":"a"}', 'set.jsonl')).toThrow(
      'set.jsonl:1: each line must be an object',
    );
    expect(() => parseCases('{"q":"  "}', 'set.jsonl')).toThrow('set.jsonl:1: "q" is blank');
    expect(() => parseCases('\n', 'set.jsonl')).toThrow('set.jsonl: no questions');
  });
});

describe('inputLine', () => {
  it('sends a question as a plain line, and a turn of a thread as {"q","thread"}', () => {
    expect(inputLine({ q: 'Kan\nMalmö söka?' })).toBe('Kan Malmö söka?');
    expect(inputLine({ q: 'Och 2020?', thread: 7 })).toBe('{"q":"Och 2020?","thread":"7"}');
  });
});

describe('misses', () => {
  const check = (expect_: Case['expect'], output: unknown) => misses({ q: 'q', expect: expect_ }, output).why;

  it('meets an expectation with every key holding', () => {
    const out = JSON.parse(record());
    expect(
      check(
        { elig: [['Malmö', true]], intent: ['amount', 'eligibility'], has: ['malmö'], hasNot: ['Boden'] },
        out,
      ),
    ).toEqual([]);
  });

  it('says what each failing key wanted', () => {
    const out = JSON.parse(record({ municipalities: [malmo, boden] }));
    expect(check({ elig: [['Malmö', false]], intent: 'amount', has: ['zzz'], hasNot: ['kan'] }, out)).toEqual(
      [
        'want Malmö=false',
        'wrongly eligible: Malmö, Boden',
        'intent eligibility not in amount',
        'missing /zzz/',
        'has forbidden /kan/',
      ],
    );
  });

  it('counts a false "eligible" only where eligibility was asked about', () => {
    const out = JSON.parse(record());
    expect(misses({ q: 'q', expect: { noTrue: true } }, out).falseEligible).toBe(true);
    expect(misses({ q: 'q', expect: { intent: 'eligibility' } }, out).falseEligible).toBe(false);
  });
});

describe('grade and formatGrade', () => {
  it("prints categories in the shared grader's order, the failures, and the summary line last", () => {
    const cases: Case[] = [
      { id: 'a', cat: 'x-y', q: 'A', expect: { intent: 'eligibility' } },
      { id: 'b', cat: 'x', q: 'B', expect: { intent: 'amount' } },
      { id: 'c', cat: 'x+', q: 'C', expect: { noTrue: true } },
    ];
    const result = grade(cases, [record(), record(), record({ municipalities: [] })]);
    expect(formatGrade(result, { verbose: false, ms: 12.4 })).toEqual([
      // Sorted as "x+,", "x,", "x-y,": grade.mjs sorts [category, counts] pairs as strings.
      'x+               1/1',
      'x                0/1',
      'x-y              1/1',
      'FAIL b "B": intent eligibility not in amount',
      'accuracy 2/3 (66.7%); false-eligible 0; 12 ms for the batch',
    ]);
  });

  it('reads an unparseable answer as a failure, not a crash', () => {
    const result = grade([{ id: 'a', q: 'A', expect: { has: ['x'] } }], ['{']);
    expect(result.failures[0]?.why).toEqual(['unparseable JSON', 'missing /x/']);
  });
});
