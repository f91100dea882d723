import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
  LOW_EFFICIENCY_TAX_PER_MU_WAN,
  NO_DATA_CLASS,
  TAX_CLASSES,
  VALUE_CLASSES,
  classOf,
  taxBreaks,
  taxColorExpression,
} from './tax-classes.ts';

/** Evaluate the colour expression the way MapLibre will, for one feature's properties. */
function colorFor(properties: Record<string, unknown>): string {
  const parsed = createExpression(taxColorExpression('taxPerMuWan'), {
    type: 'color',
    'property-type': 'data-driven',
    expression: { interpolated: false, parameters: ['zoom', 'feature'] },
  } as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const color = parsed.value.evaluate({ zoom: 14 }, { type: 'Polygon', properties } as never) as {
    toString(): string;
  };
  return color.toString();
}

function cssOf(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},1)`;
}

describe('tax classes', () => {
  it('has the breaks 5, 10, 20, 40 万元/亩', () => {
    expect(taxBreaks()).toEqual([5, 10, 20, 40]);
  });

  it('puts the low-efficiency threshold at the first break', () => {
    expect(taxBreaks()[0]).toBe(LOW_EFFICIENCY_TAX_PER_MU_WAN);
    expect(classOf(4.99).note).toBe('低效');
    expect(classOf(5).note).not.toBe('低效');
  });

  it('makes each lower bound inclusive and each upper bound exclusive', () => {
    expect(classOf(0).id).toBe('lt5');
    expect(classOf(5).id).toBe('5-10');
    expect(classOf(9.999).id).toBe('5-10');
    expect(classOf(10).id).toBe('10-20');
    expect(classOf(20).id).toBe('20-40');
    expect(classOf(39.99).id).toBe('20-40');
    expect(classOf(40).id).toBe('ge40');
    expect(classOf(1e6).id).toBe('ge40');
  });

  it('classes negative figures (tax refunds) as low, not as missing', () => {
    expect(classOf(-3).id).toBe('lt5');
  });

  it('treats null, undefined and NaN as no data', () => {
    expect(classOf(null)).toBe(NO_DATA_CLASS);
    expect(classOf(undefined)).toBe(NO_DATA_CLASS);
    expect(classOf(Number.NaN)).toBe(NO_DATA_CLASS);
  });

  it('uses distinct colours and lists no data first in the legend', () => {
    expect(new Set(TAX_CLASSES.map((c) => c.color)).size).toBe(TAX_CLASSES.length);
    expect(TAX_CLASSES[0]).toBe(NO_DATA_CLASS);
  });

  it('builds a step expression whose stops are the legend breaks and colours', () => {
    const expr = taxColorExpression('taxPerMuWan') as unknown[];
    const step = expr[2] as unknown[];
    expect(step[0]).toBe('step');
    const stops = step.slice(3);
    expect(stops.filter((_, i) => i % 2 === 0)).toEqual(taxBreaks());
    expect([step[2], ...stops.filter((_, i) => i % 2 === 1)]).toEqual(VALUE_CLASSES.map((c) => c.color));
    expect(expr[3]).toBe(NO_DATA_CLASS.color);
  });

  it('colours features exactly as classOf does, at and around every break', () => {
    const values = [-1, 0, 4.999, 5, 5.001, 9.99, 10, 19.99, 20, 39.99, 40, 400];
    for (const v of values) {
      expect(colorFor({ taxPerMuWan: v }), `value ${v}`).toBe(cssOf(classOf(v).color));
    }
  });

  it('colours a missing or null figure as no data', () => {
    expect(colorFor({ taxPerMuWan: null })).toBe(cssOf(NO_DATA_CLASS.color));
    expect(colorFor({})).toBe(cssOf(NO_DATA_CLASS.color));
  });
});
