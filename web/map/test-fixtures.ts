/** A tiny district for the map builders' tests, deep-frozen so a builder that mutates its input fails loudly. */
import type { ParcelCollection, RegionCollection, RoadCollection } from '../api/types.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function box(w: number, s: number, e: number, n: number): number[][][] {
  return [[[w, s], [e, s], [e, n], [w, n], [w, s]]];
}

export const regions: RegionCollection = deepFreeze({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code: '500106', name: '样例区', level: 'district', parentCode: null },
      geometry: { type: 'Polygon', coordinates: box(106.28, 29.58, 106.36, 29.64) },
    },
    {
      type: 'Feature',
      properties: { code: 'Z1', name: '西片区', level: 'zone', parentCode: '500106' },
      geometry: { type: 'Polygon', coordinates: box(106.28, 29.58, 106.32, 29.64) },
    },
    {
      type: 'Feature',
      properties: { code: 'C1', name: '微电子组团', level: 'cluster', parentCode: 'Z1' },
      geometry: { type: 'Polygon', coordinates: box(106.29, 29.59, 106.31, 29.61) },
    },
  ],
}) as RegionCollection;

export const roads: RoadCollection = deepFreeze({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: '西永大道', roadClass: 'arterial' },
      geometry: { type: 'LineString', coordinates: [[106.28, 29.6], [106.36, 29.6]] },
    },
    {
      type: 'Feature',
      properties: { name: '科技二路', roadClass: 'branch' },
      geometry: { type: 'LineString', coordinates: [[106.3, 29.58], [106.3, 29.64]] },
    },
  ],
}) as RoadCollection;

export const parcels: ParcelCollection = deepFreeze({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 1,
      properties: {
        id: 1,
        code: '500106001001GB00001W00000000',
        areaMu: 45.2,
        landUse: '0601',
        landUseName: '工业用地',
        enterpriseCount: 2,
        enterpriseNames: '重庆甲科技有限公司、重庆乙精密制造有限公司',
        year: 2024,
        taxWan: 180.8,
        taxPerMuWan: 4,
        grade: 'D',
      },
      geometry: { type: 'Polygon', coordinates: box(106.295, 29.595, 106.297, 29.597) },
    },
    {
      type: 'Feature',
      id: 2,
      properties: {
        id: 2,
        code: '500106001001GB00002W00000000',
        areaMu: 30,
        landUse: '0601',
        landUseName: '工业用地',
        enterpriseCount: 0,
        enterpriseNames: '',
        year: null,
        taxWan: null,
        taxPerMuWan: null,
        grade: null,
      },
      geometry: { type: 'Polygon', coordinates: box(106.298, 29.595, 106.3, 29.597) },
    },
  ],
}) as ParcelCollection;
