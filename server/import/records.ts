/** Validated rows of a delivery, ready to be stored. Codes are normalised; areas m², money 万元. */
import type { MultiPolygon, Polygon, LineString, MultiLineString } from 'geojson';
import type { MetricKey } from './columns.ts';

export type RegionLevel = 'district' | 'zone' | 'cluster' | 'town' | 'park';
export type RoadClass = 'arterial' | 'secondary' | 'branch';
export type SupplyMethod = '出让' | '划拨' | '租赁';
export type DevStatus = '未供' | '未开工' | '在建' | '停建' | '已竣工' | '已投产';

/** Where a record came from, for messages raised after reading (e.g. by the database). */
export interface Origin {
  file: string;
  row: number;
}

export interface RegionRecord {
  origin: Origin;
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  geometry: Polygon | MultiPolygon;
}

export interface RoadRecord {
  origin: Origin;
  name: string;
  roadClass: RoadClass;
  geometry: LineString | MultiLineString;
}

export interface ParcelRecord {
  origin: Origin;
  unitCode: string;
  geometry: Polygon | MultiPolygon;
  landUse: string;
  registryAreaM2: number | null;
  far: number | null;
  floorAreaM2: number | null;
  holderUscc: string | null;
  approvalDate: string | null;
  supplyDate: string | null;
  supplyMethod: SupplyMethod | null;
  startDeadline: string | null;
  actualStartDate: string | null;
  completionDate: string | null;
  landPriceWan: number | null;
  devStatus: DevStatus | null;
  developedAreaM2: number | null;
  investedWan: number | null;
  haltedDate: string | null;
}

export interface EnterpriseRecord {
  origin: Origin;
  uscc: string;
  usccWarnings: string[];
  name: string;
  industryCode: string;
  scale: 'above' | 'below';
  tags: string[];
  isUtility: boolean;
  productionStartDate: string | null;
  inMajorConstruction: boolean;
}

export interface OccupancyRecord {
  origin: Origin;
  uscc: string;
  unitCode: string;
  role: 'owner' | 'tenant';
  areaUsedM2: number;
}

export interface BuildingRecord {
  origin: Origin;
  unitCode: string;
  name: string;
  floorAreaM2: number | null;
  floors: number | null;
  vacantFloorAreaM2: number | null;
}

export interface StandardLandRecord {
  origin: Origin;
  unitCode: string;
  investmentWanPerMu: number | null;
  farMin: number | null;
  farMax: number | null;
  taxPerMuWan: number | null;
  vaPerTceWan: number | null;
  rdRatioPct: number | null;
  targetDate: string | null;
}

export interface MetricRecord {
  origin: Origin;
  uscc: string;
  year: number;
  metric: MetricKey;
  value: number;
  source: string;
}

/** A safety/environment accident or a failed standard, as the department reported it (vetoes use these). */
export interface EventRecord {
  origin: Origin;
  uscc: string;
  year: number;
  kind: string;
  note: string | null;
  source: string;
}

export interface Delivery {
  name: string;
  contentHash: string;
  regions: RegionRecord[];
  /** null when the delivery has no roads file (roads then stay as they are). */
  roads: RoadRecord[] | null;
  parcels: ParcelRecord[];
  enterprises: EnterpriseRecord[];
  occupancy: OccupancyRecord[];
  buildings: BuildingRecord[];
  standardLand: StandardLandRecord[];
  metrics: MetricRecord[];
  events: EventRecord[];
}
