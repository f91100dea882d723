/**
 * Response shapes of the Mujun HTTP API, as the web client sees them.
 * Units ride in the names: `…M2` square metres, `…Mu` 亩, `…Wan` 万元; dates are 'YYYY-MM-DD'.
 */
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { Grade, UnitEvaluation } from './evaluation-types.ts';

/** [west, south, east, north] in degrees, lon/lat. */
export type BBox = [number, number, number, number];

/**
 * The coordinate system a map draws in: WGS 84 (our data, and every coordinate the API takes or
 * gives unless asked otherwise), or GCJ-02, the offset system of Amap/Tencent-style basemaps.
 */
export type Crs = 'wgs84' | 'gcj02';

export interface Meta {
  districtName: string;
  bbox: BBox;
  years: number[];
  /** null before any yearly metrics are imported. */
  latestYear: number | null;
  /** A MapLibre style URL to draw under our layers, or null for the built-in offline basemap. */
  basemapStyleUrl: string | null;
  /** The CRS `basemapStyleUrl` draws in; the geometry endpoints can shift for it (`?crs=gcj02`). */
  basemapCrs: Crs;
  /** The newest evaluation run; null before any run. */
  latestRunId: number | null;
  /** Import batch and run, e.g. 'i1r1'. */
  dataVersion: string;
}

/** zone = 片区, cluster = 组团, town = 镇街, park = 园区. */
export type RegionLevel = 'district' | 'zone' | 'cluster' | 'town' | 'park';

export interface RegionProperties {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}
export type RegionFeature = Feature<Polygon | MultiPolygon, RegionProperties>;
export type RegionCollection = FeatureCollection<Polygon | MultiPolygon, RegionProperties>;

/** arterial = 主干路, secondary = 次干路, branch = 支路. */
export type RoadClass = 'arterial' | 'secondary' | 'branch';

export interface RoadProperties {
  name: string;
  roadClass: RoadClass;
}
export type RoadCollection = FeatureCollection<LineString | MultiLineString, RoadProperties>;

/** One parcel as drawn on the map: a summary, not the full record. */
export interface ParcelFeatureProperties {
  id: number;
  /** 不动产单元代码, 28 characters. */
  code: string;
  areaMu: number;
  /** GB/T 21010 code, e.g. '0601'. */
  landUse: string;
  landUseName: string;
  enterpriseCount: number;
  /** First three enterprise names joined with '、'. */
  enterpriseNames: string;
  /** The year the tax figures are from; null when no enterprise reported. */
  year: number | null;
  taxWan: number | null;
  /** 亩均税收 in 万元/亩. */
  taxPerMuWan: number | null;
  /** The latest run's grade: of the parcel's merged multi-tenant unit, else of its main occupant; null when not evaluated. */
  grade: Grade | null;
  /**
   * 规上/规下 of the unit the grade comes from. Not sent by the server yet; when present the map's
   * 规上/规下 filter dims parcels too.
   */
  group?: 'above' | 'below' | null;
}
export type ParcelFeature = Feature<Polygon | MultiPolygon, ParcelFeatureProperties>;
export type ParcelCollection = FeatureCollection<Polygon | MultiPolygon, ParcelFeatureProperties>;

export interface RegionRef {
  code: string;
  name: string;
  level: RegionLevel;
}

export interface SupplyRecord {
  approvalDate: string | null;
  supplyDate: string | null;
  /** 出让 | 划拨 | 租赁 */
  supplyMethod: string | null;
  /** 约定开工日期 */
  startDeadline: string | null;
  actualStartDate: string | null;
  completionDate: string | null;
  landPriceWan: number | null;
  /** 未供 | 未开工 | 在建 | 停建 | 已竣工 | 已投产 */
  status: string | null;
  developedAreaM2: number | null;
  investedWan: number | null;
  haltedDate: string | null;
}

/** 标准地 commitments written into the supply contract. */
export interface StandardLand {
  investmentWanPerMu: number | null;
  farMin: number | null;
  farMax: number | null;
  taxPerMuWan: number | null;
  /** 单位能耗增加值, 万元/吨标准煤 */
  vaPerTceWan: number | null;
  rdRatioPct: number | null;
  targetDate: string | null;
}

export interface ParcelRecord {
  id: number;
  code: string;
  areaM2: number;
  areaMu: number;
  registryAreaM2: number | null;
  landUse: string;
  landUseName: string;
  /** 容积率 */
  far: number | null;
  floorAreaM2: number | null;
  holderUscc: string | null;
  holderName: string | null;
  regions: RegionRef[];
  supply: SupplyRecord;
  standardLand: StandardLand | null;
  bbox: BBox;
}

