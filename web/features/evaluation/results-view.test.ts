import { describe, expect, it } from 'vitest';
import type { EvaluationRun, UnitResult } from '../../api/evaluation-types.ts';
import type { RegionCollection } from '../../api/types.ts';
import { regions } from '../../map/test-fixtures.ts';
import { EMPTY_FILTER, isEmptyFilter, pageCount, regionOptions, resultCaption, summaryRows, toggleGrade } from './results-view.ts';

describe('results panel helpers', () => {
  it('toggles grades and keeps them in A → T order', () => {
    expect(toggleGrade([], 'C')).toEqual(['C']);
    expect(toggleGrade(['C'], 'A')).toEqual(['A', 'C']);
    expect(toggleGrade(['A', 'C'], 'A')).toEqual(['C']);
    expect(toggleGrade(['T'], 'D')).toEqual(['D', 'T']);
  });

  it('calls a filter empty only when nothing is chosen or typed', () => {
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(isEmptyFilter({ ...EMPTY_FILTER, q: '  ' })).toBe(true);
    expect(isEmptyFilter({ ...EMPTY_FILTER, group: 'above' })).toBe(false);
  });

  it('offers 片区 each followed by its 组团, and no other levels', () => {
    expect(regionOptions(regions)).toEqual([
      { code: 'Z1', name: '西片区', level: 'zone' },
      { code: 'C1', name: '微电子组团', level: 'cluster' },
    ]);
  });

  it('lists a 组团 whose 片区 is unknown at the end', () => {
    const orphan: RegionCollection = {
      type: 'FeatureCollection',
      features: [
        ...regions.features,
        { type: 'Feature', properties: { code: 'C0', name: '孤立组团', level: 'cluster', parentCode: null }, geometry: regions.features[0]!.geometry },
      ],
    };
    expect(regionOptions(orphan).map((o) => o.code)).toEqual(['Z1', 'C1', 'C0']);
  });

  it('counts pages, with at least one', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
  });

  it('summarises a run per group with totals', () => {
    const run = {
      summary: { byGrade: { above: { A: 45, B: 156, C: 209, D: 36, T: 17 }, below: { A: 1, B: 2, C: 3, D: 4, T: 5 } } },
    } as EvaluationRun;
    const rows = summaryRows(run);
    expect(rows.map((r) => [r.label, r.total])).toEqual([['规上', 463], ['规下', 15]]);
    expect(rows[0]!.counts.C).toBe(209);
  });

  it('captions a ranked unit, a shared tenant result and a T unit', () => {
    const base = { group: 'above', rank: 202, rankOf: 446, landAreaMu: 36.66, industryCode: 'C3982', sharedResultFrom: null, grade: 'C' } as UnitResult;
    expect(resultCaption(base)).toBe('规上 · 第 202/446 名 · 36.66 亩 · C3982');
    expect(resultCaption({ ...base, group: 'below', rank: null, rankOf: null, sharedResultFrom: 'parcel:X' })).toBe('规下 · 共享合并结果 · 36.66 亩 · C3982');
    expect(resultCaption({ ...base, rank: null, rankOf: null, grade: 'T' })).toBe('规上 · 不参与排名 · 36.66 亩 · C3982');
  });
});
