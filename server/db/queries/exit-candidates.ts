/** Exit candidates (土地退出路径) of the latest refresh: written as a whole, read by filter. */
import type { Queryable } from '../database.ts';

export interface ExitInsert {
  path: string;
  subject: string;
  kept_off: boolean;
  affected_area_mu: number;
  land_released_mu: number;
  unit_codes: string[];
  usccs: string[];
  detail: unknown;
}

/** Links first, as one statement: the cascade would delete them one row at a time. */
export async function clearExitCandidates(tx: Queryable): Promise<void> {
  await tx.query(`DELETE FROM exit_candidate_parcel`);
  await tx.query(`DELETE FROM exit_candidate`);
}

// Regions and parcel links are resolved from the unit codes in the database.
const INSERT_EXIT = `
  WITH input AS (
    SELECT x.* FROM jsonb_to_recordset($2::jsonb) AS x(path text, subject text, kept_off boolean, affected_area_mu float8,
      land_released_mu float8, unit_codes text[], usccs text[], detail jsonb)
  ), inserted AS (
    INSERT INTO exit_candidate (year, path, subject, kept_off, affected_area_mu, land_released_mu, unit_codes, usccs, region_codes, detail)
    SELECT $1::int, i.path, i.subject, i.kept_off, i.affected_area_mu, i.land_released_mu, i.unit_codes, i.usccs,
           coalesce((SELECT array_agg(DISTINCT r.code ORDER BY r.code)
                     FROM parcel AS p JOIN parcel_region AS pr ON pr.parcel_id = p.id JOIN region AS r ON r.id = pr.region_id
                     WHERE p.unit_code = ANY(i.unit_codes)), '{}'),
           i.detail
    FROM input AS i
    RETURNING id, path, kept_off, unit_codes
  )
  INSERT INTO exit_candidate_parcel (candidate_id, parcel_id, path, kept_off)
  SELECT c.id, p.id, c.path, c.kept_off FROM inserted AS c JOIN parcel AS p ON p.unit_code = ANY(c.unit_codes)`;

export async function insertExitCandidates(tx: Queryable, year: number, rows: readonly ExitInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) await tx.query(INSERT_EXIT, [year, JSON.stringify(rows.slice(i, i + 2000))]);
}

export interface ExitFilter {
  keptOff: boolean;
  region: string | null;
  paths: string[] | null;
  minMu: number | null;
  maxMu: number | null;
}

export interface ExitRow {
  id: number;
  year: number;
  path: string;
  subject: string;
  kept_off: boolean;
  affected_area_mu: number;
  land_released_mu: number;
  region_codes: string[];
  detail: unknown;
}

const EXIT_WHERE = `
  WHERE kept_off = $1::boolean
    AND ($2::text IS NULL OR $2::text = ANY(region_codes))
    AND ($3::text[] IS NULL OR path = ANY($3::text[]))
    AND ($4::float8 IS NULL OR affected_area_mu >= $4::float8)
    AND ($5::float8 IS NULL OR affected_area_mu <= $5::float8)`;

const EXIT_ORDER = `ORDER BY array_position(ARRAY['依规回收', '倒逼退出', '引导退还', '规范转让'], path), land_released_mu DESC, subject`;
const EXIT_COLUMNS = `id, year, path, subject, kept_off, affected_area_mu, land_released_mu, region_codes, detail`;

const filterParams = (f: ExitFilter) => [f.keptOff, f.region, f.paths, f.minMu, f.maxMu];

export async function exitPage(db: Queryable, f: ExitFilter, limit: number, offset: number) {
  const rows = await db.query<ExitRow & { total_count: number }>(
    `SELECT ${EXIT_COLUMNS}, count(*) OVER ()::int AS total_count FROM exit_candidate ${EXIT_WHERE} ${EXIT_ORDER} LIMIT $6::int OFFSET $7::int`,
    [...filterParams(f), limit, offset],
  );
  return { total: rows[0]?.total_count ?? 0, rows };
}

export function allExit(db: Queryable, f: ExitFilter) {
  return db.query<ExitRow>(`SELECT ${EXIT_COLUMNS} FROM exit_candidate ${EXIT_WHERE} ${EXIT_ORDER}`, filterParams(f));
}

/** Totals per path, kept apart or not, for the filter's region (paths and sizes ignored). */
export function exitCounts(db: Queryable, region: string | null) {
  return db.query<{ path: string; kept_off: boolean; n: number; land_released_mu: number }>(
    `SELECT path, kept_off, count(*)::int AS n, coalesce(sum(land_released_mu), 0)::float8 AS land_released_mu
     FROM exit_candidate WHERE ($1::text IS NULL OR $1::text = ANY(region_codes))
     GROUP BY path, kept_off ORDER BY array_position(ARRAY['依规回收', '倒逼退出', '引导退还', '规范转让'], path), kept_off`,
    [region],
  );
}

/** The exit candidates (and kept-off entries) that concern one parcel. */
export function exitForParcel(db: Queryable, parcelId: number) {
  return db.query<ExitRow>(
    `SELECT ${EXIT_COLUMNS.split(', ').map((c) => `c.${c}`).join(', ')}
     FROM exit_candidate_parcel AS l JOIN exit_candidate AS c ON c.id = l.candidate_id
     WHERE l.parcel_id = $1::int ORDER BY c.kept_off, array_position(ARRAY['依规回收', '倒逼退出', '引导退还', '规范转让'], c.path), c.subject`,
    [parcelId],
  );
}
