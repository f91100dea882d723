/**
 * Writes a validated delivery inside the caller's transaction. Rows travel as one JSON parameter per
 * chunk (jsonb_to_recordset), which is fast on both PostGIS and the embedded database.
 */
import type { Queryable } from '../database.ts';
import type { Delivery, Origin } from '../../import/records.ts';

const CHUNK = 4000;

async function inChunks<T>(rows: readonly T[], fn: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await fn(rows.slice(i, i + CHUNK));
}

const json = (rows: unknown[]) => JSON.stringify(rows);

/** A row the database was given but did not store, and what it was. */
export interface NotStoredRow {
  origin: Origin;
  /** The field to look at (geometry for a parcel whose shape PostGIS could not take). */
  field: string | null;
  message: string;
}

/**
 * The database stored fewer rows than it was given: nothing raised an error, yet rows are
 * missing. The embedded PostGIS does this when GEOS fails inside a statement (it returns no row
 * instead of an error); the import must refuse rather than lose them.
 */
export class NotStoredError extends Error {
  constructor(readonly rows: NotStoredRow[]) {
    super(`${rows.length} 行未能入库`);
    this.name = 'NotStoredError';
  }
}

/**
 * Counts what an `INSERT … RETURNING … AS key` stored, with the keys when each row has one.
 * Keyed statements name the rows that are missing; the others (whose rows join by code) name the
 * chunk they were in.
 */
function countStored(sql: string, keyed: boolean): string {
  return `WITH stored AS (${sql}) SELECT count(*)::int AS n, ${keyed ? 'array_agg(key::text)' : 'NULL::text[]'} AS keys FROM stored`;
}

interface Kind<T> {
  sql: string;
  /** The row as the statement's JSON record. */
  record: (row: T) => object;
  /** The key the statement returns, when it returns one per row. */
  key?: (row: T) => string;
  field: string | null;
  what: string;
}

async function store<T extends { origin: Origin }>(tx: Queryable, rows: readonly T[], kind: Kind<T>): Promise<void> {
  const sql = countStored(kind.sql, kind.key !== undefined);
  await inChunks(rows, async (chunk) => {
    const [result] = await tx.query<{ n: number; keys: string[] | null }>(sql, [json(chunk.map(kind.record))]);
    if (result!.n === chunk.length) return;
    const { key } = kind;
    if (key) {
      const got = new Set(result!.keys ?? []);
      const missing = chunk.filter((r) => !got.has(key(r)));
      throw new NotStoredError(missing.map((r) => ({ origin: r.origin, field: kind.field, message: `${kind.what}未能入库（数据库未报错，但未写入此行）` })));
    }
    const first = chunk[0]!.origin;
    const last = chunk.at(-1)!.origin;
    throw new NotStoredError([{
      origin: first,
      field: kind.field,
      message: `第 ${first.row}–${last.row} 行的${kind.what}中有 ${chunk.length - result!.n} 行未能入库（数据库未报错，但未写入）`,
    }]);
  });
}

export interface GeometryRepair {
  file: string;
  row: number;
  reason: string;
  /** Nothing polygonal survived ST_MakeValid: the row cannot be stored. */
  empty: boolean;
}

const CHECK_PARCEL_GEOMETRY = `
  SELECT x.i::int AS i, ST_IsValidReason(g) AS reason,
         ST_IsEmpty(ST_CollectionExtract(ST_MakeValid(g), 3)) AS empty
  FROM jsonb_to_recordset($1::jsonb) AS x(i int, geojson text),
       LATERAL (SELECT ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(x.geojson), 4326)) AS g) AS s
  WHERE NOT ST_IsValid(g)`;

