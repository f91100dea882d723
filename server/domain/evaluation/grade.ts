/**
 * Ranking within a pool and the grade from the ranked list (quotas) or from score thresholds.
 * Ties are broken by unit id (credit code), so equal totals never depend on input order; totals are
 * compared at 1e-6 so that floating-point dust does not decide between equal scores.
 */
import type { Grading, QuotaGrade } from './method.ts';

export const GRADE_ORDER: readonly QuotaGrade[] = ['A', 'B', 'C', 'D'];

export interface Rankable {
  id: string;
  total: number;
  pool: string;
}

export interface RankedEntry<T extends Rankable> {
  entry: T;
  rank: number;
  rankOf: number;
  baseGrade: QuotaGrade;
}

/** The lowest-ranked holder of each base grade in a pool: the score to beat to enter that grade. */
export type Cutoffs = Record<QuotaGrade, { total: number; id: string } | null>;

const key = (total: number) => Math.round(total * 1e6);

/**
 * Cumulative quota boundaries for n ranked units: the last rank of A, B, C and D.
 * round(n × cumulative%) with halves up, so counts add up to n and each is within 1 of its share.
 */
export function quotaBoundaries(n: number, sharesPct: Record<QuotaGrade, number>): number[] {
  let cum = 0;
  return GRADE_ORDER.map((g, i) => {
    cum += sharesPct[g];
    return i === GRADE_ORDER.length - 1 ? n : Math.min(n, Math.floor((n * cum) / 100 + 0.5 + 1e-9));
  });
}

function thresholdGrade(total: number, minScore: { A: number; B: number; C: number }): QuotaGrade {
  const k = key(total);
  if (k >= key(minScore.A)) return 'A';
  if (k >= key(minScore.B)) return 'B';
  if (k >= key(minScore.C)) return 'C';
  return 'D';
}

/** Ranks each pool separately and assigns base grades. */
export function rankPools<T extends Rankable>(entries: readonly T[], grading: Grading): { ranked: RankedEntry<T>[]; cutoffs: Map<string, Cutoffs> } {
  const pools = new Map<string, T[]>();
  for (const e of entries) {
    const list = pools.get(e.pool);
    if (list) list.push(e);
    else pools.set(e.pool, [e]);
  }
  const ranked: RankedEntry<T>[] = [];
  const cutoffs = new Map<string, Cutoffs>();
  for (const [pool, list] of [...pools.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const keys = list.map((entry) => key(entry.total));
    const order = list.map((_, i) => i);
    order.sort((a, b) => keys[b]! - keys[a]! || (list[a]!.id < list[b]!.id ? -1 : 1));
    const sorted = order.map((i) => list[i]!);
    const n = sorted.length;
    const bounds = grading.kind === 'quotas' ? quotaBoundaries(n, grading.sharesPct) : null;
    const cut: Cutoffs = { A: null, B: null, C: null, D: null };
    sorted.forEach((entry, i) => {
      const rank = i + 1;
      const baseGrade = bounds ? GRADE_ORDER[bounds.findIndex((b) => rank <= b)]! : thresholdGrade(entry.total, (grading as { minScore: { A: number; B: number; C: number } }).minScore);
      cut[baseGrade] = { total: entry.total, id: entry.id };
      ranked.push({ entry, rank, rankOf: n, baseGrade });
    });
    cutoffs.set(pool, cut);
  }
  return { ranked, cutoffs };
}
