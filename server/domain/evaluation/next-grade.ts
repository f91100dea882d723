/**
 * What it would take to reach the next grade up: the score gap, and for each metric that only
 * raises scores (a numerator of higher-is-better indicators, never a denominator) the increase of
 * that metric alone that closes the gap, with the current land area and with this year's
 * benchmarks and ranges held fixed. Item scores are linear in the metric up to their cap, so the
 * increase is found exactly by walking the caps in order.
 */
import { GRADE_ORDER, type Cutoffs } from './grade.ts';
import { fmt } from './format.ts';
import { METRIC_COUNT } from './build-units.ts';
import { columnOperand, operandIndex } from './indicator-values.ts';
import type { Grading, GroupMethod, QuotaGrade } from './method.ts';
import type { NextGradeHint, ToNextGrade } from './result.ts';
import type { GroupScores } from './score.ts';
import { METRIC_INFO, METRIC_KEYS, type MetricKey } from './types.ts';

/** Metrics whose increase can only raise a unit's score under this group's indicators. */
export function raisingMetrics(group: GroupMethod): MetricKey[] {
  return METRIC_KEYS.filter((m) =>
    group.indicators.some((d) => d.numerator === m) &&
    group.indicators.every((d) => d.denominator !== m && (d.numerator !== m || d.polarity === 'higher')));
}

/**
 * Per metric of `raisingMetrics`, the items it is the numerator of and the fixed words of its hint;
 * the fixed words around each item's effect; and room for the segments of one unit.
 */
export interface NextGradePlan {
  metrics: { metric: MetricKey; index: number; label: string; unit: string; items: number[]; head: string; mid: string }[];
  /** By item: '亩均税收 +' first, '，亩均税收 +' after, then ' 万元/亩'. */
  effectFirst: string[];
  effectNext: string[];
  effectTail: string[];
  /** Scratch for the segments of one unit and metric, sorted by headroom. */
  slope: Float64Array;
  headroom: Float64Array;
  perUnit: Float64Array;
  item: Int32Array;
}

export function nextGradePlan(group: GroupMethod, metrics: readonly MetricKey[] = raisingMetrics(group)): NextGradePlan {
  const n = group.indicators.length;
  return {
    metrics: metrics.map((metric) => {
      const { label, unit } = METRIC_INFO[metric];
      const items = group.indicators.flatMap((d, i) => (d.numerator === metric ? [i] : []));
      return { metric, index: operandIndex(metric), label, unit, items, head: `按现有用地面积，${label}增加 `, mid: ` ${unit}即可（` };
    }),
    effectFirst: group.indicators.map((d) => `${d.label} +`),
    effectNext: group.indicators.map((d) => `，${d.label} +`),
    effectTail: group.indicators.map((d) => ` ${d.unit}`),
    slope: new Float64Array(n), headroom: new Float64Array(n), perUnit: new Float64Array(n), item: new Int32Array(n),
  };
}

/**
 * The linear pieces of unit i's score in `items` as the metric grows, sorted by headroom (the
 * increase at which an item stops gaining: its cap, or the top of the range); returns how many.
 */
function segments(g: GroupScores, i: number, items: readonly number[], plan: NextGradePlan): number {
  const f = g.factor[i]!;
  let count = 0;
  for (const d of items) {
    if (Number.isNaN(g.raw[d]![i]!)) continue;
    const def = g.defs[d]!;
    const value = g.values[d]![i]!;
    const ref = g.refs[d]![g.refPool[d]![i]!]!;
    const den = columnOperand(g.formulas[d]!.den, g.cols.current, g.cols.landMu, i);
    if (Number.isNaN(value) || !(den > 0)) continue;
    const perUnit = def.multiplier / den;
    const sc = def.scoring;
    let slope = 0;
    let headroom = Infinity;
    if (sc.kind === 'ratio' && ref.benchmark !== null) {
      slope = (f * def.weight * perUnit) / ref.benchmark;
      if (sc.cap !== null) headroom = (sc.cap * ref.benchmark - value) / perUnit;
    } else if (sc.kind === 'minMax' && ref.range !== null && ref.range.max > ref.range.min) {
      slope = (f * def.weight * (100 - sc.floorPct) * perUnit) / 100 / (ref.range.max - ref.range.min);
      headroom = (ref.range.max - value) / perUnit;
    }
    if (!(slope > 0 && headroom > 0)) continue;
    // Insertion keeps equal headrooms in item order, as a stable sort would.
    let at = count++;
    while (at > 0 && plan.headroom[at - 1]! > headroom) {
      plan.slope[at] = plan.slope[at - 1]!;
      plan.headroom[at] = plan.headroom[at - 1]!;
      plan.perUnit[at] = plan.perUnit[at - 1]!;
      plan.item[at] = plan.item[at - 1]!;
      at--;
    }
    plan.slope[at] = slope;
    plan.headroom[at] = headroom;
    plan.perUnit[at] = perUnit;
    plan.item[at] = d;
  }
  return count;
}