export type MetricKey =
  | 'revenue_wan'
  | 'value_added_wan'
  | 'tax_wan'
  | 'energy_tce'
  | 'electricity_wan_kwh'
  | 'emission_t'
  | 'rd_wan'
  | 'employees';

export interface YearMetrics {
  year: number;
  /** null = not reported, never zero. */
  values: Record<MetricKey, number | null>;
  /** Sending department per metric, e.g. { tax_wan: '税务局' }. */
  sources: Partial<Record<MetricKey, string>>;
}

export type EnterpriseScale = 'above' | 'below';
export type OccupancyRole = 'owner' | 'tenant';

export interface ParcelEnterprise {
  /** 统一社会信用代码, 18 characters. */
  uscc: string;
  name: string;
  industryCode: string;
  industryName: string;
  scale: EnterpriseScale;
  tags: string[];
  role: OccupancyRole;
  areaUsedM2: number;
  areaUsedMu: number;
  metrics: YearMetrics[];
  /** The enterprise's own result in the latest run; a tenant of a merged parcel shares the merged grade. */
  evaluation: UnitEvaluation | null;
}

export interface Building {
  name: string;
  floorAreaM2: number | null;
  floors: number | null;
  vacantFloorAreaM2: number | null;
}

export interface ParcelDetail {
  parcel: ParcelRecord;
  enterprises: ParcelEnterprise[];
  /** Set when the parcel's tenants are evaluated together as one unit (共用宗地合并评价). */
  mergedEvaluation: UnitEvaluation | null;
  buildings: Building[];
}

export interface EnterpriseRecord {
  uscc: string;
  name: string;
  industryCode: string;
  industryName: string;
  scale: EnterpriseScale;
  tags: string[];
  isUtility: boolean;
  productionStartDate: string | null;
  /** 重大项目建设期: listed, not graded. */
  inMajorConstruction?: boolean;
  usccWarnings: string[];
}

export interface EnterpriseParcel {
  code: string;
  role: OccupancyRole;
  areaUsedM2: number;
  areaUsedMu: number;
  bbox: BBox;
}

export interface EnterpriseDetail {
  enterprise: EnterpriseRecord;
  parcels: EnterpriseParcel[];
  metrics: YearMetrics[];
}

export interface SearchResult {
  kind: 'enterprise' | 'parcel';
  /** 统一社会信用代码 for an enterprise, 不动产单元代码 for a parcel. */
  code: string;
  name: string;
  parcelCode: string | null;
  bbox: BBox;
}

export interface SearchResponse {
  results: SearchResult[];
}

export interface ApiErrorBody {
  error: string;
}

/** A TileJSON 3.0 document (/tiles/{set}.json); tile URLs carry `?v=<dataVersion>`. */
export interface TileJson {
  tilejson: string;
  name?: string;
  tiles: string[];
  minzoom: number;
  maxzoom: number;
  /** [w, s, e, n] in degrees. */
  bounds?: BBox;
  vector_layers: { id: string; minzoom?: number; maxzoom?: number; fields: Record<string, string> }[];
}

/**
 * What a parcel feature of the vector tiles carries (layer `parcels`, z ≥ 12). The feature id is
 * the parcel id. Attributes without a value are left out of the tile, so every field may be absent.
 */
export interface ParcelTileProperties {
  /** 不动产单元代码 */
  code: string;
  /** 亩均税收 in 万元/亩, latest year; absent when no enterprise reported. */
  taxPerMuWan?: number;
  /** GB/T 4754 code of the main occupant, e.g. 'C3670'. */
  industry?: string;
  /** Scale of the main occupant. */
  scale?: EnterpriseScale;
  /** 组团 code. */
  region?: string;
  /** GB/T 21010 code, e.g. '0601'. */
  landUse?: string;
  enterpriseCount?: number;
  /** Grade in the latest run (the run with the highest id). */
  grade?: Grade;
  /** 规上/规下 of the unit the grade comes from. */
  group?: 'above' | 'below';
}

/** A parcel as the map reports it (click, hover): its id and what the tile says about it. */
export interface MapParcel {
  id: number;
  properties: ParcelTileProperties;
}

/** A cell of the low-zoom aggregate layer (`parcel_cells`, z ≤ 11). */
export interface ParcelCellProperties {
  count: number;
  areaMu: number;
  /** Tax of the taxed parcels ÷ their area, 万元/亩; absent when none reported. */
  taxPerMuWan?: number;
}
