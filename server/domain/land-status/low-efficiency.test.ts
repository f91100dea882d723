import { describe, expect, it } from 'vitest';
import { assessParcel } from './assess.ts';
import { industryMedians } from './figures.ts';
import type { LandRules } from './rules.ts';
import { codes, owner, parcel, producing, RULES } from './testing.ts';

const without = (patch: Partial<LandRules['lowEfficiency']>): LandRules => ({ ...RULES, lowEfficiency: { ...RULES.lowEfficiency, ...patch } });
const off = <T>(t: { value: T; unit: string; source: string }) => ({ ...t, value: null });

describe('亩均税收 below 5 万元/亩', () => {
  it('flags 4.99 and not 5', () => {
    const low = assessParcel(producing(10, 49.9), RULES);
    expect(codes(low)).toEqual(['low_tax_per_mu']);
    expect(low.flags[0]?.reason).toBe('亩均税收 4.99 万元/亩（税收 49.9 万元 ÷ 10 亩），低于 5 万元/亩。');
    expect(codes(assessParcel(producing(10, 50), RULES))).toEqual([]);
  });
  it('is not run when switched off in the rules', () => {
    expect(codes(assessParcel(producing(10, 10), without({ taxPerMuBelowWan: off(RULES.lowEfficiency.taxPerMuBelowWan) })))).toEqual([]);
  });
  it('shares an enterprise’s tax among its parcels by the land it uses on each', () => {
    // The enterprise uses 10 亩 here out of 40 亩 in all: a quarter of its 160 万元.
    const p = producing(10, null, { occupants: [owner('91500106MA5U1A2B9B', '甲', 10000 / 1.5, { taxWan: 160 }, 40000 / 1.5)] });
    expect(assessParcel(p, RULES).measures.taxPerMuWan).toBe(4);
  });
  it('leaves a parcel untested when a tenant did not report its tax, and says so', () => {
    const p = producing(10, 10, {
      occupants: [owner('91500106MA5U1A2B9B', '甲', 5000, { taxWan: 10 }), { ...owner('91500106MA5U1C3D7B', '乙', 1666.67, {}), role: 'tenant' }],
    });
    const s = assessParcel(p, RULES);
    expect(codes(s)).toEqual([]);
    expect(s.notes).toContain('使用企业（或其中部分企业）未报送税收，未做亩均税收检验');
  });
  it('only parcels in production are tested', () => {
    const p = producing(10, 1, { supply: { devStatus: '已竣工', completionDate: '2025-06-01' } });
    expect(codes(assessParcel(p, RULES))).toEqual([]);
  });
});

describe('亩均税收 below half the industry median', () => {
  // Five C34 parcels in production: 8, 20, 30, 40, 50 万元/亩 → median 30, half 15.
  const district = [8, 20, 30, 40, 50].map((perMu, i) => producing(10, perMu * 10, { unitCode: `P${i}`, industryCode: 'C3489' }));
  const medians = industryMedians(district, RULES);

  it('computes the median per division over producing parcels only', () => {
    const notProducing = parcel({ industryCode: 'C3411', supply: { devStatus: '在建', supplyDate: '2024-01-01', actualStartDate: '2024-06-01' } });
    expect(industryMedians([...district, notProducing], RULES)).toEqual({ grouping: 'division', byIndustry: { '34': { taxPerMuWan: 30, parcels: 5 } } });
  });
  it('flags a parcel at 8 万元/亩 (below 15) but not one at 20', () => {
    const s = assessParcel({ ...district[0]!, industryMedians: medians }, RULES);
    expect(codes(s)).toEqual(['low_tax_vs_industry']);
    expect(s.flags[0]?.facts).toMatchObject({ industry: '34', industryMedianTaxPerMuWan: 30, industryParcels: 5, thresholdWanPerMu: 15 });
    expect(codes(assessParcel({ ...district[1]!, industryMedians: medians }, RULES))).toEqual([]);
  });
  it('takes the mean of the middle two when the count is even', () => {
    expect(industryMedians(district.slice(0, 4), RULES).byIndustry['34']?.taxPerMuWan).toBe(25);
  });
  it('does not compare with fewer than 5 peers, and says so', () => {
    const few = industryMedians(district.slice(0, 4), RULES);
    const s = assessParcel({ ...district[0]!, industryMedians: few }, RULES);
    expect(codes(s)).toEqual([]);
    expect(s.notes).toContain('同行业（34）已投产且有税收数据的宗地仅 4 宗，不足 5 宗，未做同行业比较');
  });
});

describe('容积率 below the industry minimum', () => {
  it('uses the division’s minimum (C39 电子: 1.0)', () => {
    const s = assessParcel(producing(10, 300, { far: 0.95, industryCode: 'C3982' }), RULES);
    expect(codes(s)).toEqual(['low_far']);
    expect(s.flags[0]?.facts).toMatchObject({ far: 0.95, industryDivision: '39', farMinimum: 1, minimumFrom: 'byDivision' });
  });
  it('uses the default for a division not in the table, and computes the ratio from floor area', () => {
    const s = assessParcel(producing(15, 300, { industryCode: 'C4390', floorAreaM2: 7000 }), RULES);
    expect(codes(s)).toEqual(['low_far']);
    expect(s.flags[0]?.facts).toMatchObject({ far: 0.7, farSource: '建筑面积/宗地面积', farMinimum: 0.8, minimumFrom: 'default' });
  });
  it('does not flag a ratio at the minimum', () => {
    expect(codes(assessParcel(producing(10, 300, { far: 0.7, industryCode: 'C3489' }), RULES))).toEqual([]);
  });
});

describe('vacant floor space', () => {
  const withBuildings = (buildings: { floorAreaM2: number | null; vacantFloorAreaM2: number | null }[]) =>
    assessParcel(producing(30, 900, { far: 1.2, buildings: buildings.map((b, i) => ({ name: `${i + 1}号厂房`, ...b })) }), RULES);

  it('flags a share of 30% and over (as shown, to 0.1%), separately from the absolute test', () => {
    expect(codes(withBuildings([{ floorAreaM2: 10000, vacantFloorAreaM2: 3000 }]))).toEqual(['vacant_floor_share']);
    expect(codes(withBuildings([{ floorAreaM2: 10000, vacantFloorAreaM2: 2994 }]))).toEqual([]);
  });
  it('flags 5,000 m² vacant whatever the share', () => {
    expect(codes(withBuildings([{ floorAreaM2: 40000, vacantFloorAreaM2: 5000 }]))).toEqual(['vacant_floor_area']);
    expect(codes(withBuildings([{ floorAreaM2: 12000, vacantFloorAreaM2: 6000 }]))).toEqual(['vacant_floor_share', 'vacant_floor_area']);
  });
  it('counts only buildings that reported vacancy, and notes the others', () => {
    const s = withBuildings([
      { floorAreaM2: 20000, vacantFloorAreaM2: 2500 },
      { floorAreaM2: 12100, vacantFloorAreaM2: null },
    ]);
    expect(s.measures.vacantFloorShare).toBe(0.125);
    expect(s.notes).toContain('1 栋建筑未填报建筑面积或空置面积，空置检验只统计已填报的建筑');
  });
});
