/** Numbers as planners read them in reasons: at most 2 decimals, or 3 significant digits below 1. */
export function fmt(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1) return String(Math.round(x * 100) / 100);
  return String(Number(x.toPrecision(3)));
}

/** A ratio as a whole percentage: 0.624 → '62%'. */
export function fmtPct(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** Rounds for the result JSON (4 decimals keep every displayed figure exact). */
export function r4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
