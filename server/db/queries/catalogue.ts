/** District-wide facts for the map: extent, years, data version, regions and roads. */
import type { Queryable } from '../database.ts';
import { DATA_VERSION_SQL, LATEST_RUN_SQL } from './data-version.ts';

/** The latest import batch's id, 0 before the first import. */
const LATEST_BATCH_SQL = `(SELECT coalesce(max(id), 0)::int FROM import_batch)`;

const META = `
  SELECT (SELECT name FROM region WHERE level = 'district' ORDER BY code LIMIT 1) AS district_name,
         (SELECT json_build_array(ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e))
            FROM (SELECT ST_Extent(geom)::geometry AS e FROM (SELECT geom FROM region UNION ALL SELECT geom FROM parcel) AS g) AS x
            WHERE e IS NOT NULL) AS bbox,
         (SELECT coalesce(json_agg(year ORDER BY year), '[]') FROM (SELECT DISTINCT year FROM enterprise_metric) AS y) AS years,
         ${LATEST_BATCH_SQL} AS last_batch,
         ${LATEST_RUN_SQL}::int AS latest_run,
         ${DATA_VERSION_SQL} AS data_version`;

export async function districtMeta(db: Queryable) {
  const [row] = await db.query<{ district_name: string | null; bbox: [number, number, number, number] | null; years: number[]; last_batch: number; latest_run: number | null; data_version: string }>(META);
  return row!;
}

const REGIONS_GEOJSON = `
  SELECT coalesce(json_agg(json_build_object(
    'type', 'Feature', 'id', r.id, 'geometry', ST_AsGeoJSON(r.geom, 6)::json,
    'properties', json_build_object('code', r.code, 'name', r.name, 'level', r.level, 'parentCode', p.code)
  ) ORDER BY r.id), '[]')::text AS features
  FROM region AS r LEFT JOIN region AS p ON p.id = r.parent_id`;

export async function regionFeatures(db: Queryable): Promise<string> {
  const [row] = await db.query<{ features: string }>(REGIONS_GEOJSON);
  return row?.features ?? '[]';
}

const ROADS_GEOJSON = `
  SELECT coalesce(json_agg(json_build_object(
    'type', 'Feature', 'id', id, 'geometry', ST_AsGeoJSON(geom, 6)::json,
    'properties', json_build_object('name', name, 'roadClass', road_class)
  ) ORDER BY id), '[]')::text AS features
  FROM road`;

export async function roadFeatures(db: Queryable): Promise<string> {
  const [row] = await db.query<{ features: string }>(ROADS_GEOJSON);
  return row?.features ?? '[]';
}

const LATEST_BATCH = `SELECT ${LATEST_BATCH_SQL} AS id`;

/**
 * The latest import batch's id (0 before the first import), without the rest of districtMeta: its
 * extent reads every parcel (~0.5 s on a 1M-parcel district) and a run only needs this number.
 */
export async function latestImportBatchId(db: Queryable): Promise<number> {
  const [row] = await db.query<{ id: number }>(LATEST_BATCH);
  return row!.id;
}

export const COUNT_BATCHES = `SELECT count(*)::int AS n FROM import_batch`;

export async function batchCount(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(COUNT_BATCHES);
  return row?.n ?? 0;
}
