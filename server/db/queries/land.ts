/**
 * Land status: the facts the rules read about every parcel (all years at once), the grades the
 * evaluation gave, and the statuses stored per parcel and year.
 */
import type { Queryable } from '../database.ts';

/** Yearly figures of an enterprise, by year then metric key (tax_wan, value_added_wan, …). */
export type FiguresByYear = Record<string, Partial<Record<'tax_wan' | 'value_added_wan' | 'energy_tce' | 'rd_wan' | 'revenue_wan', number>>>;

export interface ParcelFactsRow {
  id: number;
  unit_code: string;
  area_m2: number;
  far: number | null;
  floor_area_m2: number | null;
  holder_uscc: string | null;
  holder_industry_code: string | null;
  approval_date: string | null;
  supply_date: string | null;
  supply_method: '出让' | '划拨' | '租赁' | null;
  start_deadline: string | null;
  actual_start_date: string | null;
  completion_date: string | null;
  land_price_wan: number | null;
  dev_status: '未供' | '未开工' | '在建' | '停建' | '已竣工' | '已投产' | null;
  developed_area_m2: number | null;
  invested_wan: number | null;
  halted_date: string | null;
  standard_land: {
    investmentWanPerMu: number | null; farMin: number | null; farMax: number | null; taxPerMuWan: number | null;
    vaPerTceWan: number | null; rdRatioPct: number | null; targetDate: string | null;
  } | null;
  /** Main occupant first: owners before tenants, then by area used. */
  occupants: { uscc: string; name: string; role: 'owner' | 'tenant'; areaUsedM2: number; totalAreaUsedM2: number; industryCode: string; figures: FiguresByYear | null }[];
  buildings: { name: string; floorAreaM2: number | null; vacantFloorAreaM2: number | null }[];
}

// One row per parcel with everything the rules read for any year: an enterprise's land on all its
// parcels (its figures are shared in proportion), and its figures for every year.
const PARCEL_FACTS = `
  WITH used AS (
    SELECT o.parcel_id, o.enterprise_id, o.role, o.area_used_m2,
           sum(o.area_used_m2) OVER (PARTITION BY o.enterprise_id) AS total_m2
    FROM occupancy AS o
  ), figures AS (
    SELECT y.enterprise_id, json_object_agg(y.year, y.v) AS by_year
    FROM (
      SELECT m.enterprise_id, m.year, json_object_agg(m.metric, m.value) AS v
      FROM enterprise_metric AS m
      WHERE m.metric IN ('tax_wan', 'value_added_wan', 'energy_tce', 'rd_wan', 'revenue_wan')
      GROUP BY m.enterprise_id, m.year
    ) AS y
    GROUP BY y.enterprise_id
  ), occupants AS (
    SELECT u.parcel_id,
           json_agg(json_build_object('uscc', e.uscc, 'name', e.name, 'role', u.role, 'areaUsedM2', u.area_used_m2,
             'totalAreaUsedM2', u.total_m2, 'industryCode', e.industry_code, 'figures', f.by_year)
             ORDER BY u.role = 'owner' DESC, u.area_used_m2 DESC, e.uscc) AS list
    FROM used AS u
    JOIN enterprise AS e ON e.id = u.enterprise_id
    LEFT JOIN figures AS f ON f.enterprise_id = u.enterprise_id
    GROUP BY u.parcel_id
  ), buildings AS (
    SELECT b.parcel_id, json_agg(json_build_object('name', b.name, 'floorAreaM2', b.floor_area_m2, 'vacantFloorAreaM2', b.vacant_floor_area_m2)
             ORDER BY b.name, b.id) AS list
    FROM building AS b GROUP BY b.parcel_id
  )
  SELECT p.id, p.unit_code, p.area_m2, p.far, p.floor_area_m2, p.holder_uscc, h.industry_code AS holder_industry_code,
         p.approval_date, p.supply_date, p.supply_method, p.start_deadline, p.actual_start_date, p.completion_date,
         p.land_price_wan, p.dev_status, p.developed_area_m2, p.invested_wan, p.halted_date,
         CASE WHEN s.parcel_id IS NULL THEN NULL ELSE json_build_object(
           'investmentWanPerMu', s.investment_wan_per_mu, 'farMin', s.far_min, 'farMax', s.far_max, 'taxPerMuWan', s.tax_per_mu_wan,
           'vaPerTceWan', s.va_per_tce_wan, 'rdRatioPct', s.rd_ratio_pct, 'targetDate', s.target_date) END AS standard_land,
         coalesce(o.list, '[]') AS occupants,
         coalesce(b.list, '[]') AS buildings
  FROM parcel AS p
  LEFT JOIN enterprise AS h ON h.id = p.holder_enterprise_id
  LEFT JOIN standard_land AS s ON s.parcel_id = p.id
  LEFT JOIN occupants AS o ON o.parcel_id = p.id
  LEFT JOIN buildings AS b ON b.parcel_id = p.id
  ORDER BY p.unit_code`;