/** Parcels whose geometry PostGIS finds invalid, with its reason; they will be repaired on store. */
export async function checkParcelGeometry(tx: Queryable, delivery: Delivery): Promise<GeometryRepair[]> {
  const repairs: GeometryRepair[] = [];
  await inChunks(delivery.parcels.map((p, i) => ({ i, geojson: JSON.stringify(p.geometry) })), async (chunk) => {
    const rows = await tx.query<{ i: number; reason: string; empty: boolean }>(CHECK_PARCEL_GEOMETRY, [json(chunk)]);
    for (const r of rows) {
      const origin = delivery.parcels[r.i]!.origin;
      repairs.push({ file: origin.file, row: origin.row, reason: r.reason, empty: r.empty });
    }
  });
  return repairs;
}

const UPSERT_REGIONS = `
  INSERT INTO region (code, name, level, geom)
  SELECT x.code, x.name, x.level, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(x.geojson), 4326))), 3))
  FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, level text, geojson text)
  ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, geom = EXCLUDED.geom
  RETURNING code AS key`;

const LINK_REGION_PARENTS = `
  UPDATE region AS r SET parent_id = p.id
  FROM jsonb_to_recordset($1::jsonb) AS x(code text, parent_code text)
  LEFT JOIN region AS p ON p.code = x.parent_code
  WHERE r.code = x.code`;

const INSERT_ROADS = `
  INSERT INTO road (name, road_class, geom)
  SELECT x.name, x.road_class, ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(x.geojson), 4326)))
  FROM jsonb_to_recordset($1::jsonb) AS x(name text, road_class text, geojson text)
  RETURNING 1 AS key`;

const UPSERT_ENTERPRISES = `
  INSERT INTO enterprise (uscc, uscc_warnings, name, industry_code, scale, tags, is_utility, production_start_date, in_major_construction)
  SELECT x.uscc, x.uscc_warnings, x.name, x.industry_code, x.scale, x.tags, x.is_utility, x.production_start_date, x.in_major_construction
  FROM jsonb_to_recordset($1::jsonb) AS x(uscc text, uscc_warnings text[], name text, industry_code text, scale text, tags text[],
                                          is_utility boolean, production_start_date date, in_major_construction boolean)
  ON CONFLICT (uscc) DO UPDATE SET uscc_warnings = EXCLUDED.uscc_warnings, name = EXCLUDED.name, industry_code = EXCLUDED.industry_code,
    scale = EXCLUDED.scale, tags = EXCLUDED.tags, is_utility = EXCLUDED.is_utility,
    production_start_date = EXCLUDED.production_start_date, in_major_construction = EXCLUDED.in_major_construction
  RETURNING uscc AS key`;

const UPSERT_PARCELS = `
  WITH src AS (
    SELECT x.*, ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(x.geojson), 4326)) AS g0
    FROM jsonb_to_recordset($1::jsonb) AS x(unit_code text, geojson text, land_use text, registry_area_m2 float8, far float8,
      floor_area_m2 float8, holder_uscc text, approval_date date, supply_date date, supply_method text, start_deadline date,
      actual_start_date date, completion_date date, land_price_wan float8, dev_status text, developed_area_m2 float8,
      invested_wan float8, halted_date date)
  ), fixed AS (
    SELECT src.*, ST_Multi(CASE WHEN ST_IsValid(g0) THEN g0 ELSE ST_CollectionExtract(ST_MakeValid(g0), 3) END) AS g FROM src
  )
  INSERT INTO parcel (unit_code, geom, area_m2, registry_area_m2, land_use, far, floor_area_m2, holder_uscc, approval_date,
    supply_date, supply_method, start_deadline, actual_start_date, completion_date, land_price_wan, dev_status,
    developed_area_m2, invested_wan, halted_date)
  SELECT unit_code, g, ST_Area(g::geography), registry_area_m2, land_use, far, floor_area_m2, holder_uscc, approval_date,
    supply_date, supply_method, start_deadline, actual_start_date, completion_date, land_price_wan, dev_status,
    developed_area_m2, invested_wan, halted_date
  FROM fixed
  ON CONFLICT (unit_code) DO UPDATE SET geom = EXCLUDED.geom, area_m2 = EXCLUDED.area_m2,
    registry_area_m2 = EXCLUDED.registry_area_m2, land_use = EXCLUDED.land_use, far = EXCLUDED.far,
    floor_area_m2 = EXCLUDED.floor_area_m2, holder_uscc = EXCLUDED.holder_uscc, approval_date = EXCLUDED.approval_date,
    supply_date = EXCLUDED.supply_date, supply_method = EXCLUDED.supply_method, start_deadline = EXCLUDED.start_deadline,
    actual_start_date = EXCLUDED.actual_start_date, completion_date = EXCLUDED.completion_date,
    land_price_wan = EXCLUDED.land_price_wan, dev_status = EXCLUDED.dev_status,
    developed_area_m2 = EXCLUDED.developed_area_m2, invested_wan = EXCLUDED.invested_wan, halted_date = EXCLUDED.halted_date
  RETURNING unit_code AS key`;

