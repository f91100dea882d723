import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Grade } from '../api/evaluation-types.ts';
import { DEFAULT_URL_STATE, decodeUrlState, encodeUrlState, type UrlState } from './url-state.ts';

const CODE = '500106003006GB00091W00000000';

describe('url state', () => {
  it('writes nothing for the default view', () => {
    expect(encodeUrlState(DEFAULT_URL_STATE)).toBe('');
    expect(decodeUrlState('')).toEqual(DEFAULT_URL_STATE);
  });

  it('writes a readable link', () => {
    const state: UrlState = {
      center: [106.298712345, 29.600341234],
      zoom: 13.256,
      colorMode: 'tax',
      grades: ['D', 'C'],
      group: 'below',
      parcel: CODE,
      view3d: true,
    };
    expect(encodeUrlState(state)).toBe(`?c=106.29871,29.60034&z=13.26&color=tax&grade=C,D&group=below&parcel=${CODE}&view=3d`);
  });

  it('keeps parameters that are not its own, such as the basemap', () => {
    const search = encodeUrlState({ ...DEFAULT_URL_STATE, zoom: 12 }, '?basemap=offline&z=3&grade=A');
    expect(search).toBe('?basemap=offline&z=12');
  });

  it('ignores damaged values instead of failing', () => {
    const state = decodeUrlState('?c=abc,29&z=99&color=neon&grade=A,X,a,,B&group=all&parcel=<script>&view=4d');
    expect(state).toEqual({ ...DEFAULT_URL_STATE, grades: ['A', 'B'] });
    expect(decodeUrlState('?c=106.3').center).toBeNull();
    expect(decodeUrlState('?c=200,29').center).toBeNull();
    expect(decodeUrlState('?c=106.3,').center).toBeNull();
  });

  it('normalises a parcel code typed in lower case', () => {
    expect(decodeUrlState(`?parcel=${CODE.toLowerCase()}`).parcel).toBe(CODE);
  });

  it('round-trips every state (property)', () => {
    const grade = fc.constantFrom<Grade>('A', 'B', 'C', 'D', 'T');
    const state = fc.record({
      center: fc.option(fc.tuple(fc.integer({ min: -18_000_000, max: 18_000_000 }), fc.integer({ min: -8_500_000, max: 8_500_000 })).map(
        ([x, y]) => [x / 1e5, y / 1e5] as [number, number],
      )),
      zoom: fc.option(fc.integer({ min: 0, max: 2400 }).map((z) => z / 100)),
      colorMode: fc.constantFrom('grade' as const, 'tax' as const),
      grades: fc.uniqueArray(grade).map((gs) => ['A', 'B', 'C', 'D', 'T'].filter((g) => gs.includes(g as Grade)) as Grade[]),
      group: fc.constantFrom(null, 'above' as const, 'below' as const),
      parcel: fc.option(fc.constantFrom(CODE, '500106003006GB00091')),
      view3d: fc.boolean(),
    });
    fc.assert(fc.property(state, fc.constantFrom('', '?basemap=offline'), (s, other) => {
      const search = encodeUrlState(s, other);
      expect(decodeUrlState(search)).toEqual(s);
      expect(new URLSearchParams(search).get('basemap')).toBe(other ? 'offline' : null);
    }));
  });
});
