import pg from 'pg';
import type { Database, Queryable } from './database.ts';
import { TYPE_OIDS } from './database.ts';

const asNumber = (v: string) => Number(v);
const asText = (v: string) => v;
const parsers: Record<number, (v: string) => unknown> = {
  [TYPE_OIDS.int8]: asNumber,
  [TYPE_OIDS.numeric]: asNumber,
  [TYPE_OIDS.date]: asText,
  [TYPE_OIDS.timestamp]: asText,
  [TYPE_OIDS.timestamptz]: asText,
};

// Per-pool type parsing, so the process-wide pg.types stays untouched.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return parsers[oid] ?? pg.types.getTypeParser(oid, format);
  },
};

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const res = await client.query({ text: sql, values: params as unknown[], types });
      return res.rows as R[];
    },
    async exec(sql: string) {
      await client.query({ text: sql, types });
    },
  };
}

export async function openPostgis(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // An idle connection dropped by the server (restart, admin command) must not crash the process;
  // the pool replaces it on the next query.
  let closing = false;
  pool.on('error', (err) => {
    if (!closing) console.error(`[mujun] PostGIS connection lost: ${err.message}`);
  });
  // Fail at start, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const base = queryable(pool);
  return {
    kind: 'postgis',
    ...base,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      closing = true;
      await pool.end();
    },
  };
}
