/**
 * What each unit's indicator value is compared with: a fixed figure, a pool's (k ×) mean or best
 * value in the previous or current year, or the pool's current min–max range. Pools are built from
 * the ranked units of one group only: T units and tenants' own results never move a benchmark.
 * Previous-year figures use each unit's current land (the ledger holds only current occupancy).
 */
import type { EvalUnit } from './build-units.ts';
import { fmt } from './format.ts';
import { columnOperand, formulaOf, type MetricColumns } from './indicator-values.ts';
import type { IndicatorDef, Pool } from './method.ts';
import { poolLabel, type PoolIndex } from './pools.ts';

export interface Reference {
  /** For ratio scoring; null when it cannot be computed (see `why`). */
  benchmark: number | null;
  /** For min–max scoring. */
  range: { min: number; max: number } | null;
  basis: string;
  why: string | null;
}

/** Sums of one pool over the ranked units that have both operands, one slot per pool number. */
interface Sums {
  num: Float64Array;
  den: Float64Array;
  sumValues: Float64Array;
  count: Int32Array;
  min: Float64Array;
  max: Float64Array;
}

function accumulate(
  def: IndicatorDef, pools: PoolIndex, ranked: number, cols: MetricColumns, year: 'previous' | 'current', current: Float64Array,
): Sums {
  const p = pools.keys.length;
  const sums: Sums = {
    num: new Float64Array(p), den: new Float64Array(p), sumValues: new Float64Array(p), count: new Int32Array(p),
    min: new Float64Array(p).fill(Infinity), max: new Float64Array(p).fill(-Infinity),
  };
  const f = formulaOf(def);
  const higher = def.polarity === 'higher';
  const metrics = year === 'current' ? cols.current : cols.previous;
  for (let i = 0; i < ranked; i++) {
    const num = columnOperand(f.num, metrics, cols.landMu, i);
    const den = columnOperand(f.den, metrics, cols.landMu, i);
    if (Number.isNaN(num) || !(den > 0)) continue;
    const value = year === 'current' ? current[i]! : (num / den) * def.multiplier;
    const k = pools.of[i]!;
    sums.num[k] = sums.num[k]! + num;
    sums.den[k] = sums.den[k]! + den;
    sums.sumValues[k] = sums.sumValues[k]! + value;
    sums.count[k] = sums.count[k]! + 1;
    if (higher || value > 0) {
      sums.min[k] = Math.min(sums.min[k]!, value);
      sums.max[k] = Math.max(sums.max[k]!, value);
    }
  }
  return sums;
}

/** The pool whose units a reference is computed from. */
export function referencePool(def: IndicatorDef): Pool {
  const s = def.scoring;
  return s.kind === 'minMax' ? s.within : s.benchmark.kind === 'fixed' ? 'all' : s.benchmark.within;
}

/**
 * The reference for `def` of each pool of `referencePool(def)`, by pool number. The first `ranked`
 * of `units` are the only ones counted; `cols` holds the units' figures, `pools` numbers their
 * pools, `current[i]` is the current value of `units[i]` (NaN when missing). A pool is named after
 * its first unit.
 */
export function poolReferences(
  def: IndicatorDef, ranked: number, units: readonly EvalUnit[], cols: MetricColumns, pools: PoolIndex, current: Float64Array,
): Reference[] {
  const s = def.scoring;
  if (s.kind === 'ratio' && s.benchmark.kind === 'fixed') {
    const ref: Reference = { benchmark: s.benchmark.value, range: null, basis: '固定基准', why: null };
    return pools.keys.map(() => ref);
  }
  const within = referencePool(def);
  const year = s.kind === 'ratio' ? (s.benchmark as { year: 'previous' | 'current' }).year : 'current';
  const sums = accumulate(def, pools, ranked, cols, year, current);
  const yearLabel = year === 'previous' ? '上年' : '本年';

  return pools.first.map((i, k): Reference => {
    const label = poolLabel(units[i]!, within);
    const count = sums.count[k]!;
    const none = (basis: string): Reference => ({ benchmark: null, range: null, basis, why: `${label}${yearLabel}无可用数据，${def.label}基准无法计算` });
    if (s.kind === 'minMax') {
      const min = sums.min[k]!;
      const max = sums.max[k]!;
      return count > 0
        ? { benchmark: null, range: { min, max }, basis: `${label}${yearLabel}区间 ${fmt(min)}–${fmt(max)}`, why: null }
        : none(`${label}${yearLabel}区间`);
    }
    if (s.benchmark.kind === 'mean') {
      const b = s.benchmark;
      const basis = `${b.factor === 1 ? '' : `${b.factor} × `}${label}${yearLabel}${b.average === 'ratioOfSums' ? '总体水平' : '企业平均值'}`;
      const mean = count === 0 ? null : b.average === 'ratioOfSums' ? (sums.num[k]! / sums.den[k]!) * def.multiplier : sums.sumValues[k]! / count;
      return mean !== null && mean > 0 ? { benchmark: b.factor * mean, range: null, basis, why: null } : none(basis);
    }
    const best = count === 0 ? null : def.polarity === 'higher' ? sums.max[k]! : sums.min[k]!;
    const basis = `${label}${yearLabel}最优值`;
    return best !== null && best > 0 && Number.isFinite(best) ? { benchmark: best, range: null, basis, why: null } : none(basis);
  });
}
