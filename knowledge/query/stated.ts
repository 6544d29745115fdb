// A figure in kronor a question states, read once: the rules check a premise against it, and a claim
// or a share takes it as the value claimed or the whole.

/** An amount the question states ("2,2 miljarder", "425 million"), in kronor, to check a premise. */
export function statedKronor(folded: string): number | null {
  const m =
    /(\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?)\s*(miljarder|miljard|mdr|mdkr|billions?|bn|miljoner|miljon|mkr|millions?|msek)\b/u.exec(
      folded,
    );
  if (!m?.[1] || !m[2]) return null;
  const value = Number(m[1].replace(/[ \u00a0]/g, '').replace(',', '.'));
  return Math.round(value * (/^(miljard|mdr|mdkr|billion|bn)/.test(m[2]) ? 1e9 : 1e6));
}
