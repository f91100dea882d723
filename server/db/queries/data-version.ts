/**
 * The data version: a short token that changes whenever what the map shows may change — the last
 * import batch and the last evaluation run, `i7r3` (the same token `/api/meta` gives). A new source
 * of change (say, land-status refreshes) is one more part in DATA_VERSION_SQL. Tiles and other
 * long-cached responses carry the token in their URLs and ETags.
 */
import type { Queryable } from '../database.ts';

/**
 * The token as one SQL expression, so a query can report the version its own snapshot saw (a tile
 * read in the same statement as the version it is labelled with cannot be mislabelled by an import
 * committing in between).
 */
export const DATA_VERSION_SQL = `('i' || (SELECT coalesce(max(id), 0) FROM import_batch)
  || 'r' || (SELECT coalesce(max(id), 0) FROM evaluation_run))`;

const DATA_VERSION = `SELECT ${DATA_VERSION_SQL} AS version`;

export async function dataVersion(db: Queryable): Promise<string> {
  const [row] = await db.query<{ version: string }>(DATA_VERSION);
  return row!.version;
}
