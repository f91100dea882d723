import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing.ts';
import { importDelivery, type ImportReport } from './load.ts';

// The generated sample is the delivery every newcomer loads first: it must import cleanly.
const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'sample');

describe('the sample district delivery', () => {
  let db: Database;
  let report: ImportReport;
  beforeAll(async () => {
    db = await openTestDatabase();
    report = await importDelivery(db, SAMPLE);
  });
  afterAll(() => db?.close());

  it('imports every row', async () => {
    const [row] = await db.query<Record<string, number>>(`
      SELECT (SELECT count(*) FROM parcel)::int AS parcels, (SELECT count(*) FROM enterprise)::int AS enterprises,
             (SELECT count(*) FROM occupancy)::int AS occupancy, (SELECT count(*) FROM region)::int AS regions,
             (SELECT count(DISTINCT year) FROM enterprise_metric)::int AS years`);
    expect(row).toEqual({ parcels: report.counts.parcels, enterprises: report.counts.enterprises, occupancy: report.counts.occupancy, regions: report.counts.regions, years: 3 });
    expect(row!.parcels).toBeGreaterThanOrEqual(2850);
    expect(row!.parcels).toBeLessThanOrEqual(3150);
  });

  it('warns only about the credit codes that deliberately fail their check digit', () => {
    const kinds = new Set(report.warnings.map((w) => `${w.file}:${w.field}`));
    expect([...kinds].every((k) => k.endsWith(':统一社会信用代码') || k.endsWith(':权利人统一社会信用代码'))).toBe(true);
    expect(report.warnings.every((w) => w.message.includes('校验位'))).toBe(true);
  });

  it('puts every parcel in a district, a 片区 and a 组团', async () => {
    const rows = await db.query<{ level: string; n: number }>(`
      SELECT r.level, count(DISTINCT pr.parcel_id)::int AS n FROM parcel_region pr JOIN region r ON r.id = pr.region_id
      WHERE r.level IN ('district', 'zone', 'cluster') GROUP BY r.level ORDER BY r.level`);
    expect(rows.map((r) => [r.level, r.n])).toEqual([['cluster', report.counts.parcels], ['district', report.counts.parcels], ['zone', report.counts.parcels]]);
  });

  it('joins dirty occupancy codes to their parcels (一码关联) and multi-tenant parcels exist', async () => {
    const [row] = await db.query<{ multi: number; orphan: number }>(`
      SELECT (SELECT count(*) FROM (SELECT parcel_id FROM occupancy GROUP BY parcel_id HAVING count(*) > 1) t)::int AS multi,
             (SELECT count(*) FROM enterprise e WHERE NOT EXISTS (SELECT 1 FROM occupancy o WHERE o.enterprise_id = e.id))::int AS orphan`);
    expect(row!.multi).toBeGreaterThan(100);
    expect(row!.orphan).toBe(0);
  });
});
