import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHOROPLETH_COLORS, CHOROPLETH_NO_DATA, buildChoropleth, choroplethEdges, classIndex, rankRegions } from './choropleth.ts';
import { CLUSTERS } from './test-aggregates.ts';

describe('region choropleth', () => {
  it('cuts the values into at most five round, equal classes covering min–max', () => {
    const edges = choroplethEdges([11.5, 12.5, 15.3, 22.9]);
    expect(edges).toEqual([10, 15, 20, 25]);
    expect(choroplethEdges([0.1, 0.2, 0.3, 0.4, 0.5, 0.7])).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(choroplethEdges([])).toEqual([]);
    expect(choroplethEdges([7, 7])).toEqual([7, 7]);
  });

  it('always covers the values with no more classes than colours (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 40 }), (values) => {
        const edges = choroplethEdges(values);
        expect(edges.length - 1).toBeLessThanOrEqual(CHOROPLETH_COLORS.length);
        for (const v of values) {
          const i = classIndex(v, edges);
          expect(i).toBeGreaterThanOrEqual(0);
          expect(i).toBeLessThan(Math.max(1, edges.length - 1));
          expect(v).toBeGreaterThanOrEqual(edges[0]!);
          expect(v).toBeLessThanOrEqual(edges.at(-1)!);
        }
      }),
    );
  });

  it('keeps min and max as the edges when the span is too small for a round step (regression: 5e-324 gave NaN)', () => {
    expect(choroplethEdges([5e-324, 0])).toEqual([0, 5e-324]);
    expect(classIndex(5e-324, choroplethEdges([5e-324, 0]))).toBe(0);
  });

  it('ranks regions by the figure, highest first, regions without it last and unranked', () => {
    expect(rankRegions(CLUSTERS, 'taxPerMuWan').map((r) => [r.region.code, r.rank])).toEqual([
      ['ZT3', 1],
      ['ZT1', 2],
      ['ZT2', 3],
      ['ZT4', 4],
      ['ZT5', null],
    ]);
  });

  it('colours, labels and flags each region of the level', () => {
    const c = buildChoropleth(CLUSTERS, 'cluster', 'taxPerMuWan', 2025);
    expect(c.colorByCode.ZT5).toBe(CHOROPLETH_NO_DATA);
    expect(c.colorByCode.ZT3).toBe(c.classes.at(-1)!.color);
    expect(c.colorByCode.ZT4).toBe(c.classes[0]!.color);
    expect(c.labelByCode.ZT3).toBe('青凤组团\n22.9 万元/亩 · 第 1 名');
    expect(c.labelByCode.ZT5).toBe('空组团\n无数据');
    expect(c.lowCoverage).toEqual(['ZT2']);
    expect(c.classes.reduce((s, k) => s + k.count, 0)).toBe(4);
  });

  it('spreads few classes over the whole ramp, dark for the highest', () => {
    const c = buildChoropleth(CLUSTERS.slice(0, 2), 'cluster', 'taxPerMuWan', 2025);
    expect(c.classes.at(-1)!.color).toBe(CHOROPLETH_COLORS.at(-1));
    expect(c.classes[0]!.color).toBe(CHOROPLETH_COLORS[0]);
  });
});
