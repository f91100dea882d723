import { describe, expect, it } from 'vitest';
import { isTileAddress, MERCATOR_HALF_WIDTH_M, tileBoundsM, tileOf, tilesCovering } from './tile-grid.ts';

describe('tile grid', () => {
  it('gives ST_TileEnvelope bounds: z0 is the world, y grows southwards', () => {
    const h = MERCATOR_HALF_WIDTH_M;
    expect(tileBoundsM({ z: 0, x: 0, y: 0 })).toEqual([-h, -h, h, h]);
    expect(tileBoundsM({ z: 1, x: 1, y: 0 })).toEqual([0, 0, h, h]);
    expect(tileBoundsM({ z: 1, x: 0, y: 1 })).toEqual([-h, -h, 0, 0]);
  });

  it('finds the tile holding a point, and the tiles covering a box', () => {
    expect(tileOf(106.3005, 29.6005, 12)).toEqual({ z: 12, x: 3257, y: 1695 });
    expect(tileOf(-180, 85.06, 3)).toEqual({ z: 3, x: 0, y: 0 });
    expect(tileOf(180, -85.06, 3)).toEqual({ z: 3, x: 7, y: 7 });
    expect(tilesCovering([106.299, 29.599, 106.305, 29.603], 14)).toEqual([
      { z: 14, x: 13029, y: 6780 }, { z: 14, x: 13030, y: 6780 },
    ]);
  });

  it('knows which addresses exist', () => {
    expect(isTileAddress({ z: 0, x: 0, y: 0 })).toBe(true);
    expect(isTileAddress({ z: 22, x: 2 ** 22 - 1, y: 0 })).toBe(true);
    expect(isTileAddress({ z: 23, x: 0, y: 0 })).toBe(false);
    expect(isTileAddress({ z: 2, x: 4, y: 0 })).toBe(false);
    expect(isTileAddress({ z: 2, x: 1.5, y: 0 })).toBe(false);
    expect(isTileAddress({ z: 2, x: 0, y: -1 })).toBe(false);
  });
});
