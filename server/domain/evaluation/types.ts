/**
 * Input of the 亩均效益综合评价 engine: one year's ledger, as the lead builds it from the database.
 * Money in 万元, energy in 吨标准煤 (tce), electricity in 万千瓦时, emissions in 吨, employees in 人,
 * land in m² (shown in 亩). The engine never mutates these objects.
 */

/** The metric columns of `server/import/columns.ts` (kept here so the domain imports nothing upward). */
export const METRIC_KEYS = [
  'revenue_wan',
  'value_added_wan',
  'tax_wan',
  'energy_tce',
  'electricity_wan_kwh',
  'emission_t',
  'rd_wan',
  'employees',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

/** How planners name each metric, and its unit. */
export const METRIC_INFO: Record<MetricKey, { label: string; unit: string }> = {
  revenue_wan: { label: '营业收入', unit: '万元' },
  value_added_wan: { label: '工业增加值', unit: '万元' },
  tax_wan: { label: '实缴税收', unit: '万元' },
  energy_tce: { label: '综合能耗', unit: '吨标准煤' },
  electricity_wan_kwh: { label: '用电量', unit: '万千瓦时' },
  emission_t: { label: '主要污染物排放量', unit: '吨' },
  rd_wan: { label: '研发经费', unit: '万元' },
  employees: { label: '年平均职工人数', unit: '人' },
};

export type RegionLevel = 'district' | 'zone' | 'cluster' | 'town' | 'park';
export const REGION_LEVELS: readonly RegionLevel[] = ['district', 'zone', 'cluster', 'town', 'park'];
export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  district: '区县',
  zone: '片区',
  cluster: '组团',
  town: '镇街',
  park: '园区',
};

/** 规上 (above designated size) / 规下; ranked separately. */
export type Scale = 'above' | 'below';
export const SCALE_LABELS: Record<Scale, string> = { above: '规上企业', below: '规下企业' };

/** A year's metrics; `null` or absent means "not reported" (never zero). */
export type MetricValues = Partial<Record<MetricKey, number | null>>;

export interface RegionRef {
  level: RegionLevel;
  code: string;
  name: string;
}

export interface ParcelUse {
  /** 不动产单元代码 (or its 19-character 宗地代码). */
  code: string;
  role: 'owner' | 'tenant';
  /** Land actually used on this parcel, m². */
  areaUsedM2: number;
}

export interface EnterpriseEvent {
  year: number;
  /** e.g. '安全事故' | '环保事故' | '能耗超标' | '亩产数据不实'. */
  kind: string;
  note?: string;
}

export interface EnterpriseInput {
  uscc: string;
  name: string;
  /** GB/T 4754-2017 class, e.g. 'C3670'. */
  industryCode: string;
  scale: Scale;
  /** e.g. '专精特新"小巨人"', '链主企业', '小升规'. */
  tags: readonly string[];
  isUtility: boolean;
  /** 'YYYY-MM-DD' or null when unknown. */
  productionStartDate: string | null;
  inMajorConstruction: boolean;
  /** Regions of its main parcel, one per level at most. */
  regions: readonly RegionRef[];
  /** Land it uses: 一企多地 sums these. */
  parcels: readonly ParcelUse[];
  /** By year: the evaluation year and earlier ones (previous-year benchmarks read `year − 1`). */
  metrics: Readonly<Record<number, MetricValues>>;
  events: readonly EnterpriseEvent[];
}

export interface LedgerSnapshot {
  year: number;
  enterprises: readonly EnterpriseInput[];
  /** 'YYYY-12-31' of `year`, passed in: the engine reads no clock. */
  asOfDate: string;
}

/** Bad input the engine cannot evaluate (duplicate credit codes, malformed dates). */
export class EvaluationInputError extends Error {
  override name = 'EvaluationInputError';
}
