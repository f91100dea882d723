/**
 * What the land-status rules read about a parcel, and what they say about it. Areas in m² (shown in
 * 亩), money in 万元, energy in 吨标准煤 (tce), dates `YYYY-MM-DD`. `null` means "not known", never zero.
 */
import type { IsoDate } from './dates.ts';

export type DevStatus = '未供' | '未开工' | '在建' | '停建' | '已竣工' | '已投产';
export type SupplyMethod = '出让' | '划拨' | '租赁';

/** The parcel's supply record (供地记录), as registered. */
export interface SupplyFacts {
  approvalDate: IsoDate | null;
  supplyDate: IsoDate | null;
  supplyMethod: SupplyMethod | null;
  /** 约定开工日期 in the contract or allocation decision. */
  startDeadline: IsoDate | null;
  actualStartDate: IsoDate | null;
  completionDate: IsoDate | null;
  /** 投产日期 of the plant on this parcel, when known; otherwise `devStatus` says whether it produces. */
  productionDate?: IsoDate | null;
  /** 出让或划拨价款, 万元. */
  landPriceWan: number | null;
  /** Development status when the record was made; dates, when present, take precedence. */
  devStatus: DevStatus | null;
  developedAreaM2: number | null;
  /** 已投资额, 万元, land price and related taxes excluded. */
  investedWan: number | null;
  /** 总投资额 in the contract, 万元, land price excluded, when known. */
  plannedInvestmentWan?: number | null;
  haltedDate: IsoDate | null;
}

export interface BuildingFacts {
  name: string;
  floorAreaM2: number | null;
  vacantFloorAreaM2: number | null;
}

/** 标准地 control indicators written into the land contract. */
export interface StandardLandTerms {
  investmentWanPerMu: number | null;
  farMin: number | null;
  farMax: number | null;
  taxPerMuWan: number | null;
  vaPerTceWan: number | null;
  rdRatioPct: number | null;
  /** 达产日期: commitments are due on it. */
  targetDate: IsoDate | null;
}

/** An enterprise's own figures for the year, over all its land. */
export interface YearFigures {
  taxWan?: number | null;
  valueAddedWan?: number | null;
  energyTce?: number | null;
  rdWan?: number | null;
  revenueWan?: number | null;
  investmentWan?: number | null;
}

/** An enterprise using the parcel (一地一企, 一地多企), with the land it uses here and everywhere. */
export interface OccupantYear {
  uscc: string;
  name: string;
  role: 'owner' | 'tenant';
  /** Land it uses on this parcel, m². */
  areaUsedM2: number;
  /** Land it uses on all its parcels, m²: its figures are shared among parcels in this proportion. */
  totalAreaUsedM2: number;
  figures: YearFigures;
}

/** Per industry group, the median 亩均税收 of parcels in production (see `industryMedians`). */
export interface IndustryMedians {
  grouping: 'division' | 'class';
  byIndustry: Readonly<Record<string, { taxPerMuWan: number; parcels: number }>>;
}

/** Everything about one parcel for one evaluation date, except the district-wide medians. */
export interface ParcelFacts {
  unitCode: string;
  /** Parcel area, m² (the land to be developed). */
  areaM2: number;
  /** 容积率 as registered. */
  far: number | null;
  floorAreaM2: number | null;
  /** 权利人统一社会信用代码 of the land-use right holder, when known. */
  holderUscc: string | null;
  supply: SupplyFacts;
  buildings: readonly BuildingFacts[];
  standardLand: StandardLandTerms | null;
  /** GB/T 4754-2017 code of the parcel's main enterprise, e.g. `C3670`. */
  industryCode: string | null;
  occupants: readonly OccupantYear[];
  /** The status is that at the end of this day, e.g. the evaluation year's 12-31. */
  asOfDate: IsoDate;
}

export interface ParcelInput extends ParcelFacts {
  industryMedians: IndustryMedians;
}

/** Where the parcel stands on the asOfDate. */
export type Stage = 'unsupplied' | 'notStarted' | 'underConstruction' | 'halted' | 'completed' | 'producing';

export type FlagCode =
  | 'idle'
  | 'idle_halted'
  | 'approved_not_supplied'
  | 'supplied_not_used'
  | 'used_not_fully'
  | 'built_not_producing'
  | 'producing_below_target'
  | 'low_tax_per_mu'
  | 'low_tax_vs_industry'
  | 'low_far'
  | 'vacant_floor_share'
  | 'vacant_floor_area'
  | 'standard_land_failed';

/** Which rule of which rules document raised a flag, with its citation. */
export interface RuleCitation {
  /** `id@version` of the rules document. */
  rules: string;
  /** Paths of the thresholds in the rules document, e.g. `idle.feeAfterFullYears`. */
  paths: string[];
  /** The test as a planner reads it, e.g. `约定开工日期后满 1 年未动工`. */
  threshold: string;
  sources: string[];
}

export type FactValue = number | string | boolean | null;

export interface Flag {
  code: FlagCode;
  label: string;
  /** One sentence with the numbers. */
  reason: string;
  rule: RuleCitation;
  /** The numbers and dates that triggered it; keys carry units. */
  facts: Record<string, FactValue>;
  consequence?: string;
}

export type Commitment = 'investment' | 'far' | 'taxPerMu' | 'vaPerTce' | 'rdRatio';

export interface CommitmentCheck {
  commitment: Commitment;
  label: string;
  unit: string;
  committedMin: number | null;
  committedMax: number | null;
  actual: number | null;
  outcome: 'pass' | 'fail' | 'unknown';
  /** How far short of the commitment (or over the maximum), in `unit`; null unless failed. */
  shortfall: number | null;
  text: string;
}

export interface StandardLandReview {
  dueDate: IsoDate | null;
  dueDateSource: '合同达产日期' | '供地日期推定' | null;
  due: boolean;
  checks: CommitmentCheck[];
}

export interface Measures {
  taxPerMuWan: number | null;
  vaPerTceWan: number | null;
  rdRatioPct: number | null;
  investmentWanPerMu: number | null;
  far: number | null;
  developedShare: number | null;
  investedShare: number | null;
  vacantFloorShare: number | null;
  vacantFloorAreaM2: number | null;
}

export interface ParcelStatus {
  unitCode: string;
  asOfDate: IsoDate;
  rules: string;
  areaM2: number;
  areaMu: number;
  stage: Stage;
  stageLabel: string;
  industryCode: string | null;
  holderUscc: string | null;
  keyDates: Pick<SupplyFacts, 'approvalDate' | 'supplyDate' | 'startDeadline' | 'actualStartDate' | 'completionDate' | 'haltedDate'>;
  occupants: { uscc: string; name: string; role: 'owner' | 'tenant'; areaUsedM2: number; areaUsedMu: number }[];
  measures: Measures;
  flags: Flag[];
  standardLand: StandardLandReview | null;
  /** Tests that could not be run, and why (missing data), in words. */
  notes: string[];
}
