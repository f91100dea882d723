import { describe, expect, it } from 'vitest';
import { deepFreeze, RULES } from '../land-status/testing.ts';
import { muToM2 } from '../units.ts';
import { consolidationBasis } from './basis.ts';
import { groupCandidates, summariseCluster, type ClusterMember } from './clusters.ts';

const code = (n: number) => `500106001001GB${String(n).padStart(5, '0')}W00000000`;
const JIA = '91500106MA5U1A2B9B';
const YI = '91500106MA5U1C3D7B';
const BING = '91500106MA5U1E4F5B';

function member(n: number, areaMu: number, o: Partial<ClusterMember> = {}): ClusterMember {
  return { unitCode: code(n), areaM2: muToM2(areaMu), taxWan: null, basis: ['low_tax_per_mu'], regionCodes: ['500106'], holder: null, occupants: [], ...o };
}

describe('consolidationBasis', () => {
  const flag = (code: string, label: string) => ({ code, label }) as never;
  it('takes the flags the rules name and the grade, in that order, each once', () => {
    const status = { flags: [flag('low_far', '低效用地：容积率低'), flag('used_not_fully', '用而未尽'), flag('low_far', '低效用地：容积率低')] };
    expect(consolidationBasis(status, 'D', RULES)).toEqual({ codes: ['low_far', 'grade:D'], reasons: ['低效用地：容积率低', '综合评价 D 类（倒逼整治）'] });
  });

  it('leaves out 用而未尽 alone and grades other than D', () => {
    expect(consolidationBasis({ flags: [flag('used_not_fully', '用而未尽')] }, 'C', RULES)).toBeNull();
    expect(consolidationBasis({ flags: [] }, null, RULES)).toBeNull();
  });
});

describe('groupCandidates', () => {
  it('keeps groups of two or more parcels reaching the minimum area (as shown, to 0.01 亩)', () => {
    const candidates = [
      { unitCode: code(1), areaM2: muToM2(30) },
      { unitCode: code(2), areaM2: muToM2(19.999) }, // 49.999 → shown 50.00: kept
      { unitCode: code(3), areaM2: muToM2(80) }, // alone: never a cluster, however large
      { unitCode: code(4), areaM2: muToM2(20) },
      { unitCode: code(5), areaM2: muToM2(29) }, // 4 + 5 = 49: too small
    ];
    const edges = [[code(2), code(1)], [code(4), code(5)]] as const;
    expect(groupCandidates(candidates, edges, RULES)).toEqual([[code(1), code(2)]]);
  });
});

describe('summariseCluster', () => {
  const members = deepFreeze([
    member(2, 40, {
      taxWan: 100,
      basis: ['idle'],
      holder: { uscc: JIA, name: '重庆甲精密机械有限公司', tags: [] },
      occupants: [{ uscc: JIA, name: '重庆甲精密机械有限公司', role: 'owner', areaUsedM2: muToM2(40), tags: [] }],
    }),
    member(1, 20, {
      taxWan: 50.5,
      basis: ['low_tax_per_mu', 'grade:D'],
      regionCodes: ['500106', '500106-ZT01'],
      holder: { uscc: YI, name: '重庆乙电子科技有限公司', tags: ['链主企业'] },
      occupants: [
        { uscc: YI, name: '重庆乙电子科技有限公司', role: 'owner', areaUsedM2: muToM2(12), tags: ['链主企业'] },
        { uscc: BING, name: '重庆丙塑料制品有限公司', role: 'tenant', areaUsedM2: muToM2(8), tags: [] },
      ],
    }),
    member(3, 10),
  ]);
  const c = summariseCluster(members, RULES);

  it('adds up land and tax, and prices the site at the 标准地 benchmark', () => {
    expect(c).toMatchObject({ key: code(1), unitCodes: [code(1), code(2), code(3)], parcelCount: 3, areaMu: 70, currentTaxWan: 150.5, parcelsWithoutTax: 1 });
    expect(c.targetTaxPerMuWan).toBe(20);
    expect(c.potentialTaxWan).toBe(1400);
    expect(c.upliftWan).toBe(1249.5);
    expect(c.basisCounts).toEqual({ 'D 类企业用地': 1, 低效用地: 2, 闲置土地: 1 });
    expect(c.regionCodes).toEqual(['500106', '500106-ZT01']);
  });

  it('lists the owners to negotiate with: holders first, then by land used, with exempt tags', () => {
    expect(c.owners.map((o) => [o.uscc, o.roles, o.areaUsedMu, o.exemptTags])).toEqual([
      [JIA, ['holder', 'owner'], 40, []],
      [YI, ['holder', 'owner'], 12, ['链主企业']],
      [BING, ['tenant'], 8, []],
    ]);
    expect(c.notes).toEqual([
      '重庆乙电子科技有限公司（91500106MA5U1C3D7B）带有“链主企业”标签（exit.exemptTags），协商时注意',
      '1 宗未登记权利人（如批而未供的国有土地），可由政府直接组织归宗',
    ]);
  });

  it('explains itself in numbers', () => {
    expect(c.reasons).toEqual([
      '3 宗宗地相邻或相距不超过 20 m（其间没有非候选宗地），合计 70 亩，不少于 50 亩',
      '其中D 类企业用地 1 宗、低效用地 2 宗、闲置土地 1 宗',
      '现状税收 150.5 万元（1 宗无税收数据，按 0 计）；按标准地亩均税收 20 万元/亩 测算，再开发后潜在税收 1400 万元，可增加 1249.5 万元',
      '需协商的权利人和使用企业 3 家（权利人 2 家，仅租赁使用 1 家）',
    ]);
  });

  it('does not depend on the order of members', () => {
    expect(summariseCluster([...members].reverse(), RULES)).toEqual(c);
  });
});