const LINK_HOLDERS = `
  UPDATE parcel AS p SET holder_enterprise_id = e.id
  FROM enterprise AS e WHERE e.uscc = p.holder_uscc AND p.holder_enterprise_id IS DISTINCT FROM e.id`;

const CLEAR_OCCUPANCY = `
  DELETE FROM occupancy WHERE parcel_id IN (SELECT id FROM parcel WHERE unit_code = ANY($1::text[]))`;

const INSERT_OCCUPANCY = `
  INSERT INTO occupancy (enterprise_id, parcel_id, role, area_used_m2)
  SELECT e.id, p.id, x.role, x.area_used_m2
  FROM jsonb_to_recordset($1::jsonb) AS x(uscc text, unit_code text, role text, area_used_m2 float8)
  JOIN enterprise AS e ON e.uscc = x.uscc
  JOIN parcel AS p ON p.unit_code = x.unit_code
  RETURNING 1 AS key`;

const CLEAR_BUILDINGS = `
  DELETE FROM building WHERE parcel_id IN (SELECT id FROM parcel WHERE unit_code = ANY($1::text[]))`;

const INSERT_BUILDINGS = `
  INSERT INTO building (parcel_id, name, floor_area_m2, floors, vacant_floor_area_m2)
  SELECT p.id, x.name, x.floor_area_m2, x.floors, x.vacant_floor_area_m2
  FROM jsonb_to_recordset($1::jsonb) AS x(unit_code text, name text, floor_area_m2 float8, floors int, vacant_floor_area_m2 float8)
  JOIN parcel AS p ON p.unit_code = x.unit_code
  RETURNING 1 AS key`;

const UPSERT_STANDARD_LAND = `
  INSERT INTO standard_land (parcel_id, investment_wan_per_mu, far_min, far_max, tax_per_mu_wan, va_per_tce_wan, rd_ratio_pct, target_date)
  SELECT p.id, x.investment_wan_per_mu, x.far_min, x.far_max, x.tax_per_mu_wan, x.va_per_tce_wan, x.rd_ratio_pct, x.target_date
  FROM jsonb_to_recordset($1::jsonb) AS x(unit_code text, investment_wan_per_mu float8, far_min float8, far_max float8,
    tax_per_mu_wan float8, va_per_tce_wan float8, rd_ratio_pct float8, target_date date)
  JOIN parcel AS p ON p.unit_code = x.unit_code
  ON CONFLICT (parcel_id) DO UPDATE SET investment_wan_per_mu = EXCLUDED.investment_wan_per_mu, far_min = EXCLUDED.far_min,
    far_max = EXCLUDED.far_max, tax_per_mu_wan = EXCLUDED.tax_per_mu_wan, va_per_tce_wan = EXCLUDED.va_per_tce_wan,
    rd_ratio_pct = EXCLUDED.rd_ratio_pct, target_date = EXCLUDED.target_date
  RETURNING 1 AS key`;

