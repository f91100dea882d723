/**
 * Ranking within a pool and the grade from the ranked list (quotas) or from score thresholds.
 * Ties are broken by unit id (credit code), so equal totals never depend on input order; totals are
 * compared at 1e-6 so that floating-point dust does not decide between equal scores.
 */
import type { Grading, QuotaGrade } from './method.ts';
import type { PoolIndex } from './pools.ts';

export const GRADE_ORDER: readonly QuotaGrade[] = ['A', 'B', 'C', 'D'];

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

/** Units in ranked order, pool after pool; `rank`, `rankOf` and `grade` are by position in `order`. */
export interface Ranking {
  /** Unit indexes. */
  order: Int32Array;
  rank: Int32Array;
  rankOf: Int32Array;
  /** Base grade, an index into `GRADE_ORDER`. */
  grade: Uint8Array;
  /** By pool number. */
  cutoffs: (Cutoffs | undefined)[];
}

/**
 * Ranks each pool separately and assigns base grades. Unit i (i < n) has id `units[i].id`, pool
 * number `pools.of[i]` and total `totals[i]`; pools are taken in key order.
 */
export function rankPools(
  n: number, units: readonly { id: string }[], pools: PoolIndex, totals: Float64Array, grading: Grading,
): Ranking {
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = key(totals[i]!);
  const members: number[][] = pools.keys.map(() => []);
  for (let i = 0; i < n; i++) members[pools.of[i]!]!.push(i);
  const byKey = pools.keys.map((_, k) => k).sort((a, b) => (pools.keys[a]! < pools.keys[b]! ? -1 : pools.keys[a]! > pools.keys[b]! ? 1 : 0));
  const out: Ranking = {
    order: new Int32Array(n), rank: new Int32Array(n), rankOf: new Int32Array(n), grade: new Uint8Array(n), cutoffs: new Array(pools.keys.length),
  };
  const minScore = grading.kind === 'thresholds' ? grading.minScore : null;
  let at = 0;
  for (const k of byKey) {
    const list = members[k]!;
    const size = list.length;
    if (size === 0) continue;
    list.sort((a, b) => keys[b]! - keys[a]! || (units[a]!.id < units[b]!.id ? -1 : 1));
    const bounds = grading.kind === 'quotas' ? quotaBoundaries(size, grading.sharesPct) : null;
    const last = [-1, -1, -1, -1];
    for (let j = 0; j < size; j++) {
      const i = list[j]!;
      const rank = j + 1;
      let g = 0;
      if (bounds) while (g < 3 && rank > bounds[g]!) g++;
      else g = GRADE_ORDER.indexOf(thresholdGrade(totals[i]!, minScore!));
      last[g] = i;
      out.order[at] = i;
      out.rank[at] = rank;
      out.rankOf[at] = size;
      out.grade[at] = g;
      at++;
    }
    const cut = (g: number) => (last[g]! < 0 ? null : { total: totals[last[g]!]!, id: units[last[g]!]!.id });
    out.cutoffs[k] = { A: cut(0), B: cut(1), C: cut(2), D: cut(3) };
  }
  return out;
}
