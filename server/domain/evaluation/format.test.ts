import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmt, fmtPct } from './format.ts';

describe('fmt', () => {
  it.each([
    [0, '0'], [30, '30'], [37.34904, '37.35'], [0.035, '0.035'], [0.030214, '0.0302'], [4929.81, '4929.81'],
    [12.4, '12.4'], [12.345678, '12.35'], [-2.125, '-2.12'], [-3.1, '-3.1'], [-0.5, '-0.5'], [100.05, '100.05'], [2.5e7, '25000000'],
  ])('%d → %s', (x, text) => {
    expect(fmt(x)).toBe(text);
  });

  it('writes numbers ≥ 1 as String(Math.round(x × 100) / 100) would', () => {
    fc.assert(fc.property(fc.oneof(fc.double({ min: 1, max: 1e12, noNaN: true }), fc.integer({ min: 100, max: 1e6 }).map((n) => n / 100 + 0.005)), fc.boolean(), (x, negative) => {
      const v = negative ? -x : x;
      expect(fmt(v)).toBe(String(Math.round(v * 100) / 100));
    }));
  });

  it('rounds percentages to whole numbers', () => {
    expect(fmtPct(0.624)).toBe('62%');
  });
});
