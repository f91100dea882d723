/**
 * Which parcels the filters keep bright on the map: grade (of the chosen run), 规上/规下, region,
 * industry, a range of 亩均税收 and land status. The rest are dimmed, not hidden, so a planner still
 * sees where they are. The same filter drives the lists (features/), through the app.
 *
 * `parcelMatches` (JS, for the 3D data and labels) and `parcelMatchExpression` (MapLibre, over the
 * attributes of the parcel tiles) must agree; the tests check they do on every fixture parcel.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { EvaluationGroup, Grade } from '../api/evaluation-types.ts';
import { effectiveGrade, gradeValueExpression, type GradeOverrides } from './grade-overrides.ts';
import { FLAGS_ATTRIBUTE, STATUS_CLASSES, flagsInclude, hasAnyFlag } from './land-status.ts';

/** An inclusive range in 万元/亩; a null bound is open. */
export interface TaxRange {
  min: number | null;
  max: number | null;
}

export interface ParcelFilter {
  /** Grades to keep; empty keeps every parcel, evaluated or not. */
  grades: readonly Grade[];
  /** 规上/规下 of the unit the grade comes from; null keeps both. */
  group: EvaluationGroup | null;
  /** 组团 codes to keep (a 片区 resolved to its 组团); null keeps every region. */
  regions: readonly string[] | null;
  /** Prefix of the main occupant's GB/T 4754 code, e.g. 'C36'; null keeps all. */
  industry: string | null;
  /** 亩均税收 range; parcels without a figure fall outside any range. Null keeps all. */
  taxPerMuWan: TaxRange | null;
  /** Land-status classes to keep (any of them; see land-status.ts); empty keeps all. */
  statuses: readonly string[];
}

export const NO_FILTER: ParcelFilter = Object.freeze({
  grades: Object.freeze([]) as readonly Grade[],
  group: null,
  regions: null,
  industry: null,
  taxPerMuWan: null,
  statuses: Object.freeze([]) as readonly string[],
});

/** What a parcel offers the filter: tile attributes (absent ones may be missing or null). */
export interface FilterableParcel {
  code?: string | null;
  grade?: string | null;
  group?: string | null;
  region?: string | null;
  industry?: string | null;
  taxPerMuWan?: number | null;
  /** Comma-joined status flag codes (the tiles' `flags`). */
  flags?: string | null;
}

const hasRange = (r: TaxRange | null): r is TaxRange => r !== null && (r.min !== null || r.max !== null);

export function isFiltering(filter: ParcelFilter): boolean {
  return (
    filter.grades.length > 0 ||
    filter.group !== null ||
    filter.regions !== null ||
    !!filter.industry ||
    hasRange(filter.taxPerMuWan) ||
    filter.statuses.length > 0
  );
}

/** The flag codes of the status classes chosen (unknown ids are ignored). */
function flagsOf(statuses: readonly string[]): string[] {
  return STATUS_CLASSES.filter((c) => statuses.includes(c.id)).flatMap((c) => c.flags);
}

/** Whether a parcel stays bright. `overrides` are grades of the chosen run where it differs from the tiles'. */
export function parcelMatches(props: FilterableParcel, filter: ParcelFilter, overrides: GradeOverrides | null = null): boolean {
  if (filter.grades.length > 0) {
    if (!(filter.grades as readonly string[]).includes(effectiveGrade(props, overrides))) return false;
  }
  if (filter.group !== null && props.group !== filter.group) return false;
  if (filter.regions !== null && !filter.regions.includes(props.region ?? '')) return false;
  if (filter.industry && !(props.industry ?? '').startsWith(filter.industry)) return false;
  const range = filter.taxPerMuWan;
  if (hasRange(range)) {
    const t = props.taxPerMuWan;
    if (typeof t !== 'number' || !Number.isFinite(t)) return false;
    if (range.min !== null && t < range.min) return false;
    if (range.max !== null && t > range.max) return false;
  }
  if (filter.statuses.length > 0 && !flagsInclude(props.flags, flagsOf(filter.statuses))) return false;
  return true;
}

const str = (property: string): ExpressionSpecification => ['coalesce', ['get', property], ''];

/** The same test as a MapLibre boolean expression (`true` when nothing is filtered). */
export function parcelMatchExpression(filter: ParcelFilter, overrides: GradeOverrides | null = null): ExpressionSpecification | true {
  const tests: ExpressionSpecification[] = [];
  if (filter.grades.length > 0) {
    tests.push(['in', gradeValueExpression(overrides), ['literal', [...filter.grades]]]);
  }
  if (filter.group !== null) tests.push(['==', str('group'), filter.group]);
  if (filter.regions !== null) tests.push(['in', str('region'), ['literal', [...filter.regions]]]);
  if (filter.industry) tests.push(['==', ['index-of', filter.industry, str('industry')], 0]);
  const range = filter.taxPerMuWan;
  if (hasRange(range)) {
    const tax: ExpressionSpecification = ['to-number', ['get', 'taxPerMuWan']];
    tests.push(['==', ['typeof', ['get', 'taxPerMuWan']], 'number']);
    if (range.min !== null) tests.push(['>=', tax, range.min]);
    if (range.max !== null) tests.push(['<=', tax, range.max]);
  }
  if (filter.statuses.length > 0) tests.push(hasAnyFlag(FLAGS_ATTRIBUTE, flagsOf(filter.statuses)));
  if (tests.length === 0) return true;
  return tests.length === 1 ? tests[0]! : ['all', ...tests];
}
