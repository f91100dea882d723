/** Evaluation: the ledger snapshot a run reads, methods, and immutable runs with their results. */
import type { Queryable } from '../database.ts';
import { LATEST_RUN_SQL } from './data-version.ts';

// ---------- the snapshot ----------

export interface SnapshotRow {
  uscc: string;
  name: string;
  industry_code: string;
  scale: 'above' | 'below';
  tags: string[];
  is_utility: boolean;
  production_start_date: string | null;
  in_major_construction: boolean;
  regions: { level: string; code: string; name: string }[];
  parcels: { code: string; role: 'owner' | 'tenant'; areaUsedM2: number }[];
  metrics: Record<string, Record<string, number>> | null;
  events: { year: number; kind: string; note: string | null }[];
}

// One row per enterprise: its land (一企多地), the regions of its main parcel (owner first, then the
// largest area), every metric up to the year (previous-year benchmarks read year − 1) and its events.
const SNAPSHOT = `
  SELECT e.uscc, e.name, e.industry_code, e.scale, e.tags, e.is_utility, e.production_start_date, e.in_major_construction,
         coalesce((
           SELECT json_agg(json_build_object('level', r.level, 'code', r.code, 'name', r.name) ORDER BY r.level, r.code)
           FROM parcel_region AS pr JOIN region AS r ON r.id = pr.region_id
           WHERE pr.parcel_id = (SELECT o.parcel_id FROM occupancy AS o WHERE o.enterprise_id = e.id
                                 ORDER BY o.role = 'owner' DESC, o.area_used_m2 DESC, o.parcel_id LIMIT 1)
         ), '[]') AS regions,
         coalesce((
           SELECT json_agg(json_build_object('code', p.unit_code, 'role', o.role, 'areaUsedM2', o.area_used_m2) ORDER BY p.unit_code)
           FROM occupancy AS o JOIN parcel AS p ON p.id = o.parcel_id WHERE o.enterprise_id = e.id
         ), '[]') AS parcels,
         (
           SELECT json_object_agg(y.year, y.values) FROM (
             SELECT m.year, json_object_agg(m.metric, m.value) AS values
             FROM enterprise_metric AS m WHERE m.enterprise_id = e.id AND m.year <= $1::int
             GROUP BY m.year
           ) AS y
         ) AS metrics,
         coalesce((
           SELECT json_agg(json_build_object('year', v.year, 'kind', v.kind, 'note', v.note) ORDER BY v.year, v.kind)
           FROM enterprise_event AS v WHERE v.enterprise_id = e.id AND v.year <= $1::int
         ), '[]') AS events
  FROM enterprise AS e
  ORDER BY e.uscc`;

export function snapshotRows(db: Queryable, year: number) {
  return db.query<SnapshotRow>(SNAPSHOT, [year]);
}

// ---------- methods ----------

export interface MethodRow {
  id: string;
  version: string;
  name: string;
  document: unknown;
  preset: string | null;
  created_at: string;
}

export function listMethods(db: Queryable) {
  return db.query<Omit<MethodRow, 'document'>>(`SELECT id, version, name, preset, created_at FROM evaluation_method ORDER BY id, created_at`);
}

/** The given version, or the newest one. */
export async function getMethod(db: Queryable, id: string, version: string | null): Promise<MethodRow | null> {
  const [row] = await db.query<MethodRow>(
    `SELECT id, version, name, document, preset, created_at FROM evaluation_method
     WHERE id = $1::text AND ($2::text IS NULL OR version = $2::text)
     ORDER BY created_at DESC, version DESC LIMIT 1`,
    [id, version],
  );
  return row ?? null;
}

