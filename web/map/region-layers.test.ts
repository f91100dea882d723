import { describe, expect, it } from 'vitest';
import { buildChoropleth } from './choropleth.ts';
import { CHOROPLETH_FILL_LAYER, CHOROPLETH_HATCH_LAYER, CHOROPLETH_LABEL_LAYER, regionPaint } from './region-layers.ts';
import { REGION_NAME_LAYERS } from './offline-style.ts';
import { css, evaluate, evaluateColor, passes } from './test-expressions.ts';
import { CLUSTERS } from './test-aggregates.ts';

describe('region choropleth layers', () => {
  it('stay hidden without a choropleth, the region names shown', () => {
    const p = regionPaint(null);
    expect(p[CHOROPLETH_FILL_LAYER]!.layout).toEqual({ visibility: 'none' });
    for (const id of REGION_NAME_LAYERS) expect(p[id]!.layout).toEqual({ visibility: 'visible' });
  });

  it('fill the chosen level by class, hatch the low-coverage regions and label with figure and rank', () => {
    const c = buildChoropleth(CLUSTERS, 'cluster', 'taxPerMuWan', 2025);
    const p = regionPaint(c);
    const fill = p[CHOROPLETH_FILL_LAYER]!;
    expect(passes(fill.filter, { level: 'cluster', code: 'ZT1' })).toBe(true);
    expect(passes(fill.filter, { level: 'zone', code: 'ZT1' })).toBe(false);
    expect(evaluateColor(fill.paint!['fill-color'], { code: 'ZT3' })).toBe(css(c.colorByCode.ZT3!));
    const hatch = p[CHOROPLETH_HATCH_LAYER]!;
    expect(passes(hatch.filter, { level: 'cluster', code: 'ZT2' })).toBe(true);
    expect(passes(hatch.filter, { level: 'cluster', code: 'ZT1' })).toBe(false);
    const label = p[CHOROPLETH_LABEL_LAYER]!.layout!['text-field'];
    expect(evaluate(label, 'string', { code: 'ZT3' })).toBe(c.labelByCode.ZT3);
    for (const id of REGION_NAME_LAYERS) expect(p[id]!.layout).toEqual({ visibility: 'none' });
  });
});
