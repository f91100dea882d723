import { describe, expect, it } from 'vitest';
import { deltaE, type Deficiency } from '../lib/color-vision.ts';
import type { ParcelChange } from '../lib/parcel-changes.ts';
import { CHANGE_CLASSES, changeClassOf, changeColorExpression, changeCounts } from './compare.ts';
import { css, evaluateColor } from './test-expressions.ts';

const change = (code: string, direction: ParcelChange['direction']): ParcelChange => ({ code, unitId: code, name: code, from: null, to: null, direction, reasons: [] });

describe('year compare colours', () => {
  it('class up, down and every other change', () => {
    expect(changeClassOf('up')).toBe('up');
    expect(changeClassOf('down')).toBe('down');
    for (const d of ['new', 'gone', 'toT', 'fromT'] as const) expect(changeClassOf(d)).toBe('other');
  });

  it('colour parcels by their change, the rest neutral; a code listed twice keeps its first class', () => {
    const expr = changeColorExpression([change('A1', 'up'), change('A2', 'down'), change('A3', 'new'), change('A2', 'up')]);
    expect(evaluateColor(expr, { code: 'A1' })).toBe(css(CHANGE_CLASSES[0]!.color));
    expect(evaluateColor(expr, { code: 'A2' })).toBe(css(CHANGE_CLASSES[0]!.color));
    expect(evaluateColor(expr, { code: 'A3' })).toBe(css(CHANGE_CLASSES[2]!.color));
    expect(evaluateColor(expr, { code: 'ZZ' })).toBe(css(CHANGE_CLASSES[3]!.color));
    expect(evaluateColor(changeColorExpression([]), { code: 'A1' })).toBe(css(CHANGE_CLASSES[3]!.color));
  });

  it('count parcels per class, once each', () => {
    expect(changeCounts([change('A', 'up'), change('B', 'up'), change('C', 'toT'), change('A', 'down')])).toEqual({ up: 2, down: 0, other: 1 });
  });

  it.each<Deficiency | null>([null, 'deuteranopia', 'protanopia', 'tritanopia'])('keep the four classes apart with %s', (deficiency) => {
    for (const [i, a] of CHANGE_CLASSES.entries()) {
      for (const b of CHANGE_CLASSES.slice(i + 1)) expect(deltaE(a.color, b.color, deficiency), `${a.id} vs ${b.id}`).toBeGreaterThanOrEqual(20);
    }
  });
});
