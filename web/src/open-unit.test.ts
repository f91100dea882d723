import { describe, expect, it } from 'vitest';
import type { BBox, EnterpriseParcel } from '../api/types.ts';
import { geometryBbox, mainParcel } from './open-unit.ts';

const p = (code: string, role: 'owner' | 'tenant', areaUsedM2: number): EnterpriseParcel =>
  Object.freeze({ code, role, areaUsedM2, areaUsedMu: areaUsedM2 / 666.67, bbox: [0, 0, 1, 1] as BBox });

describe('opening a unit', () => {
  it('shows an enterprise on the parcel it owns before one it rents, then the largest', () => {
    expect(mainParcel([p('B', 'tenant', 9000), p('A', 'owner', 100)])!.code).toBe('A');
    expect(mainParcel([p('B', 'tenant', 100), p('C', 'tenant', 900)])!.code).toBe('C');
    expect(mainParcel([p('D', 'owner', 100), p('C', 'owner', 100)])!.code).toBe('C');
    expect(mainParcel([])).toBeNull();
  });

  it('does not reorder the list it is given', () => {
    const list = Object.freeze([p('B', 'tenant', 9000), p('A', 'owner', 100)]);
    mainParcel(list);
    expect(list.map((x) => x.code)).toEqual(['B', 'A']);
  });

  it('boxes polygons and multipolygons by their outer rings, [w, s, e, n]', () => {
    expect(geometryBbox({ type: 'Polygon', coordinates: [[[106.1, 29.5], [106.3, 29.5], [106.3, 29.7], [106.1, 29.5]]] })).toEqual([106.1, 29.5, 106.3, 29.7]);
    expect(geometryBbox({
      type: 'MultiPolygon',
      coordinates: [[[[1, 1], [2, 1], [2, 2], [1, 1]]], [[[5, -1], [6, -1], [6, 0], [5, -1]]]],
    })).toEqual([1, -1, 6, 2]);
    expect(geometryBbox({ type: 'Polygon', coordinates: [] })).toBeNull();
  });
});
