import { describe, expect, it } from 'vitest';
import { contrastRatio, deltaE, luminance, parseHex } from './color-vision.ts';

describe('colour vision', () => {
  it('parses #rrggbb and rejects anything else', () => {
    expect(parseHex('#0072b2')).toEqual([0, 114, 178]);
    expect(() => parseHex('red')).toThrow(/not a #rrggbb/);
  });

  it('measures no difference between a colour and itself, and a large one between black and white', () => {
    expect(deltaE('#56b4e9', '#56b4e9')).toBe(0);
    expect(deltaE('#000000', '#ffffff')).toBeCloseTo(100, 0);
  });

  it('collapses red and green for a deuteranope, not for typical vision', () => {
    const red = '#cc3333';
    const green = '#6b8e23';
    expect(deltaE(red, green)).toBeGreaterThan(40);
    expect(deltaE(red, green, 'deuteranopia')).toBeLessThan(deltaE(red, green) / 3);
  });

  it('leaves greys unchanged under every simulation', () => {
    for (const d of ['deuteranopia', 'protanopia', 'tritanopia'] as const) {
      expect(deltaE('#808080', '#808080', d)).toBeCloseTo(0, 6);
      expect(deltaE('#808080', '#000000', d)).toBeCloseTo(deltaE('#808080', '#000000'), 0);
    }
  });

  it('gives WCAG contrast ratios: 21 for black on white, 1 for equal colours', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1, 6);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });
});
