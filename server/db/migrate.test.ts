import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { listMigrations, migrate } from './migrate.ts';
import { openTestDatabase } from './testing.ts';

describe('migrations', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(); // already migrated once
  });
  afterAll(() => db?.close());

  it('are numbered without gaps', () => {
    const ids = listMigrations().map((m) => m.id);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
  });

  it('are recorded, and running them again applies nothing and keeps the data', async () => {
    await db.query(`INSERT INTO land_use (code, name, industrial) VALUES ('0699', '测试用地', true)`);
    expect(await migrate(db)).toEqual([]);
    expect(await migrate(db)).toEqual([]);
    const recorded = await db.query<{ id: number }>('SELECT id FROM schema_migration ORDER BY id');
    expect(recorded.map((r) => r.id)).toEqual(listMigrations().map((m) => m.id));
    const kept = await db.query<{ name: string }>(`SELECT name FROM land_use WHERE code = '0699'`);
    expect(kept).toEqual([{ name: '测试用地' }]);
  });

  it('give PostGIS with geodesic area', async () => {
    const [row] = await db.query<{ area: number }>(
      `SELECT ST_Area(ST_GeomFromText('POLYGON((106.3 29.6, 106.301 29.6, 106.301 29.601, 106.3 29.601, 106.3 29.6))', 4326)::geography) AS area`,
    );
    // 0.001° × 0.001° at 29.6°N: about 96.9 m × 110.8 m.
    expect(row!.area).toBeGreaterThan(10_700);
    expect(row!.area).toBeLessThan(10_760);
  });

  it('a failing migration leaves nothing behind', async () => {
    const bad = [{ id: 999, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();' }];
    await expect(migrate(db, bad)).rejects.toThrow();
    const tables = await db.query(`SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`);
    const recorded = await db.query('SELECT 1 FROM schema_migration WHERE id = 999');
    expect(tables).toEqual([]);
    expect(recorded).toEqual([]);
  });
});