export function parcelFactsRows(db: Queryable) {
  return db.query<ParcelFactsRow>(PARCEL_FACTS);
}

/** Years with figures, ascending: the years a status is computed for. */
export async function metricYears(db: Queryable): Promise<number[]> {
  const rows = await db.query<{ year: number }>(`SELECT DISTINCT year FROM enterprise_metric ORDER BY year`);
  return rows.map((r) => r.year);
}

const LATEST_RUN_PER_YEAR = `SELECT DISTINCT ON (year) id, year FROM evaluation_run ORDER BY year, id DESC`;

export interface EnterpriseGradeRow {
  year: number;
  uscc: string;
  grade: string;
  base_grade: string | null;
  /** The protection line of the result (`保护：…，不评 D`), when one applied. */
  protection: string | null;
}

// A year's grade is that of its latest run: the enterprise's own result, or else the merged
// parcel's it is a member of.
const ENTERPRISE_GRADES = `
  WITH latest AS (${LATEST_RUN_PER_YEAR})
  SELECT DISTINCT ON (l.year, m.uscc) l.year, m.uscc, r.grade, r.base_grade,
         (SELECT string_agg(x, '；') FROM jsonb_array_elements_text(r.detail -> 'reasons') AS x WHERE x LIKE '保护：%') AS protection
  FROM latest AS l
  JOIN evaluation_result AS r ON r.run_id = l.id
  CROSS JOIN LATERAL unnest(r.members) AS m(uscc)
  ORDER BY l.year, m.uscc, r.unit_id = m.uscc DESC, r.unit_id`;

export function enterpriseGrades(db: Queryable) {
  return db.query<EnterpriseGradeRow>(ENTERPRISE_GRADES);
}

/** The grade each parcel showed in each year's latest run. */
export function parcelGrades(db: Queryable) {
  return db.query<{ year: number; parcel_id: number; grade: string }>(
    `WITH latest AS (${LATEST_RUN_PER_YEAR})
     SELECT l.year, g.parcel_id, g.grade FROM latest AS l JOIN evaluation_parcel AS g ON g.run_id = l.id`,
  );
}

export function enterpriseTags(db: Queryable) {
  return db.query<{ uscc: string; name: string; tags: string[] }>(`SELECT uscc, name, tags FROM enterprise ORDER BY uscc`);
}

export interface StatusInsert {
  parcel_id: number;
  stage: string;
  flags: string[];
  grade: string | null;
  basis: string[];
  detail: unknown;
}

const INSERT_STATUSES = `
  INSERT INTO parcel_status (year, parcel_id, rules_id, rules_version, data_version, stage, flags, grade, consolidation_basis, detail)
  SELECT $1::int, x.parcel_id, $2::text, $3::int, $4::text, x.stage, x.flags, x.grade, x.basis, x.detail
  FROM jsonb_to_recordset($5::jsonb) AS x(parcel_id int, stage text, flags text[], grade text, basis text[], detail jsonb)`;

export async function clearStatuses(tx: Queryable): Promise<void> {
  await tx.query(`DELETE FROM parcel_status`);
}

export async function insertStatuses(
  tx: Queryable,
  meta: { year: number; rulesId: string; rulesVersion: number; dataVersion: string },
  rows: readonly StatusInsert[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await tx.query(INSERT_STATUSES, [meta.year, meta.rulesId, meta.rulesVersion, meta.dataVersion, JSON.stringify(rows.slice(i, i + 2000))]);
  }
}

export interface StatusRow {
  year: number;
  rules_id: string;
  rules_version: number;
  data_version: string;
  stage: string;
  flags: string[];
  grade: string | null;
  consolidation_basis: string[];
  detail: unknown;
}

export function statusHistory(db: Queryable, parcelId: number) {
  return db.query<StatusRow>(
    `SELECT year, rules_id, rules_version, data_version, stage, flags, grade, consolidation_basis, detail
     FROM parcel_status WHERE parcel_id = $1::int ORDER BY year`,
    [parcelId],
  );
}

/** Regions (every level) of each parcel, by parcel id. */
export function parcelRegionCodes(db: Queryable) {
  return db.query<{ parcel_id: number; codes: string[] }>(
    `SELECT pr.parcel_id, array_agg(r.code ORDER BY r.code) AS codes
     FROM parcel_region AS pr JOIN region AS r ON r.id = pr.region_id GROUP BY pr.parcel_id`,
  );
}

/** Parcels stored as consolidation candidates for a year, with their flags and grade (to rebuild the basis). */
export function storedCandidates(db: Queryable, year: number) {
  return db.query<{ parcel_id: number; grade: string | null; flags: { code: string; label: string }[] }>(
    `SELECT parcel_id, grade, detail -> 'flags' AS flags FROM parcel_status
     WHERE year = $1::int AND cardinality(consolidation_basis) > 0 ORDER BY parcel_id`,
    [year],
  );
}
