/**
 * The one database seam. Everything above `server/db/` sees a `Database`: parameterised queries,
 * multi-statement scripts (migrations) and transactions through one helper. Whether it is a real
 * PostGIS server (pg) or the embedded PGlite + PostGIS is decided here and nowhere else.
 */

export interface Queryable {
  /** One statement with `$n` parameters; rows come back with int8/numeric as numbers, dates as 'YYYY-MM-DD'. */
  query<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** A script of several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type DatabaseKind = 'embedded' | 'postgis';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** postgres:// URL of a PostGIS server; when absent the embedded database is used. */
  url?: string;
  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.url) {
    const { openPostgis } = await import('./postgis.ts');
    return openPostgis(config.url);
  }
  const { openEmbedded } = await import('./embedded.ts');
  return openEmbedded(config.dataDir);
}

/** Type OIDs parsed the same way on both backends. */
export const TYPE_OIDS = { int8: 20, numeric: 1700, date: 1082, timestamp: 1114, timestamptz: 1184 } as const;
