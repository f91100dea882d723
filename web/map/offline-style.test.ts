import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { FIRST_OUTLINE_LAYER, REGION_LABEL_SOURCE, buildOfflineStyle } from './offline-style.ts';
import { LOCAL_FONTS } from './fonts.ts';
import { regions, roads } from './test-fixtures.ts';

function ids(layers: LayerSpecification[]): string[] {
  return layers.map((l) => l.id);
}

describe('buildOfflineStyle', () => {
  const style = buildOfflineStyle({ regions, roads });

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('asks no server for glyphs, sprites or tiles', () => {
    // No glyphs URL: MapLibre then draws all label glyphs in the browser (see fonts.ts).
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      expect(typeof (source as { data: unknown }).data).toBe('object');
    }
  });

  it('labels with local CSS font families only', () => {
    const symbols = style.layers.filter((l): l is SymbolLayerSpecification => l.type === 'symbol');
    expect(symbols.map((l) => l.id)).toEqual(['mujun-road-label', 'mujun-cluster-label', 'mujun-zone-label']);
    for (const l of symbols) {
      const fonts = l.layout?.['text-font'] as string[];
      expect([LOCAL_FONTS.regular, LOCAL_FONTS.bold]).toContainEqual(fonts);
      // MapLibre joins the stack with commas into a CSS font list: names must not contain commas or quotes.
      for (const f of fonts) expect(f).toMatch(/^[A-Za-z][\w ]*$/);
    }
  });

  it('places one label per region from label points', () => {
    const labels = style.sources[REGION_LABEL_SOURCE] as { data: { features: unknown[] } };
    expect(labels.data.features).toHaveLength(regions.features.length);
  });

  it('draws roads by class with arterials above branches, widening with zoom', () => {
    const order = ids(style.layers);
    expect(order.indexOf('mujun-road-arterial')).toBeGreaterThan(order.indexOf('mujun-road-branch'));
    const arterial = style.layers.find((l) => l.id === 'mujun-road-arterial') as { paint: { 'line-width': unknown[] } };
    expect(arterial.paint['line-width'][0]).toBe('interpolate');
  });

  it('puts the caller\'s layers under the roads, over the roads, and under every label', () => {
    const layer = (id: string): LayerSpecification => ({ id, type: 'background' });
    const order = ids(buildOfflineStyle({ regions, roads, under: [layer('u')], over: [layer('o')], top: [layer('t')] }).layers);
    expect(order.indexOf('u')).toBeGreaterThan(order.indexOf('mujun-cluster-fill'));
    expect(order.indexOf('u')).toBeLessThan(order.indexOf('mujun-road-casing-branch'));
    expect(order.indexOf('o')).toBeGreaterThan(order.indexOf('mujun-road-arterial'));
    expect(order.indexOf('o')).toBe(order.indexOf(FIRST_OUTLINE_LAYER) - 1);
    expect(order.indexOf('t')).toBeGreaterThan(order.indexOf('mujun-district-outline'));
    expect(order.indexOf('t')).toBeLessThan(order.indexOf('mujun-road-label'));
  });

  it('has unique layer ids', () => {
    expect(new Set(ids(style.layers)).size).toBe(style.layers.length);
  });
});