/** Stores a method version; false when that id and version already exist (documents are never overwritten). */
export async function insertMethod(db: Queryable, m: { id: string; version: string; name: string; document: unknown; preset: string | null }): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO evaluation_method (id, version, name, document, preset) VALUES ($1::text, $2::text, $3::text, $4::jsonb, $5::text)
     ON CONFLICT (id, version) DO NOTHING RETURNING id`,
    [m.id, m.version, m.name, JSON.stringify(m.document), m.preset],
  );
  return rows.length > 0;
}

// ---------- runs ----------

export interface RunRow {
  id: number;
  method_id: string;
  method_version: string;
  method_name: string;
  year: number;
  as_of_date: string;
  data_version: string;
  created_at: string;
  summary: unknown;
}

const RUN_COLUMNS = `r.id, r.method_id, r.method_version, m.name AS method_name, r.year, r.as_of_date, r.data_version, r.created_at, r.summary`;
const RUN_FROM = `evaluation_run AS r JOIN evaluation_method AS m ON m.id = r.method_id AND m.version = r.method_version`;

export function listRuns(db: Queryable) {
  return db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} ORDER BY r.id DESC`);
}

export async function getRun(db: Queryable, runId: number): Promise<RunRow | null> {
  const [row] = await db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.id = $1::int`, [runId]);
  return row ?? null;
}

export async function latestRunId(db: Queryable): Promise<number | null> {
  const [row] = await db.query<{ id: number | null }>(`SELECT ${LATEST_RUN_SQL}::int AS id`);
  return row?.id ?? null;
}

export async function insertRun(
  tx: Queryable,
  run: { methodId: string; methodVersion: string; year: number; asOfDate: string; dataVersion: string; summary: unknown; outOfScope: unknown },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO evaluation_run (method_id, method_version, year, as_of_date, data_version, summary, out_of_scope)
     VALUES ($1::text, $2::text, $3::int, $4::date, $5::text, $6::jsonb, $7::jsonb) RETURNING id::int AS id`,
    [run.methodId, run.methodVersion, run.year, run.asOfDate, run.dataVersion, JSON.stringify(run.summary), JSON.stringify(run.outOfScope)],
  );
  return row!.id;
}

/** What a run stores per unit: the row it is read back as. */
export type ResultInsert = ResultRow;

const INSERT_RESULTS = `
  INSERT INTO evaluation_result (run_id, unit_id, kind, members, name, grp, pool, industry_code, grade, base_grade, total, rank,
    rank_of, land_area_m2, shared_result_from, region_codes, detail)
  SELECT $1::int, x.unit_id, x.kind, x.members, x.name, x.grp, x.pool, x.industry_code, x.grade, x.base_grade, x.total, x.rank,
    x.rank_of, x.land_area_m2, x.shared_result_from, x.region_codes, x.detail
  FROM jsonb_to_recordset($2::jsonb) AS x(unit_id text, kind text, members text[], name text, grp text, pool text,
    industry_code text, grade text, base_grade text, total float8, rank int, rank_of int, land_area_m2 float8,
    shared_result_from text, region_codes text[], detail jsonb)`;

export async function insertResults(tx: Queryable, runId: number, rows: ResultInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) await tx.query(INSERT_RESULTS, [runId, JSON.stringify(rows.slice(i, i + 2000))]);
}

// A merged parcel's unit wins; otherwise the main occupant's own result (tenants' shared results are
// not used for a parcel they merely rent in).
const ASSIGN_PARCEL_GRADES = `
  INSERT INTO evaluation_parcel (run_id, parcel_id, unit_id, grade)
  SELECT DISTINCT ON (p.id) $1::int, p.id, res.unit_id, res.grade
  FROM parcel AS p
  JOIN LATERAL (
    SELECT r.unit_id, r.grade, 0 AS pref, 0::float8 AS area, true AS owner
    FROM evaluation_result AS r WHERE r.run_id = $1::int AND r.unit_id = 'parcel:' || p.unit_code
    UNION ALL
    SELECT r.unit_id, r.grade, 1, o.area_used_m2, o.role = 'owner'
    FROM occupancy AS o JOIN enterprise AS e ON e.id = o.enterprise_id
    JOIN evaluation_result AS r ON r.run_id = $1::int AND r.unit_id = e.uscc
    WHERE o.parcel_id = p.id
  ) AS res ON true
  ORDER BY p.id, res.pref, res.owner DESC, res.area DESC, res.unit_id`;

