import { describe, expect, it } from 'vitest';
import { hatchPattern } from './patterns.ts';

const alphaAt = (img: ReturnType<typeof hatchPattern>, x: number, y: number) => img.data[(y * img.width + x) * 4 + 3]!;

describe('hatch pattern', () => {
  const img = hatchPattern({ color: '#2a2420', alpha: 0.7, spacing: 10, width: 2, repeat: 2 });

  it('is a square of spacing × repeat pixels in the line colour', () => {
    expect([img.width, img.height, img.data.length]).toEqual([20, 20, 20 * 20 * 4]);
    expect([...img.data.slice(0, 3)]).toEqual([0x2a, 0x24, 0x20]);
  });

  it('tiles without a seam: the lines repeat every spacing, and the side is a whole number of spacings', () => {
    for (const direction of ['rising', 'falling'] as const) {
      const h = hatchPattern({ color: '#000000', spacing: 8, width: 2, repeat: 3, direction });
      for (let y = 0; y < h.height; y++) {
        for (let x = 0; x < h.width; x++) {
          expect(alphaAt(h, (x + 8) % h.width, y), `${direction} ${x},${y}`).toBe(alphaAt(h, x, y));
          expect(alphaAt(h, x, (y + 8) % h.height), `${direction} ${x},${y}`).toBe(alphaAt(h, x, y));
        }
      }
    }
  });

  it('covers about width/spacing of the area, never more than the line opacity', () => {
    let sum = 0;
    for (let i = 3; i < img.data.length; i += 4) sum += img.data[i]!;
    const coverage = sum / 255 / (img.width * img.height);
    expect(coverage).toBeGreaterThan(0.7 * (2 / 10) * 0.8);
    expect(coverage).toBeLessThan(0.7 * (2 / 10) * 1.6);
    expect(Math.max(...img.data.filter((_, i) => i % 4 === 3))).toBeLessThanOrEqual(Math.round(255 * 0.7));
  });

  it('rejects a pattern that cannot tile or a colour it cannot read', () => {
    expect(() => hatchPattern({ color: '#000000', spacing: 7.5, width: 1 })).toThrow(/integer spacing/);
    expect(() => hatchPattern({ color: 'black', spacing: 8, width: 1 })).toThrow(/#rrggbb/);
  });
});
