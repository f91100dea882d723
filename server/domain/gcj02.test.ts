import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gcj02Offset, gcj02ToWgs84, geometryToGcj02, wgs84ToGcj02 } from './gcj02.ts';

// Metres per degree near a latitude (spherical; enough to check offsets' size).
const metres = (dLng: number, dLat: number, lat: number) => Math.hypot(dLng * 111_320 * Math.cos((lat * Math.PI) / 180), dLat * 110_570);
const china = fc.record({ lng: fc.double({ min: 75, max: 134, noNaN: true }), lat: fc.double({ min: 18, max: 53, noNaN: true }) });

describe('GCJ-02', () => {
  it('leaves points outside China where they are', () => {
    expect(wgs84ToGcj02(2.35, 48.85)).toEqual([2.35, 48.85]);
    expect(wgs84ToGcj02(139.7, 35.7)).toEqual([139.7, 35.7]);
  });

  it('moves a point in Chongqing by a few hundred metres, east and south as the basemaps show', () => {
    const [dLng, dLat] = gcj02Offset(106.55, 29.56);
    expect(dLng).toBeGreaterThan(0);
    expect(dLat).toBeLessThan(0);
    const m = metres(dLng, dLat, 29.56);
    expect(m).toBeGreaterThan(200);
    expect(m).toBeLessThan(700);
  });

  // The smallest shift inside the box is 17.5 m, near 96.6005°E 37.1433°N in Qinghai (found by a 0.01° grid
  // search refined by pattern search); the largest is about 700 m. An earlier bound of 50 m was simply false.
  it('shifts its smallest, 17.5 m, in Qinghai', () => {
    const [dLng, dLat] = gcj02Offset(96.60050930976743, 37.14332033395756);
    expect(metres(dLng, dLat, 37.14332033395756)).toBeCloseTo(17.535, 2);
  });

  it('shifts anywhere in China by 17–1,000 m, and the inverse finds the WGS 84 point again', () => {
    fc.assert(fc.property(china, ({ lng, lat }) => {
      const [x, y] = wgs84ToGcj02(lng, lat);
      const m = metres(x - lng, y - lat, lat);
      expect(m).toBeGreaterThan(17);
      expect(m).toBeLessThan(1000);
      const [bx, by] = gcj02ToWgs84(x, y);
      expect(Math.abs(bx - lng)).toBeLessThan(1e-8);
      expect(Math.abs(by - lat)).toBeLessThan(1e-8);
    }));
  });

  it('varies slowly: across a 300 m × 330 m parcel the offset changes by under 2 m (a pixel at z16)', () => {
    fc.assert(fc.property(china, ({ lng, lat }) => {
      const [a, b] = [gcj02Offset(lng, lat), gcj02Offset(lng + 0.003, lat + 0.003)];
      expect(metres(a[0] - b[0], a[1] - b[1], lat)).toBeLessThan(2);
    }));
  });

  it('shifts every vertex of a geometry and keeps extra ordinates', () => {
    const poly = { type: 'Polygon' as const, coordinates: [[[106.3, 29.6, 5], [106.31, 29.6, 5], [106.31, 29.61, 5], [106.3, 29.6, 5]]] };
    const shifted = geometryToGcj02(poly);
    expect(shifted.coordinates[0]![1]).toEqual([...wgs84ToGcj02(106.31, 29.6), 5]);
    expect(poly.coordinates[0]![0]).toEqual([106.3, 29.6, 5]);
    expect(geometryToGcj02(null)).toBeNull();
  });
});
