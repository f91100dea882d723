import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from '../../server/domain/gcj02.ts';
import type { BBox } from '../api/types.ts';
import { bboxFromDisplay, bboxToDisplay, chooseDisplayCrs, fromDisplay, toDisplay } from './display-crs.ts';

const CONFIGURED = 'https://basemap.example.cn/style.json';
const remote = { kind: 'remote', styleUrl: CONFIGURED } as const;
const offline = { kind: 'offline' } as const;
const chongqing = fc.tuple(fc.double({ min: 106, max: 107, noNaN: true }), fc.double({ min: 29, max: 30, noNaN: true }));
// The sample district's box, about 10 km across.
const district: BBox = Object.freeze([106.48, 29.5, 106.6, 29.6]) as BBox;

describe('choosing the display CRS', () => {
  it('draws in GCJ-02 over the configured GCJ-02 basemap once it has loaded', () => {
    expect(chooseDisplayCrs('gcj02', CONFIGURED, remote, true)).toBe('gcj02');
  });

  it('stays WGS 84 for a WGS 84 basemap, or a server that does not say', () => {
    expect(chooseDisplayCrs('wgs84', CONFIGURED, remote, true)).toBe('wgs84');
    expect(chooseDisplayCrs(undefined, CONFIGURED, remote, true)).toBe('wgs84');
  });

  it('stays WGS 84 on the offline basemap: forced by ?basemap=offline, or the fallback after a failed load', () => {
    expect(chooseDisplayCrs('gcj02', CONFIGURED, offline, true)).toBe('wgs84');
    expect(chooseDisplayCrs('gcj02', CONFIGURED, remote, false)).toBe('wgs84');
  });

  it('stays WGS 84 on another style named in the address bar, whose CRS the server did not state', () => {
    expect(chooseDisplayCrs('gcj02', CONFIGURED, { kind: 'remote', styleUrl: 'https://other.example.org/style.json' }, true)).toBe('wgs84');
  });
});

describe('display conversions', () => {
  it('are the identity in WGS 84', () => {
    expect(toDisplay('wgs84', [106.55, 29.56])).toEqual([106.55, 29.56]);
    expect(fromDisplay('wgs84', [106.55, 29.56])).toEqual([106.55, 29.56]);
    expect(bboxToDisplay('wgs84', district)).toEqual(district);
    expect(bboxFromDisplay('wgs84', district)).toEqual(district);
  });

  it('shift a point as the server shifts geometry, and come back to it', () => {
    expect(toDisplay('gcj02', [106.55, 29.56])).toEqual(wgs84ToGcj02(106.55, 29.56));
    fc.assert(
      fc.property(chongqing, ([lng, lat]) => {
        const [x, y] = fromDisplay('gcj02', toDisplay('gcj02', [lng, lat]));
        expect(x).toBeCloseTo(lng, 8);
        expect(y).toBeCloseTo(lat, 8);
      }),
    );
  });

  it('shift a box by hundreds of metres, and come back to a box that covers it, a few tens of metres larger (the shift varies across it)', () => {
    const shown = bboxToDisplay('gcj02', district);
    const [dx, dy] = [shown[0] - district[0], shown[1] - district[1]];
    expect(Math.abs(dx) + Math.abs(dy)).toBeGreaterThan(0.002);
    const [w, s, e, n] = bboxFromDisplay('gcj02', shown);
    expect(w).toBeLessThanOrEqual(district[0]);
    expect(s).toBeLessThanOrEqual(district[1]);
    expect(e).toBeGreaterThanOrEqual(district[2]);
    expect(n).toBeGreaterThanOrEqual(district[3]);
    [w, s, e, n].forEach((v, i) => expect(Math.abs(v - district[i]!)).toBeLessThan(5e-4)); // ~50 m
  });
});
