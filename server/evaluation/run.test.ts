import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { landRefresh } from '../db/queries/land-rules.ts';
import { openTestDatabase } from '../db/testing.ts';
import { TINY } from '../import/delivery-fixture.ts';
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
});
