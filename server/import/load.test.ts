import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../db/database.ts';
import { openTestDatabase } from '../db/testing.ts';
import { TINY, tinyCopy } from './delivery-fixture.ts';
import { ImportError } from './issues.ts';
import { importDelivery } from './load.ts';

const COUNTS = `
  SELECT (SELECT count(*) FROM parcel)::int AS parcels, (SELECT count(*) FROM enterprise)::int AS enterprises,
         (SELECT count(*) FROM occupancy)::int AS occupancy, (SELECT count(*) FROM enterprise_metric)::int AS metrics,
         (SELECT count(*) FROM import_batch)::int AS batches,
         (SELECT sum(value) FROM enterprise_metric WHERE metric = 'tax_wan')::float8 AS tax`;

/** The database, but one statement matching `pattern` fails: a fault in the middle of a write. */
function failingOn(db: Database, pattern: RegExp): Database {
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params) => (pattern.test(sql) ? Promise.reject(new Error('injected fault')) : q.query(sql, params)),
    exec: (sql) => q.exec(sql),
  });
  return { ...db, transaction: (fn) => db.transaction((tx) => fn(wrap(tx))) };
}

/**
 * The database, but the statement matching `pattern` silently leaves out the record `drop` picks
 * from its JSON rows, as the embedded PostGIS does when GEOS fails inside a statement.
 */
function droppingRow(db: Database, pattern: RegExp, drop: (record: Record<string, unknown>) => boolean): Database {
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      if (!pattern.test(sql) || !params) return q.query(sql, params);
      const rows = JSON.parse(params[0] as string) as Record<string, unknown>[];
      return q.query(sql, [JSON.stringify(rows.filter((r) => !drop(r))), ...params.slice(1)]);
    },
    exec: (sql) => q.exec(sql),
  });
  return { ...db, transaction: (fn) => db.transaction((tx) => fn(wrap(tx))) };
}

describe('importDelivery', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db?.close());

  it('loads the tiny delivery, repairing and reporting the bow-tie parcel', async () => {
    const report = await importDelivery(db, TINY);
    expect(report.alreadyImported).toBe(false);
    expect(report.counts).toEqual({ regions: 4, roads: 1, parcels: 5, enterprises: 4, occupancy: 5, buildings: 3, standardLand: 1, metrics: 35, events: 1 });
    expect(report.warnings).toContainEqual({ file: 'parcels.geojson', row: 4, field: 'geometry', message: expect.stringContaining('Self-intersection') });
    expect(report.warnings).toContainEqual({ file: 'occupancy.csv', row: 5, field: '不动产单元代码', message: expect.stringContaining('按宗地代码 500106001001GB00003') });
    const [bowtie] = await db.query<{ valid: boolean; type: string; area_m2: number }>(
      `SELECT ST_IsValid(geom) AS valid, GeometryType(geom) AS type, area_m2 FROM parcel WHERE unit_code = '500106001001GB00004W00000000'`,
    );
    expect(bowtie).toMatchObject({ valid: true, type: 'MULTIPOLYGON' });
    // Two triangles, each a quarter of the 0.001° square.
    expect(bowtie!.area_m2).toBeGreaterThan(5_300);
    expect(bowtie!.area_m2).toBeLessThan(5_400);
  });

  it('is idempotent: the same delivery again changes nothing', async () => {
    const before = await db.query(COUNTS);
    const report = await importDelivery(db, TINY);
    expect(report.alreadyImported).toBe(true);
    expect(await db.query(COUNTS)).toEqual(before);
  });

  it('refuses a delivery that names a parcel nobody sent, and stores none of it', async () => {
    const before = await db.query(COUNTS);
    const dir = tinyCopy({
      'occupancy.csv': (t) => `${t}91500106MA5U1E4F5B,500106001001GB00099W00000000,租赁,100\r\n`,
      'metrics-税务局.csv': (t) => t.replace('1400', '9999'),
    });
    const err = await importDelivery(db, dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).issues).toEqual([
      { file: 'occupancy.csv', row: 7, field: '不动产单元代码', message: '500106001001GB00099W00000000 不在宗地数据中' },
    ]);
    expect((err as Error).message).toContain('数据库未做任何改动');
    expect(await db.query(COUNTS)).toEqual(before);
  });

  it('refuses a parcel whose geometry has no area left after repair', async () => {
    const dir = tinyCopy({
      'parcels.geojson': (t) => t.replace(/\[\s*106\.304,\s*29\.6012\s*\],\s*\[\s*106\.304,\s*29\.6022\s*\]/, '[106.304, 29.6012], [106.305, 29.6012]').replace(/\[\s*106\.303,\s*29\.6022\s*\]/, '[106.3035, 29.6012]'),
    });
    const err = await importDelivery(db, dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).issues[0]).toMatchObject({ file: 'parcels.geojson', row: 5, field: 'geometry', message: expect.stringContaining('无法入库') });
  });

  it('a fault halfway through the write rolls everything back', async () => {
    const before = await db.query(COUNTS);
    const dir = tinyCopy({ 'metrics-税务局.csv': (t) => t.replace('1400', '1500'), 'enterprises.csv': (t) => t.replace('重庆甲', '重庆甲乙') });
    await expect(importDelivery(failingOn(db, /INSERT INTO enterprise_metric/), dir)).rejects.toThrow('injected fault');
    expect(await db.query(COUNTS)).toEqual(before);
    const names = await db.query<{ name: string }>(`SELECT name FROM enterprise WHERE uscc = '91500106MA5U1A2B9B'`);
    expect(names).toEqual([{ name: '重庆甲精密机械有限公司' }]);
  });

  it('a row the database silently leaves out refuses the delivery, naming its file, row and field', async () => {
    const before = await db.query(COUNTS);
    const dir = tinyCopy({ 'metrics-税务局.csv': (t) => t.replace('1400', '1600') });
    const err = await importDelivery(droppingRow(db, /INSERT INTO parcel \(/, (r) => r.unit_code === '500106001001GB00003W00000000'), dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).issues).toEqual([{ file: 'parcels.geojson', row: 3, field: 'geometry', message: expect.stringContaining('宗地未能入库') }]);
    expect(await db.query(COUNTS)).toEqual(before);
  });

  it('a metric row left out is refused too, naming the rows of its chunk', async () => {
    const before = await db.query(COUNTS);
    const dir = tinyCopy({ 'metrics-税务局.csv': (t) => t.replace('1400', '1700') });
    const err = await importDelivery(droppingRow(db, /INSERT INTO enterprise_metric/, (r) => r.value === 1700), dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).issues[0]!.message).toMatch(/^第 \d+–\d+ 行的指标中有 1 行未能入库/);
    expect(await db.query(COUNTS)).toEqual(before);
  });

  it('a corrected delivery updates values in place and is recorded as a new batch', async () => {
    const dir = tinyCopy({ 'metrics-税务局.csv': (t) => t.replace('1400', '1500') });
    const report = await importDelivery(db, dir);
    expect(report.alreadyImported).toBe(false);
    const [row] = await db.query<{ tax: number; batches: number }>(COUNTS);
    expect(row).toMatchObject({ tax: 480 + 520 + 1200 + 1500 + 30 + 28 + 60, batches: 2 });
  });
});
