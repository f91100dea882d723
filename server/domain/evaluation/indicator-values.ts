/**
 * Value of one indicator for one unit: numerator / denominator × multiplier, or why it is missing.
 * The number and the reason are separate functions: the engine asks for the number of every
 * indicator of every unit (hot, allocation-free) and for the reason only when it is missing.
 */
import { metricWhy, type EvalUnit, type MetricArray } from './build-units.ts';
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

/** An operand's value, NaN when not reported. */
export function operandOf(index: number, values: MetricArray, landMu: number): number {
  return index === LAND ? landMu : values[index]!;
}

/** The indicator's value; NaN when a figure is missing or the denominator is not positive. */
export function evalFormula(f: Formula, values: MetricArray, landMu: number): number {
  const num = operandOf(f.num, values, landMu);
  const den = operandOf(f.den, values, landMu);
  return den > 0 ? (num / den) * f.multiplier : NaN;
}

/** Why the indicator has no current value, in Chinese. */
export function indicatorWhy(def: IndicatorDef, unit: EvalUnit): string {
  for (const op of [def.numerator, def.denominator]) {
    if (op !== 'land_mu' && Number.isNaN(unit.current[operandIndex(op)]!)) return metricWhy(unit, 'current', op);
  }
  const den = operandOf(operandIndex(def.denominator), unit.current, unit.landMu);
  return `${def.denominator === 'land_mu' ? '用地面积' : METRIC_INFO[def.denominator].label}为 ${den}，无法计算${def.label}`;
}
