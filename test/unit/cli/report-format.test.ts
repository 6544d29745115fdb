import { describe, expect, it } from 'vitest';
import { formatReport, percent } from '../../../cli/report-format.ts';
import type { UsageStats } from '../../../functions/store/store.ts';

const stats = (overrides: Partial<UsageStats> = {}): UsageStats => ({
  total: 12,
  answered: 9,
  byIntent: { unknown: 3, amount: 5, eligibility: 4 },
  latestUnanswered: [
    { at: new Date('2026-11-27T10:03:59Z'), question: 'Hur  söker\nman?', lang: 'sv' },
    { at: new Date('2026-11-26T09:00:00Z'), question: 'Who decides?', lang: 'en' },
  ],
  days: 30,
  ...overrides,
});

describe('formatReport', () => {
  it('prints totals with the share answered, intents by size, and the latest unanswered as aligned tables', () => {
    expect(formatReport(stats(), 'bidrag-bot-dev')).toBe(
      [
        'Usage of the bot, table bidrag-bot-dev, last 30 days (UTC)',
        '',
        'totals        count  share',
        '------------  -----  -----',
        'questions        12',
        'answered          9    75%',
        'not answered      3    25%',
        '',
        'By intent',
        '',
        'intent       questions  share',
        '-----------  ---------  -----',
        'amount               5    42%',
        'eligibility          4    33%',
        'unknown              3    25%',
        '',
        'Latest unanswered (newest first, at most ten)',
        '',
        'when (UTC)        lang  question',
        '----------------  ----  --------------',
        '2026-11-27 10:03  sv    Hur söker man?',
        '2026-11-26 09:00  en    Who decides?',
        '',
      ].join('\n'),
    );
  });

  it('says so plainly when there is nothing to show, with no NaN or 0% shares', () => {
    const text = formatReport(stats({ total: 0, answered: 0, byIntent: {}, latestUnanswered: [] }), 't');
    expect(text).toContain('(no questions yet)');
    expect(text).toContain('(none)');
    expect(text).not.toMatch(/NaN|0%/);
  });

  it('keeps each question on one line of at most 80 characters, without terminal control characters', () => {
    const question = `Vad\u001b[31m gäller\r\n${'för kommuner '.repeat(20)}`;
    const text = formatReport(stats({ latestUnanswered: [{ at: new Date(), question, lang: 'sv' }] }), 't');
    const row = text.trimEnd().split('\n').at(-1) ?? '';
    expect(row).not.toMatch(/\p{Cc}/u);
    expect(row).toContain('Vad [31m gäller för kommuner');
    expect(row.slice('2026-11-27 10:03  sv    '.length)).toHaveLength(80);
    expect(row.endsWith('…')).toBe(true);
  });
});

describe('percent', () => {
  it('rounds to whole percent', () => {
    expect(percent(1, 3)).toBe('33%');
    expect(percent(2, 3)).toBe('67%');
  });
});
