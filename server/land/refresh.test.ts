import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { landRefresh } from '../db/queries/land-rules.ts';
import { openTestDatabase } from '../db/testing.ts';
import { landTableCounts, setParcelArea } from '../db/testing-parcels.ts';
import { importDelivery } from '../import/load.ts';
import { ensureLandStatus, exitEnterprises, refreshLandStatus } from './refresh.ts';
import { CODE, JIA, lowTaxTiny } from './testing.ts';

describe('refreshLandStatus on the tiny delivery', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    await importDelivery(db, lowTaxTiny());
  });
  afterAll(() => db?.close());

  it('stores every parcel for every metrics year, the exit candidates, and what it read', async () => {
    const summary = await refreshLandStatus(db);
    expect(summary).toMatchObject({ rules: 'land-status-default@1', dataVersion: 'i1.e0', years: [2024, 2025], latestYear: 2025, parcels: 5 });
    expect(summary.byYear.find((y) => y.year === 2025)?.byFlag).toEqual({ approved_not_supplied: 1, low_far: 1, low_tax_per_mu: 2 });
    expect(summary.exit).toEqual({ candidates: 1, keptOff: 0, byPath: { 引导退还: 1 } });
    expect(summary.consolidation).toMatchObject({ candidates: 3, clusters: 0, srid: 32648 });
    expect(await landTableCounts(db)).toEqual({ statuses: 10, exit: 1, clusters: 0, members: 0 });
    expect(await landRefresh(db)).toMatchObject({ rules_id: 'land-status-default', rules_version: 1, data_version: 'i1.e0', years: [2024, 2025], latest_year: 2025 });
  });

  it('does nothing when neither the data nor the rules changed', async () => {
    expect(await ensureLandStatus(db)).toBeNull();
  });

  it('leaves the previous state when it fails half-way', async () => {
    const before = [await landTableCounts(db), await landRefresh(db)];
    await setParcelArea(db, CODE(5), 0); // the rules refuse a parcel without area, after the first year's rows are replaced
    await expect(refreshLandStatus(db)).rejects.toThrow('面积应大于 0');
    expect([await landTableCounts(db), await landRefresh(db)]).toEqual(before);
    await setParcelArea(db, CODE(5), 10700);
  });
});

describe('exitEnterprises', () => {
  const tags = [{ uscc: JIA, name: '重庆甲精密机械有限公司', tags: [] }];
  const row = (year: number, grade: string, base: string | null, protection: string | null = null) => ({ year, uscc: JIA, grade, base_grade: base, protection });

  it('counts a D lifted by a protection in the evaluation year as D, and records the protection', () => {
    const [e] = exitEnterprises(tags, [row(2024, 'D', 'D'), row(2025, 'C', 'D', '保护：重大项目建设期，不评 D（D → C）')], 2025);
    expect(e).toMatchObject({ grades: [{ year: 2024, grade: 'D' }, { year: 2025, grade: 'D' }], protections: ['重大项目建设期'] });
  });

  it('keeps earlier years as graded, and a C that no protection lifted', () => {
    const [e] = exitEnterprises(tags, [row(2024, 'C', 'D', '保护：新投产企业，不评 D（D → C）'), row(2025, 'C', 'C')], 2025);
    expect(e).toMatchObject({ grades: [{ year: 2024, grade: 'C' }, { year: 2025, grade: 'C' }], protections: [] });
  });
});
