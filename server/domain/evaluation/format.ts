/** Numbers as planners read them in reasons: at most 2 decimals, or 3 significant digits below 1. */
export function fmt(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  if (Math.abs(x) < 1) return String(Number(x.toPrecision(3)));
  // Integer arithmetic: the same text as String(Math.round(x * 100) / 100), several times faster.
  const signed = Math.round(x * 100);
  const cents = Math.abs(signed);
  if (cents > Number.MAX_SAFE_INTEGER) return String(signed / 100);
  const sign = signed < 0 ? '-' : '';
  const whole = Math.floor(cents / 100);
  const frac = cents % 100;
  if (frac === 0) return `${sign}${whole}`;
  return frac % 10 === 0 ? `${sign}${whole}.${frac / 10}` : `${sign}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

/** A ratio as a whole percentage: 0.624 → '62%'. */
export function fmtPct(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** Rounds for the result JSON (4 decimals keep every displayed figure exact). */
export function r4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/**
 * The parts as one flat string. A template literal leaves a rope behind (one ConsString per
 * `${}`), and the reasons of 100k units kept ~40 of them per unit alive for the GC to copy; a join
 * writes the characters once. Numbers are written as in a template literal.
 */
export function flat(...parts: (string | number)[]): string {
  return parts.join('');
}
