import { textTable } from '../cli/table.ts';

/** Median and tail of a sample of timings, in the sample's unit. */
export function summarise(samples: number[]): { n: number; median: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { n: sorted.length, median: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

/** Prints rows as an aligned plain-text table under a title. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  console.log(`\n${title}\n${textTable(header, rows)}`);
}
