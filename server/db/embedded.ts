import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Database, Queryable } from './database.ts';
import { TYPE_OIDS } from './database.ts';

const asNumber = (v: string) => Number(v);
const asText = (v: string) => v;

function queryable(target: PGlite | Transaction): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const res = await target.query<R>(sql, params as unknown[]);
      return res.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/** Embedded PostGIS in `dataDir` (created on first use); `memory://` for a throwaway one. */
export async function openEmbedded(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({
    dataDir,
    extensions: { postgis },
    relaxedDurability: false,
    parsers: {
      [TYPE_OIDS.int8]: asNumber,
      [TYPE_OIDS.numeric]: asNumber,
      [TYPE_OIDS.date]: asText,
      [TYPE_OIDS.timestamp]: asText,
      [TYPE_OIDS.timestamptz]: asText,
    },
  });
  const base = queryable(db);
  return {
    kind: 'embedded',
    ...base,
    transaction: (fn) => db.transaction((tx) => fn(queryable(tx))),
    close: () => db.close(),
  };
}