/** Smallest increase giving `gap` more points along the first `count` segments, or null if the items cap out first. */
function increaseFor(plan: NextGradePlan, count: number, gap: number): number | null {
  let slope = 0;
  for (let k = 0; k < count; k++) slope += plan.slope[k]!;
  let at = 0;
  let gained = 0;
  for (let k = 0; k < count; k++) {
    const span = plan.headroom[k]! - at;
    if (gained + slope * span >= gap) return at + (gap - gained) / slope;
    gained += slope * span;
    at = plan.headroom[k]!;
    slope -= plan.slope[k]!;
  }
  return null;
}

/** What it takes unit i of a scored group to reach the grade above `grade`; null when nothing can. */
export function toNextGrade(
  g: GroupScores, i: number, plan: NextGradePlan, grade: QuotaGrade, veto: 'cannotBeAOrB' | 'straightToD' | null, grading: Grading,
  cutoffs: Cutoffs,
): ToNextGrade | null {
  const index = GRADE_ORDER.indexOf(grade);
  if (index <= 0 || veto === 'straightToD') return null;
  const target = GRADE_ORDER[index - 1]!;
  if (veto === 'cannotBeAOrB' && (target === 'A' || target === 'B')) return null;
  const total = g.totals[i]!;
  let gap: number;
  if (grading.kind === 'quotas') {
    const cut = cutoffs[target];
    if (cut === null) return null;
    // Beat the last unit holding the target grade outright: a tie would go to the lower unit id. The
    // margin grows with the scores (uncapped ratios can reach 10^12 points, where a double's step
    // is far above 2e-6), so the increase still clears the cut-off once recomputed.
    gap = cut.total - total + 2e-6 + Math.abs(cut.total) * 1e-13;
  } else {
    gap = grading.minScore[target as 'A' | 'B' | 'C'] - total;
  }
  gap = Math.max(gap, 1e-6);

  const current = g.cols.current;
  let byMetric: NextGradeHint[] | null = null;
  let hints: string[] | null = null;
  for (const m of plan.metrics) {
    if (Number.isNaN(current[i * METRIC_COUNT + m.index]!)) continue;
    const count = segments(g, i, m.items, plan);
    const delta = increaseFor(plan, count, gap);
    if (delta === null) continue;
    const increase = Math.ceil((delta - 1e-9) * 10) / 10 || 0.1;
    const parts = [m.head, fmt(increase), m.mid];
    for (let k = 0; k < count; k++) {
      const d = plan.item[k]!;
      parts.push(k === 0 ? plan.effectFirst[d]! : plan.effectNext[d]!, fmt(increase * plan.perUnit[k]!), plan.effectTail[d]!);
    }
    parts.push('）');
    (byMetric ??= []).push({ metric: m.metric, label: m.label, increase, unit: m.unit });
    (hints ??= []).push(parts.join(''));
  }
  if (byMetric === null || hints === null) return null;
  // Exact-length copies: a grown array keeps room for 16 more.
  return { grade: target, scoreGap: Math.ceil(gap * 100 - 1e-6) / 100 || 0.01, hints: hints.slice(), byMetric: byMetric.slice() };
}
