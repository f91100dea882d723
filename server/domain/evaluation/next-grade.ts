/**
 * What it would take to reach the next grade up: the score gap, and for each metric that only
 * raises scores (a numerator of higher-is-better indicators, never a denominator) the increase of
 * that metric alone that closes the gap, with the current land area and with this year's
 * benchmarks and ranges held fixed. Item scores are linear in the metric up to their cap, so the
 * increase is found exactly by walking the caps in order.
 */
import { GRADE_ORDER, type Cutoffs } from './grade.ts';
import { fmt } from './format.ts';
import { operandIndex, operandOf } from './indicator-values.ts';
import type { Grading, GroupMethod, QuotaGrade } from './method.ts';
import type { NextGradeHint, ToNextGrade } from './result.ts';
import type { ScoredUnit } from './score.ts';
import { METRIC_INFO, METRIC_KEYS, type MetricKey } from './types.ts';

/** Metrics whose increase can only raise a unit's score under this group's indicators. */
export function raisingMetrics(group: GroupMethod): MetricKey[] {
  return METRIC_KEYS.filter((m) =>
    group.indicators.some((d) => d.numerator === m) &&
    group.indicators.every((d) => d.denominator !== m && (d.numerator !== m || d.polarity === 'higher')));
}

interface Segment {
  slope: number;
  /** Increase of the metric at which the item stops gaining (its cap, or the top of the range). */
  headroom: number;
  itemLabel: string;
  itemUnit: string;
  perUnit: number;
}

function segments(s: ScoredUnit, metric: MetricKey): Segment[] {
  const out: Segment[] = [];
  const { defs, formulas, values, refs, factor } = s.scores;
  const f = factor[s.index]!;
  for (let d = 0; d < defs.length; d++) {
    const def = defs[d]!;
    if (def.numerator !== metric || s.items[d]!.missing !== null) continue;
    const value = values[d]![s.index]!;
    const ref = refs[d]![s.index]!;
    const den = operandOf(formulas[d]!.den, s.unit.current, s.unit.landMu);
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
    if (slope > 0 && headroom > 0) out.push({ slope, headroom, itemLabel: def.label, itemUnit: def.unit, perUnit });
  }
  if (out.length > 1) out.sort((a, b) => a.headroom - b.headroom);
  return out;
}

/** Smallest increase giving `gap` more points, or null if the items cap out first. */
function increaseFor(segs: readonly Segment[], gap: number): number | null {
  let slope = segs.reduce((sum, g) => sum + g.slope, 0);
  let at = 0;
  let gained = 0;
  for (const seg of segs) {
    const span = seg.headroom - at;
    if (gained + slope * span >= gap) return at + (gap - gained) / slope;
    gained += slope * span;
    at = seg.headroom;
    slope -= seg.slope;
  }
  return null;
}

export function toNextGrade(
  s: ScoredUnit, group: GroupMethod, grade: QuotaGrade, veto: 'cannotBeAOrB' | 'straightToD' | null, grading: Grading, cutoffs: Cutoffs,
  metrics: readonly MetricKey[] = raisingMetrics(group),
): ToNextGrade | null {
  const index = GRADE_ORDER.indexOf(grade);
  if (index <= 0 || veto === 'straightToD') return null;
  const target = GRADE_ORDER[index - 1]!;
  if (veto === 'cannotBeAOrB' && (target === 'A' || target === 'B')) return null;
  let gap: number;
  if (grading.kind === 'quotas') {
    const cut = cutoffs[target];
    if (cut === null) return null;
    // Beat the last unit holding the target grade outright: a tie would go to the lower unit id.
    gap = cut.total - s.total + 2e-6;
  } else {
    gap = grading.minScore[target as 'A' | 'B' | 'C'] - s.total;
  }
  gap = Math.max(gap, 1e-6);

  const byMetric: NextGradeHint[] = [];
  const hints: string[] = [];
  for (const metric of metrics) {
    if (Number.isNaN(s.unit.current[operandIndex(metric)]!)) continue;
    const segs = segments(s, metric);
    const delta = increaseFor(segs, gap);
    if (delta === null) continue;
    const { label, unit } = METRIC_INFO[metric];
    const increase = Math.ceil((delta - 1e-9) * 10) / 10 || 0.1;
    byMetric.push({ metric, label, increase, unit });
    let effects = '';
    for (const g of segs) effects += `${effects === '' ? '' : '，'}${g.itemLabel} +${fmt(increase * g.perUnit)} ${g.itemUnit}`;
    hints.push(`按现有用地面积，${label}增加 ${fmt(increase)} ${unit}即可（${effects}）`);
  }
  if (byMetric.length === 0) return null;
  return { grade: target, scoreGap: Math.ceil(gap * 100 - 1e-6) / 100 || 0.01, hints, byMetric };
}
