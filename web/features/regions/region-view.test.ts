import { describe, expect, it } from 'vitest';
import { CLUSTERS } from '../../map/test-aggregates.ts';
import { rankingRows } from './region-view.ts';

describe('region ranking rows', () => {
  const rows = rankingRows(CLUSTERS, 'taxPerMuWan');

  it('rank by the figure with its unit, the best with a full bar', () => {
    expect(rows.map((r) => [r.name, r.rank, r.valueText])).toEqual([
      ['青凤组团', 1, '22.9 万元/亩'],
      ['西永组团', 2, '15.3 万元/亩'],
      ['微电园组团', 3, '12.5 万元/亩'],
      ['金凤组团', 4, '11.5 万元/亩'],
      ['空组团', null, '—'],
    ]);
    expect(rows[0]!.barPct).toBe(100);
    expect(rows[4]!.barPct).toBe(0);
  });

  it('give the change on last year, coverage with its warning, grade mix and targets met', () => {
    expect(rows[0]!.changeText).toBe('+11.2%');
    expect(rows[0]!.changeUp).toBe(true);
    expect(rows[1]!.changeText).toBeNull();
    expect(rows[2]).toMatchObject({ lowCoverage: true, coverageText: '覆盖 62%' });
    expect(rows[4]!.coverageText).toBe('无工业用地');
    expect(rows[0]!.gradeShares.map((s) => s.grade)).toEqual(['A', 'B', 'C', 'D']);
    expect(rows[0]!.gradeShares.reduce((s, x) => s + x.pct, 0)).toBeCloseTo(100);
    expect(rows[0]!.targets).toEqual({ met: 1, of: 2 });
  });
});
