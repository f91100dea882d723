/**
 * Evaluation shapes of the Mujun HTTP API (亩均效益综合评价): runs, per-unit results with their
 * reasons, an enterprise's grade history and the difference between two runs.
 * A unit is an enterprise (its 统一社会信用代码) or a multi-tenant parcel evaluated as one
 * (`parcel:<不动产单元代码>`).
 */

/** A 优先发展, B 鼓励提升, C 调控帮扶, D 倒逼整治, T 不定等级 (listed, not ranked). */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'T';
export type RankedGrade = Exclude<Grade, 'T'>;

/** 规上 (above designated size) or 规下; ranked separately. */
export type EvaluationGroup = 'above' | 'below';

export type MissingRule = 'averageScore' | 'zero' | 'reweight';

/** One scored indicator of a unit, e.g. 亩均税收. */
export interface EvaluationItem {
  key: string;
  label: string;
  unit: string;
  /** null when it could not be computed (see `missing`). */
  value: number | null;
  /** The figure the value is compared with; null for min–max scoring. */
  benchmark: number | null;
  /** How the benchmark was obtained, e.g. '西永高新区上年总体水平'. */
  basis: string;
  /** value / benchmark (benchmark / value when lower is better); for min–max, the position in the range. */
  ratio: number | null;
  weight: number;
  /** Weight after the 'reweight' rule (0 for an excluded item). */
  weightApplied: number;
  score: number;
  capped: boolean;
  missing: { rule: MissingRule; why: string } | null;
}

/** A bonus (加分) or penalty (减分) line; penalty points are negative. */
export interface AdjustmentLine {
  label: string;
  points: number;
  because: string;
}

export interface NextGradeHint {
  metric: string;
  label: string;
  /** Increase of that metric alone, in `unit`. */
  increase: number;
  unit: string;
}

export interface ToNextGrade {
  grade: RankedGrade;
  /** Points missing to reach it. */
  scoreGap: number;
  hints: string[];
  byMetric: NextGradeHint[];
}

/** The latest run's result for an enterprise or a merged parcel, as the parcel detail carries it. */
export interface UnitEvaluation {
  runId: number;
  year: number;
  unitId: string;
  grade: Grade;
  /** Σ items + bonus − penalty; null for T. */
  total: number | null;
  rank: number | null;
  rankOf: number | null;
  /** For a tenant of a merged parcel: the merged unit whose grade it shares. */
  sharedResultFrom: string | null;
  /** Credit codes of the unit's enterprises. */
  members: string[];
  /** Chinese sentences from the server explaining the grade. */
  reasons: string[];
  items: EvaluationItem[];
  bonus: AdjustmentLine[];
  penalty: AdjustmentLine[];
  toNextGrade: ToNextGrade | null;
  /** Tags that keep the unit off the low-efficiency list (they do not change the grade). */
  exemptions: string[];
}

export interface GradeHistoryEntry {
  runId: number;
  year: number;
  methodId: string;
  methodVersion: string;
  createdAt: string;
  unitId: string;
  kind: UnitKind;
  grade: Grade;
  total: number | null;
  rank: number | null;
  rankOf: number | null;
  sharedResultFrom: string | null;
  reasons: string[];
}

export interface EnterpriseEvaluations {
  uscc: string;
  name: string;
  /** Oldest first. */
  history: GradeHistoryEntry[];
}

export type GradeCounts = Record<Grade, number>;

