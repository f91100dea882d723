/**
 * The grade a parcel is drawn with for the chosen evaluation run. The parcel tiles carry the grade
 * of the latest run only; for another run the parcels whose grade differs are listed here, keyed by
 * 不动产单元代码 (null: not evaluated in that run), and the map reads the grade through
 * `gradeValueExpression`, which looks the code up before falling back to the tile's grade.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Grade } from '../api/evaluation-types.ts';
import { GRADE_IDS } from './grades.ts';

/** Parcel code → grade in the chosen run, where it differs from the tiles' run. */
export type GradeOverrides = ReadonlyMap<string, Grade | null>;

/** The tiles' own grade, '' when the parcel was not evaluated. */
const TILE_GRADE: ExpressionSpecification = ['coalesce', ['get', 'grade'], ''];

/** A string expression: the parcel's grade letter in the chosen run, '' when not evaluated. */
export function gradeValueExpression(overrides: GradeOverrides | null): ExpressionSpecification {
  if (!overrides || overrides.size === 0) return TILE_GRADE;
  const byGrade = new Map<string, string[]>();
  for (const [code, grade] of overrides) {
    const key = grade ?? '';
    const codes = byGrade.get(key) ?? [];
    codes.push(code);
    byGrade.set(key, codes);
  }
  const branches: (string | string[])[] = [];
  for (const key of [...GRADE_IDS, ''] as string[]) {
    const codes = byGrade.get(key);
    if (codes?.length) branches.push([...codes].sort(), key);
  }
  return ['match', ['coalesce', ['get', 'code'], ''], ...branches, TILE_GRADE] as unknown as ExpressionSpecification;
}

/** The JS twin of `gradeValueExpression`, for one parcel's tile attributes. */
export function effectiveGrade(props: { code?: string | null; grade?: string | null }, overrides: GradeOverrides | null): string {
  const override = props.code ? overrides?.get(props.code) : undefined;
  return override !== undefined ? (override ?? '') : (props.grade ?? '');
}
