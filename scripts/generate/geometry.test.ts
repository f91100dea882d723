import turfArea from '@turf/area';
import { describe, expect, it } from 'vitest';
import { chord, clipHalfPlane, convexHull, convexIntersectionArea, insetConvex, ringArea, signedArea, type Ring } from './geometry.ts';
import { makeProjection } from './projection.ts';

const square = (x: number, y: number, size: number): Ring => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
];

describe('planar geometry', () => {
  it('measures counter-clockwise rings as positive', () => {
    expect(signedArea(square(0, 0, 10))).toBe(100);
    expect(signedArea(square(0, 0, 10).reverse())).toBe(-100);
  });

  it('clips a square by a half-plane', () => {
    const half = clipHalfPlane(square(0, 0, 10), [4, 0], [1, 0]);
    expect(ringArea(half)).toBeCloseTo(60, 9);
    expect(clipHalfPlane(square(0, 0, 10), [20, 0], [1, 0])).toEqual([]);
  });

  it('insets every edge of a convex ring', () => {
    expect(ringArea(insetConvex(square(0, 0, 10), 1))).toBeCloseTo(64, 9);
  });

  it('finds the chord of a line through a convex ring', () => {
    const c = chord(square(0, 0, 10), [5, 5], [1, 0])!;
    expect(c[0][0]).toBeCloseTo(0, 9);
    expect(c[1][0]).toBeCloseTo(10, 9);
  });

  it('measures the overlap of convex rings, zero for neighbours that only touch', () => {
    expect(convexIntersectionArea(square(0, 0, 10), square(5, 5, 10))).toBeCloseTo(25, 9);
    expect(convexIntersectionArea(square(0, 0, 10), square(10, 0, 10))).toBeCloseTo(0, 9);
    expect(convexIntersectionArea(square(0, 0, 10), square(20, 0, 10))).toBe(0);
  });

  it('builds a counter-clockwise convex hull', () => {
    const hull = convexHull([[0, 0], [10, 0], [5, 2], [10, 10], [0, 10], [5, 5]]);
    expect(hull).toHaveLength(4);
    expect(signedArea(hull)).toBe(100);
  });
});

describe('projection', () => {
  const projection = makeProjection([106.3, 29.6]);

  it('round-trips local metres through [lng, lat]', () => {
    const p = projection.toLocal(projection.toLngLat([12345.6, -7890.1]));
    expect(p[0]).toBeCloseTo(12345.6, 6);
    expect(p[1]).toBeCloseTo(-7890.1, 6);
  });

  it('keeps planar areas equal to geodesic areas (turf) within 0.3%, even 50 km out', () => {
    for (const [x, y] of [[0, 0], [50_000, 50_000], [-50_000, -40_000]] as const) {
      const ring = square(x, y, 300);
      const coords = [...ring, ring[0]!].map((p) => projection.toLngLat(p));
      const geodesic = turfArea({ type: 'Polygon', coordinates: [coords] });
      expect(Math.abs(geodesic / ringArea(ring) - 1)).toBeLessThan(0.003);
    }
  });
});