export interface EvaluationRun {
  id: number;
  methodId: string;
  methodVersion: string;
  methodName: string;
  year: number;
  asOfDate: string;
  dataVersion: string;
  createdAt: string;
  summary: {
    byGrade: Record<EvaluationGroup, GradeCounts>;
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

export interface EvaluationRuns {
  /** Newest first. */
  runs: EvaluationRun[];
}

export type UnitKind = 'enterprise' | 'mergedParcel';

/** One row of a run's result list. */
export interface UnitResult {
  unitId: string;
  kind: UnitKind;
  members: string[];
  name: string;
  group: EvaluationGroup;
  pool: string;
  /** GB/T 4754 code, e.g. 'C3670'. */
  industryCode: string;
  grade: Grade;
  /** Grade from the ranked list before protections and vetoes. */
  baseGrade: RankedGrade | null;
  total: number | null;
  rank: number | null;
  rankOf: number | null;
  landAreaMu: number;
  sharedResultFrom: string | null;
  regionCodes: string[];
  reasons: string[];
  items: EvaluationItem[];
  toNextGrade: ToNextGrade | null;
}

export interface RunResultsPage {
  runId: number;
  total: number;
  page: number;
  pageSize: number;
  results: UnitResult[];
}

/** Filters of a run's result list; null or empty means "any". */
export interface ResultsQuery {
  grades: Grade[];
  group: EvaluationGroup | null;
  /** Region code at any level, e.g. a 片区 or 组团. */
  region: string | null;
  /** Prefix of the industry code, e.g. 'C36'. */
  industry: string | null;
  /** Name substring or 统一社会信用代码. */
  q: string | null;
  /** The unit's 亩均税收 between these bounds, 万元/亩 (inclusive; null = open). */
  taxPerMuMinWan?: number | null;
  taxPerMuMaxWan?: number | null;
  /** Land-status flag codes: units on a parcel flagged with any of them in the run's year. */
  flags?: readonly string[];
  page: number;
  pageSize: number;
}

export type ExportFormat = 'csv' | 'xlsx';

export interface GradeChange {
  unitId: string;
  name: string;
  from: Grade | null;
  to: Grade | null;
  direction: 'up' | 'down' | 'new' | 'gone' | 'toT' | 'fromT';
  totalFrom: number | null;
  totalTo: number | null;
  reasons: string[];
}

export interface RunDiff {
  from: EvaluationRun;
  to: EvaluationRun;
  changed: GradeChange[];
  counts: { up: number; down: number; new: number; gone: number; toT: number; fromT: number; unchanged: number };
}

/** A parcel whose grade on the map differs between two runs (the `evaluation_parcel` table). */
export interface ParcelGradeChange {
  id: number;
  /** 不动产单元代码 */
  code: string;
  from: Grade | null;
  to: Grade | null;
  direction: GradeChange['direction'];
  /** The unit whose grade the parcel shows (in the later run, else the earlier). */
  unitId: string;
}

export interface ParcelGradeChanges {
  from: EvaluationRun;
  to: EvaluationRun;
  counts: Record<GradeChange['direction'], number>;
  parcels: ParcelGradeChange[];
}

/** The filters of a result list without paging: what the results panel, the map and the URL share. */
export type ResultsFilter = Omit<ResultsQuery, 'page' | 'pageSize'>;

/** Region figures a choropleth can show, all per 亩 or per unit of input, as the server names them. */
export type RegionFigureKey =
  | 'taxPerMuWan'
  | 'vaPerMuWan'
  | 'revenuePerMuWan'
  | 'vaPerTceWan'
  | 'vaPerEmissionWan'
  | 'productivityWanPerPerson'
  | 'rdRatioPct';

/** Levels the aggregates are given for: 片区, 组团, 镇街. */
export type AggregateLevel = 'zone' | 'cluster' | 'town';

export interface RegionTarget {
  key: string;
  label: string;
  actual: number | null;
  target: number;
  unit: string;
  met: boolean | null;
}

/** One region's evaluation aggregates in a run (GET /api/evaluations/:runId/aggregates?by=region). */
export interface RegionAggregate {
  code: string;
  name: string;
  level: AggregateLevel;
  /** Evaluated units whose main parcel is in the region. */
  units: number;
  byGrade: GradeCounts;
  gradedAreaMu: number;
  classTAreaMu: number;
  industrialAreaMu: number;
  /** Evaluated land ÷ industrial land, %; null when the region has no industrial land. */
  coveragePct: number | null;
  /** The evaluated land is under the 70 % the policy asks for. */
  coverageBelowMin: boolean;
  current: { totals: Record<string, number>; figures: Record<RegionFigureKey, number | null> };
  previous: { totals: Record<string, number>; figures: Record<RegionFigureKey, number | null> } | null;
  targets: RegionTarget[];
  rank: number | null;
  rankOf: number | null;
}

export interface RegionAggregates {
  runId: number;
  year: number;
  level: AggregateLevel;
  rankBy: string;
  regions: RegionAggregate[];
}
