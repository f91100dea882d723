/** Test-only: parcels written straight into the ledger (hand-drawn fixtures), and geometry comparisons. */
import type { Geometry } from 'geojson';
import type { Database, Queryable } from './database.ts';

/** Inserts parcels (industrial land, area from the geometry) and returns their ids by unit code. */
export async function insertParcels(tx: Queryable, parcels: readonly { unitCode: string; geometry: Geometry }[]): Promise<Map<string, number>> {
  const rows = await tx.query<{ id: number; unit_code: string }>(
    `INSERT INTO parcel (unit_code, geom, area_m2, land_use)
     SELECT x.unit_code, g, ST_Area(g::geography), '0601'
     FROM jsonb_to_recordset($1::jsonb) AS x(unit_code text, geometry text)
     CROSS JOIN LATERAL (SELECT ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(x.geometry), 4326)) AS g) AS m
     RETURNING id, unit_code`,
    [JSON.stringify(parcels.map((p) => ({ unit_code: p.unitCode, geometry: JSON.stringify(p.geometry) })))],
  );
  return new Map(rows.map((r) => [r.unit_code, r.id]));
}

/** Area of the symmetric difference of two lon/lat geometries, m² (geodesic). */
export async function symmetricDifferenceM2(db: Queryable, a: Geometry, b: Geometry): Promise<number> {
  const [row] = await db.query<{ m2: number }>(
    `SELECT coalesce(ST_Area(ST_SymDifference(ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4326), ST_SetSRID(ST_GeomFromGeoJSON($2::text), 4326))::geography), 0) AS m2`,
    [JSON.stringify(a), JSON.stringify(b)],
  );
  return row!.m2;
}

class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback');
  }
}

/** Runs `fn` in a transaction that is always rolled back, and returns what it returned. */
export async function inRolledBackTransaction<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  try {
    await db.transaction(async (tx) => {
      throw new Rollback(await fn(tx));
    });
  } catch (err) {
    if (err instanceof Rollback) return err.value as T;
    throw err;
  }
  throw new Error('unreachable');
}

/** Sets a parcel's stored area (to make a refresh fail half-way in a test). */
export async function setParcelArea(db: Queryable, unitCode: string, areaM2: number): Promise<void> {
  await db.query(`UPDATE parcel SET area_m2 = $2::float8 WHERE unit_code = $1::text`, [unitCode, areaM2]);
}

/** Row counts of the derived land tables. */
export async function landTableCounts(db: Queryable) {
  const [row] = await db.query<{ statuses: number; exit: number; clusters: number; members: number }>(
    `SELECT (SELECT count(*) FROM parcel_status)::int AS statuses, (SELECT count(*) FROM exit_candidate)::int AS exit,
            (SELECT count(*) FROM consolidation_cluster)::int AS clusters, (SELECT count(*) FROM consolidation_member)::int AS members`,
  );
  return row!;
}
