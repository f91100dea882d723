/** Land-status rules documents (versioned, never edited) and the record of the last refresh. */
import type { Queryable } from '../database.ts';

export interface LandRulesRow {
  id: string;
  version: number;
  name: string;
  document: unknown;
  created_at: string;
}

export function listLandRules(db: Queryable) {
  return db.query<Omit<LandRulesRow, 'document'>>(`SELECT id, version, name, created_at FROM land_rules ORDER BY id, version`);
}

/** The given version, or the newest one of that id. */
export async function getLandRules(db: Queryable, id: string, version: number | null): Promise<LandRulesRow | null> {
  const [row] = await db.query<LandRulesRow>(
    `SELECT id, version, name, document, created_at FROM land_rules
     WHERE id = $1::text AND ($2::int IS NULL OR version = $2::int)
     ORDER BY version DESC LIMIT 1`,
    [id, version],
  );
  return row ?? null;
}

/** The rules in force: the document stored last. */
export async function activeLandRules(db: Queryable): Promise<LandRulesRow | null> {
  const [row] = await db.query<LandRulesRow>(
    `SELECT id, version, name, document, created_at FROM land_rules ORDER BY created_at DESC, id DESC, version DESC LIMIT 1`,
  );
  return row ?? null;
}

/** Stores a version; false when that id and version already exist (documents are never overwritten). */
export async function insertLandRules(db: Queryable, r: { id: string; version: number; name: string; document: unknown }): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO land_rules (id, version, name, document) VALUES ($1::text, $2::int, $3::text, $4::jsonb)
     ON CONFLICT (id, version) DO NOTHING RETURNING id`,
    [r.id, r.version, r.name, JSON.stringify(r.document)],
  );
  return rows.length > 0;
}

export interface LandRefreshRow {
  rules_id: string;
  rules_version: number;
  data_version: string;
  years: number[];
  latest_year: number | null;
  computed_at: string;
  summary: unknown;
}

export async function landRefresh(db: Queryable): Promise<LandRefreshRow | null> {
  const [row] = await db.query<LandRefreshRow>(
    `SELECT rules_id, rules_version, data_version, years, latest_year, computed_at, summary FROM land_refresh`,
  );
  return row ?? null;
}

export async function recordLandRefresh(
  tx: Queryable,
  r: { rulesId: string; rulesVersion: number; dataVersion: string; years: number[]; latestYear: number | null; summary: unknown },
): Promise<void> {
  await tx.query(
    `INSERT INTO land_refresh (singleton, rules_id, rules_version, data_version, years, latest_year, computed_at, summary)
     VALUES (true, $1::text, $2::int, $3::text, $4::int[], $5::int, now(), $6::jsonb)
     ON CONFLICT (singleton) DO UPDATE SET rules_id = EXCLUDED.rules_id, rules_version = EXCLUDED.rules_version,
       data_version = EXCLUDED.data_version, years = EXCLUDED.years, latest_year = EXCLUDED.latest_year,
       computed_at = EXCLUDED.computed_at, summary = EXCLUDED.summary`,
    [r.rulesId, r.rulesVersion, r.dataVersion, r.years, r.latestYear, JSON.stringify(r.summary)],
  );
}

/** The ledger and evaluation state a refresh reads: `i<last import batch>.e<last evaluation run>`. */
export async function landDataVersion(db: Queryable): Promise<string> {
  const [row] = await db.query<{ v: string }>(
    `SELECT 'i' || (SELECT coalesce(max(id), 0) FROM import_batch) || '.e' || (SELECT coalesce(max(id), 0) FROM evaluation_run) AS v`,
  );
  return row!.v;
}

// Any constant will do: it keeps two refreshes (say, two evaluation runs at once) from interleaving.
const REFRESH_LOCK_KEY = 7_305_022;

/** Waits for any other refresh to finish; held until the transaction ends. */
export async function lockLandRefresh(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [REFRESH_LOCK_KEY]);
}
