import { describe, expect, it } from 'vitest';
import type { RegionCollection } from '../api/types.ts';
import { regions } from '../map/test-fixtures.ts';
import { clusterCodesOf, regionBbox, regionNames, regionOptions } from './regions.ts';

describe('regions', () => {
  it('offer 片区 each followed by its 组团, and no other levels', () => {
    expect(regionOptions(regions)).toEqual([
      { code: 'Z1', name: '西片区', level: 'zone' },
      { code: 'C1', name: '微电子组团', level: 'cluster' },
    ]);
  });

  it('list a 组团 whose 片区 is unknown at the end', () => {
    const orphan: RegionCollection = {
      type: 'FeatureCollection',
      features: [
        ...regions.features,
        { type: 'Feature', properties: { code: 'C0', name: '孤立组团', level: 'cluster', parentCode: null }, geometry: regions.features[0]!.geometry },
      ],
    };
    expect(regionOptions(orphan).map((o) => o.code)).toEqual(['Z1', 'C1', 'C0']);
  });

  it('resolve a region filter to the 组团 the tiles carry: itself, those under a 片区 or the district, none for unknown', () => {
    expect(clusterCodesOf(regions, 'C1')).toEqual(['C1']);
    expect(clusterCodesOf(regions, 'Z1')).toEqual(['C1']);
    expect(clusterCodesOf(regions, '500106')).toEqual(['C1']);
    expect(clusterCodesOf(regions, 'nope')).toEqual([]);
    expect(clusterCodesOf(regions, null)).toBeNull();
  });

  it('name regions and give their extent', () => {
    expect(regionNames(regions).C1).toBe('微电子组团');
    expect(regionBbox(regions, 'C1')).toEqual([106.29, 29.59, 106.31, 29.61]);
    expect(regionBbox(regions, 'nope')).toBeNull();
  });
});
