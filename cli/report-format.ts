import type { UsageStats } from '../functions/store/store.ts';
import { textTable } from './table.ts';

const QUESTION_WIDTH = 80;

/** 0.8125 → "81%"; no questions → "–" rather than a misleading 0% or NaN. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`;
}

// One line per question, cut to a readable width; control characters go too, since the log holds
// whatever people typed and an escape sequence would reach the reader's terminal.
function oneLine(text: string): string {
  const flat = text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
  return flat.length > QUESTION_WIDTH ? `${flat.slice(0, QUESTION_WIDTH - 1)}…` : flat;
}

const minute = (at: Date) => at.toISOString().slice(0, 16).replace('T', ' ');

/** The usage stats as the plain-text report `npm run report` prints. */
export function formatReport(stats: UsageStats, tableName: string): string {
  const period = stats.days === undefined ? '' : `, last ${stats.days} days (UTC)`;
  const intents = Object.entries(stats.byIntent)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const sections = [
    `Usage of the bot, table ${tableName}${period}`,
    textTable(
      ['totals', 'count', 'share'],
      [
        ['questions', String(stats.total), ''],
        ['answered', String(stats.answered), percent(stats.answered, stats.total)],
        [
          'not answered',
          String(stats.total - stats.answered),
          percent(stats.total - stats.answered, stats.total),
        ],
      ],
    ),
    'By intent',
    intents.length === 0
      ? '(no questions yet)'
      : textTable(
          ['intent', 'questions', 'share'],
          intents.map(([intent, n]) => [intent, String(n), percent(n, stats.total)]),
        ),
    `Latest unanswered (newest first, at most ten)`,
    stats.latestUnanswered.length === 0
      ? '(none)'
      : textTable(
          ['when (UTC)', 'lang', 'question'],
          stats.latestUnanswered.map((q) => [minute(q.at), q.lang, oneLine(q.question)]),
          [0, 1, 2],
        ),
  ];
  return `${sections.join('\n\n')}\n`;
}
