import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelPoint, labelPoints } from './label-points.ts';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [[[106.3, 29.6], [106.32, 29.6], [106.32, 29.62], [106.3, 29.62], [106.3, 29.6]]],
};

// A "C" open to the east: its centroid lies in the empty mouth.
const cShape: Polygon = {
  type: 'Polygon',
  coordinates: [[
    [106.3, 29.6], [106.33, 29.6], [106.33, 29.605], [106.305, 29.605], [106.305, 29.625],
    [106.33, 29.625], [106.33, 29.63], [106.3, 29.63], [106.3, 29.6],
  ]],
};

function inside([x, y]: number[], ring: number[][]): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) c = !c;
  }
  return c;
}

describe('labelPoint', () => {
  it('puts a square label near its centre', () => {
    const [x, y] = labelPoint(square)!;
    expect(x).toBeCloseTo(106.31, 3);
    expect(y).toBeCloseTo(29.61, 3);
  });

  it('keeps the label inside a C-shaped region, where the centroid is outside', () => {
    const p = labelPoint(cShape)!;
    expect(inside(p, cShape.coordinates[0]!)).toBe(true);
  });

  it('labels the largest part of a MultiPolygon', () => {
    const small = [[[106.4, 29.7], [106.401, 29.7], [106.401, 29.701], [106.4, 29.701], [106.4, 29.7]]];
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [small, square.coordinates] };
    const [x] = labelPoint(multi)!;
    expect(x).toBeLessThan(106.33);
  });

  it('returns null for an empty polygon', () => {
    expect(labelPoint({ type: 'Polygon', coordinates: [] })).toBeNull();
  });
});

describe('labelPoints', () => {
  it('keeps properties and does not touch its input', () => {
    const input: FeatureCollection<Polygon, { name: string }> = Object.freeze({
      type: 'FeatureCollection',
      features: Object.freeze([Object.freeze({ type: 'Feature', properties: { name: '西区' }, geometry: square })]),
    }) as never;
    const out = labelPoints(input);
    expect(out.features).toHaveLength(1);
    expect(out.features[0]!.properties).toEqual({ name: '西区' });
    expect(out.features[0]!.geometry.type).toBe('Point');
  });
});