const UPSERT_METRICS = `
  INSERT INTO enterprise_metric (enterprise_id, year, metric, value, source)
  SELECT e.id, x.year, x.metric, x.value, x.source
  FROM jsonb_to_recordset($1::jsonb) AS x(uscc text, year int, metric text, value float8, source text)
  JOIN enterprise AS e ON e.uscc = x.uscc
  ON CONFLICT (enterprise_id, year, metric) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source
  RETURNING 1 AS key`;

const UPSERT_EVENTS = `
  INSERT INTO enterprise_event (enterprise_id, year, kind, note, source)
  SELECT e.id, x.year, x.kind, x.note, x.source
  FROM jsonb_to_recordset($1::jsonb) AS x(uscc text, year int, kind text, note text, source text)
  JOIN enterprise AS e ON e.uscc = x.uscc
  ON CONFLICT (enterprise_id, year, kind) DO UPDATE SET note = EXCLUDED.note, source = EXCLUDED.source
  RETURNING 1 AS key`;

const ASSIGN_REGIONS = `
  DELETE FROM parcel_region;
  INSERT INTO parcel_region (parcel_id, region_id)
  SELECT p.id, r.id FROM parcel AS p JOIN region AS r ON ST_Intersects(r.geom, ST_PointOnSurface(p.geom));`;

const REFRESH_SUMMARY = `REFRESH MATERIALIZED VIEW parcel_summary`;

const RECORD_BATCH = `
  INSERT INTO import_batch (name, content_hash, counts, warnings) VALUES ($1::text, $2::text, $3::jsonb, $4::jsonb) RETURNING id::int AS id`;

export const FIND_BATCH_BY_HASH = `SELECT id::int AS id FROM import_batch WHERE content_hash = $1::text LIMIT 1`;

export async function storeDelivery(tx: Queryable, d: Delivery): Promise<void> {
  await store(tx, d.regions, {
    sql: UPSERT_REGIONS, key: (r) => r.code, field: 'geometry', what: '区域',
    record: (r) => ({ code: r.code, name: r.name, level: r.level, geojson: JSON.stringify(r.geometry) }),
  });
  await inChunks(d.regions, (c) => tx.query(LINK_REGION_PARENTS, [json(c.map((r) => ({ code: r.code, parent_code: r.parentCode })))]).then(() => undefined));
  if (d.roads) {
    await tx.query('DELETE FROM road');
    await store(tx, d.roads, {
      sql: INSERT_ROADS, field: 'geometry', what: '道路',
      record: (r) => ({ name: r.name, road_class: r.roadClass, geojson: JSON.stringify(r.geometry) }),
    });
  }
  await store(tx, d.enterprises, {
    sql: UPSERT_ENTERPRISES, key: (e) => e.uscc, field: null, what: '企业',
    record: (e) => ({
      uscc: e.uscc, uscc_warnings: e.usccWarnings, name: e.name, industry_code: e.industryCode, scale: e.scale, tags: e.tags,
      is_utility: e.isUtility, production_start_date: e.productionStartDate, in_major_construction: e.inMajorConstruction,
    }),
  });
  await store(tx, d.parcels, {
    sql: UPSERT_PARCELS, key: (p) => p.unitCode, field: 'geometry', what: '宗地',
    record: (p) => ({
      unit_code: p.unitCode, geojson: JSON.stringify(p.geometry), land_use: p.landUse, registry_area_m2: p.registryAreaM2, far: p.far,
      floor_area_m2: p.floorAreaM2, holder_uscc: p.holderUscc, approval_date: p.approvalDate, supply_date: p.supplyDate,
      supply_method: p.supplyMethod, start_deadline: p.startDeadline, actual_start_date: p.actualStartDate,
      completion_date: p.completionDate, land_price_wan: p.landPriceWan, dev_status: p.devStatus,
      developed_area_m2: p.developedAreaM2, invested_wan: p.investedWan, halted_date: p.haltedDate,
    }),
  });
  if (d.parcels.length > 0 || d.enterprises.length > 0) await tx.query(LINK_HOLDERS);

  if (d.occupancy.length > 0) {
    await tx.query(CLEAR_OCCUPANCY, [[...new Set(d.occupancy.map((o) => o.unitCode))]]);
    await store(tx, d.occupancy, {
      sql: INSERT_OCCUPANCY, field: null, what: '用地关系',
      record: (o) => ({ uscc: o.uscc, unit_code: o.unitCode, role: o.role, area_used_m2: o.areaUsedM2 }),
    });
  }
  if (d.buildings.length > 0) {
    await tx.query(CLEAR_BUILDINGS, [[...new Set(d.buildings.map((b) => b.unitCode))]]);
    await store(tx, d.buildings, {
      sql: INSERT_BUILDINGS, field: null, what: '建筑',
      record: (b) => ({ unit_code: b.unitCode, name: b.name, floor_area_m2: b.floorAreaM2, floors: b.floors, vacant_floor_area_m2: b.vacantFloorAreaM2 }),
    });
  }
  await store(tx, d.standardLand, {
    sql: UPSERT_STANDARD_LAND, field: null, what: '标准地承诺',
    record: (s) => ({
      unit_code: s.unitCode, investment_wan_per_mu: s.investmentWanPerMu, far_min: s.farMin, far_max: s.farMax,
      tax_per_mu_wan: s.taxPerMuWan, va_per_tce_wan: s.vaPerTceWan, rd_ratio_pct: s.rdRatioPct, target_date: s.targetDate,
    }),
  });
  await store(tx, d.metrics, {
    sql: UPSERT_METRICS, field: null, what: '指标',
    record: (m) => ({ uscc: m.uscc, year: m.year, metric: m.metric, value: m.value, source: m.source }),
  });
  await store(tx, d.events, {
    sql: UPSERT_EVENTS, field: null, what: '事件',
    record: (e) => ({ uscc: e.uscc, year: e.year, kind: e.kind, note: e.note, source: e.source }),
  });

  if (d.regions.length > 0 || d.parcels.length > 0) await tx.exec(ASSIGN_REGIONS);
  await tx.exec(REFRESH_SUMMARY);
}

