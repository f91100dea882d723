/** Reading enterprises, their land and their yearly metrics. */
import type { Queryable } from '../database.ts';

export interface EnterpriseRow {
  id: number;
  uscc: string;
  uscc_warnings: string[];
  name: string;
  industry_code: string;
  scale: 'above' | 'below';
  tags: string[];
  is_utility: boolean;
  production_start_date: string | null;
  in_major_construction: boolean;
}

const ENTERPRISE_COLUMNS = `e.id, e.uscc, e.uscc_warnings, e.name, e.industry_code, e.scale, e.tags, e.is_utility,
  e.production_start_date, e.in_major_construction`;

const ENTERPRISE_BY_USCC = `SELECT ${ENTERPRISE_COLUMNS} FROM enterprise AS e WHERE e.uscc = $1::text`;

export async function enterpriseByUscc(db: Queryable, uscc: string): Promise<EnterpriseRow | null> {
  const [row] = await db.query<EnterpriseRow>(ENTERPRISE_BY_USCC, [uscc]);
  return row ?? null;
}

export type OccupantRow = EnterpriseRow & { role: 'owner' | 'tenant'; area_used_m2: number };

const ENTERPRISES_ON_PARCEL = `
  SELECT ${ENTERPRISE_COLUMNS}, o.role, o.area_used_m2
  FROM occupancy AS o JOIN enterprise AS e ON e.id = o.enterprise_id
  WHERE o.parcel_id = $1::int
  ORDER BY o.role = 'owner' DESC, o.area_used_m2 DESC, e.uscc`;

export function enterprisesOnParcel(db: Queryable, parcelId: number) {
  return db.query<OccupantRow>(ENTERPRISES_ON_PARCEL, [parcelId]);
}

const PARCELS_OF_ENTERPRISE = `
  SELECT p.unit_code AS code, o.role, o.area_used_m2,
         json_build_array(ST_XMin(p.geom), ST_YMin(p.geom), ST_XMax(p.geom), ST_YMax(p.geom)) AS bbox
  FROM occupancy AS o JOIN parcel AS p ON p.id = o.parcel_id
  WHERE o.enterprise_id = $1::int
  ORDER BY o.role = 'owner' DESC, o.area_used_m2 DESC, p.unit_code`;

export function parcelsOfEnterprise(db: Queryable, enterpriseId: number) {
  return db.query<{ code: string; role: 'owner' | 'tenant'; area_used_m2: number; bbox: [number, number, number, number] }>(PARCELS_OF_ENTERPRISE, [enterpriseId]);
}

export interface MetricRow {
  enterprise_id: number;
  year: number;
  metric: string;
  value: number;
  source: string;
}

const METRICS_OF_ENTERPRISES = `
  SELECT enterprise_id, year, metric, value, source FROM enterprise_metric
  WHERE enterprise_id = ANY($1::int[])
  ORDER BY enterprise_id, year, metric`;

export function metricsOf(db: Queryable, enterpriseIds: number[]) {
  return db.query<MetricRow>(METRICS_OF_ENTERPRISES, [enterpriseIds]);
}
