/**
 * Item scores and totals of one ranking group. Ratio scoring: weight × min(value / benchmark, cap);
 * min–max: weight × (floor + (100 − floor) × position) / 100. Then the missing-data rule of each
 * item, then bonus and penalty points. Summation follows the method's indicator order, and units
 * arrive in credit-code order, so totals are bit-for-bit reproducible.
 * Per-item figures live in typed arrays (one per indicator) so that 100k units stay cheap; the
 * result objects are built once, already rounded for output.
 */
import type { EvalUnit } from './build-units.ts';
import { referencePool, referencesFor, type Reference } from './benchmarks.ts';
import { r4 } from './format.ts';
import { evalFormula, formulaOf, indicatorWhy, type Formula } from './indicator-values.ts';
import type { Adjustment, GroupMethod, IndicatorDef, Pool } from './method.ts';
import { poolKey } from './pools.ts';
import type { AdjustmentLine, IndicatorValue, ItemResult } from './result.ts';

/** Precise figures of a scored group, indexed [indicator][unit]. */
export interface GroupScores {
  defs: readonly IndicatorDef[];
  formulas: Formula[];
  values: Float64Array[];
  /** value / benchmark, or the position in the min–max range; NaN when not scored. */
  ratios: Float64Array[];
  refs: Reference[][];
  /** Scale of the present items under the 'reweight' rule (1 when nothing is excluded). */
  factor: Float64Array;
}

export interface ScoredUnit {
  unit: EvalUnit;
  index: number;
  scores: GroupScores;
  /** Rounded for output. */
  indicators: Record<string, IndicatorValue>;
  items: ItemResult[];
  bonus: AdjustmentLine[];
  penalty: AdjustmentLine[];
  /** Precise. */
  total: number;
}

function adjustmentLines(unit: EvalUnit, rules: readonly Adjustment[], year: number): { bonus: AdjustmentLine[]; penalty: AdjustmentLine[] } {
  const bonus: AdjustmentLine[] = [];
  const penalty: AdjustmentLine[] = [];
  for (const rule of rules) {
    let because: string | null = null;
    if ('tag' in rule.when) {
      const tag = rule.when.tag;
      if (unit.tags.includes(tag)) {
        const holders = unit.members.filter((e) => e.tags.includes(tag));
        because = unit.members.length > 1 ? `${holders.map((e) => e.name).join('、')}为${tag}` : `企业标签：${tag}`;
      }
    } else {
      const kind = rule.when.eventKind;
      if (unit.events.some((ev) => ev.kind === kind)) {
        const names = [...new Set(unit.events.filter((ev) => ev.kind === kind).map((ev) => ev.name))];
        because = `${year} 年${kind}（${names.join('、')}）`;
      }
    }
    if (because !== null) (rule.points > 0 ? bonus : penalty).push({ label: rule.label, points: rule.points, because });
  }
  return { bonus, penalty };
}

/** A unit's precise ratio for item `d` (for reasons; the items carry rounded ones), NaN when not scored. */
export function preciseRatio(s: ScoredUnit, d: number): number {
  return s.scores.ratios[d]![s.index]!;
}

const MISSING_NOTE = {
  reweight: '该项不计，其余指标按权重折算',
  zero: '该项计 0 分',
  averageScore: '按同组有此项企业的平均得分计',
  averageNone: '同组无企业有此项，计 0 分',
};

/**
 * Scores the ranked units of one group, plus `extra` units of the same group (tenants' own results)
 * against the same references and averages. Returns results in the order given (ranked, then extra).
 */
