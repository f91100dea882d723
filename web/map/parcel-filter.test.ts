import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvaluationGroup, Grade } from '../api/evaluation-types.ts';
import { NO_FILTER, isFiltering, parcelMatchExpression, parcelMatches, type FilterOptions, type ParcelFilter } from './parcel-filter.ts';

function evaluate(filter: ParcelFilter, options: FilterOptions, properties: Record<string, unknown>): boolean {
  const parsed = createExpression(parcelMatchExpression(filter, options), {
    type: 'boolean',
    'property-type': 'data-driven',
    expression: { interpolated: false, parameters: ['zoom', 'feature'] },
  } as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.evaluate({ zoom: 14 }, { type: 'Polygon', properties } as never) as boolean;
}

const known: FilterOptions = { groupKnown: true };
const unknown: FilterOptions = { groupKnown: false };

const parcels: Record<string, unknown>[] = [
  { grade: 'A', group: 'above' },
  { grade: 'C', group: 'below' },
  { grade: 'D', group: 'above' },
  { grade: 'T', group: 'below' },
  { grade: null, group: null },
  {},
];

const filters: ParcelFilter[] = [
  NO_FILTER,
  { grades: ['A'], group: null },
  { grades: ['C', 'D'], group: null },
  { grades: [], group: 'above' },
  { grades: ['A', 'D'], group: 'above' },
  { grades: ['T'], group: 'below' },
];

describe('parcel filter', () => {
  it('keeps everything bright without a filter', () => {
    expect(parcelMatchExpression(NO_FILTER, known)).toBe(true);
    expect(parcels.every((p) => parcelMatches(p, NO_FILTER, known))).toBe(true);
    expect(isFiltering(NO_FILTER, known)).toBe(false);
  });

  it('keeps only the chosen grades, and never a parcel without a result', () => {
    const f: ParcelFilter = { grades: ['C', 'D'], group: null };
    expect(parcels.map((p) => parcelMatches(p, f, known))).toEqual([false, true, true, false, false, false]);
  });

  it('applies the group only where parcels carry it', () => {
    const f: ParcelFilter = { grades: [], group: 'above' };
    expect(parcels.map((p) => parcelMatches(p, f, known))).toEqual([true, false, true, false, false, false]);
    expect(parcels.every((p) => parcelMatches(p, f, unknown))).toBe(true);
    expect(isFiltering(f, unknown)).toBe(false);
    expect(parcelMatchExpression(f, unknown)).toBe(true);
  });

  it('agrees with the MapLibre expression for every filter and parcel', () => {
    for (const options of [known, unknown]) {
      for (const f of filters) {
        for (const p of parcels) {
          expect(evaluate(f, options, p), `${JSON.stringify(f)} ${JSON.stringify(p)} ${options.groupKnown}`).toBe(parcelMatches(p, f, options));
        }
      }
    }
  });

  it('agrees on any filter and parcel (property)', () => {
    const grade = fc.constantFrom<Grade>('A', 'B', 'C', 'D', 'T');
    const group = fc.constantFrom<EvaluationGroup | null>('above', 'below', null);
    fc.assert(
      fc.property(
        fc.record({ grades: fc.uniqueArray(grade), group }),
        fc.record({ grade: fc.option(grade), group }, { requiredKeys: [] }),
        fc.boolean(),
        (f, p, groupKnown) => evaluate(f, { groupKnown }, p) === parcelMatches(p, f, { groupKnown }),
      ),
    );
  });
});
