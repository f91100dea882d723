/** The generator's in-memory records for one cluster, before they are written out. */
import type { Day } from './dates.ts';
import type { Ring } from './geometry.ts';

export type LandUse = '0601' | '0602' | '0604';
export type DevStatus = '未供' | '未开工' | '在建' | '停建' | '已竣工' | '已投产';
export type SupplyMethod = '出让' | '划拨' | '租赁';
export type Scale = '规上' | '规下';

/**
 * What happened on a parcel, from which its dates and status follow. `idleLate` is more than one
 * but less than two years past its agreed start date at the end of 2025, `idleVeryLate` more than
 * two (the threshold for recovery without compensation).
 */
export type LandStory =
  | 'unsupplied'
  | 'approvedUnsupplied'
  | 'idleLate'
  | 'idleVeryLate'
  | 'notStarted'
  | 'building'
  | 'halted'
  | 'builtIdle'
  | 'producing';

export interface StandardLandTerms {
  investmentPerMu: number;
  farMin: number;
  farMax: number;
  taxPerMu: number;
  valueAddedPerTce: number;
  rdPercent: number;
  fullProduction: Day;
}

export interface Building {
  name: string;
  floorM2: number;
  floors: number;
  vacantM2: number;
}

export interface ParcelRecord {
  code: string;
  polygons: Ring[][];
  areaM2: number;
  landUse: LandUse;
  story: LandStory;
  status: DevStatus;
  approved: Day | null;
  supplied: Day | null;
  agreedStart: Day | null;
  actualStart: Day | null;
  completed: Day | null;
  halted: Day | null;
  /** When a plant on the parcel went into production (producing parcels only). */
  production: Day | null;
  supplyMethod: SupplyMethod | null;
  priceWan: number | null;
  /** Planned fixed investment, 万元, land price excluded. */
  plannedInvestmentWan: number;
  developedM2: number | null;
  investedWan: number | null;
  standard: StandardLandTerms | null;
  buildings: Building[];
  holder: Enterprise | null;
  multiTenant: boolean;
  /** Owned by the zone's development platform (standard factories for rent). */
  platform: boolean;
}

export type EnterpriseRole = 'owner' | 'tenant' | 'platform';

export interface Enterprise {
  code: string;
  name: string;
  industry: string;
  role: EnterpriseRole;
  scale: Scale;
  tags: string[];
  utility: boolean;
  production: Day | null;
  majorProject: boolean;
  /** Sum of land used (own and rented), m². */
  landM2: number;
  /** Flags that shape the metrics: persistently poor performers and shrinking firms. */
  lowEfficiency: boolean;
  declining: boolean;
  /** Size score used to rank 规上 against 规下 within a cluster. */
  score: number;
}

export interface Occupancy {
  enterprise: Enterprise;
  parcel: ParcelRecord;
  role: '自有' | '租赁';
  areaM2: number;
}

/** One year of an enterprise's metrics; null is "not reported". */
export interface YearMetrics {
  year: number;
  revenue: number | null;
  valueAdded: number | null;
  energyTce: number | null;
  rd: number | null;
  employees: number | null;
  tax: number | null;
  electricity: number | null;
  emission: number | null;
}
