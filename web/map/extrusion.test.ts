import { describe, expect, it } from 'vitest';
import type { ParcelCollection } from '../api/types.ts';
import {
  DIMMED_ALPHA,
  KEPT_ALPHA,
  METRES_PER_TAX_PER_MU,
  SLAB_M,
  TAX_CAP_WAN_PER_MU,
  extrusionData,
  heightForTax,
  selectionOutline,
} from './extrusion.ts';
import { NO_FILTER } from './parcel-filter.ts';
import { parcels } from './test-fixtures.ts';

const known = { groupKnown: true };

describe('3D extrusion data', () => {
  it('raises a parcel by its 亩均税收, capped, with a slab for no figure or a refund', () => {
    expect(heightForTax(10)).toBe(10 * METRES_PER_TAX_PER_MU);
    expect(heightForTax(TAX_CAP_WAN_PER_MU * 3)).toBe(TAX_CAP_WAN_PER_MU * METRES_PER_TAX_PER_MU);
    expect(heightForTax(null)).toBe(SLAB_M);
    expect(heightForTax(-4)).toBe(SLAB_M);
    expect(heightForTax(0.01)).toBe(SLAB_M);
  });

  it('colours each parcel by its grade, not evaluated in grey', () => {
    const data = extrusionData(parcels, NO_FILTER, known);
    const byId = new Map(data.map((d) => [d.id, d]));
    expect(byId.get(1)!.color).toEqual([0xd5, 0x5e, 0x00, KEPT_ALPHA]); // D
    expect(byId.get(1)!.elevationM).toBe(4 * METRES_PER_TAX_PER_MU);
    expect(byId.get(2)!.color.slice(0, 3)).toEqual([0xcf, 0xcb, 0xc3]);
    expect(byId.get(2)!.elevationM).toBe(SLAB_M);
  });

  it('lays parcels the filter does not keep flat and faint, drawn first', () => {
    const data = extrusionData(parcels, { grades: ['D'], group: null }, known);
    expect(data.map((d) => [d.id, d.kept, d.elevationM, d.color[3]])).toEqual([
      [2, false, 0, DIMMED_ALPHA],
      [1, true, 4 * METRES_PER_TAX_PER_MU, KEPT_ALPHA],
    ]);
  });

  it('gives each part of a multipolygon its own entry', () => {
    const ring = [[0, 0], [1, 0], [1, 1], [0, 0]];
    const multi: ParcelCollection = {
      type: 'FeatureCollection',
      features: [{ ...parcels.features[0]!, geometry: { type: 'MultiPolygon', coordinates: [[ring], [ring.map(([x, y]) => [x! + 2, y!])]] } }],
    };
    const data = extrusionData(multi, NO_FILTER, known);
    expect(data).toHaveLength(2);
    expect(data.every((d) => d.id === 1)).toBe(true);
  });

  it('leaves its input untouched (fixtures are frozen)', () => {
    expect(() => extrusionData(parcels, { grades: ['A'], group: 'above' }, known)).not.toThrow();
  });

  it('outlines the selected parcel at its roof and on the ground', () => {
    const data = extrusionData(parcels, NO_FILTER, known);
    expect(selectionOutline(data, null)).toEqual([]);
    const [roof, ground] = selectionOutline(data, 1);
    expect(roof!.path[0]).toEqual([106.295, 29.595, 4 * METRES_PER_TAX_PER_MU + 0.5]);
    expect(ground!.path.every((p) => p[2] === 0.5)).toBe(true);
    expect(roof!.path).toHaveLength(5);
  });
});
