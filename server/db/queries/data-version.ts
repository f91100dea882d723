/**
 * The data version: a short token that changes whenever what the map shows may change — the last
 * import batch, the last evaluation run and the land-status rules the last refresh applied,
 * `i7r3l1a2b3c` (the same token `/api/meta` gives). A refresh is a function of the ledger, the runs
 * and its rules, so the first two parts and the rules cover it. A new source of change is one more
 * part in DATA_VERSION_SQL. Tiles and other long-cached responses carry the token in their URLs and
 * ETags.
 */
import type { Queryable } from '../database.ts';

/**
 * The token as one SQL expression, so a query can report the version its own snapshot saw (a tile
 * read in the same statement as the version it is labelled with cannot be mislabelled by an import
 * committing in between).
 */
export const DATA_VERSION_SQL = `('i' || (SELECT coalesce(max(id), 0) FROM import_batch)
  || 'r' || (SELECT coalesce(max(id), 0) FROM evaluation_run)
  || coalesce((SELECT 'l' || left(md5(rules_id || '@' || rules_version), 6) FROM land_refresh), ''))`;

/**
 * The run the map shows: the latest data year's latest run (re-running an earlier year for a
 * comparison does not take the map back to that year).
 */
export const LATEST_RUN_SQL = `(SELECT id FROM evaluation_run ORDER BY year DESC, id DESC LIMIT 1)`;

const DATA_VERSION = `SELECT ${DATA_VERSION_SQL} AS version`;

export async function dataVersion(db: Queryable): Promise<string> {
  const [row] = await db.query<{ version: string }>(DATA_VERSION);
  return row!.version;
}
