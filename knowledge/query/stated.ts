// Figures a question states, read once: the rules check a premise against them, a claim or a share takes
// them as the value claimed or the whole, and a claimed sum ("8 × 2,2 = 16,6?") is checked from them.

/** A figure as written: its value (in kronor when it has a unit of money), and how precisely it was said. */
export interface Figure {
  value: number;
  /** Half of the last digit written, in the figure's own scale: "2,0 mdr" is 2,0 ± 0,05 miljarder. */
  tolerance: number;
  /** Kronor ("2,2 mdr", "425 000 tkr"), per cent ("63 %") or a bare number ("8 yrs", "3,5 gånger"). */
  kind: 'kronor' | 'percent' | 'number';
  /** Kronor per unit as written: 1e9 for "mdr", 1e6 for "m", 1 for a bare number or per cent. */
  scale: number;
  /** Where the figure stands in the folded text, and how long it is. */
  index: number;
  length: number;
}

// Swedish "biljon" is 10^12 (an English trillion); "miljader" is a common slip for "miljarder".
const UNITS: [RegExp, number][] = [
  [/^(?:biljon|trillion)/, 1e12],
  [/^(?:miljard|miljader|mdr|mdkr|md\b|billion|bn\b|b\b)/, 1e9],
  [/^(?:miljon|mkr|msek|million|mn\b|milj|m\b)/, 1e6],
  [/^(?:tkr|tusen|thousand|ksek)/, 1e3],
  [/^(?:kr\b|kronor|sek\b)/, 1],
];

const FIGURE =
  /(?<![\d:.,])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?)(?![\d:])\s*(%|procent|percent|per cent|biljon\w*|trillion\w*|miljard\w*|miljader|mdr|mdkr|md\b|billions?|bn\b|b\b|miljon\w*|milj\b|mkr|msek|millions?|mn\b|m\b|tkr|tusen|thousand|ksek|kr\b|kronor|sek\b)?/gu;

/** Every figure the folded text states, in order; years (1900–2199 with no unit) are left out. */
export function figuresIn(folded: string): Figure[] {
  const out: Figure[] = [];
  for (const m of folded.matchAll(FIGURE)) {
    const [whole, digits = '', unit = ''] = m;
    const written = digits.replace(/[ \u00a0]/g, '');
    if (!unit && /^(?:1[89]|2[01])\d\d$/.test(written)) continue;
    const decimals =
      written.includes(',') || written.includes('.') ? (written.split(/[.,]/)[1]?.length ?? 0) : 0;
    const n = Number(written.replace(',', '.'));
    const scale = unit ? (UNITS.find(([re]) => re.test(unit))?.[1] ?? 1) : 1;
    const kind = /%|procent|percent/.test(unit) ? 'percent' : unit ? 'kronor' : 'number';
    out.push({
      value: kind === 'percent' ? n : n * scale,
      tolerance: 0.5 * 10 ** -decimals * (kind === 'percent' ? 1 : scale),
      kind,
      scale: kind === 'kronor' ? scale : 1,
      index: m.index ?? 0,
      length: whole.trimEnd().length,
    });
  }
  return out;
}

/** An amount the question states ("2,2 miljarder", "425 million", "425 000 tkr"), in kronor. */
export function statedKronor(folded: string): number | null {
  const first = figuresIn(folded).find((x) => x.kind === 'kronor' && x.value >= 1e6);
  return first ? Math.round(first.value) : null;
}
