import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { PARCEL_LABEL_SOURCE, parcelLabelLayer, parcelLabelPoints, parcelLabelSource } from './parcel-labels.ts';
import { NO_FILTER } from './parcel-filter.ts';
import { DEFAULT_PARCEL_THEME } from './parcel-layers.ts';
import { evaluate } from './test-expressions.ts';
import { parcels } from './test-fixtures.ts';

describe('parcel name labels', () => {
  it('place one point inside each parcel with enterprises, with the tile attributes where loaded', () => {
    const tiles = new Map([[1, { code: parcels.features[0]!.properties.code, grade: 'D' as const, region: 'C1', industry: 'C3670' }]]);
    const points = parcelLabelPoints(parcels, tiles, null);
    expect(points.features).toHaveLength(1); // parcel 2 has no enterprise
    const [f] = points.features;
    expect(f!.properties).toMatchObject({ id: 1, region: 'C1', industry: 'C3670', gradeShown: 'D', enterpriseNames: '重庆甲科技有限公司、重庆乙精密制造有限公司' });
    const [x, y] = f!.geometry.coordinates as [number, number];
    expect(x).toBeGreaterThan(106.295);
    expect(x).toBeLessThan(106.297);
    expect(y).toBeGreaterThan(29.595);
  });

  it('print the grade of the chosen run, falling back to the GeoJSON where tiles are not loaded', () => {
    const code = parcels.features[0]!.properties.code;
    const points = parcelLabelPoints(parcels, new Map(), new Map([[code, 'B']]));
    expect(points.features[0]!.properties).toMatchObject({ grade: 'D', gradeShown: 'B', taxPerMuWan: 4 });
  });

  it('read "name / grade · 亩均税收" and fade with the filter', () => {
    const layer = parcelLabelLayer(undefined, { ...DEFAULT_PARCEL_THEME, filter: { ...NO_FILTER, grades: ['A'] } });
    expect(validateStyleMin({ version: 8, sources: { [PARCEL_LABEL_SOURCE]: parcelLabelSource() }, layers: [layer] })).toEqual([]);
    const opacity = layer.paint!['text-opacity'];
    expect(evaluate(opacity, 'number', { grade: 'A' })).toBe(1);
    expect(evaluate(opacity, 'number', { grade: 'C' })).toBeLessThan(0.5);
  });
});
