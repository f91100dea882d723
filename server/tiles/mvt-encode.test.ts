import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTile, ringArea, type TileFeature } from './mvt-encode.ts';

/** Decoded by @mapbox/vector-tile, which shares no code with the encoder. */
const decode = (bytes: Uint8Array) => new VectorTile(new PbfReader(bytes));

const rings = (f: VectorTileFeature) => f.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y]));

// Clockwise on screen (y down): right along the top, down, left along the bottom.
const SQUARE_CW = [[10, 10], [110, 10], [110, 110], [10, 110], [10, 10]];
const HOLE = [[40, 40], [40, 80], [80, 80], [80, 40], [40, 40]];

const polygon = (id: number, coordinates: number[][][], properties: TileFeature['properties'] = {}): TileFeature =>
  ({ id, properties, geometry: { type: 'Polygon', coordinates } });

describe('encodeTile', () => {
  it('writes a layer that an independent decoder reads back: name, extent, ids, properties', () => {
    const bytes = encodeTile([{
      name: 'parcels',
      extent: 4096,
      features: [
        polygon(7, [SQUARE_CW], { code: '500106001001GB00001W00000000', taxPerMuWan: 16.31, enterpriseCount: 2, delta: -3, huge: -(2 ** 52) - 1, ok: true, none: null }),
        polygon(2 ** 40, [SQUARE_CW], { code: '500106001001GB00002W00000000', enterpriseCount: 2, ok: false, gone: undefined }),
      ],
    }]);
    const tile = decode(bytes);
    expect(Object.keys(tile.layers)).toEqual(['parcels']);
    const layer = tile.layers.parcels!;
    expect(layer.version).toBe(2);
    expect(layer.extent).toBe(4096);
    expect(layer.length).toBe(2);
    const [a, b] = [layer.feature(0), layer.feature(1)];
    expect(a.id).toBe(7);
    expect(a.type).toBe(3);
    expect(a.properties).toEqual({ code: '500106001001GB00001W00000000', taxPerMuWan: 16.31, enterpriseCount: 2, delta: -3, huge: -(2 ** 52) - 1, ok: true });
    expect(b.id).toBe(2 ** 40);
    expect(b.properties).toEqual({ code: '500106001001GB00002W00000000', enterpriseCount: 2, ok: false });
  });

  it('gives the exterior ring a positive surveyor area (clockwise, y down) and holes a negative one, whatever the input winding', () => {
    const reversed = (ring: number[][]) => [...ring].reverse();
    for (const input of [[SQUARE_CW, HOLE], [reversed(SQUARE_CW), reversed(HOLE)]]) {
      const f = decode(encodeTile([{ name: 'l', features: [polygon(1, input)] }])).layers.l!.feature(0);
      const [outer, inner] = rings(f);
      expect(ringArea(outer!)).toBeGreaterThan(0);
      expect(ringArea(inner!)).toBeLessThan(0);
      // The decoder repeats the first point to close each ring.
      expect(outer).toHaveLength(5);
      expect(f.toGeoJSON(0, 0, 0).geometry.type).toBe('Polygon');
    }
  });

  it('keeps the parts of a multipolygon apart, each with its holes', () => {
    const shifted = (ring: number[][], dx: number) => ring.map(([x, y]) => [x! + dx, y!]);
    const f = decode(encodeTile([{
      name: 'l',
      features: [{ id: 1, properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[SQUARE_CW, HOLE], [shifted(SQUARE_CW, 200)]] } }],
    }])).layers.l!.feature(0);
    expect(rings(f).map((r) => Math.sign(ringArea(r)))).toEqual([1, -1, 1]);
    const geojson = f.toGeoJSON(0, 0, 0).geometry;
    expect(geojson.type).toBe('MultiPolygon');
  });

  it('rounds to the grid, drops repeated points, collapsed rings and features left with nothing', () => {
    const f = decode(encodeTile([{
      name: 'l',
      features: [
        polygon(1, [[[10.2, 10.4], [10, 10], [110, 10], [109.7, 110.2], [10, 110], [10, 10]], [[50, 50], [50.2, 50.3], [60, 50], [50, 50]]]),
        polygon(2, [[[5, 5], [5.3, 5.2], [5, 5]], HOLE]),
      ],
    }])).layers.l!;
    expect(f.length).toBe(1);
    expect(rings(f.feature(0))).toEqual([[[10, 10], [110, 10], [110, 110], [10, 110], [10, 10]]]);
  });

  it('encodes lines and points with the cursor carried across parts', () => {
    const layer = decode(encodeTile([{
      name: 'l',
      features: [
        { id: 1, properties: {}, geometry: { type: 'MultiLineString', coordinates: [[[0, 0], [100, 0]], [[100, 50], [0, 50], [0, 60]]] } },
        { id: 2, properties: {}, geometry: { type: 'MultiPoint', coordinates: [[5, 6], [-7, 8]] } },
        { id: 3, properties: {}, geometry: { type: 'LineString', coordinates: [[3, 3], [3, 3]] } },
      ],
    }])).layers.l!;
    expect(layer.length).toBe(2);
    expect(layer.feature(0).type).toBe(2);
    expect(rings(layer.feature(0))).toEqual([[[0, 0], [100, 0]], [[100, 50], [0, 50], [0, 60]]]);
    expect(layer.feature(1).type).toBe(1);
    expect(rings(layer.feature(1))).toEqual([[[5, 6]], [[-7, 8]]]);
  });

  it('shares keys and values between features and keeps several layers', () => {
    const features = Array.from({ length: 300 }, (_, i) =>
      polygon(i, [SQUARE_CW.map(([x, y]) => [x! + i, y!])], { landUse: i % 2 ? '0601' : '0604', n: i, share: i / 7 }));
    const bytes = encodeTile([{ name: 'a', features }, { name: 'empty', features: [] }, { name: 'b', extent: 512, features: features.slice(0, 1) }]);
    const tile = decode(bytes);
    expect(Object.keys(tile.layers)).toEqual(['a', 'b']);
    expect(tile.layers.b!.extent).toBe(512);
    const a = tile.layers.a!;
    expect(a.length).toBe(300);
    for (const i of [0, 1, 150, 299]) {
      expect(a.feature(i).id).toBe(i);
      expect(a.feature(i).properties).toEqual({ landUse: i % 2 ? '0601' : '0604', n: i, share: i / 7 });
    }
    // Two land-use strings in the values table, not 300.
    expect(new TextDecoder().decode(bytes).split('0601')).toHaveLength(2);
  });

  it('writes lengths that need three varint bytes (a layer over 16 KB)', () => {
    const features = Array.from({ length: 3000 }, (_, i) => polygon(i, [SQUARE_CW], { code: `500106001001GB${String(i).padStart(5, '0')}W00000000` }));
    const bytes = encodeTile([{ name: 'parcels', features }]);
    expect(bytes.byteLength).toBeGreaterThan(128 * 128);
    const layer = decode(bytes).layers.parcels!;
    expect(layer.length).toBe(3000);
    expect(layer.feature(2999).properties.code).toBe('500106001001GB02999W00000000');
  });

  it('gives an empty tile for no layers', () => {
    expect(encodeTile([])).toEqual(new Uint8Array(0));
    expect(Object.keys(decode(encodeTile([{ name: 'l', features: [polygon(1, [[[1, 1], [2, 2], [3, 3]]])] }])).layers)).toEqual([]);
  });
});

