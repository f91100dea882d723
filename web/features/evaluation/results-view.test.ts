import { describe, expect, it } from 'vitest';
import type { EvaluationRun, UnitResult } from '../../api/evaluation-types.ts';
import { pageCount, resultCaption, summaryRows } from './results-view.ts';

describe('results panel helpers', () => {
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
