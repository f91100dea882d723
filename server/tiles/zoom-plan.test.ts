import { describe, expect, it } from 'vitest';
import { tileWidthM } from './tile-grid.ts';
import { MAX_PARCELS_PER_TILE, PARCEL_MINZOOM, parcelTilePlan, simplifyToleranceM, TILE_EXTENT } from './zoom-plan.ts';

describe('parcelTilePlan', () => {
  it('serves parcels from PARCEL_MINZOOM on and grid cells below it', () => {
    expect(parcelTilePlan(PARCEL_MINZOOM - 1)).toEqual({ kind: 'cells', cellsPerSide: 64 });
    expect(parcelTilePlan(PARCEL_MINZOOM)).toEqual({ kind: 'parcels', simplifyM: simplifyToleranceM(PARCEL_MINZOOM), maxParcels: MAX_PARCELS_PER_TILE });
    expect(parcelTilePlan(22).kind).toBe('parcels');
  });

  it('simplifies by a fixed number of tile units, so the tolerance in metres halves with each zoom', () => {
    expect(simplifyToleranceM(14)).toBeCloseTo((tileWidthM(14) / TILE_EXTENT) * 4, 9);
    expect(simplifyToleranceM(14) / simplifyToleranceM(15)).toBeCloseTo(2, 12);
    // At z14 about 2.4 m: below what a parcel boundary is drawn with.
    expect(simplifyToleranceM(14)).toBeGreaterThan(2);
    expect(simplifyToleranceM(14)).toBeLessThan(3);
  });
});
