/**
 * A method document (评价办法): a versioned JSON file in `data/methods/`, checked by
 * `validateMethod`, which fills the defaults below. Everything a county varies lives here; the
 * engine hard-codes no weight, benchmark or quota.
 */
import { METRIC_KEYS, REGION_LEVELS } from './types.ts';

// The closed sets below are listed once, as values: the validator checks documents against them and
// a test holds data/methods/method.schema.json's enums equal to them.

/** Operands of an indicator formula: the metrics of the evaluation year, and the land used in 亩. */
export const OPERANDS = [...METRIC_KEYS, 'land_mu'] as const;
export type Operand = (typeof OPERANDS)[number];

/**
 * Units compared with each other (benchmark means, best performer, min–max range, quota pools):
 * the whole ranking group, the same 4-digit industry, or the same region at one level.
 */
export const POOLS = ['all', 'industry', ...REGION_LEVELS] as const;
export type Pool = (typeof POOLS)[number];

export const POLARITIES = ['higher', 'lower'] as const;
export const BENCHMARK_KINDS = ['fixed', 'mean', 'best'] as const;
export const BENCHMARK_YEARS = ['previous', 'current'] as const;
export const MEAN_AVERAGES = ['ratioOfSums', 'meanOfRatios'] as const;
export const SCORING_KINDS = ['ratio', 'minMax'] as const;
export const MISSING_RULES = ['averageScore', 'zero', 'reweight'] as const;
export const VETO_EFFECTS = ['cannotBeAOrB', 'straightToD'] as const;
export const GRADING_KINDS = ['quotas', 'thresholds'] as const;
export const QUOTA_GRADES = ['A', 'B', 'C', 'D'] as const;
export const QUOTA_ROUNDINGS = ['cumulativeNearest'] as const;

export type Benchmark =
  /** A published figure, e.g. Huangyan 2022's 24.097 万元/亩. */
  | { kind: 'fixed'; value: number }
  /**
   * `factor` × the pool's average of the indicator, over the ranked units of the same group, in the
   * previous or current year. `ratioOfSums` (default) is the regional figure Σ numerator / Σ
   * denominator (亩均税收 of the county = its tax / its land); `meanOfRatios` averages firms' values.
   */
  | { kind: 'mean'; year: (typeof BENCHMARK_YEARS)[number]; factor: number; within: Pool; average: (typeof MEAN_AVERAGES)[number] }
  /** The best value in the pool (max, or min for lower-is-better). */
  | { kind: 'best'; year: (typeof BENCHMARK_YEARS)[number]; within: Pool };

export type Scoring =
  /** item = weight × min(value / benchmark, cap) (lower-is-better: benchmark / value); no cap when null. */
  | { kind: 'ratio'; benchmark: Benchmark; cap: number | null }
  /** Jingde: item = weight × (floorPct + (100 − floorPct) × (x − min)/(max − min)) / 100, over the pool. */
  | { kind: 'minMax'; floorPct: number; within: Pool };

/**
 * A unit without the indicator: the average item score of the units of its group that have it
 * (Huangyan's rule for emissions); zero; or the item left out and the others scaled up to the full weight.
 */
export type MissingRule = (typeof MISSING_RULES)[number];

export interface IndicatorDef {
  /** Stable key, e.g. 'tax_per_mu'. */
  key: string;
  label: string;
  /** Unit of the value, e.g. '万元/亩'. */
  unit: string;
  /** value = numerator / denominator × multiplier. */
  numerator: Operand;
  denominator: Operand;
  multiplier: number;
  /** 'higher' is better for all standard indicators (energy is already oriented 增加值 per tce). */
  polarity: (typeof POLARITIES)[number];
  weight: number;
  scoring: Scoring;
  missing: MissingRule;
  note?: string;
}

export interface GroupMethod {
  indicators: IndicatorDef[];
}

/** Points added (bonus, > 0) or taken (penalty, < 0), once per unit when the condition holds. */
export interface Adjustment {
  label: string;
  /** A tag of the enterprise, or an event of this kind in the evaluation year. */
  when: { tag: string } | { eventKind: string };
  points: number;
}

/** 一票否决: an event of one of these kinds in the evaluation year. */
export interface Veto {
  eventKinds: string[];
  effect: (typeof VETO_EFFECTS)[number];
}

/** Who cannot be graded D. */
export interface Protections {
  /** In production fewer than this many years at `asOfDate`; null: no such protection. */
  newEnterpriseYears: number | null;
  /** e.g. ['小升规']. */
  tags: string[];
  majorConstruction: boolean;
}

export type QuotaGrade = (typeof QUOTA_GRADES)[number];

export type Grading =
  /**
   * Shares of the ranked list per pool, in percent, summing to 100. `cumulativeNearest`: the first
   * round(n × A%) ranks are A, ranks up to round(n × (A+B)%) are B, and so on (halves round up), so
   * the counts always add up to n and each is within 1 of its exact share.
   */
  | { kind: 'quotas'; within: Pool; sharesPct: Record<QuotaGrade, number>; rounding: (typeof QUOTA_ROUNDINGS)[number] }
  /** Score thresholds: A if total ≥ minScore.A, …, D below minScore.C. */
  | { kind: 'thresholds'; within: Pool; minScore: { A: number; B: number; C: number } };

export interface MethodSource {
  title: string;
  publisher: string;
  date?: string;
  url?: string;
  note?: string;
}

export interface Method {
  id: string;
  version: string;
  name: string;
  source: MethodSource;
  notes: string[];
  scope: {
    /** 规下 units are evaluated from this land area on (亩); default 3. */
    belowMinLandMu: number;
    /** Evaluate enterprises sharing a parcel as one merged unit (共享评价结果). */
    mergeSharedParcels: boolean;
    /** Who is listed as T (不定等级) instead of ranked. */
    classT: { utilities: boolean; productionYearsUnder: number | null; majorConstruction: boolean };
  };
  groups: { above: GroupMethod; below: GroupMethod };
  adjustments: Adjustment[];
  vetoes: Veto[];
  protections: Protections;
  /** Tags listed in the result for the exit-candidate step; they do not change grades. */
  exemptionTags: string[];
  grading: Grading;
}
