/**
 * What each unit's indicator value is compared with: a fixed figure, a pool's (k ×) mean or best
 * value in the previous or current year, or the pool's current min–max range. Pools are built from
 * the ranked units of one group only: T units and tenants' own results never move a benchmark.
 * Previous-year figures use each unit's current land (the ledger holds only current occupancy).
 */
import type { EvalUnit } from './build-units.ts';
import { fmt } from './format.ts';
import { formulaOf, operandOf } from './indicator-values.ts';
import type { IndicatorDef, Pool } from './method.ts';
import { poolLabel } from './pools.ts';
import type { RegionRef } from './types.ts';

export interface Reference {
  /** For ratio scoring; null when it cannot be computed (see `why`). */
  benchmark: number | null;
  /** For min–max scoring. */
  range: { min: number; max: number } | null;
  basis: string;
  why: string | null;
}

interface Placed {
  industryCode: string;
  regions: readonly RegionRef[];
}

interface Acc {
  num: number;
  den: number;
  sumValues: number;
  count: number;
  min: number;
  max: number;
}

function accumulate(
  def: IndicatorDef, keys: readonly string[], ranked: readonly EvalUnit[], year: 'previous' | 'current', current: Float64Array,
): Map<string, Acc> {
  const pools = new Map<string, Acc>();
  const f = formulaOf(def);
  ranked.forEach((unit, i) => {
    const metrics = year === 'current' ? unit.current : unit.previous;
    const num = operandOf(f.num, metrics, unit.landMu);
    const den = operandOf(f.den, metrics, unit.landMu);
    if (Number.isNaN(num) || !(den > 0)) return;
    const value = year === 'current' ? current[i]! : (num / den) * def.multiplier;
    const key = keys[i]!;
    let acc = pools.get(key);
    if (!acc) pools.set(key, (acc = { num: 0, den: 0, sumValues: 0, count: 0, min: Infinity, max: -Infinity }));
    acc.num += num;
    acc.den += den;
    acc.sumValues += value;
    acc.count += 1;
    if (def.polarity === 'higher' || value > 0) {
      acc.min = Math.min(acc.min, value);
      acc.max = Math.max(acc.max, value);
    }
  });
  return pools;
}

/** The pool whose units a reference is computed from. */
export function referencePool(def: IndicatorDef): Pool {
  const s = def.scoring;
  return s.kind === 'minMax' ? s.within : s.benchmark.kind === 'fixed' ? 'all' : s.benchmark.within;
}

/**
 * A lookup of the reference for `def` by pool key (`keys[i]` is the key of `ranked[i]` for
 * `referencePool(def)`, `current[i]` its current value, NaN when missing); `unit` names the pool.
 */
export function referencesFor(
  def: IndicatorDef, ranked: readonly EvalUnit[], keys: readonly string[], current: Float64Array,
): (key: string, unit: Placed) => Reference {
  const s = def.scoring;
  if (s.kind === 'ratio' && s.benchmark.kind === 'fixed') {
    const ref: Reference = { benchmark: s.benchmark.value, range: null, basis: '固定基准', why: null };
    return () => ref;
  }
  const within = referencePool(def);
  const year = s.kind === 'ratio' ? (s.benchmark as { year: 'previous' | 'current' }).year : 'current';
  const pools = accumulate(def, keys, ranked, year, current);
  const yearLabel = year === 'previous' ? '上年' : '本年';
  const cache = new Map<string, Reference>();

  return (key, unit) => {
    const hit = cache.get(key);
    if (hit) return hit;
    const label = poolLabel(unit, within);
    const acc = pools.get(key);
    let ref: Reference;
    const none = (basis: string): Reference => ({ benchmark: null, range: null, basis, why: `${label}${yearLabel}无可用数据，${def.label}基准无法计算` });
    if (s.kind === 'minMax') {
      ref = acc && acc.count > 0
        ? { benchmark: null, range: { min: acc.min, max: acc.max }, basis: `${label}${yearLabel}区间 ${fmt(acc.min)}–${fmt(acc.max)}`, why: null }
        : none(`${label}${yearLabel}区间`);
    } else if (s.benchmark.kind === 'mean') {
      const b = s.benchmark;
      const basis = `${b.factor === 1 ? '' : `${b.factor} × `}${label}${yearLabel}${b.average === 'ratioOfSums' ? '总体水平' : '企业平均值'}`;
      const mean = !acc || acc.count === 0 ? null : b.average === 'ratioOfSums' ? (acc.num / acc.den) * def.multiplier : acc.sumValues / acc.count;
      ref = mean !== null && mean > 0 ? { benchmark: b.factor * mean, range: null, basis, why: null } : none(basis);
    } else {
      const best = !acc || acc.count === 0 ? null : def.polarity === 'higher' ? acc.max : acc.min;
      const basis = `${label}${yearLabel}最优值`;
      ref = best !== null && best > 0 && Number.isFinite(best) ? { benchmark: best, range: null, basis, why: null } : none(basis);
    }
    cache.set(key, ref);
    return ref;
  };
}
