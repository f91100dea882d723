/**
 * Grades of the yearly evaluation (亩均效益综合评价) for colouring parcels, legends and badges.
 *
 * One table drives the legend, `gradeOf`, badges and the MapLibre expression, so they cannot disagree.
 *
 * Palette: the four ranked grades are Okabe & Ito's colour-blind-safe set read as a diverging scale
 * — A blue #0072B2 and B sky blue #56B4E9 on the good side, C orange #E69F00 and D vermillion
 * #D55E00 on the bad side, dark at both ends — so "A or D" and "good or bad" read at a glance. T
 * (不定等级: listed, not ranked) is a neutral slate violet outside the scale, and a parcel without a
 * result is the same quiet grey as "no data" elsewhere. `grades.test.ts` checks every pair stays
 * apart (CIE ΔE ≥ 15) under simulated deuteranopia, protanopia and tritanopia (Machado 2009).
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Grade } from '../api/evaluation-types.ts';

export interface GradeClass {
  id: Grade | 'none';
  /** The letter as printed, or '—' for "not evaluated". */
  letter: string;
  /** What the grade means for the enterprise, e.g. 优先发展. */
  name: string;
  color: string;
  /** Text colour on `color` (white on the dark ends, ink on the light middle). */
  ink: string;
}

export const GRADE_IDS: readonly Grade[] = Object.freeze(['A', 'B', 'C', 'D', 'T']);

export const NOT_EVALUATED: GradeClass = Object.freeze({ id: 'none', letter: '—', name: '未评价', color: '#cfcbc3', ink: '#3d3a35' });

/** Best first, then T; the legend lists them in this order with "not evaluated" last. */
export const GRADE_CLASSES: readonly GradeClass[] = Object.freeze([
  { id: 'A', letter: 'A', name: '优先发展', color: '#0072b2', ink: '#ffffff' },
  { id: 'B', letter: 'B', name: '鼓励提升', color: '#56b4e9', ink: '#10222e' },
  { id: 'C', letter: 'C', name: '调控帮扶', color: '#e69f00', ink: '#2a1d00' },
  { id: 'D', letter: 'D', name: '倒逼整治', color: '#d55e00', ink: '#111111' },
  { id: 'T', letter: 'T', name: '不定等级', color: '#6f6684', ink: '#ffffff' },
] satisfies GradeClass[]);

export const LEGEND_GRADES: readonly GradeClass[] = Object.freeze([...GRADE_CLASSES, NOT_EVALUATED]);

const BY_ID = new Map<string, GradeClass>(GRADE_CLASSES.map((g) => [g.id, g]));

export function isGrade(value: unknown): value is Grade {
  return typeof value === 'string' && BY_ID.has(value);
}

/** The class of a grade as the API sends it; null, undefined or anything unknown is "not evaluated". */
export function gradeOf(grade: string | null | undefined): GradeClass {
  return (grade ? BY_ID.get(grade) : undefined) ?? NOT_EVALUATED;
}

/** "A 优先发展", or "未评价". */
export function gradeLabel(grade: string | null | undefined): string {
  const g = gradeOf(grade);
  return g === NOT_EVALUATED ? g.name : `${g.letter} ${g.name}`;
}

/**
 * A MapLibre colour expression for the grade letter: a string property's name, or an expression
 * giving the letter ('' or anything unknown is "not evaluated").
 */
export function gradeColorExpression(grade: string | ExpressionSpecification): ExpressionSpecification {
  return [
    'match',
    typeof grade === 'string' ? ['coalesce', ['get', grade], ''] : grade,
    ...GRADE_CLASSES.flatMap((g) => [g.id, g.color]),
    NOT_EVALUATED.color,
  ] as unknown as ExpressionSpecification;
}
