/**
 * Item scores and totals of one ranking group. Ratio scoring: weight × min(value / benchmark, cap);
 * min–max: weight × (floor + (100 − floor) × position) / 100. Then the missing-data rule of each
 * item, then bonus and penalty points. Summation follows the method's indicator order, and units
 * arrive in credit-code order, so totals are bit-for-bit reproducible.
 */
import type { EvalUnit } from './build-units.ts';
import { referencesFor, type Reference } from './benchmarks.ts';
import { computeIndicator } from './indicator-values.ts';
import type { Adjustment, GroupMethod, IndicatorDef } from './method.ts';
import type { AdjustmentLine, IndicatorValue, ItemResult } from './result.ts';

export interface ScoredUnit {
  unit: EvalUnit;
  indicators: Record<string, IndicatorValue>;
  items: ItemResult[];
  /** Reference used for each item (same order as `items`), kept for the next-grade hints. */
  refs: Reference[];
  /** Scale of the present items under the 'reweight' rule (1 when nothing is excluded). */
  factor: number;
  bonus: AdjustmentLine[];
  penalty: AdjustmentLine[];
  total: number;
}

interface Raw {
  value: number | null;
  why: string | null;
  ratio: number | null;
  base: number | null;
  capped: boolean;
}

function rawItem(def: IndicatorDef, value: number | null, valueWhy: string | null, ref: Reference): Raw {
  const missing = (why: string): Raw => ({ value, why, ratio: null, base: null, capped: false });
  if (value === null) return missing(valueWhy ?? '数据缺失');
  if (ref.why !== null) return missing(ref.why);
  const s = def.scoring;
  if (s.kind === 'minMax') {
    const { min, max } = ref.range!;
    const pos = max === min ? 1 : Math.min(1, Math.max(0, (def.polarity === 'higher' ? value - min : max - value) / (max - min)));
    return { value, why: null, ratio: pos, base: (def.weight * (s.floorPct + (100 - s.floorPct) * pos)) / 100, capped: false };
  }
  if (def.polarity === 'lower' && !(value > 0)) return missing(`${def.label}不为正数，无法按越低越好计分`);
  const ratio = def.polarity === 'higher' ? value / ref.benchmark! : ref.benchmark! / value;
  const capped = s.cap !== null && ratio > s.cap;
  return { value, why: null, ratio, base: def.weight * (capped ? s.cap! : ratio), capped };
}

function adjustmentLines(unit: EvalUnit, rules: readonly Adjustment[], year: number): { bonus: AdjustmentLine[]; penalty: AdjustmentLine[] } {
  const bonus: AdjustmentLine[] = [];
  const penalty: AdjustmentLine[] = [];
  for (const rule of rules) {
    let because: string | null = null;
    if ('tag' in rule.when) {
      const tag = rule.when.tag;
      const holders = unit.members.filter((e) => e.tags.includes(tag));
      if (holders.length > 0) because = unit.members.length > 1 ? `${holders.map((e) => e.name).join('、')}为${tag}` : `企业标签：${tag}`;
    } else {
      const kind = rule.when.eventKind;
      const events = unit.events.filter((ev) => ev.kind === kind);
      if (events.length > 0) because = `${year} 年${kind}（${[...new Set(events.map((ev) => ev.name))].join('、')}）`;
    }
    if (because !== null) (rule.points > 0 ? bonus : penalty).push({ label: rule.label, points: rule.points, because });
  }
  return { bonus, penalty };
}

/**
 * Scores the ranked units of one group, plus `extra` units of the same group (tenants' own results)
 * against the same references and averages. Returns results in the order given (ranked, then extra).
 */
export function scoreGroup(
  ranked: readonly EvalUnit[], extra: readonly EvalUnit[], group: GroupMethod, adjustments: readonly Adjustment[], year: number,
): ScoredUnit[] {
  const defs = group.indicators;
  const all = [...ranked, ...extra];
  const computed = defs.map((def) => all.map((u) => computeIndicator(def, u.current, u.landMu)));
  const refOf = defs.map((def, d) => referencesFor(def, ranked, computed[d]!.slice(0, ranked.length).map((c) => c.value)));
  const raws = defs.map((def, d) => all.map((u, i) => {
    const c = computed[d]![i]!;
    return rawItem(def, c.value, c.why, refOf[d]!(u));
  }));
  const averages = defs.map((_, d) => {
    let sum = 0;
    let n = 0;
    for (let i = 0; i < ranked.length; i++) {
      const base = raws[d]![i]!.base;
      if (base !== null) (sum += base), (n += 1);
    }
    return n > 0 ? sum / n : null;
  });
  const totalWeight = defs.reduce((s, def) => s + def.weight, 0);

  return all.map((unit, i) => {
    const present = defs.reduce((s, def, d) => s + (raws[d]![i]!.base === null && def.missing === 'reweight' ? 0 : def.weight), 0);
    const factor = present > 0 ? totalWeight / present : 0;
    const indicators: Record<string, IndicatorValue> = {};
    const refs: Reference[] = [];
    const items = defs.map((def, d): ItemResult => {
      const raw = raws[d]![i]!;
      const ref = refOf[d]!(unit);
      refs.push(ref);
      const c = computed[d]![i]!;
      indicators[def.key] = { label: def.label, unit: def.unit, value: c.value, ...(c.why !== null && { why: c.why }) };
      const item = {
        key: def.key, label: def.label, unit: def.unit, value: raw.value, benchmark: ref.benchmark, basis: ref.basis,
        ratio: raw.ratio, weight: def.weight, weightApplied: def.weight * factor, capped: raw.capped,
      };
      if (raw.base !== null) return { ...item, score: raw.base * factor, missing: null };
      if (def.missing === 'reweight') {
        return { ...item, weightApplied: 0, score: 0, missing: { rule: 'reweight', why: `${raw.why}；该项不计，其余指标按权重折算` } };
      }
      if (def.missing === 'zero') return { ...item, score: 0, missing: { rule: 'zero', why: `${raw.why}；该项计 0 分` } };
      const avg = averages[d]!;
      return {
        ...item,
        score: (avg ?? 0) * factor,
        missing: { rule: 'averageScore', why: avg === null ? `${raw.why}；同组无企业有此项，计 0 分` : `${raw.why}；按同组有此项企业的平均得分计` },
      };
    });
    const { bonus, penalty } = adjustmentLines(unit, adjustments, year);
    const points = [...bonus, ...penalty].reduce((s, l) => s + l.points, 0);
    const total = items.reduce((s, it) => s + it.score, 0) + points;
    return { unit, indicators, items, refs, factor, bonus, penalty, total };
  });
}

/** Indicator values only (for T units, which are listed but not scored). */
export function indicatorsOnly(unit: EvalUnit, group: GroupMethod): Record<string, IndicatorValue> {
  const out: Record<string, IndicatorValue> = {};
  for (const def of group.indicators) {
    const c = computeIndicator(def, unit.current, unit.landMu);
    out[def.key] = { label: def.label, unit: def.unit, value: c.value, ...(c.why !== null && { why: c.why }) };
  }
  return out;
}
