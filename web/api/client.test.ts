import { describe, expect, it } from 'vitest';
import type { ResultsQuery } from './evaluation-types.ts';
import { candidateExportUrl, candidateSearchParams, footprintsUrl, parcelsUrl, regionsUrl, resultsSearchParams, roadsUrl, runExportUrl, tileJsonUrl } from './client.ts';

const empty: ResultsQuery = Object.freeze({ grades: [], group: null, region: null, industry: null, q: null, page: 1, pageSize: 50 });

describe('result list requests', () => {
  it('send only the page when no filter is set', () => {
    expect(resultsSearchParams(empty).toString()).toBe('page=1&pageSize=50');
  });

  it('send every filter the server understands, grades comma-separated', () => {
    const params = resultsSearchParams({
      grades: ['C', 'D'], group: 'below', region: '500106-PQ01', industry: ' C36 ', q: ' 重庆 ', page: 3, pageSize: 20,
    });
    expect(Object.fromEntries(params)).toEqual({
      grade: 'C,D', group: 'below', region: '500106-PQ01', industry: 'C36', q: '重庆', page: '3', pageSize: '20',
    });
  });

  it('send the 亩均税收 bounds set and the land-status flags', () => {
    const params = resultsSearchParams({ ...empty, taxPerMuMinWan: 5, taxPerMuMaxWan: null, flags: ['idle_halted', 'idle'] });
    expect(Object.fromEntries(params)).toEqual({ taxPerMuMin: '5', status: 'idle,idle_halted', page: '1', pageSize: '50' });
  });

  it('leave out blank text filters', () => {
    expect(resultsSearchParams({ ...empty, industry: '  ', q: '' }).has('industry')).toBe(false);
    expect(resultsSearchParams({ ...empty, industry: '  ', q: '' }).has('q')).toBe(false);
  });

  it('name the export format in the download URL', () => {
    expect(runExportUrl(4, 'xlsx')).toBe('/api/evaluations/4/export?format=xlsx');
  });
});

describe('candidate list requests', () => {
  it('send the kind and only the filters set; paths only for exit', () => {
    expect(candidateSearchParams('exit', { region: null, minMu: null, maxMu: null, paths: null, page: 1, pageSize: 50 }).toString()).toBe('kind=exit&page=1&pageSize=50');
    const params = candidateSearchParams('exit', { region: '500106-ZT01', minMu: 0, maxMu: 30, paths: ['依规回收', '引导退还'], page: 2, pageSize: 10 });
    expect(Object.fromEntries(params)).toEqual({ kind: 'exit', region: '500106-ZT01', minMu: '0', maxMu: '30', path: '依规回收,引导退还', page: '2', pageSize: '10' });
    expect(candidateSearchParams('consolidation', { paths: ['依规回收'] }).has('path')).toBe(false);
    // The order: only on the consolidation list, and only when not the default (largest first).
    expect(candidateSearchParams('consolidation', { sort: 'uplift' }).get('sort')).toBe('uplift');
    expect(candidateSearchParams('consolidation', { sort: 'area' }).has('sort')).toBe(false);
    expect(candidateSearchParams('exit', { sort: 'uplift' }).has('sort')).toBe(false);
  });

  it('export with the list’s filters', () => {
    expect(candidateExportUrl('consolidation', 'csv', { region: 'R', minMu: 10 })).toBe('/api/candidates/export?kind=consolidation&region=R&minMu=10&format=csv');
    expect(candidateExportUrl('consolidation', 'xlsx', { sort: 'taxPerMu' })).toBe('/api/candidates/export?kind=consolidation&sort=taxPerMu&format=xlsx');
  });
});

describe('geometry requests', () => {
  const bbox: [number, number, number, number] = [106.5, 29.5, 106.6, 29.6];

  it('ask for nothing special in WGS 84', () => {
    expect([regionsUrl('wgs84'), roadsUrl('wgs84'), tileJsonUrl('parcels', 'wgs84'), tileJsonUrl('regions', 'wgs84')]).toEqual([
      '/api/regions', '/api/roads', '/tiles/parcels.json', '/tiles/regions.json',
    ]);
    expect(parcelsUrl(bbox, 'wgs84')).toBe('/api/parcels?bbox=106.5,29.5,106.6,29.6');
    expect(footprintsUrl({ region: 'R', minMu: null, maxMu: null }, 'wgs84')).toBe('/api/candidates/consolidation.geojson?region=R');
  });

  it('ask for GCJ-02 geometry over a GCJ-02 basemap, the parcel box staying WGS 84', () => {
    expect([regionsUrl('gcj02'), roadsUrl('gcj02'), tileJsonUrl('parcels', 'gcj02'), tileJsonUrl('regions', 'gcj02')]).toEqual([
      '/api/regions?crs=gcj02', '/api/roads?crs=gcj02', '/tiles/parcels.json?crs=gcj02', '/tiles/regions.json?crs=gcj02',
    ]);
    expect(parcelsUrl(bbox, 'gcj02')).toBe('/api/parcels?bbox=106.5,29.5,106.6,29.6&crs=gcj02');
    expect(footprintsUrl({ region: null, minMu: null, maxMu: null }, 'gcj02')).toBe('/api/candidates/consolidation.geojson?crs=gcj02');
    expect(footprintsUrl({ region: 'R', minMu: 10, maxMu: null }, 'gcj02')).toBe('/api/candidates/consolidation.geojson?region=R&minMu=10&crs=gcj02');
  });
});
