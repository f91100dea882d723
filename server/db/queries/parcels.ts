/** Reading parcels: map features in a bbox, and the 一码关联 view of one parcel. */
import type { Queryable } from '../database.ts';
import { LATEST_RUN_SQL } from './data-version.ts';
import { M2_PER_MU } from '../../domain/units.ts';

/** Most parcels one bbox request returns; beyond it the client must zoom in (or use tiles). */
export const MAX_FEATURES_PER_REQUEST = 20_000;

const PARCEL_FEATURES_IN_BBOX = `
  WITH hit AS (
    SELECT p.id, p.unit_code, p.geom, p.area_m2, p.land_use
    FROM parcel AS p
    WHERE p.geom && ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, 4326)
    ORDER BY p.id
    LIMIT $6::int
  )
  SELECT count(*)::int AS n,
         coalesce(json_agg(json_build_object(
           'type', 'Feature',
           'id', h.id,
           'geometry', ST_AsGeoJSON(h.geom, 6)::json,
           'properties', json_build_object(
             'id', h.id,
             'code', h.unit_code,
             'areaMu', round((h.area_m2 / $5::float8)::numeric, 2),
             'landUse', h.land_use,
             'landUseName', lu.name,
             'enterpriseCount', coalesce(s.enterprise_count, 0),
             'enterpriseNames', array_to_string(s.enterprise_names[1:3], '、'),
             'year', s.year,
             'taxWan', round(s.tax_wan::numeric, 2),
             'taxPerMuWan', round(s.tax_per_mu_wan::numeric, 2),
             'grade', g.grade,
             'group', er.grp
           )
         ) ORDER BY h.id), '[]')::text AS features
  FROM hit AS h
  JOIN land_use AS lu ON lu.code = h.land_use
  LEFT JOIN parcel_summary AS s ON s.parcel_id = h.id
  LEFT JOIN evaluation_parcel AS g ON g.parcel_id = h.id AND g.run_id = ${LATEST_RUN_SQL}
  LEFT JOIN evaluation_result AS er ON er.run_id = g.run_id AND er.unit_id = g.unit_id`;

/** GeoJSON features (as JSON text) of parcels meeting the bbox, at most `limit`; `count` tells if it was hit. */
export async function parcelFeaturesInBbox(db: Queryable, bbox: readonly [number, number, number, number], limit: number) {
  const [row] = await db.query<{ n: number; features: string }>(PARCEL_FEATURES_IN_BBOX, [...bbox, M2_PER_MU, limit]);
  return { count: row?.n ?? 0, featuresJson: row?.features ?? '[]' };
}

export interface ParcelRow {
  id: number;
  unit_code: string;
  area_m2: number;
  registry_area_m2: number | null;
  land_use: string;
  land_use_name: string;
  far: number | null;
  floor_area_m2: number | null;
  holder_uscc: string | null;
  holder_name: string | null;
  approval_date: string | null;
  supply_date: string | null;
  supply_method: string | null;
  start_deadline: string | null;
  actual_start_date: string | null;
  completion_date: string | null;
  land_price_wan: number | null;
  dev_status: string | null;
  developed_area_m2: number | null;
  invested_wan: number | null;
  halted_date: string | null;
  bbox: [number, number, number, number];
}

const PARCEL_BY_CODE = `
  SELECT p.id, p.unit_code, p.area_m2, p.registry_area_m2, p.land_use, lu.name AS land_use_name, p.far, p.floor_area_m2,
         p.holder_uscc, e.name AS holder_name, p.approval_date, p.supply_date, p.supply_method, p.start_deadline,
         p.actual_start_date, p.completion_date, p.land_price_wan, p.dev_status, p.developed_area_m2, p.invested_wan,
         p.halted_date,
         json_build_array(ST_XMin(p.geom), ST_YMin(p.geom), ST_XMax(p.geom), ST_YMax(p.geom)) AS bbox
  FROM parcel AS p
  JOIN land_use AS lu ON lu.code = p.land_use
  LEFT JOIN enterprise AS e ON e.id = p.holder_enterprise_id
  WHERE p.unit_code = $1::text OR (length($1::text) <> 28 AND p.parcel_code = $1::text)
     OR (length($1::text) = 28 AND p.parcel_code = left($1::text, 19) AND NOT EXISTS (SELECT 1 FROM parcel WHERE unit_code = $1::text))
  ORDER BY p.unit_code = $1::text DESC, p.unit_code
  LIMIT 1`;

/** A parcel by its 不动产单元代码, its 19-character 宗地代码, or a building unit's code on it. */
export async function parcelByCode(db: Queryable, code: string): Promise<ParcelRow | null> {
  const [row] = await db.query<ParcelRow>(PARCEL_BY_CODE, [code]);
  return row ?? null;
}

const PARCEL_REGIONS = `
  SELECT r.code, r.name, r.level FROM parcel_region AS pr JOIN region AS r ON r.id = pr.region_id
  WHERE pr.parcel_id = $1::int
  ORDER BY array_position(ARRAY['district', 'zone', 'cluster', 'town', 'park'], r.level), r.code`;

export function parcelRegions(db: Queryable, parcelId: number) {
  return db.query<{ code: string; name: string; level: string }>(PARCEL_REGIONS, [parcelId]);
}

const STANDARD_LAND = `
  SELECT investment_wan_per_mu, far_min, far_max, tax_per_mu_wan, va_per_tce_wan, rd_ratio_pct, target_date
  FROM standard_land WHERE parcel_id = $1::int`;

export interface StandardLandRow {
  investment_wan_per_mu: number | null;
  far_min: number | null;
  far_max: number | null;
  tax_per_mu_wan: number | null;
  va_per_tce_wan: number | null;
  rd_ratio_pct: number | null;
  target_date: string | null;
}

export async function standardLandOf(db: Queryable, parcelId: number): Promise<StandardLandRow | null> {
  const [row] = await db.query<StandardLandRow>(STANDARD_LAND, [parcelId]);
  return row ?? null;
}

const BUILDINGS = `
  SELECT name, floor_area_m2, floors, vacant_floor_area_m2 FROM building WHERE parcel_id = $1::int ORDER BY name, id`;

export function buildingsOf(db: Queryable, parcelId: number) {
  return db.query<{ name: string; floor_area_m2: number | null; floors: number | null; vacant_floor_area_m2: number | null }>(BUILDINGS, [parcelId]);
}
