import { describe, expect, it } from 'vitest';
import type { ResultsQuery } from './evaluation-types.ts';
import { resultsSearchParams, runExportUrl } from './client.ts';

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

  it('leave out blank text filters', () => {
    expect(resultsSearchParams({ ...empty, industry: '  ', q: '' }).has('industry')).toBe(false);
    expect(resultsSearchParams({ ...empty, industry: '  ', q: '' }).has('q')).toBe(false);
  });

  it('name the export format in the download URL', () => {
    expect(runExportUrl(4, 'xlsx')).toBe('/api/evaluations/4/export?format=xlsx');
  });
});
