/** Output of the engine: one result per evaluated unit, with the reasons a planner reads. */
import type { MissingRule, QuotaGrade } from './method.ts';
import type { MetricKey, Scale } from './types.ts';

export type Grade = QuotaGrade | 'T';

export interface ItemResult {
  key: string;
  label: string;
  unit: string;
  value: number | null;
  /** The figure the value is compared with (null for min–max scoring or when it cannot be computed). */
  benchmark: number | null;
  /** How the benchmark or range was obtained, e.g. '2 × 上年 区县 均值'. */
  basis: string;
  /** value / benchmark (or benchmark / value for lower-is-better); for min–max, the position in the range. */
  ratio: number | null;
  weight: number;
  /** Weight after the 'reweight' rule (0 for an excluded item). */
  weightApplied: number;
  score: number;
  capped: boolean;
  /** How the missing-data rule applied; null when the value was there. */
  missing: { rule: MissingRule; why: string } | null;
}

export interface AdjustmentLine {
  label: string;
  points: number;
  because: string;
}

export interface NextGradeHint {
  metric: MetricKey;
  label: string;
  /** Increase of that metric alone, in its unit, rounded up to 0.1. */
  increase: number;
  unit: string;
}

export interface ToNextGrade {
  grade: QuotaGrade;
  /** Points missing to reach it (rounded up to 0.01). */
  scoreGap: number;
  hints: string[];
  byMetric: NextGradeHint[];
}

export interface UnitResult {
  /** uscc, or `parcel:<code>` for a merged multi-tenant parcel. */
  unitId: string;
  kind: 'enterprise' | 'mergedParcel';
  /** Credit codes, sorted. */
  members: string[];
  /** Name of the enterprise, or of the merged parcel's members joined by '、'. */
  name: string;
  group: Scale;
  /** Quota/ranking pool within the group, e.g. '全部' or '3670'. */
  pool: string;
  industryCode: string;
  parcels: string[];
  landAreaM2: number;
  landAreaMu: number;
  items: ItemResult[];
  bonus: AdjustmentLine[];
  penalty: AdjustmentLine[];
  /** Σ items + bonus − penalty; null for T units. */
  total: number | null;
  rank: number | null;
  rankOf: number | null;
  /** Grade from the ranked list (quota or threshold) before protections and vetoes; null when not ranked. */
  baseGrade: QuotaGrade | null;
  grade: Grade;
  /** Tags that keep the unit off the low-efficiency rectification list (they do not change the grade). */
  exemptions: string[];
  /** For a tenant of a merged parcel: the merged unit whose grade it shares; its own figures are kept here. */
  sharedResultFrom: string | null;
  reasons: string[];
  toNextGrade: ToNextGrade | null;
}

export interface OutOfScope {
  uscc: string;
  name: string;
  group: Scale;
  landAreaMu: number;
  why: string;
}

export type GradeCounts = Record<Grade, number>;

export interface EvaluationResult {
  methodId: string;
  methodVersion: string;
  year: number;
  asOfDate: string;
  /** Ranked units by group, pool and rank; then tenants' own results; then T units. */
  units: UnitResult[];
  outOfScope: OutOfScope[];
  summary: {
    /** Final grades of ranked and T units (tenants' own results are not counted twice). */
    byGrade: Record<Scale, GradeCounts>;
    counts: {
      enterprises: number;
      ranked: number;
      mergedParcels: number;
      classT: number;
      sharedTenantResults: number;
      outOfScope: number;
    };
  };
}
