import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { landRefresh } from '../db/queries/land-rules.ts';
import { openTestDatabase } from '../db/testing.ts';
import { TINY, tinyCopy } from '../import/delivery-fixture.ts';
import { importDelivery } from '../import/load.ts';
import { ensureFirstEvaluation, runEvaluation } from './run.ts';

describe('the first start and the latest run', () => {
  let db: Database;
  const runs = () => db.query<{ id: number; year: number }>('SELECT id::int AS id, year FROM evaluation_run ORDER BY id');
  const meta = async () => (await (await createApp({ db }).request('/api/meta')).json()) as { latestRunId: number; dataVersion: string };
  beforeAll(async () => {
    db = await openTestDatabase();
    await importDelivery(db, TINY);
  });
  afterAll(() => db?.close());

  it('evaluates the latest two years, the earlier first, then refreshes land status once with both', async () => {
    const first = await ensureFirstEvaluation(db);
    expect(first?.result.year).toBe(2025);
    expect(await runs()).toEqual([{ id: 1, year: 2024 }, { id: 2, year: 2025 }]);
    expect(await landRefresh(db)).toMatchObject({ data_version: 'i1.e2', latest_year: 2025 });
    expect(await meta()).toMatchObject({ latestRunId: 2 });
  });

  it('does nothing once there is a run', async () => {
    expect(await ensureFirstEvaluation(db)).toBeNull();
    expect(await runs()).toHaveLength(2);
  });

  it('keeps showing the latest year when an earlier year is run again', async () => {
    const before = await meta();
    const rerun = await runEvaluation(db, 'chongqing-default', null, 2024);
    expect(rerun.runId).toBe(3);
    const after = await meta();
    expect(after.latestRunId).toBe(2);
    expect(after.dataVersion).not.toBe(before.dataVersion); // a new run is still new data for the tiles
  });

  it('lists the parcels whose grade differs between two runs, with the direction, and 404 for an unknown run', async () => {
    const app = createApp({ db });
    const grades = async (run: number) => new Map((await db.query<{ code: string; grade: string }>(
      'SELECT p.unit_code AS code, g.grade FROM evaluation_parcel AS g JOIN parcel AS p ON p.id = g.parcel_id WHERE g.run_id = $1::int', [run])).map((r) => [r.code, r.grade]));
    const [a, b] = [await grades(1), await grades(2)];
    const expected = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
    const res = await app.request('/api/evaluations/parcel-changes?from=1&to=2');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { counts: Record<string, number>; parcels: { code: string; from: string | null; to: string | null; direction: string }[] };
    expect(body.parcels.map((p) => p.code).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    const rank = { A: 4, B: 3, C: 2, D: 1 } as Record<string, number>;
    for (const p of body.parcels) {
      expect([p.from, p.to]).toEqual([a.get(p.code) ?? null, b.get(p.code) ?? null]);
      if (p.from && p.to && rank[p.from] && rank[p.to]) expect(p.direction).toBe(rank[p.to]! > rank[p.from]! ? 'up' : 'down');
    }
    expect(Object.values(body.counts).reduce((x, y) => x + y, 0)).toBe(body.parcels.length);
    expect((await (await app.request('/api/evaluations/parcel-changes?from=2&to=2')).json()).parcels).toEqual([]);
    expect((await app.request('/api/evaluations/parcel-changes?from=1&to=99')).status).toBe(404);
  });

  it('records the import batch it read as the run\'s data version, the latest after a new delivery', async () => {
    const app = createApp({ db });
    const versions = async () => ((await (await app.request('/api/evaluations')).json()) as { runs: { id: number; dataVersion: string }[] }).runs
      .sort((x, y) => x.id - y.id).map((r) => r.dataVersion);
    expect(await versions()).toEqual(['i1', 'i1', 'i1']);
    // The same delivery with one more byte is a new batch (its content hash differs).
    expect(await importDelivery(db, tinyCopy({ 'enterprises.csv': (t) => `${t}\n` }))).toMatchObject({ batchId: 2, alreadyImported: false });
    await runEvaluation(db, 'chongqing-default', null, 2025, { refreshLand: false });
    expect(await versions()).toEqual(['i1', 'i1', 'i1', 'i2']);
  });
});
