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


describe('3D extrusion data', () => {
  it('raises a parcel by its 亩均税收, capped, with a slab for no figure or a refund', () => {
    expect(heightForTax(10)).toBe(10 * METRES_PER_TAX_PER_MU);
    expect(heightForTax(TAX_CAP_WAN_PER_MU * 3)).toBe(TAX_CAP_WAN_PER_MU * METRES_PER_TAX_PER_MU);
    expect(heightForTax(null)).toBe(SLAB_M);
    expect(heightForTax(-4)).toBe(SLAB_M);
    expect(heightForTax(0.01)).toBe(SLAB_M);
  });

  it('colours each parcel by its grade, not evaluated in grey', () => {
    const data = extrusionData(parcels, NO_FILTER);
    const byId = new Map(data.map((d) => [d.id, d]));
    expect(byId.get(1)!.color).toEqual([0xd5, 0x5e, 0x00, KEPT_ALPHA]); // D
    expect(byId.get(1)!.elevationM).toBe(4 * METRES_PER_TAX_PER_MU);
    expect(byId.get(2)!.color.slice(0, 3)).toEqual([0xcf, 0xcb, 0xc3]);
    expect(byId.get(2)!.elevationM).toBe(SLAB_M);
  });

  it('lays parcels the filter does not keep flat and faint, drawn first', () => {
    const data = extrusionData(parcels, { ...NO_FILTER, grades: ['D'] });
    expect(data.map((d) => [d.id, d.kept, d.elevationM, d.color[3]])).toEqual([
      [2, false, 0, DIMMED_ALPHA],
      [1, true, 4 * METRES_PER_TAX_PER_MU, KEPT_ALPHA],
    ]);
  });

  it('follows the chosen run and reads industry and region from the tiles where they are loaded', () => {
    const overrides = new Map([['500106001001GB00001W00000000', 'A' as const]]);
    const a = extrusionData(parcels, NO_FILTER, overrides).find((d) => d.id === 1)!;
    expect(a.color.slice(0, 3)).toEqual([0x00, 0x72, 0xb2]);
    const byRegion = { ...NO_FILTER, regions: ['C1'] };
    // Without tile attributes the region cannot be tested, so it is not applied rather than dimming all.
    expect(extrusionData(parcels, byRegion).every((d) => d.kept)).toBe(true);
    const tiles = new Map([[1, { code: '500106001001GB00001W00000000', region: 'C9', grade: 'D' as const }]]);
    const withTiles = extrusionData(parcels, byRegion, null, tiles);
    expect(withTiles.find((d) => d.id === 1)!.kept).toBe(false);
    expect(withTiles.find((d) => d.id === 1)!.tile.region).toBe('C9');
    expect(withTiles.find((d) => d.id === 2)!.tile).toMatchObject({ code: '500106001001GB00002W00000000', enterpriseCount: 0 });
  });

  it('gives each part of a multipolygon its own entry', () => {
    const ring = [[0, 0], [1, 0], [1, 1], [0, 0]];
    const multi: ParcelCollection = {
      type: 'FeatureCollection',
      features: [{ ...parcels.features[0]!, geometry: { type: 'MultiPolygon', coordinates: [[ring], [ring.map(([x, y]) => [x! + 2, y!])]] } }],
    };
    const data = extrusionData(multi, NO_FILTER);
    expect(data).toHaveLength(2);
    expect(data.every((d) => d.id === 1)).toBe(true);
  });

  it('leaves its input untouched (fixtures are frozen)', () => {
    expect(() => extrusionData(parcels, { ...NO_FILTER, grades: ['A'], group: 'above' })).not.toThrow();
  });

  it('outlines the selected parcel at its roof and on the ground', () => {
    const data = extrusionData(parcels, NO_FILTER);
    expect(selectionOutline(data, null)).toEqual([]);
    const [roof, ground] = selectionOutline(data, 1);
    expect(roof!.path[0]).toEqual([106.295, 29.595, 4 * METRES_PER_TAX_PER_MU + 0.5]);
    expect(ground!.path.every((p) => p[2] === 0.5)).toBe(true);
    expect(roof!.path).toHaveLength(5);
  });
});