export async function assignParcelGrades(tx: Queryable, runId: number): Promise<void> {
  // The rows just written are most of the table on a first run: without fresh statistics the planner
  // takes them for a handful and loops over them (minutes at 100k units instead of seconds).
  await tx.query('ANALYZE evaluation_result');
  await tx.query(ASSIGN_PARCEL_GRADES, [runId]);
}

// ---------- reading results ----------

export interface ResultRow {
  unit_id: string;
  kind: 'enterprise' | 'mergedParcel';
  members: string[];
  name: string;
  grp: 'above' | 'below';
  pool: string;
  industry_code: string;
  grade: string;
  base_grade: string | null;
  total: number | null;
  rank: number | null;
  rank_of: number | null;
  land_area_m2: number;
  shared_result_from: string | null;
  region_codes: string[];
  detail: unknown;
}

const RESULT_COLUMNS = `unit_id, kind, members, name, grp, pool, industry_code, grade, base_grade, total, rank, rank_of,
  land_area_m2, shared_result_from, region_codes, detail`;

export interface ResultFilter {
  grades: string[] | null;
  group: string | null;
  region: string | null;
  /** Prefix of the GB/T 4754 code, e.g. C36. */
  industry: string | null;
  /** Name substring or exact credit code. */
  q: string | null;
  /** Land-status flag codes: units on a parcel carrying any of them in the run's year. */
  flags: string[] | null;
  /** Bounds of the unit's 亩均税收 item, 万元/亩 (inclusive); a unit without the item is left out. */
  taxPerMuMinWan: number | null;
  taxPerMuMaxWan: number | null;
}

// The unit's 亩均税收 as the method computed it (the tax_per_mu item of its score breakdown). The
// filter reads it once per row, and not at all without a bound: OFFSET 0 keeps Postgres from inlining
// the subselect, as it would a plain LATERAL or CTE column, back into both comparisons (two path
// queries per row in range; ~1.0 s → 0.65 s for both bounds over 200k units).
const TAX_PER_MU = `(jsonb_path_query_first(x.detail, '$.items[*] ? (@.key == "tax_per_mu").value') #>> '{}')::float8`;

const RESULTS_PAGE = `
  SELECT ${RESULT_COLUMNS}, count(*) OVER ()::int AS total_count
  FROM evaluation_result AS x
  WHERE x.run_id = $1::int
    AND ($2::text[] IS NULL OR x.grade = ANY($2::text[]))
    AND ($3::text IS NULL OR x.grp = $3::text)
    AND ($4::text IS NULL OR $4::text = ANY(x.region_codes))
    AND ($5::text IS NULL OR x.industry_code LIKE $5::text || '%')
    AND ($6::text IS NULL OR x.name LIKE '%' || $6::text || '%' OR $6::text = ANY(x.members))
    AND ($9::text[] IS NULL OR EXISTS (
      SELECT 1 FROM parcel AS p JOIN parcel_status AS s ON s.parcel_id = p.id
      WHERE p.unit_code IN (SELECT jsonb_array_elements_text(x.detail -> 'parcels'))
        AND s.year = (SELECT year FROM evaluation_run WHERE id = $1::int) AND s.flags && $9::text[]))
    AND ($10::float8 IS NULL AND $11::float8 IS NULL OR (
      SELECT ($10::float8 IS NULL OR t.tax_per_mu_wan >= $10::float8) AND ($11::float8 IS NULL OR t.tax_per_mu_wan <= $11::float8)
      FROM (SELECT ${TAX_PER_MU} AS tax_per_mu_wan OFFSET 0) AS t))
  ORDER BY x.grp, x.shared_result_from IS NOT NULL, x.grade = 'T', x.rank NULLS LAST, x.unit_id
  LIMIT $7::int OFFSET $8::int`;

export async function resultsPage(db: Queryable, runId: number, f: ResultFilter, limit: number, offset: number) {
  const rows = await db.query<ResultRow & { total_count: number }>(RESULTS_PAGE, [
    runId, f.grades, f.group, f.region, f.industry, f.q, limit, offset, f.flags, f.taxPerMuMinWan, f.taxPerMuMaxWan,
  ]);
  return { total: rows[0]?.total_count ?? 0, rows };
}

