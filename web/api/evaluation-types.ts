/**
 * Evaluation shapes of the Mujun HTTP API (亩均效益综合评价): runs, per-unit results with their
 * reasons, an enterprise's grade history and the difference between two runs.
 * A unit is an enterprise (its 统一社会信用代码) or a multi-tenant parcel evaluated as one
 * (`parcel:<不动产单元代码>`).
 *
 * What the server sends as it computes it is the server's own type, imported type-only (erased from
 * the bundle). Where a route reshapes it — picks fields, adds the run's or the region's — the type
 * here is derived from the server's, so a field renamed or retyped on the server is a type error here.
 */
import type { Figures, RankBy, RegionAggregate } from '../../server/domain/evaluation/aggregate.ts';
import type { RunDiff as EngineRunDiff, GradeChange } from '../../server/domain/evaluation/diff.ts';
import type { EvaluationResult, Grade, UnitResult as EngineUnitResult } from '../../server/domain/evaluation/result.ts';
import type { RegionLevel, Scale as EvaluationGroup } from '../../server/domain/evaluation/types.ts';

// Grade: A 优先发展, B 鼓励提升, C 调控帮扶, D 倒逼整治, T 不定等级 (listed, not ranked); RankedGrade: A–D.
// EvaluationGroup: 规上 (above designated size) or 规下, ranked separately. EvaluationItem: one scored
// indicator of a unit, e.g. 亩均税收. RegionTarget: a region's figure against its target.
export type { EvaluationGroup, Grade, GradeChange, RegionAggregate };
export type { MissingRule, QuotaGrade as RankedGrade } from '../../server/domain/evaluation/method.ts';
export type { AdjustmentLine, GradeCounts, ItemResult as EvaluationItem, NextGradeHint, ToNextGrade } from '../../server/domain/evaluation/result.ts';
export type { TargetCheck as RegionTarget } from '../../server/domain/evaluation/aggregate.ts';

export type UnitKind = EngineUnitResult['kind'];

/**
 * A stored run as the API lists it: the engine's header and summary, with the run's id, its method's
 * name, the data version it read and when it was stored (a timestamp as text).
 */
export type EvaluationRun = Pick<EvaluationResult, 'methodId' | 'methodVersion' | 'year' | 'asOfDate' | 'summary'> & {
  id: number;
  methodName: string;
  dataVersion: string;
  createdAt: string;
};

export interface EvaluationRuns {
  /** Newest first. */
  runs: EvaluationRun[];
}

/**
 * The latest run's result for an enterprise or a merged parcel, as the parcel detail carries it: the
 * unit's result without its land, pool and industry, labelled with the run.
 */
export type UnitEvaluation = Pick<
  EngineUnitResult,
  'unitId' | 'group' | 'grade' | 'total' | 'rank' | 'rankOf' | 'sharedResultFrom' | 'members' | 'reasons' | 'items' | 'bonus' | 'penalty' | 'toNextGrade' | 'exemptions'
> & { runId: number; year: number };

/** One run's result for an enterprise: the headline of the unit's result, labelled with the run. */
export type GradeHistoryEntry = Pick<EngineUnitResult, 'unitId' | 'kind' | 'grade' | 'total' | 'rank' | 'rankOf' | 'sharedResultFrom' | 'reasons'>
  & Pick<EvaluationRun, 'year' | 'methodId' | 'methodVersion' | 'createdAt'> & { runId: number };

export interface EnterpriseEvaluations {
  uscc: string;
  name: string;
  /** Oldest first. */
  history: GradeHistoryEntry[];
}

/**
 * One row of a run's result list: the unit's result without its parcels, land in m², adjustments and
 * exemptions (landAreaMu rounded to 0.01), with the codes of the regions it lies in.
 */
export type UnitResult = Pick<
  EngineUnitResult,
  | 'unitId' | 'kind' | 'members' | 'name' | 'group' | 'pool' | 'industryCode' | 'grade' | 'baseGrade' | 'total' | 'rank' | 'rankOf'
  | 'landAreaMu' | 'sharedResultFrom' | 'reasons' | 'items' | 'toNextGrade'
> & { regionCodes: string[] };

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

/** Who changed grade between two runs, with the two runs. */
export type RunDiff = EngineRunDiff & { from: EvaluationRun; to: EvaluationRun };

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
export type RegionFigureKey = keyof Figures;

/** Levels the map asks aggregates for: 片区, 组团, 镇街. */
export type AggregateLevel = Extract<RegionLevel, 'zone' | 'cluster' | 'town'>;

/** A run's aggregates for the regions of one level (GET /api/evaluations/:runId/aggregates?by=region). */
export interface RegionAggregates {
  runId: number;
  year: number;
  level: AggregateLevel;
  rankBy: RankBy;
  regions: RegionAggregate[];
}
