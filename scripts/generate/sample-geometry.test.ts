/** The committed sample's geometry: valid GeoJSON rings, nested regions, no overlapping parcels. */
import turfArea from '@turf/area';
import type { Feature, Geometry, Polygon } from 'geojson';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bounds, convexIntersectionArea, pointInRing, signedArea, type Ring, type Xy } from './geometry.ts';
import { DISTRICT_ORIGIN, makeProjection } from './projection.ts';
import { exteriorRings, readDelivery } from './read-delivery.ts';

const d = readDelivery(join(import.meta.dirname, '../../data/sample'));
const projection = makeProjection(DISTRICT_ORIGIN);
const local = (ring: number[][]): Ring => ring.slice(0, -1).map((p) => projection.toLocal([p[0]!, p[1]!]));
const regionsOf = (level: string) => d.regions.features.filter((f) => f.properties['层级'] === level);

describe('GeoJSON rings', () => {
  it('are closed, counter-clockwise outside and clockwise in holes, with 6-decimal [lng, lat]', () => {
    const polygons = [...d.parcels.features, ...d.regions.features].flatMap((f) => {
      const g = f.geometry;
      return g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    });
    let holes = 0;
    for (const rings of polygons) {
      rings.forEach((ring, i) => {
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        expect(ring.length).toBeGreaterThanOrEqual(4);
        const area = signedArea(ring.slice(0, -1).map((p) => [p[0]!, p[1]!] as const));
        expect(i === 0 ? area > 0 : area < 0).toBe(true);
        if (i > 0) holes++;
        for (const [lng, lat] of ring) {
          expect(lng).toBeGreaterThan(105);
          expect(lng).toBeLessThan(108);
          expect(lat).toBeGreaterThan(28.5);
          expect(lat).toBeLessThan(30.5);
          expect(String(lng).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(6);
        }
      });
    }
    expect(holes).toBeGreaterThan(0);
    expect(d.parcels.features.filter((f) => f.geometry.type === 'MultiPolygon').length).toBeGreaterThan(10);
  });

  it('give 宗地面积 within 0.3% of the geodesic area (plus a few m² of coordinate rounding)', () => {
    for (const f of d.parcels.features) {
      const registry = Number(f.properties['宗地面积']);
      expect(Math.abs(turfArea(f) - registry), String(f.properties['不动产单元代码'])).toBeLessThan(0.003 * registry + 10);
    }
  });
});

describe('regions', () => {
  it('has one district, 3 片区, 8 组团 and 3–4 镇街 with codes and parents', () => {
    expect(regionsOf('区县')).toHaveLength(1);
    expect(regionsOf('片区')).toHaveLength(3);
    expect(regionsOf('组团')).toHaveLength(8);
    expect(regionsOf('镇街').length).toBeGreaterThanOrEqual(3);
    expect(regionsOf('镇街').length).toBeLessThanOrEqual(4);
    const codes = new Set(d.regions.features.map((f) => f.properties['编码']));
    for (const f of d.regions.features) {
      const parent = f.properties['上级编码'];
      if (f.properties['层级'] === '区县') expect(parent).toBeNull();
      else expect(codes.has(parent!)).toBe(true);
    }
    expect(regionsOf('组团')[0]!.properties['编码']).toMatch(/^500106-ZT\d{2}$/);
  });

  it('nests each 组团 in its 片区 and each 片区 in the district', () => {
    const ring = (f: Feature<Geometry>) => local((f.geometry as Polygon).coordinates[0]!);
    const district = ring(regionsOf('区县')[0]!);
    const zones = new Map(regionsOf('片区').map((f) => [f.properties['编码'], ring(f)]));
    for (const [, zone] of zones) for (const p of zone) expect(pointInRing(p, district)).toBe(true);
    for (const f of regionsOf('组团')) {
      const zone = zones.get(f.properties['上级编码']!)!;
      for (const p of ring(f)) expect(pointInRing(p, zone)).toBe(true);
    }
  });

  it('draws towns that cut across clusters rather than follow them', () => {
    const towns = regionsOf('镇街').map((f) => local((f.geometry as Polygon).coordinates[0]!));
    const splitClusters = regionsOf('组团').filter((f) => {
      const corners = local((f.geometry as Polygon).coordinates[0]!);
      const townOf = (p: Xy) => towns.findIndex((t) => pointInRing(p, t));
      return new Set(corners.map(townOf)).size > 1;
    });
    expect(splitClusters.length).toBeGreaterThan(0);
  });
});

describe('roads', () => {
  it('has all three grades and bent or curved roads', () => {
    const grades = new Set(d.roads.features.map((f) => f.properties['等级']));
    expect([...grades].sort()).toEqual(['主干路', '支路', '次干路'].sort());
    expect(d.roads.features.filter((f) => f.geometry.type === 'LineString' && f.geometry.coordinates.length > 2).length).toBeGreaterThan(10);
    for (const f of d.roads.features) expect(f.properties['名称']).toMatch(/路|大道/);
  });
});

describe('parcels', () => {
  it('never overlap one another (every pair with touching bounds, planar clip in metres)', () => {
    const parts = d.parcels.features.flatMap((f, id) => exteriorRings(f).map((r) => ({ id, ring: local(r) })));
    const boxes = parts.map((p) => bounds(p.ring));
    const cell = 500;
    const grid = new Map<string, number[]>();
    boxes.forEach((b, i) => {
      for (let x = Math.floor(b[0] / cell); x <= Math.floor(b[2] / cell); x++) {
        for (let y = Math.floor(b[1] / cell); y <= Math.floor(b[3] / cell); y++) {
          const key = `${x},${y}`;
          grid.set(key, [...(grid.get(key) ?? []), i]);
        }
      }
    });
    const checked = new Set<string>();
    let pairs = 0;
    for (const members of grid.values()) {
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          const i = members[a]!;
          const j = members[b]!;
          if (parts[i]!.id === parts[j]!.id) continue;
          const key = i < j ? `${i}:${j}` : `${j}:${i}`;
          if (checked.has(key)) continue;
          checked.add(key);
          const [bi, bj] = [boxes[i]!, boxes[j]!];
          if (bi[0] > bj[2] || bj[0] > bi[2] || bi[1] > bj[3] || bj[1] > bi[3]) continue;
          pairs++;
          expect(convexIntersectionArea(parts[i]!.ring, parts[j]!.ring), key).toBeLessThan(0.5);
        }
      }
    }
    expect(pairs).toBeGreaterThan(1000);
  });
});
