/**
 * The one plain-text table printer, for the report and the benchmarks: columns as wide as their widest
 * cell, the first column left-aligned and the others right-aligned (numbers) unless listed in `left`.
 */
export function textTable(header: string[], rows: (string | number)[][], left: number[] = [0]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (left.includes(i) ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
