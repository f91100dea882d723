/**
 * Land status and candidate shapes of the Mujun HTTP API (闲置土地、低效用地、“五未”土地、标准地履约；
 * 土地退出路径；连片开发): a parcel's status by year with the rules that raised each flag, exit
 * candidates and consolidation clusters. Areas in 亩, money in 万元, dates 'YYYY-MM-DD'.
 */

/** Status flags a parcel can carry in a year, and where it stands: the server's own types. */
import type { ClusterSort } from '../../server/db/queries/consolidation.ts';

export type { ClusterSort };
import type { FlagCode, Stage } from '../../server/domain/land-status/model.ts';

export type { FlagCode, Stage };

export interface RuleCitation {
  /** `id@version` of the rules document. */
  rules: string;
  paths: string[];
  /** The test as a planner reads it. */
  threshold: string;
  /** Policy texts the rule rests on. */
  sources: string[];
}

export interface StatusFlag {
  code: FlagCode;
  label: string;
  /** One sentence with the numbers. */
  reason: string;
  rule: RuleCitation;
  facts: Record<string, number | string | boolean | null>;
  consequence?: string;
}

export interface YearStatus {
  year: number;
  asOfDate: string;
  rules: { id: string; version: number; name: string | null };
  stage: Stage;
  stageLabel: string;
  /** The parcel's grade in the year's latest run. */
  grade: string | null;
  flags: StatusFlag[];
  measures: Record<string, number | null>;
  notes: string[];
  consolidationBasis: { code: string; label: string }[];
}

export type ExitPath = '依规回收' | '倒逼退出' | '引导退还' | '规范转让';

export interface ExitCandidate {
  id: number;
  year: number;
  path: ExitPath;
  /** `parcel:<不动产单元代码>` or `enterprise:<统一社会信用代码>`. */
  subject: string;
  subjectKind: 'parcel' | 'enterprise';
  unitCodes: string[];
  enterprises: { uscc: string; name: string; role: 'holder' | 'owner' | 'tenant'; tags: string[] }[];
  reasons: string[];
  flags: FlagCode[];
  affectedAreaMu: number;
  landReleasedMu: number;
  notes: string[];
  /** Listed apart (exempt or protected) rather than as a candidate. */
  keptOff: boolean;
  keptOffBecause: string[];
  regionCodes: string[];
}

export interface ClusterOwner {
  uscc: string;
  name: string;
  roles: ('holder' | 'owner' | 'tenant')[];
  unitCodes: string[];
  areaUsedMu: number;
  tags: string[];
  exemptTags: string[];
}

export interface ConsolidationCluster {
  id: number;
  year: number | null;
  key: string;
  unitCodes: string[];
  members: { unitCode: string; areaMu: number; taxWan: number | null; basis: string[] }[];
  parcelCount: number;
  areaMu: number;
  footprintAreaMu: number;
  currentTaxWan: number;
  parcelsWithoutTax: number;
  targetTaxPerMuWan: number;
  potentialTaxWan: number;
  upliftWan: number;
  basisCounts: Record<string, number>;
  owners: ClusterOwner[];
  regionCodes: string[];
  reasons: string[];
  notes: string[];
  /** [w, s, e, n] of the footprint. */
  bbox: [number, number, number, number];
}

/** GET /api/parcels/:code/status */
export interface ParcelStatusResponse {
  code: string;
  areaMu: number;
  dataVersion: string | null;
  computedAt: string | null;
  /** Oldest first. */
  years: YearStatus[];
  exit: ExitCandidate[];
  consolidation: ConsolidationCluster | null;
}

/** Which refresh a candidate list comes from. */
export interface CandidateProvenance {
  year: number | null;
  rules: { id: string; version: number; name: string } | null;
  dataVersion: string | null;
  computedAt: string | null;
}

export interface ExitPage extends CandidateProvenance {
  kind: 'exit';
  keptOff: boolean;
  total: number;
  page: number;
  pageSize: number;
  counts: { path: ExitPath; keptOff: boolean; count: number; landReleasedMu: number }[];
  candidates: ExitCandidate[];
}

export interface ConsolidationPage extends CandidateProvenance {
  kind: 'consolidation';
  total: number;
  page: number;
  pageSize: number;
  clusters: ConsolidationCluster[];
}

/** Filters of the candidate lists; null means "any". */
export interface CandidateQuery {
  region: string | null;
  minMu: number | null;
  maxMu: number | null;
  /** Exit only. */
  paths?: ExitPath[] | null;
  keptOff?: boolean;
  /** Consolidation only; area (largest first) when absent. */
  sort?: ClusterSort | null;
  page: number;
  pageSize: number;
}

/** Properties of a consolidation footprint (GET /api/candidates/consolidation.geojson); the feature id is the cluster id. */
export interface FootprintProperties {
  id: number;
  key: string;
  year: number | null;
  parcelCount: number;
  areaMu: number;
  footprintAreaMu: number;
  currentTaxWan: number;
  potentialTaxWan: number;
  upliftWan: number;
  unitCodes: string[];
  regionCodes: string[];
}

/** GET /api/land-rules: the rules documents and the last refresh of the derived tables. */
export interface LandRulesSummary {
  rules: { id: string; version: number; name: string; createdAt: string }[];
  active: { id: string; version: number; name: string };
  lastRefresh: { rules: string; dataVersion: string; years: number[]; computedAt: string; summary: unknown } | null;
}