export function scoreGroup(
  ranked: readonly EvalUnit[], extra: readonly EvalUnit[], group: GroupMethod, adjustments: readonly Adjustment[], year: number,
): ScoredUnit[] {
  const defs = group.indicators;
  const all = ranked.concat(extra);
  const n = all.length;
  const formulas = defs.map(formulaOf);
  const values = formulas.map((f) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = evalFormula(f, all[i]!.current, all[i]!.landMu);
    return out;
  });
  const keysByPool = new Map<Pool, string[]>();
  const keysOf = (pool: Pool) => {
    let keys = keysByPool.get(pool);
    if (!keys) keysByPool.set(pool, (keys = all.map((u) => poolKey(u, pool))));
    return keys;
  };
  const refs = defs.map((def, d) => {
    const keys = keysOf(referencePool(def));
    const lookup = referencesFor(def, ranked, keys, values[d]!);
    return all.map((u, i) => lookup(keys[i]!, u));
  });
  // Raw item scores before the missing-data rule and reweighting; NaN when the item cannot be scored.
  const base = defs.map(() => new Float64Array(n));
  const ratio = defs.map(() => new Float64Array(n));
  const capped = defs.map(() => new Uint8Array(n));
  defs.forEach((def, d) => {
    const s = def.scoring;
    for (let i = 0; i < n; i++) {
      const v = values[d]![i]!;
      const ref = refs[d]![i]!;
      let r = NaN;
      let b = NaN;
      if (Number.isNaN(v) || ref.why !== null) {
        // missing: left NaN
      } else if (s.kind === 'minMax') {
        const { min, max } = ref.range!;
        r = max === min ? 1 : Math.min(1, Math.max(0, (def.polarity === 'higher' ? v - min : max - v) / (max - min)));
        b = (def.weight * (s.floorPct + (100 - s.floorPct) * r)) / 100;
      } else if (def.polarity === 'higher' || v > 0) {
        r = def.polarity === 'higher' ? v / ref.benchmark! : ref.benchmark! / v;
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
  const scores: GroupScores = { defs, formulas, values, ratios: ratio, refs, factor };

  return all.map((unit, i): ScoredUnit => {
    let present = 0;
    for (let d = 0; d < defs.length; d++) present += Number.isNaN(base[d]![i]!) && defs[d]!.missing === 'reweight' ? 0 : defs[d]!.weight;
    const f = present > 0 ? totalWeight / present : 0;
    factor[i] = f;
    const indicators: Record<string, IndicatorValue> = {};
    const items: ItemResult[] = [];
    let total = 0;
    for (let d = 0; d < defs.length; d++) {
      const def = defs[d]!;
      const v = values[d]![i]!;
      const ref = refs[d]![i]!;
      const b = base[d]![i]!;
      const value = Number.isNaN(v) ? null : r4(v);
      const valueWhy = value === null ? indicatorWhy(def, unit) : null;
      indicators[def.key] = valueWhy === null ? { label: def.label, unit: def.unit, value } : { label: def.label, unit: def.unit, value, why: valueWhy };
      let score = 0;
      let weightApplied = def.weight * f;
      let missing: ItemResult['missing'] = null;
      if (!Number.isNaN(b)) score = b * f;
      else {
        const why = valueWhy ?? ref.why ?? `${def.label}不为正数，无法按越低越好计分`;
        if (def.missing === 'reweight') (weightApplied = 0), (missing = { rule: 'reweight', why: `${why}；${MISSING_NOTE.reweight}` });
        else if (def.missing === 'zero') missing = { rule: 'zero', why: `${why}；${MISSING_NOTE.zero}` };
        else {
          const avg = averages[d]!;
          score = (avg ?? 0) * f;
          missing = { rule: 'averageScore', why: `${why}；${avg === null ? MISSING_NOTE.averageNone : MISSING_NOTE.averageScore}` };
        }
      }
      total += score;
      const r = ratio[d]![i]!;
      items.push({
        key: def.key, label: def.label, unit: def.unit, value, benchmark: ref.benchmark === null ? null : r4(ref.benchmark), basis: ref.basis,
        ratio: Number.isNaN(r) ? null : r4(r), weight: def.weight, weightApplied: r4(weightApplied), score: r4(score),
        capped: capped[d]![i] === 1, missing,
      });
    }
    const { bonus, penalty } = adjustmentLines(unit, adjustments, year);
    for (const line of bonus) total += line.points;
    for (const line of penalty) total += line.points;
    return { unit, index: i, scores, indicators, items, bonus, penalty, total };
  });
}

/** Indicator values only (for T units, which are listed but not scored), rounded for output. */
export function indicatorsOnly(unit: EvalUnit, group: GroupMethod): Record<string, IndicatorValue> {
  const out: Record<string, IndicatorValue> = {};
  for (const def of group.indicators) {
    const v = evalFormula(formulaOf(def), unit.current, unit.landMu);
    out[def.key] = Number.isNaN(v)
      ? { label: def.label, unit: def.unit, value: null, why: indicatorWhy(def, unit) }
      : { label: def.label, unit: def.unit, value: r4(v) };
  }
  return out;
}