export function allResults(db: Queryable, runId: number) {
  return db.query<ResultRow>(`SELECT ${RESULT_COLUMNS} FROM evaluation_result WHERE run_id = $1::int ORDER BY unit_id`, [runId]);
}

const HISTORY = `
  SELECT r.id AS run_id, r.year, r.method_id, r.method_version, r.created_at, x.unit_id, x.kind, x.grade, x.total, x.rank, x.rank_of,
         x.shared_result_from, x.detail
  FROM evaluation_result AS x JOIN evaluation_run AS r ON r.id = x.run_id
  WHERE $1::text = ANY(x.members) AND (x.kind = 'enterprise' OR NOT EXISTS (
    SELECT 1 FROM evaluation_result AS own WHERE own.run_id = x.run_id AND own.unit_id = $1::text))
  ORDER BY r.year, r.id`;

/** Every run's result for one enterprise: its own, or the merged parcel's when it has no own result. */
export function enterpriseHistory(db: Queryable, uscc: string) {
  return db.query<{ run_id: number; year: number; method_id: string; method_version: string; created_at: string; unit_id: string; kind: string; grade: string; total: number | null; rank: number | null; rank_of: number | null; shared_result_from: string | null; detail: unknown }>(HISTORY, [uscc]);
}

const LATEST_RESULTS_FOR = `
  SELECT r.id AS run_id, r.year, x.unit_id, x.members, x.grp, x.grade, x.total, x.rank, x.rank_of, x.shared_result_from, x.detail
  FROM evaluation_result AS x JOIN evaluation_run AS r ON r.id = x.run_id
  WHERE x.run_id = ${LATEST_RUN_SQL}
    AND (x.unit_id = ANY($1::text[]) OR x.unit_id = 'parcel:' || $2::text)`;

/** The latest run's results for these enterprises and for the parcel's merged unit, if any. */
export function latestResultsFor(db: Queryable, usccs: string[], parcelCode: string) {
  return db.query<{ run_id: number; year: number; unit_id: string; members: string[]; grp: 'above' | 'below'; grade: string; total: number | null; rank: number | null; rank_of: number | null; shared_result_from: string | null; detail: unknown }>(LATEST_RESULTS_FOR, [usccs, parcelCode]);
}

const INDUSTRIAL_LAND_BY_REGION = `
  SELECT r.code, r.name, r.level, coalesce(sum(p.area_m2) FILTER (WHERE lu.industrial), 0)::float8 AS industrial_area_m2
  FROM region AS r
  LEFT JOIN parcel_region AS pr ON pr.region_id = r.id
  LEFT JOIN parcel AS p ON p.id = pr.parcel_id
  LEFT JOIN land_use AS lu ON lu.code = p.land_use
  GROUP BY r.id, r.code, r.name, r.level
  ORDER BY r.code`;

export function industrialLandByRegion(db: Queryable) {
  return db.query<{ code: string; name: string; level: string; industrial_area_m2: number }>(INDUSTRIAL_LAND_BY_REGION);
}

// ---------- parcels between two runs ----------

const PARCEL_GRADE_CHANGES = `
  SELECT p.id, p.unit_code AS code, a.grade AS grade_from, b.grade AS grade_to, coalesce(b.unit_id, a.unit_id) AS unit_id
  FROM (SELECT parcel_id, grade, unit_id FROM evaluation_parcel WHERE run_id = $1::int) AS a
  FULL JOIN (SELECT parcel_id, grade, unit_id FROM evaluation_parcel WHERE run_id = $2::int) AS b ON b.parcel_id = a.parcel_id
  JOIN parcel AS p ON p.id = coalesce(a.parcel_id, b.parcel_id)
  WHERE a.grade IS DISTINCT FROM b.grade
  ORDER BY p.id`;

/** Parcels whose grade on the map differs between two runs (absent from a run: null). */
export function parcelGradeChanges(db: Queryable, fromRunId: number, toRunId: number) {
  return db.query<{ id: number; code: string; grade_from: string | null; grade_to: string | null; unit_id: string }>(
    PARCEL_GRADE_CHANGES, [fromRunId, toRunId]);
}
