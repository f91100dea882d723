import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { applyPatches, mergePatches } from './layer-patch.ts';

const layers: LayerSpecification[] = Object.freeze([
  Object.freeze({ id: 'a', type: 'fill', source: 's', paint: Object.freeze({ 'fill-color': '#000', 'fill-opacity': 1 }) }),
  Object.freeze({ id: 'b', type: 'line', source: 's', layout: Object.freeze({ 'line-join': 'round' }) }),
]) as unknown as LayerSpecification[];

describe('layer patches', () => {
  it('apply paint, layout and filter to copies, leaving the layers given untouched', () => {
    const out = applyPatches(layers, { a: { paint: { 'fill-opacity': 0.5 }, filter: ['==', ['get', 'x'], 1] }, b: { layout: { visibility: 'none' } } });
    expect(out[0]).toEqual({ id: 'a', type: 'fill', source: 's', paint: { 'fill-color': '#000', 'fill-opacity': 0.5 }, filter: ['==', ['get', 'x'], 1] });
    expect(out[1]).toEqual({ id: 'b', type: 'line', source: 's', layout: { 'line-join': 'round', visibility: 'none' } });
    expect(applyPatches(layers, {})[0]).toBe(layers[0]);
  });

  it('merge patches of one layer, the later winning per property', () => {
    expect(mergePatches({ a: { paint: { x: 1, y: 1 } } }, { a: { paint: { y: 2 }, layout: { v: 'none' } } }, { b: { filter: ['has', 'k'] } })).toEqual({
      a: { paint: { x: 1, y: 2 }, layout: { v: 'none' } },
      b: { filter: ['has', 'k'] },
    });
  });
});
