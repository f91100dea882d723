import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorPan, type PageRect } from './resize-anchor.ts';

/** Where MapLibre draws a content point `p` (page x) after a centre-keeping resize, then a pan. */
const afterResize = (p: number, before: PageRect, after: PageRect, panX: number) =>
  after.left + (p - before.left) - (before.right - before.left) / 2 + (after.right - after.left) / 2 - panX;

const map: PageRect = { left: 360, top: 52, right: 1366, bottom: 768 };

describe('keeping the map in place across a resize', () => {
  it('the detail panel (420 px) opening on the right: pan 210 px back, so the clicked parcel stays under the cursor', () => {
    const narrowed = { ...map, right: 946 };
    expect(anchorPan(map, narrowed)).toEqual([-210, 0]);
    expect(afterResize(700, map, narrowed, -210)).toBe(700);
  });

  it('the filter panel collapsing on the left: the map grows leftwards and what was drawn stays put', () => {
    const widened = { ...map, left: 0 };
    expect(anchorPan(map, widened)).toEqual([-180, 0]);
    expect(afterResize(900, map, widened, -180)).toBe(900);
  });

  it('a window resize moving both edges alike moves the content with them, and no change is no pan', () => {
    expect(anchorPan(map, { left: 400, top: 52, right: 1406, bottom: 768 })).toEqual([40, 0]);
    expect(anchorPan(map, map)).toEqual([0, 0]);
  });

  it('any content point keeps its page position (property)', () => {
    const edge = fc.integer({ min: -500, max: 500 });
    fc.assert(fc.property(edge, edge, fc.integer({ min: 0, max: 1000 }), (dl, dr, p) => {
      const after = { ...map, left: map.left + dl, right: Math.max(map.left + dl + 1, map.right + dr) };
      const [panX] = anchorPan(map, after);
      expect(afterResize(map.left + p, map, after, panX)).toBeCloseTo(map.left + p, 9);
    }));
  });
});
