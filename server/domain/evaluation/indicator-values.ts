/**
 * Value of one indicator for one unit: numerator / denominator × multiplier, or why it is missing.
 * The number and the reason are separate functions: the engine asks for the number of every
 * indicator of every unit (hot, allocation-free) and for the reason only when it is missing.
 */
import { METRIC_COUNT, metricWhy, type EvalUnit } from './build-units.ts';
import type { IndicatorDef, Operand } from './method.ts';
import { METRIC_INFO, METRIC_KEYS } from './types.ts';

/** An indicator's operands as indexes into a `MetricArray` (−1: land in 亩). */
export interface Formula {
  num: number;
  den: number;
  multiplier: number;
}

const LAND = -1;

export function operandIndex(op: Operand): number {
  return op === 'land_mu' ? LAND : METRIC_KEYS.indexOf(op);
}

export function formulaOf(def: IndicatorDef): Formula {
  return { num: operandIndex(def.numerator), den: operandIndex(def.denominator), multiplier: def.multiplier };
}

/**
 * The figures of a list of units side by side, so that loops over 100k units read memory in order:
 * metric k of unit i at `[i × METRIC_KEYS.length + k]` (NaN when not reported), its land at `landMu[i]`.
 */
export interface MetricColumns {
  current: Float64Array;
  previous: Float64Array;
  landMu: Float64Array;
}

export function metricColumns(units: readonly EvalUnit[]): MetricColumns {
  const n = units.length;
  const cols: MetricColumns = { current: new Float64Array(n * METRIC_COUNT), previous: new Float64Array(n * METRIC_COUNT), landMu: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const { metrics, row, landMu } = units[i]!;
    for (let k = 0; k < METRIC_COUNT; k++) {
      cols.current[i * METRIC_COUNT + k] = metrics[row + k]!;
      cols.previous[i * METRIC_COUNT + k] = metrics[row + METRIC_COUNT + k]!;
    }
    cols.landMu[i] = landMu;
  }
  return cols;
}

/** An operand of unit i in `metricColumns` form (`metrics` is `current` or `previous`). */
export function columnOperand(index: number, metrics: Float64Array, landMu: Float64Array, i: number): number {
  return index === LAND ? landMu[i]! : metrics[i * METRIC_COUNT + index]!;
}

/** Why the indicator has no current value for unit i of `cols`, in Chinese. */
export function indicatorWhy(def: IndicatorDef, unit: EvalUnit, cols: MetricColumns, i: number): string {
  for (const op of [def.numerator, def.denominator]) {
    if (op !== 'land_mu' && Number.isNaN(cols.current[i * METRIC_COUNT + operandIndex(op)]!)) return metricWhy(unit, 'current', op);
  }
  const den = columnOperand(operandIndex(def.denominator), cols.current, cols.landMu, i);
  return `${def.denominator === 'land_mu' ? '用地面积' : METRIC_INFO[def.denominator].label}为 ${den}，无法计算${def.label}`;
}
