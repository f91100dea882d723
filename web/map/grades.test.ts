import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { contrastRatio, deltaE, type Deficiency } from '../lib/color-vision.ts';
import { GRADE_CLASSES, GRADE_IDS, LEGEND_GRADES, NOT_EVALUATED, gradeColorExpression, gradeLabel, gradeOf, isGrade } from './grades.ts';

function colorFor(properties: Record<string, unknown>): string {
  const parsed = createExpression(gradeColorExpression('grade'), {
    type: 'color',
    'property-type': 'data-driven',
    expression: { interpolated: false, parameters: ['zoom', 'feature'] },
  } as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return (parsed.value.evaluate({ zoom: 14 }, { type: 'Polygon', properties } as never) as { toString(): string }).toString();
}

function cssOf(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},1)`;
}

describe('grades', () => {
  it('name the five grades as the policy does', () => {
    expect(GRADE_CLASSES.map((g) => `${g.letter} ${g.name}`)).toEqual(['A 优先发展', 'B 鼓励提升', 'C 调控帮扶', 'D 倒逼整治', 'T 不定等级']);
    expect(GRADE_CLASSES.map((g) => g.id)).toEqual(GRADE_IDS);
  });

  it('treat a missing or unknown grade as not evaluated', () => {
    expect(gradeOf(null)).toBe(NOT_EVALUATED);
    expect(gradeOf(undefined)).toBe(NOT_EVALUATED);
    expect(gradeOf('E')).toBe(NOT_EVALUATED);
    expect(gradeOf('C').name).toBe('调控帮扶');
    expect(gradeLabel('D')).toBe('D 倒逼整治');
    expect(gradeLabel(null)).toBe('未评价');
    expect(isGrade('T')).toBe(true);
    expect(isGrade('none')).toBe(false);
  });

  it('list not evaluated last in the legend', () => {
    expect(LEGEND_GRADES.at(-1)).toBe(NOT_EVALUATED);
  });

  it('colour features exactly as gradeOf does', () => {
    for (const g of [...GRADE_IDS, null, 'X']) {
      expect(colorFor({ grade: g }), `grade ${g}`).toBe(cssOf(gradeOf(g).color));
    }
    expect(colorFor({})).toBe(cssOf(NOT_EVALUATED.color));
  });

  it.each<Deficiency | null>([null, 'deuteranopia', 'protanopia', 'tritanopia'])('keep every pair of colours apart with %s', (deficiency) => {
    const colours = LEGEND_GRADES.map((g) => [g.id, g.color] as const);
    for (const [i, [a, ca]] of colours.entries()) {
      for (const [b, cb] of colours.slice(i + 1)) {
        expect(deltaE(ca, cb, deficiency), `${a} vs ${b}`).toBeGreaterThanOrEqual(15);
      }
    }
  });

  it('order A → D dark–light–light–dark, so the ends stand out in greyscale too', () => {
    const lightness = (hex: string) => deltaE(hex, '#000000');
    const [a, b, c, d] = GRADE_CLASSES.map((g) => lightness(g.color)) as [number, number, number, number];
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(d);
  });

  it('print badge letters with at least 4.5:1 contrast', () => {
    for (const g of LEGEND_GRADES) expect(contrastRatio(g.color, g.ink), g.id).toBeGreaterThanOrEqual(4.5);
  });
});
