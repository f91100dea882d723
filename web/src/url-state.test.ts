import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Grade } from '../api/evaluation-types.ts';
import { DEFAULT_URL_STATE, decodeTaxRange, decodeUrlState, encodeUrlState, type UrlState } from './url-state.ts';

const CODE = '500106003006GB00091W00000000';

describe('url state', () => {
  it('writes nothing for the default view', () => {
    expect(encodeUrlState(DEFAULT_URL_STATE)).toBe('');
    expect(decodeUrlState('')).toEqual(DEFAULT_URL_STATE);
  });

  it('writes a readable link', () => {
    const state: UrlState = {
      ...DEFAULT_URL_STATE,
      center: [106.298712345, 29.600341234],
      zoom: 13.256,
      colorMode: 'tax',
      run: 3,
      compareFrom: 2,
      grades: ['D', 'C'],
      group: 'below',
      region: '500106-ZT07',
      industry: 'c36',
      tax: { min: 5, max: 20 },
      statuses: ['low', 'idle'],
      regionLevel: 'zone',
      regionFigure: 'vaPerMuWan',
      tab: 'regions',
      overlays: ['exit', 'status'],
      parcel: CODE,
      view3d: true,
    };
    expect(encodeUrlState(state)).toBe(
      `?c=106.29871,29.60034&z=13.26&color=tax&run=3&cmp=2&grade=C,D&group=below&region=500106-ZT07&industry=C36&tax=5-20` +
        `&status=idle,low&rl=zone&rf=vaPerMuWan&tab=regions&ly=status,exit&parcel=${CODE}&view=3d`,
    );
  });

  it('keeps parameters that are not its own, such as the basemap', () => {
    const search = encodeUrlState({ ...DEFAULT_URL_STATE, zoom: 12 }, '?basemap=offline&z=3&grade=A&ly=exit');
    expect(search).toBe('?basemap=offline&z=12');
  });

  it('ignores damaged values instead of failing', () => {
    const state = decodeUrlState(
      '?c=abc,29&z=99&color=neon&run=0&cmp=x&grade=A,X,a,,B&group=all&region=<b>&industry=36&tax=abc&status=1,&rl=city&rf=gdp&tab=x&ly=roads&parcel=<script>&view=4d',
    );
    expect(state).toEqual({ ...DEFAULT_URL_STATE, grades: ['A', 'B'] });
    expect(decodeUrlState('?c=106.3').center).toBeNull();
    expect(decodeUrlState('?c=200,29').center).toBeNull();
  });

  it('reads open and reversed 亩均税收 ranges', () => {
    expect(decodeTaxRange('5-')).toEqual({ min: 5, max: null });
    expect(decodeTaxRange('-20')).toEqual({ min: null, max: 20 });
    expect(decodeTaxRange('20-5')).toEqual({ min: 5, max: 20 });
    expect(decodeTaxRange('2.5~7.5')).toEqual({ min: 2.5, max: 7.5 });
    expect(decodeTaxRange('-')).toBeNull();
  });

  it('normalises a parcel code typed in lower case', () => {
    expect(decodeUrlState(`?parcel=${CODE.toLowerCase()}`).parcel).toBe(CODE);
  });

  it('round-trips every state (property)', () => {
    const grade = fc.constantFrom<Grade>('A', 'B', 'C', 'D', 'T');
    const bound = fc.option(fc.integer({ min: 0, max: 2000 }).map((x) => x / 10));
    const state = fc.record({
      center: fc.option(fc.tuple(fc.integer({ min: -18_000_000, max: 18_000_000 }), fc.integer({ min: -8_500_000, max: 8_500_000 })).map(
        ([x, y]) => [x / 1e5, y / 1e5] as [number, number],
      )),
      zoom: fc.option(fc.integer({ min: 0, max: 2400 }).map((z) => z / 100)),
      colorMode: fc.constantFrom('grade' as const, 'tax' as const, 'region' as const),
      run: fc.option(fc.integer({ min: 1, max: 9999 })),
      compareFrom: fc.option(fc.integer({ min: 1, max: 9999 })),
      grades: fc.uniqueArray(grade).map((gs) => ['A', 'B', 'C', 'D', 'T'].filter((g) => gs.includes(g as Grade)) as Grade[]),
      group: fc.constantFrom(null, 'above' as const, 'below' as const),
      region: fc.option(fc.constantFrom('500106', '500106-ZT07', '500106-PQ01')),
      industry: fc.option(fc.constantFrom('C', 'C36', 'C3670')),
      tax: fc.option(fc.tuple(bound, bound).filter(([a, b]) => (a !== null || b !== null) && (a === null || b === null || a <= b)).map(([min, max]) => ({ min, max }))),
      statuses: fc.uniqueArray(fc.constantFrom('idle', 'low', 'supply')).map((s) => [...s].sort()),
      regionLevel: fc.constantFrom('zone' as const, 'cluster' as const, 'town' as const),
      regionFigure: fc.constantFrom('taxPerMuWan' as const, 'vaPerMuWan' as const, 'rdRatioPct' as const),
      tab: fc.constantFrom('results' as const, 'regions' as const, 'compare' as const, 'candidates' as const),
      overlays: fc.uniqueArray(fc.constantFrom('status' as const, 'exit' as const, 'consolidation' as const)).map((o) =>
        (['status', 'exit', 'consolidation'] as const).filter((x) => o.includes(x)),
      ),
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
