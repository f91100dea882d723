import { describe, expect, it } from 'vitest';
import { assessParcel } from './assess.ts';
import type { OccupantYear, StandardLandTerms } from './model.ts';
import { owner, producing, RULES } from './testing.ts';

const TERMS: StandardLandTerms = { investmentWanPerMu: 300, farMin: 1.2, farMax: 2.5, taxPerMuWan: 20, vaPerTceWan: 2, rdRatioPct: 3, targetDate: '2024-10-01' };

/** A 10-亩 标准地 with the given year's figures. */
function review(figures: OccupantYear['figures'], o: { far?: number; investedWan?: number | null; asOfDate?: string; terms?: Partial<StandardLandTerms> } = {}) {
  const p = producing(10, null, {
    far: o.far ?? 1.5,
    asOfDate: o.asOfDate ?? '2025-12-31',
    standardLand: { ...TERMS, ...o.terms },
    occupants: [owner('91500106MA5U1C3D7B', '重庆乙电子科技有限公司', 10000 / 1.5, figures)],
    supply: { supplyDate: '2020-04-01', investedWan: o.investedWan === undefined ? 3500 : o.investedWan },
  });
  return assessParcel(p, RULES);
}

const FULL = { taxWan: 250, valueAddedWan: 900, energyTce: 300, rdWan: 150, revenueWan: 4000 };

describe('标准地履约', () => {
  it('states each shortfall in the commitment’s units', () => {
    const s = review({ ...FULL, taxWan: 123 });
    const tax = s.standardLand?.checks.find((c) => c.commitment === 'taxPerMu');
    expect(tax).toMatchObject({ outcome: 'fail', actual: 12.3, shortfall: 7.7, text: '亩均税收 承诺 20 万元/亩，实际 12.3 万元/亩，差 7.7' });
    const failed = s.flags.filter((f) => f.code === 'standard_land_failed');
    expect(failed.map((f) => f.label)).toEqual(['标准地未履约：亩均税收']);
    expect(failed[0]?.reason).toBe('亩均税收 承诺 20 万元/亩，实际 12.3 万元/亩，差 7.7（达产日期 2024-10-01）。');
  });
  it('passes every commitment that is met, with the actual figure', () => {
    const s = review(FULL);
    expect(s.standardLand?.checks.map((c) => [c.commitment, c.outcome, c.actual])).toEqual([
      ['investment', 'pass', 350],
      ['far', 'pass', 1.5],
      ['taxPerMu', 'pass', 25],
      ['vaPerTce', 'pass', 3],
      ['rdRatio', 'pass', 3.75],
    ]);
    expect(s.flags).toEqual([]);
  });
  it('checks investment intensity, value added per tce and R&D share', () => {
    const s = review({ ...FULL, energyTce: 600, rdWan: 72 }, { investedWan: 2000 });
    expect(s.standardLand?.checks.filter((c) => c.outcome === 'fail').map((c) => c.text)).toEqual([
      '固定资产投资强度 承诺 300 万元/亩，实际 200 万元/亩，差 100',
      '单位能耗增加值 承诺 2 万元/吨标准煤，实际 1.5 万元/吨标准煤，差 0.5',
      '研发经费占营业收入比重 承诺 3%，实际 1.8%，差 1.2',
    ]);
  });
  it('checks the floor-area ratio against both bounds', () => {
    expect(review(FULL, { far: 0.9 }).standardLand?.checks[1]?.text).toBe('容积率 承诺 1.2–2.5，实际 0.9，低于下限 0.3');
    expect(review(FULL, { far: 2.7 }).standardLand?.checks[1]).toMatchObject({ outcome: 'fail', shortfall: 0.2, text: '容积率 承诺 1.2–2.5，实际 2.7，高于上限 0.2' });
  });
  it('compares figures as shown: 19.999 shows as 20 and passes', () => {
    expect(review({ ...FULL, taxWan: 199.99 }).standardLand?.checks[2]).toMatchObject({ actual: 20, outcome: 'pass' });
  });
  it('marks missing data as unknown, not failed', () => {
    const s = review({ taxWan: 250 }, { investedWan: null });
    expect(s.standardLand?.checks.filter((c) => c.outcome === 'unknown').map((c) => c.commitment)).toEqual(['investment', 'vaPerTce', 'rdRatio']);
    expect(s.flags.filter((f) => f.code === 'standard_land_failed')).toEqual([]);
    expect(s.notes).toContain('标准地 固定资产投资强度、单位能耗增加值、研发经费占营业收入比重 缺少实际数据，无法核验');
  });
  it('is due at the end of the target date, not before', () => {
    expect(review({ ...FULL, taxWan: 100 }, { asOfDate: '2024-09-30' }).standardLand).toMatchObject({ due: false, checks: [] });
    expect(review({ ...FULL, taxWan: 100 }, { asOfDate: '2024-10-01' }).standardLand?.due).toBe(true);
  });
  it('presumes the target date from the supply date when the contract has none', () => {
    const s = review(FULL, { terms: { targetDate: null } });
    expect(s.standardLand).toMatchObject({ dueDate: '2024-04-01', dueDateSource: '供地日期推定', due: true });
  });
});
