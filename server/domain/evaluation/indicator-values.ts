/** Value of one indicator for one unit: numerator / denominator × multiplier, or why it is missing. */
import type { UnitMetrics } from './build-units.ts';
import type { IndicatorDef, Operand } from './method.ts';
import { METRIC_INFO } from './types.ts';

export type Computed = { value: number; why: null } | { value: null; why: string };

function operand(op: Operand, metrics: UnitMetrics, landMu: number): Computed {
  if (op === 'land_mu') return { value: landMu, why: null };
  const v = metrics.values[op];
  return v === null ? { value: null, why: metrics.why[op] ?? `缺少${METRIC_INFO[op].label}数据` } : { value: v, why: null };
}

function operandLabel(op: Operand): string {
  return op === 'land_mu' ? '用地面积' : METRIC_INFO[op].label;
}

export function computeIndicator(def: IndicatorDef, metrics: UnitMetrics, landMu: number): Computed {
  const num = operand(def.numerator, metrics, landMu);
  if (num.value === null) return num;
  const den = operand(def.denominator, metrics, landMu);
  if (den.value === null) return den;
  if (!(den.value > 0)) return { value: null, why: `${operandLabel(def.denominator)}为 ${den.value}，无法计算${def.label}` };
  return { value: (num.value / den.value) * def.multiplier, why: null };
}

/** Numerator and denominator (denominator > 0), for regional figures Σ numerator / Σ denominator. */
export function indicatorParts(def: IndicatorDef, metrics: UnitMetrics, landMu: number): { num: number; den: number } | null {
  const num = operand(def.numerator, metrics, landMu).value;
  const den = operand(def.denominator, metrics, landMu).value;
  return num === null || den === null || !(den > 0) ? null : { num, den };
}

/** The denominator's value (for "what would it take" hints), or null. */
export function denominatorOf(def: IndicatorDef, metrics: UnitMetrics, landMu: number): number | null {
  return operand(def.denominator, metrics, landMu).value;
}
