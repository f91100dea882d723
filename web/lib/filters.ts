/**
 * The planner's filters — grade, 规上/规下, region, industry, 亩均税收 range, land status and a
 * name search — and what each list and the map make of them. One value in the app drives them all
 * and the address bar.
 */
import type { EvaluationGroup, Grade, ResultsFilter } from '../api/evaluation-types.ts';
import { statusClass, STATUS_CLASSES } from '../map/land-status.ts';
import { GROUP_LABEL } from './evaluation-text.ts';
import type { ParcelFilter, TaxRange } from '../map/parcel-filter.ts';

export interface Filters {
  grades: Grade[];
  group: EvaluationGroup | null;
  /** A 片区 or 组团 code. */
  region: string | null;
  /** Prefix of a GB/T 4754 code. */
  industry: string | null;
  tax: TaxRange | null;
  statuses: string[];
  /** Enterprise name or 统一社会信用代码 (the result list only). */
  q: string | null;
}

export const EMPTY_FILTERS: Filters = Object.freeze({
  grades: [],
  group: null,
  region: null,
  industry: null,
  tax: null,
  statuses: [],
  q: null,
}) as unknown as Filters;

export const GRADE_ORDER: readonly Grade[] = ['A', 'B', 'C', 'D', 'T'];

/** Adds or removes one grade, keeping A → T order. */
export function toggleGrade(grades: readonly Grade[], grade: Grade): Grade[] {
  const next = new Set(grades);
  if (next.has(grade)) next.delete(grade);
  else next.add(grade);
  return GRADE_ORDER.filter((g) => next.has(g));
}

/** Adds or removes one status flag, sorted. */
export function toggleStatus(statuses: readonly string[], status: string): string[] {
  const next = new Set(statuses);
  if (next.has(status)) next.delete(status);
  else next.add(status);
  return [...next].sort();
}

export function hasTaxRange(range: TaxRange | null): range is TaxRange {
  return range !== null && (range.min !== null || range.max !== null);
}

/** Whether any filter is set (the name search included). */
export function isFiltered(f: Filters): boolean {
  return (
    f.grades.length > 0 ||
    f.group !== null ||
    !!f.region ||
    !!f.industry?.trim() ||
    hasTaxRange(f.tax) ||
    f.statuses.length > 0 ||
    !!f.q?.trim()
  );
}

/** The map's filter; `clusters` are the 组团 the region covers (see lib/regions.ts). */
export function toParcelFilter(f: Filters, clusters: string[] | null): ParcelFilter {
  return {
    grades: f.grades,
    group: f.group,
    regions: f.region ? (clusters ?? []) : null,
    industry: f.industry?.trim().toUpperCase() || null,
    taxPerMuWan: hasTaxRange(f.tax) ? f.tax : null,
    statuses: f.statuses,
  };
}

/**
 * The result list's query: the same filters, read by the server per unit (its 亩均税收 item, and
 * the land status of its parcels) where the map reads each parcel.
 */
export function toResultsFilter(f: Filters): ResultsFilter {
  const tax = hasTaxRange(f.tax) ? f.tax : null;
  const classes = STATUS_CLASSES.filter((c) => f.statuses.includes(c.id));
  return {
    grades: f.grades,
    group: f.group,
    region: f.region,
    industry: f.industry,
    q: f.q,
    taxPerMuMinWan: tax?.min ?? null,
    taxPerMuMaxWan: tax?.max ?? null,
    flags: classes.flatMap((c) => statusClass(c.id).flags),
  };
}

/**
 * The filters in words, for a caption ("D 级 · 规上 · 含谷片区 · 行业 C36 · 亩均税收 < 5 万元/亩 ·
 * 闲置土地"); empty when nothing is filtered. The name search is the result list's alone.
 */
export function describeFilters(f: Filters, regionName: (code: string) => string): string[] {
  const parts: string[] = [];
  if (f.grades.length > 0) parts.push(`${f.grades.join('、')} 级`);
  if (f.group) parts.push(GROUP_LABEL[f.group]);
  if (f.region) parts.push(regionName(f.region));
  if (f.industry?.trim()) parts.push(`行业 ${f.industry.trim().toUpperCase()}`);
  if (hasTaxRange(f.tax)) {
    const { min, max } = f.tax;
    const range = min !== null && max !== null ? `${min}–${max}` : min !== null ? `≥ ${min}` : `< ${max}`;
    parts.push(`亩均税收 ${range} 万元/亩`);
  }
  for (const c of STATUS_CLASSES) if (f.statuses.includes(c.id)) parts.push(c.label);
  return parts;
}

/** Parses a number typed by a planner (full-width digits allowed); null for empty or not a number. */
export function parseNumberInput(text: string): number | null {
  const half = text.replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  if (half === '') return null;
  const n = Number(half);
  return Number.isFinite(n) ? n : null;
}