export async function recordBatch(tx: Queryable, d: Delivery, warnings: unknown[]): Promise<number> {
  const counts = {
    regions: d.regions.length, roads: d.roads?.length ?? 0, parcels: d.parcels.length, enterprises: d.enterprises.length,
    occupancy: d.occupancy.length, buildings: d.buildings.length, standardLand: d.standardLand.length, metrics: d.metrics.length, events: d.events.length,
  };
  const [row] = await tx.query<{ id: number }>(RECORD_BATCH, [d.name, d.contentHash, JSON.stringify(counts), JSON.stringify(warnings)]);
  return row!.id;
}

const KNOWN_PARCELS = `SELECT unit_code FROM parcel WHERE unit_code = ANY($1::text[]) OR parcel_code = ANY($2::text[])`;
const KNOWN_ENTERPRISES = `SELECT uscc FROM enterprise WHERE uscc = ANY($1::text[])`;
const KNOWN_LAND_USES = `SELECT code FROM land_use`;

/** Which of the given codes the database already holds (for references a delivery does not define itself). */
export async function knownCodes(tx: Queryable, unitCodes: string[], usccs: string[]) {
  const parcels = unitCodes.length
    ? await tx.query<{ unit_code: string }>(KNOWN_PARCELS, [unitCodes, unitCodes.map((c) => c.slice(0, 19))])
    : [];
  const enterprises = usccs.length ? await tx.query<{ uscc: string }>(KNOWN_ENTERPRISES, [usccs]) : [];
  const landUses = await tx.query<{ code: string }>(KNOWN_LAND_USES);
  return {
    unitCodes: parcels.map((r) => r.unit_code),
    usccs: new Set(enterprises.map((r) => r.uscc)),
    landUses: new Set(landUses.map((r) => r.code)),
  };
}
