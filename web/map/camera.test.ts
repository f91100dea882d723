import { describe, expect, it } from 'vitest';
import { openingZoom, RAISE_TO_PARCELS_WITHIN } from './camera.ts';
import { PARCEL_MINZOOM } from './parcel-layers.ts';

describe('opening zoom', () => {
  it('raises a fit just short of the parcel zoom to it, so parcels show at once', () => {
    expect(openingZoom(PARCEL_MINZOOM - 0.4)).toBe(PARCEL_MINZOOM);
    expect(openingZoom(PARCEL_MINZOOM - RAISE_TO_PARCELS_WITHIN)).toBe(PARCEL_MINZOOM);
  });

  it('keeps a fit at or past the parcel zoom, and a large district’s fit (cells)', () => {
    expect(openingZoom(12.9)).toBe(12.9);
    expect(openingZoom(PARCEL_MINZOOM)).toBe(PARCEL_MINZOOM);
    expect(openingZoom(9.5)).toBe(9.5);
  });
});