describe('encodeTile, for any input', () => {
  const value = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.maxSafeInteger(),
    fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v + 0), // -0 is 0 in a tile
    fc.boolean(),
  );
  // Rectangles with a hole inside, wound either way, anywhere within the buffer.
  const rectangle = fc.record({ x: fc.integer({ min: -64, max: 4000 }), y: fc.integer({ min: -64, max: 4000 }), w: fc.integer({ min: 4, max: 150 }), h: fc.integer({ min: 4, max: 150 }), ccw: fc.boolean() });
  const feature = fc.record({ id: fc.nat({ max: 2 ** 40 }), properties: fc.dictionary(fc.stringMatching(/^[a-zA-Z][\w-]{0,11}$/), value, { maxKeys: 6 }), rectangle });

  it('decodes to the same ids, properties and rings, exteriors positive and holes negative', () => {
    fc.assert(fc.property(fc.array(feature, { maxLength: 40 }), (input) => {
      const toFeature = ({ id, properties, rectangle: { x, y, w, h, ccw } }: (typeof input)[number]): TileFeature => {
        const outer = [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
        const hole = [[x + 1, y + 1], [x + 1, y + h - 1], [x + w - 1, y + h - 1], [x + w - 1, y + 1]];
        return { id, properties, geometry: { type: 'Polygon', coordinates: ccw ? [outer.reverse(), hole.reverse()] : [outer, hole] } };
      };
      const layer = decode(encodeTile([{ name: 'l', features: input.map(toFeature) }])).layers.l;
      expect(layer?.length ?? 0).toBe(input.length);
      input.forEach((f, i) => {
        const got = layer!.feature(i);
        expect(got.id).toBe(f.id);
        expect(got.properties).toEqual(f.properties);
        const [outer, hole] = rings(got);
        expect(ringArea(outer!)).toBe(f.rectangle.w * f.rectangle.h);
        expect(ringArea(hole!)).toBe(-(f.rectangle.w - 2) * (f.rectangle.h - 2));
      });
    }), { numRuns: 200 });
  });
});

describe('ringArea', () => {
  it('is positive for a clockwise ring in y-down coordinates', () => {
    expect(ringArea([[0, 0], [10, 0], [10, 10], [0, 10]])).toBe(100);
    expect(ringArea([[0, 0], [0, 10], [10, 10], [10, 0]])).toBe(-100);
  });
});
