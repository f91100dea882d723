/**
 * Item scores and totals of one ranking group. Ratio scoring: weight × min(value / benchmark, cap);
 * min–max: weight × (floor + (100 − floor) × position) / 100. Then the missing-data rule of each
 * item, then bonus and penalty points. Summation follows the method's indicator order, and units
 * arrive in credit-code order, so totals are bit-for-bit reproducible.
 * Per-item figures live in typed arrays (one per indicator, indexed by unit) so that 100k units stay
 * cheap; the result objects are built once, already rounded for output, and everything else refers
 * to a unit by its index.
 */
import type { EvalUnit } from './build-units.ts';
import { poolReferences, referencePool, type Reference } from './benchmarks.ts';
import { flat, r4 } from './format.ts';
import { columnOperand, formulaOf, indicatorWhy, metricColumns, type Formula, type MetricColumns } from './indicator-values.ts';
import type { Adjustment, GroupMethod, IndicatorDef, Pool } from './method.ts';
import { indexPools, type PoolIndex } from './pools.ts';
import type { AdjustmentLine, ItemResult } from './result.ts';

/** Scores of a group: its ranked units first, then the extra ones (tenants' own results). */
export interface GroupScores {
  units: readonly EvalUnit[];
  rankedCount: number;
  /** The units' figures. */
  cols: MetricColumns;
  defs: readonly IndicatorDef[];
  formulas: Formula[];
  /** Precise figures, indexed [indicator][unit]. */
  values: Float64Array[];
  /** value / benchmark, or the position in the min–max range; NaN when not scored. */
  ratios: Float64Array[];
  /** Item score before the missing-data rule and reweighting; NaN when the item is missing. */
  raw: Float64Array[];
  /** 1 when the item was capped. */
  capped: Uint8Array[];
  /** By unit: how many items are missing. */
  missingCount: Uint8Array;
  /** The reference of item d of unit i is `refs[d][refPool[d][i]]`. */
  refs: Reference[][];
  refPool: Int32Array[];
  /** Scale of the present items under the 'reweight' rule (1 when nothing is excluded). */
  factor: Float64Array;
  /** Precise totals. */
  totals: Float64Array;
  /** By unit, rounded for output. */
  items: ItemResult[][];
  bonus: AdjustmentLine[][];
  penalty: AdjustmentLine[][];
  /** The units' pools of one kind (numbered once per kind). */
  pools: (within: Pool) => PoolIndex;
}

function adjustmentLines(
  unit: EvalUnit, rules: readonly Adjustment[], year: number, bonus: AdjustmentLine[], penalty: AdjustmentLine[],
): void {
  for (const rule of rules) {
    let because: string | null = null;
    if ('tag' in rule.when) {
      const tag = rule.when.tag;
      if (unit.tags.includes(tag)) {
        because = unit.members.length > 1
          ? flat(unit.members.filter((e) => e.tags.includes(tag)).map((e) => e.name).join('、'), '为', tag)
          : flat('企业标签：', tag);
      }
    } else {
      const kind = rule.when.eventKind;
      if (unit.events.some((ev) => ev.kind === kind)) {
        const names = [...new Set(unit.events.filter((ev) => ev.kind === kind).map((ev) => ev.name))];
        because = flat(year, ' 年', kind, '（', names.join('、'), '）');
      }
    }
    if (because !== null) (rule.points > 0 ? bonus : penalty).push({ label: rule.label, points: rule.points, because });
  }
}

const MISSING_NOTE = {
  reweight: '该项不计，其余指标按权重折算',
  zero: '该项计 0 分',
  averageScore: '按同组有此项企业的平均得分计',
  averageNone: '同组无企业有此项，计 0 分',
};

/**
 * Scores the ranked units of one group, plus `extra` units of the same group (tenants' own results)
 * against the same references and averages; unit i of the result is `ranked.concat(extra)[i]`.
 */
