import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvaluationGroup, Grade } from '../api/evaluation-types.ts';
import type { GradeOverrides } from './grade-overrides.ts';
import { NO_FILTER, isFiltering, parcelMatchExpression, parcelMatches, type ParcelFilter } from './parcel-filter.ts';
import { evaluate } from './test-expressions.ts';
import { tileParcels } from './test-fixtures.ts';

const matchesOnMap = (f: ParcelFilter, p: Record<string, unknown>, overrides: GradeOverrides | null = null) =>
  evaluate(parcelMatchExpression(f, overrides), 'boolean', p) as boolean;

const filter = (f: Partial<ParcelFilter>): ParcelFilter => ({ ...NO_FILTER, ...f });
const codesKept = (f: ParcelFilter, overrides: GradeOverrides | null = null) =>
  tileParcels.filter((p) => parcelMatches(p, f, overrides)).map((p) => p.code);

const FILTERS: ParcelFilter[] = [
  NO_FILTER,
  filter({ grades: ['A'] }),
  filter({ grades: ['C', 'D'] }),
  filter({ group: 'above' }),
  filter({ grades: ['A', 'D'], group: 'above' }),
  filter({ regions: ['C1'] }),
  filter({ regions: [] }),
  filter({ industry: 'C36' }),
  filter({ industry: 'C' }),
  filter({ taxPerMuWan: { min: 5, max: 20 } }),
  filter({ taxPerMuWan: { min: null, max: 5 } }),
  filter({ taxPerMuWan: { min: 0, max: null } }),
  filter({ statuses: ['idle'] }),
  filter({ statuses: ['low', 'supply'] }),
  filter({ grades: ['B', 'D'], regions: ['C1'], industry: 'C', taxPerMuWan: { min: 5, max: null }, statuses: ['idle'] }),
];

describe('parcel filter', () => {
  it('keeps everything bright without a filter', () => {
    expect(parcelMatchExpression(NO_FILTER)).toBe(true);
    expect(codesKept(NO_FILTER)).toHaveLength(tileParcels.length);
    expect(isFiltering(NO_FILTER)).toBe(false);
  });

  it('keeps only the chosen grades, and never a parcel without a result', () => {
    expect(codesKept(filter({ grades: ['C', 'D'] }))).toEqual(['P2', 'P3']);
  });

  it('keeps the 组团 a region covers; an empty list keeps none', () => {
    expect(codesKept(filter({ regions: ['C1'] }))).toEqual(['P1', 'P3', 'P7']);
    expect(codesKept(filter({ regions: [] }))).toEqual([]);
  });

  it('matches industry codes by prefix', () => {
    expect(codesKept(filter({ industry: 'C36' }))).toEqual(['P1', 'P7']);
    expect(codesKept(filter({ industry: 'D' }))).toEqual(['P4']);
  });

  it('keeps a closed 亩均税收 range inclusively and drops parcels without a figure', () => {
    expect(codesKept(filter({ taxPerMuWan: { min: 5, max: 20 } }))).toEqual(['P3', 'P5', 'P7']);
    expect(codesKept(filter({ taxPerMuWan: { min: null, max: 5 } }))).toEqual(['P2', 'P3', 'P4']);
    expect(isFiltering(filter({ taxPerMuWan: { min: null, max: null } }))).toBe(false);
    expect(codesKept(filter({ taxPerMuWan: { min: null, max: null } }))).toHaveLength(tileParcels.length);
  });

  it('keeps parcels with a flag of any chosen status class, not a flag that merely contains the name', () => {
    expect(codesKept(filter({ statuses: ['idle'] }))).toEqual(['P3', 'P7']);
    expect(codesKept(filter({ statuses: ['low'] }))).toEqual(['P2', 'P7']);
    expect(codesKept(filter({ statuses: ['supply'] }))).toEqual(['P3', 'P5']);
    expect(parcelMatches({ flags: 'idle_halted' }, filter({ statuses: ['idle'] }))).toBe(true);
    expect(parcelMatches({ flags: 'not_idle' }, filter({ statuses: ['idle'] }))).toBe(false);
  });

  it('reads the grade of the chosen run where it differs from the tiles', () => {
    const overrides: GradeOverrides = new Map([
      ['P1', 'D'],
      ['P3', null],
    ]);
    expect(codesKept(filter({ grades: ['D'] }), overrides)).toEqual(['P1']);
    expect(matchesOnMap(filter({ grades: ['D'] }), tileParcels[0]!, overrides)).toBe(true);
    expect(matchesOnMap(filter({ grades: ['D'] }), tileParcels[2]!, overrides)).toBe(false);
  });

  it('agrees with the MapLibre expression for every filter and fixture parcel', () => {
    const overrides: GradeOverrides = new Map([['P2', 'A']]);
    for (const f of FILTERS) {
      for (const p of tileParcels) {
        for (const o of [null, overrides]) {
          expect(matchesOnMap(f, p, o), `${JSON.stringify(f)} ${JSON.stringify(p)}`).toBe(parcelMatches(p, f, o));
        }
      }
    }
  });

  it('agrees on any filter and parcel (property)', () => {
    const grade = fc.constantFrom<Grade>('A', 'B', 'C', 'D', 'T');
    const group = fc.constantFrom<EvaluationGroup | null>('above', 'below', null);
    const region = fc.constantFrom('C1', 'C2', 'C3');
    const industry = fc.constantFrom('C', 'C36', 'C3670', 'D44');
    const tax = fc.option(fc.integer({ min: -50, max: 500 }).map((x) => x / 10), { nil: undefined });
    const flag = fc.constantFrom('idle', 'low_far', 'supplied_not_used', 'vacant_floor_area', 'built_not_producing');
    const f = fc.record({
      grades: fc.uniqueArray(grade),
      group,
      regions: fc.option(fc.uniqueArray(region)),
      industry: fc.option(industry),
      taxPerMuWan: fc.option(fc.record({ min: fc.option(fc.integer({ min: 0, max: 30 })), max: fc.option(fc.integer({ min: 0, max: 60 })) })),
      statuses: fc.uniqueArray(fc.constantFrom('idle', 'supply', 'low')),
    });
    const p = fc.record(
      { code: fc.constantFrom('P1', 'P2'), grade, group, region, industry, taxPerMuWan: tax, flags: fc.uniqueArray(flag).map((x) => x.join(',')) },
      { requiredKeys: ['code'] },
    );
    const overrides = fc.option(fc.constantFrom<GradeOverrides>(new Map([['P1', 'C']]), new Map([['P2', null]])));
    fc.assert(fc.property(f, p, overrides, (ff, pp, o) => matchesOnMap(ff, pp, o) === parcelMatches(pp, ff, o)));
  });
});
