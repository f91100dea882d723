import { describe, expect, it } from 'vitest';
import type { ParcelEnterprise, YearMetrics } from '../../api/types.ts';
import { buildMetricTable } from './metric-table.ts';

function year(y: number, tax: number | null): YearMetrics {
  return {
    year: y,
    values: {
      revenue_wan: 12000,
      value_added_wan: 3000,
      tax_wan: tax,
      energy_tce: 800,
      electricity_wan_kwh: 450.5,
      emission_t: 2,
      rd_wan: 300,
      employees: 215,
    },
    sources: { revenue_wan: '统计局', tax_wan: '税务局', electricity_wan_kwh: '供电公司', employees: '统计局' },
  };
}

const enterprise: ParcelEnterprise = Object.freeze({
  uscc: '91500106MA5U000000',
  name: '重庆甲科技有限公司',
  industryCode: 'C3670',
  industryName: '汽车零部件及配件制造',
  scale: 'above',
  tags: [],
  role: 'owner',
  areaUsedM2: 20000,
  areaUsedMu: 30,
  metrics: Object.freeze([year(2022, 90), year(2024, 150), year(2021, 60), year(2023, null)]),
}) as unknown as ParcelEnterprise;

describe('buildMetricTable', () => {
  const table = buildMetricTable(enterprise, enterprise.areaUsedMu);

  it('shows the latest three years, latest first', () => {
    expect(table.years).toEqual([2024, 2023, 2022]);
  });

  it('lists the seven indicators in the planners\' order, with units', () => {
    expect(table.rows.map((r) => `${r.label}(${r.unit})`)).toEqual([
      '营业收入(万元)',
      '工业增加值(万元)',
      '实缴税收(万元)',
      '亩均税收(万元/亩)',
      '用电量(万千瓦时)',
      '综合能耗(吨标准煤)',
      '年平均职工人数(人)',
    ]);
  });

  it('computes 亩均税收 from tax over the land the enterprise uses', () => {
    const row = table.rows.find((r) => r.key === 'tax_per_mu_wan')!;
    expect(row.cells[0]!.value).toBe(5);
    expect(row.cells[0]!.text).toBe('5.00');
    expect(row.cells[0]!.source).toBe('税务局 ÷ 用地面积');
  });

  it('divides by all the land of an enterprise on several parcels (一企多地), not this parcel alone', () => {
    const row = buildMetricTable(enterprise, 75).rows.find((r) => r.key === 'tax_per_mu_wan')!;
    expect(row.cells[0]!.value).toBe(2);
  });

  it('leaves 亩均税收 blank while the land area is unknown', () => {
    const row = buildMetricTable(enterprise, null).rows.find((r) => r.key === 'tax_per_mu_wan')!;
    expect(row.cells.every((c) => c.value === null)).toBe(true);
  });

  it('shows an unreported figure as a dash with no source, never as zero', () => {
    const tax = table.rows.find((r) => r.key === 'tax_wan')!;
    expect(tax.cells[1]).toEqual({ value: null, text: '—', source: null });
    expect(table.rows.find((r) => r.key === 'tax_per_mu_wan')!.cells[1]!.value).toBeNull();
  });

  it('names each figure\'s department', () => {
    expect(table.rows.find((r) => r.key === 'electricity_wan_kwh')!.sources).toEqual(['供电公司']);
    expect(table.rows.find((r) => r.key === 'energy_tce')!.sources).toEqual([]);
  });
});