export function scoreGroup(
  ranked: readonly EvalUnit[], extra: readonly EvalUnit[], group: GroupMethod, adjustments: readonly Adjustment[], year: number,
): GroupScores {
  const defs = group.indicators;
  const nd = defs.length;
  const all = ranked.concat(extra);
  const n = all.length;
  const formulas = defs.map(formulaOf);
  const cols = metricColumns(all);
  const values = formulas.map((f) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const num = columnOperand(f.num, cols.current, cols.landMu, i);
      const den = columnOperand(f.den, cols.current, cols.landMu, i);
      out[i] = den > 0 ? (num / den) * f.multiplier : NaN;
    }
    return out;
  });
  const poolsByKind = new Map<Pool, PoolIndex>();
  const pools = (within: Pool) => {
    let index = poolsByKind.get(within);
    if (!index) poolsByKind.set(within, (index = indexPools(all, within)));
    return index;
  };
  const refPool = defs.map((def) => pools(referencePool(def)).of);
  const refs = defs.map((def, d) => poolReferences(def, ranked.length, all, cols, pools(referencePool(def)), values[d]!));
  // Benchmarks rounded once per pool, not once per unit.
  const benchmarks = refs.map((list) => list.map((ref) => (ref.benchmark === null ? null : r4(ref.benchmark))));

  // Raw item scores before the missing-data rule and reweighting; NaN when the item cannot be scored.
  const base = defs.map(() => new Float64Array(n));
  const ratio = defs.map(() => new Float64Array(n));
  const capped = defs.map(() => new Uint8Array(n));
  defs.forEach((def, d) => {
    const s = def.scoring;
    const v = values[d]!;
    const refList = refs[d]!;
    const refOf = refPool[d]!;
    for (let i = 0; i < n; i++) {
      const value = v[i]!;
      const ref = refList[refOf[i]!]!;
      let r = NaN;
      let b = NaN;
      if (Number.isNaN(value) || ref.why !== null) {
        // missing: left NaN
      } else if (s.kind === 'minMax') {
        const { min, max } = ref.range!;
        r = max === min ? 1 : Math.min(1, Math.max(0, (def.polarity === 'higher' ? value - min : max - value) / (max - min)));
        b = (def.weight * (s.floorPct + (100 - s.floorPct) * r)) / 100;
      } else if (def.polarity === 'higher' || value > 0) {
        r = def.polarity === 'higher' ? value / ref.benchmark! : ref.benchmark! / value;
        const over = s.cap !== null && r > s.cap;
        capped[d]![i] = over ? 1 : 0;
        b = def.weight * (over ? s.cap! : r);
      }
      ratio[d]![i] = r;
      base[d]![i] = b;
    }
  });
  const averages = defs.map((_, d) => {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < ranked.length; i++) {
      const b = base[d]![i]!;
      if (!Number.isNaN(b)) (sum += b), (count += 1);
    }
    return count > 0 ? sum / count : null;
  });
  const totalWeight = defs.reduce((s, def) => s + def.weight, 0);
  const factor = new Float64Array(n);
  const totals = new Float64Array(n);
  const missingCount = new Uint8Array(n);
  const itemsOf: ItemResult[][] = new Array(n);
  const bonusOf: AdjustmentLine[][] = new Array(n);
  const penaltyOf: AdjustmentLine[][] = new Array(n);

  for (let i = 0; i < n; i++) {
    const unit = all[i]!;
    let present = 0;
    for (let d = 0; d < nd; d++) present += Number.isNaN(base[d]![i]!) && defs[d]!.missing === 'reweight' ? 0 : defs[d]!.weight;
    const f = present > 0 ? totalWeight / present : 0;
    factor[i] = f;
    const items: ItemResult[] = new Array(nd);
    let total = 0;
    for (let d = 0; d < nd; d++) {
      const def = defs[d]!;
      const v = values[d]![i]!;
      const k = refPool[d]![i]!;
      const ref = refs[d]![k]!;
      const b = base[d]![i]!;
      const value = Number.isNaN(v) ? null : r4(v);
      let score = 0;
      let weightApplied = def.weight * f;
      let missing: ItemResult['missing'] = null;
      if (!Number.isNaN(b)) score = b * f;
      else {
        missingCount[i]! += 1;
        const why = value === null ? indicatorWhy(def, unit, cols, i) : ref.why ?? flat(def.label, '不为正数，无法按越低越好计分');
        if (def.missing === 'reweight') (weightApplied = 0), (missing = { rule: 'reweight', why: flat(why, '；', MISSING_NOTE.reweight) });
        else if (def.missing === 'zero') missing = { rule: 'zero', why: flat(why, '；', MISSING_NOTE.zero) };
        else {
          const avg = averages[d]!;
          score = (avg ?? 0) * f;
          missing = { rule: 'averageScore', why: flat(why, '；', avg === null ? MISSING_NOTE.averageNone : MISSING_NOTE.averageScore) };
        }
      }
      total += score;
      const r = ratio[d]![i]!;
      items[d] = {
        key: def.key, label: def.label, unit: def.unit, value, benchmark: benchmarks[d]![k]!, basis: ref.basis,
        ratio: Number.isNaN(r) ? null : r4(r), weight: def.weight, weightApplied: r4(weightApplied), score: r4(score),
        capped: capped[d]![i] === 1, missing,
      };
    }
    const bonus: AdjustmentLine[] = [];
    const penalty: AdjustmentLine[] = [];
    // Every condition is a tag or an event of the year: most units have neither.
    if (unit.tags.length + unit.events.length > 0) adjustmentLines(unit, adjustments, year, bonus, penalty);
    for (const line of bonus) total += line.points;
    for (const line of penalty) total += line.points;
    totals[i] = total;
    itemsOf[i] = items;
    bonusOf[i] = bonus;
    penaltyOf[i] = penalty;
  }
  return {
    units: all, rankedCount: ranked.length, cols, defs, formulas, values, ratios: ratio, raw: base, capped, missingCount, refs, refPool, factor, totals,
    items: itemsOf, bonus: bonusOf, penalty: penaltyOf, pools,
  };
}
