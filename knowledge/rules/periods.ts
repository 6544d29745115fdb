// Years and ranges joined, for a follow-up that widens the years asked before.
import type { Period } from '../years.ts';

/** Years and ranges of two periods as the fewest ranges: 2018, 2019 and 2020–2027 make 2018–2027. */
export function joinPeriods(a: Period, b: Period): Pick<Period, 'years' | 'ranges'> {
  const all = new Set<number>();
  for (const p of [a, b]) {
    for (const y of p.years) all.add(y);
    for (const [from, to] of p.ranges) for (let y = from; y <= to && y - from < 200; y++) all.add(y);
  }
  const ranges: [number, number][] = [];
  for (const y of [...all].sort((x, z) => x - z)) {
    const last = ranges[ranges.length - 1];
    if (last && y === last[1] + 1) last[1] = y;
    else ranges.push([y, y]);
  }
  return { years: [], ranges };
}
