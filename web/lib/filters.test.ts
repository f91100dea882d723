import { describe, expect, it } from 'vitest';
import { describeFilters, EMPTY_FILTERS, isFiltered, parseNumberInput, toParcelFilter, toResultsFilter, toggleGrade, toggleStatus } from './filters.ts';

describe('filters', () => {
  it('toggle grades in A → T order and statuses sorted', () => {
    expect(toggleGrade([], 'C')).toEqual(['C']);
    expect(toggleGrade(['C'], 'A')).toEqual(['A', 'C']);
    expect(toggleGrade(['A', 'C'], 'A')).toEqual(['C']);
    expect(toggleGrade(['T'], 'D')).toEqual(['D', 'T']);
    expect(toggleStatus(['low'], 'idle')).toEqual(['idle', 'low']);
    expect(toggleStatus(['idle', 'low'], 'idle')).toEqual(['low']);
  });

  it('call filters empty only when nothing is chosen or typed', () => {
    expect(isFiltered(EMPTY_FILTERS)).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTERS, q: '  ', industry: ' ' })).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTERS, tax: { min: null, max: null } })).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTERS, tax: { min: 5, max: null } })).toBe(true);
    expect(isFiltered({ ...EMPTY_FILTERS, group: 'above' })).toBe(true);
  });

  it('give the map the 组团 of the region and an upper-case industry prefix', () => {
    const f = { ...EMPTY_FILTERS, grades: ['D' as const], region: 'Z1', industry: ' c36 ', tax: { min: 1, max: null }, statuses: ['idle'] };
    expect(toParcelFilter(f, ['C1', 'C2'])).toEqual({ grades: ['D'], group: null, regions: ['C1', 'C2'], industry: 'C36', taxPerMuWan: { min: 1, max: null }, statuses: ['idle'] });
    expect(toParcelFilter({ ...f, region: null }, null).regions).toBeNull();
    expect(toParcelFilter(f, null).regions).toEqual([]);
  });

  it('give the result list the same filters, land-status classes as their flag codes', () => {
    const f = { ...EMPTY_FILTERS, grades: ['A' as const], tax: { min: 1, max: 2 }, statuses: ['idle'], q: '重庆' };
    expect(toResultsFilter(f)).toEqual({
      grades: ['A'], group: null, region: null, industry: null, q: '重庆', taxPerMuMinWan: 1, taxPerMuMaxWan: 2, flags: ['idle', 'idle_halted'],
    });
    expect(toResultsFilter(EMPTY_FILTERS)).toMatchObject({ taxPerMuMinWan: null, taxPerMuMaxWan: null, flags: [] });
  });

  it('read numbers as typed, full-width included', () => {
    expect(parseNumberInput(' 12.5 ')).toBe(12.5);
    expect(parseNumberInput('１２．５')).toBe(12.5);
    expect(parseNumberInput('－3')).toBe(-3);
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput('abc')).toBeNull();
  });
});

describe('the filters in words', () => {
  const names = (code: string) => ({ Z01: '含谷片区' })[code] ?? code;
  it('says nothing when nothing is filtered, and ignores the name search', () => {
    expect(describeFilters({ ...EMPTY_FILTERS, q: '达琪' }, names)).toEqual([]);
  });

  it('names grades, group, region, industry, the tax range and the land-status classes, in that order', () => {
    const f = { ...EMPTY_FILTERS, grades: ['C' as const, 'D' as const], group: 'above' as const, region: 'Z01', industry: ' c36 ', tax: { min: 5, max: 20 }, statuses: ['low', 'idle'] };
    expect(describeFilters(f, names)).toEqual(['C、D 级', '规上', '含谷片区', '行业 C36', '亩均税收 5–20 万元/亩', '闲置土地', '低效用地']);
  });

  it('writes an open range with its one bound', () => {
    expect(describeFilters({ ...EMPTY_FILTERS, tax: { min: null, max: 5 } }, names)).toEqual(['亩均税收 < 5 万元/亩']);
    expect(describeFilters({ ...EMPTY_FILTERS, tax: { min: 30, max: null } }, names)).toEqual(['亩均税收 ≥ 30 万元/亩']);
  });
});
