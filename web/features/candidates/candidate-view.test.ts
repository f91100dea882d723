import { describe, expect, it } from 'vitest';
import type { ConsolidationCluster, ExitCandidate } from '../../api/land-types.ts';
import { basisText, candidateQuery, clusterCaption, clusterTitle, exitCaption, exitTitle, togglePath } from './candidate-view.ts';

const exit: ExitCandidate = {
  id: 10, year: 2025, path: '依规回收', subject: 'parcel:P1', subjectKind: 'parcel', unitCodes: ['P1'],
  enterprises: [{ uscc: 'T', name: '租户', role: 'tenant', tags: [] }, { uscc: 'H', name: '权利人', role: 'holder', tags: [] }],
  reasons: ['闲置满 2 年'], flags: ['idle'], affectedAreaMu: 186.91, landReleasedMu: 186.91, notes: [], keptOff: false, keptOffBecause: [], regionCodes: [],
};

describe('candidate list rows', () => {
  it('name an exit candidate by its holder, or the enterprise forced out', () => {
    expect(exitTitle(exit)).toBe('权利人');
    expect(exitTitle({ ...exit, subjectKind: 'enterprise', subject: 'enterprise:91X', enterprises: [] })).toBe('91X');
    expect(exitCaption(exit)).toBe('P1 · 涉及 186.9 亩');
    expect(exitCaption({ ...exit, unitCodes: ['P1', 'P2'], landReleasedMu: 20 })).toBe('2 宗 · 涉及 186.9 亩 · 可腾退 20.0 亩');
  });

  it('sum a cluster up in 亩 and 万元', () => {
    const cluster = { id: 1, parcelCount: 8, footprintAreaMu: 474, currentTaxWan: 2712.23, potentialTaxWan: 9293.13, upliftWan: 6580.9, owners: [{}, {}] } as unknown as ConsolidationCluster;
    expect(clusterTitle(cluster)).toBe('连片 #1 · 8 宗 · 474.0 亩');
    expect(clusterCaption(cluster)).toBe('税收 2,712 万元 → 潜在 9,293 万元（+6,581 万元）· 2 个权利人/企业');
    // Members already paying more than the 标准地 benchmark would: the change is a loss, signed as one.
    const above = { ...cluster, currentTaxWan: 27_438, potentialTaxWan: 18_484, upliftWan: -8_954 } as ConsolidationCluster;
    expect(clusterCaption(above)).toBe('税收 27,438 万元 → 潜在 18,484 万元（−8,954 万元）· 2 个权利人/企业');
    expect(basisText({ 低效用地: 5, 闲置土地: 3, 'D 类企业用地': 5 })).toBe('低效用地 5 宗、D 类企业用地 5 宗、闲置土地 3 宗');
  });

  it('ask for paths only on the exit list, in policy order, and for an order only on the consolidation list', () => {
    const f = { kind: 'consolidation' as const, paths: ['依规回收' as const], minMu: 10, maxMu: null, sort: 'uplift' as const };
    expect(candidateQuery(f, 'R', 2, 50)).toEqual({ region: 'R', minMu: 10, maxMu: null, paths: null, sort: 'uplift', page: 2, pageSize: 50 });
    expect(candidateQuery({ ...f, kind: 'exit' }, null, 1, 50)).toMatchObject({ paths: ['依规回收'], sort: null });
    const order = ['依规回收', '倒逼退出', '引导退还', '规范转让'] as const;
    expect(togglePath(['引导退还'], '依规回收', order)).toEqual(['依规回收', '引导退还']);
    expect(togglePath(['引导退还'], '引导退还', order)).toEqual([]);
  });
});
