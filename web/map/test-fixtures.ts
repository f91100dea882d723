/** A tiny district for the map builders' tests, deep-frozen so a builder that mutates its input fails loudly. */
import type { ParcelCollection, RegionCollection, RoadCollection, TileJson } from '../api/types.ts';

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

/** The parcel TileJSON as the server sends it (fields as in server/db/queries/tiles.ts). */
export const tileJson: TileJson = deepFreeze<TileJson>({
  tilejson: '3.0.0',
  tiles: ['http://127.0.0.1:8787/tiles/parcels/{z}/{x}/{y}.mvt?v=i1r1'],
  minzoom: 6,
  maxzoom: 16,
  bounds: [106.28, 29.58, 106.36, 29.64],
  vector_layers: [
    { id: 'parcels', minzoom: 12, maxzoom: 16, fields: { code: '', taxPerMuWan: '', industry: '', scale: '', region: '', landUse: '', enterpriseCount: '', grade: '', group: '' } },
    { id: 'parcel_cells', minzoom: 0, maxzoom: 11, fields: { count: '', areaMu: '', taxPerMuWan: '' } },
  ],
});

/** Parcels as tile features carry them: every combination the filters look at, absent attributes included. */
export const tileParcels: readonly Record<string, unknown>[] = deepFreeze([
  { code: 'P1', grade: 'A', group: 'above', region: 'C1', industry: 'C3670', taxPerMuWan: 42.5, flags: '' },
  { code: 'P2', grade: 'C', group: 'below', region: 'C2', industry: 'C3982', taxPerMuWan: 4.2, flags: 'low_tax_per_mu,low_far' },
  { code: 'P3', grade: 'D', group: 'above', region: 'C1', industry: 'C2720', taxPerMuWan: 5, flags: 'idle,supplied_not_used' },
  { code: 'P4', grade: 'T', group: 'below', region: 'C3', industry: 'D4411', taxPerMuWan: -1.5 },
  { code: 'P5', region: 'C2', taxPerMuWan: 20, flags: 'built_not_producing' },
  { code: 'P6' },
  { code: 'P7', grade: 'B', group: 'above', region: 'C1', industry: 'C36', taxPerMuWan: 10, flags: 'idle_halted,vacant_floor_area' },
]);
