/**
 * Which parcels the evaluation filters keep bright on the map: those whose latest grade is among
 * the chosen grades and, where parcels carry it, whose unit is in the chosen group (规上/规下).
 * The rest are dimmed, not hidden, so a planner still sees where they are.
 *
 * `parcelMatches` (JS) and `parcelMatchExpression` (MapLibre) must agree; the tests check they do.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { EvaluationGroup, Grade } from '../api/evaluation-types.ts';

export interface ParcelFilter {
  /** Grades to keep; empty keeps every parcel, evaluated or not. */
  grades: readonly Grade[];
  /** 规上/规下 to keep; null keeps both. */
  group: EvaluationGroup | null;
}

export const NO_FILTER: ParcelFilter = Object.freeze({ grades: Object.freeze([]) as readonly Grade[], group: null });

export interface FilterOptions {
  /**
   * Whether parcel features carry `group`. When they do not, the group filter cannot be applied on
   * the map and is ignored there (it still filters the result list).
   */
  groupKnown: boolean;
}

export function isFiltering(filter: ParcelFilter, { groupKnown }: FilterOptions): boolean {
  return filter.grades.length > 0 || (groupKnown && filter.group !== null);
}

/** Whether a parcel with these properties stays bright. */
export function parcelMatches(
  props: { grade?: string | null; group?: string | null },
  filter: ParcelFilter,
  options: FilterOptions,
): boolean {
  if (filter.grades.length > 0 && !(filter.grades as readonly string[]).includes(props.grade ?? '')) return false;
  if (options.groupKnown && filter.group !== null && props.group !== filter.group) return false;
  return true;
}

/** The same test as a MapLibre boolean expression (`true` when nothing is filtered). */
export function parcelMatchExpression(filter: ParcelFilter, options: FilterOptions): ExpressionSpecification | boolean {
  const tests: ExpressionSpecification[] = [];
  if (filter.grades.length > 0) {
    tests.push(['in', ['coalesce', ['get', 'grade'], ''], ['literal', [...filter.grades]]]);
  }
  if (options.groupKnown && filter.group !== null) {
    tests.push(['==', ['coalesce', ['get', 'group'], ''], filter.group]);
  }
  if (tests.length === 0) return true;
  return tests.length === 1 ? tests[0]! : ['all', ...tests];
}
