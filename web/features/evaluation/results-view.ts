/** Pure shaping for the results panel: filters, region choices, the run summary and row captions. */
import type { EvaluationGroup, EvaluationRun, Grade, ResultsFilter, UnitResult } from '../../api/evaluation-types.ts';
import type { RegionCollection } from '../../api/types.ts';
import { GROUP_LABEL, rankText } from '../../lib/evaluation-text.ts';
import { formatMu, formatNumber } from '../../lib/format.ts';

export const GRADE_ORDER: readonly Grade[] = ['A', 'B', 'C', 'D', 'T'];

export const EMPTY_FILTER: ResultsFilter = Object.freeze({ grades: [], group: null, region: null, industry: null, q: null });

/** Adds or removes one grade, keeping A → T order. */
export function toggleGrade(grades: readonly Grade[], grade: Grade): Grade[] {
  const next = new Set(grades);
  if (next.has(grade)) next.delete(grade);
  else next.add(grade);
  return GRADE_ORDER.filter((g) => next.has(g));
}

export function isEmptyFilter(f: ResultsFilter): boolean {
  return f.grades.length === 0 && f.group === null && !f.region && !f.industry?.trim() && !f.q?.trim();
}

export interface RegionOption {
  code: string;
  name: string;
  level: 'zone' | 'cluster';
}

/** 片区, each followed by its 组团, in code order; 组团 without a known 片区 come last. */
export function regionOptions(regions: RegionCollection): RegionOption[] {
  const props = regions.features.map((f) => f.properties);
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  const zones = props.filter((p) => p.level === 'zone').sort(byCode);
  const clusters = props.filter((p) => p.level === 'cluster').sort(byCode);
  const zoneCodes = new Set(zones.map((z) => z.code));
  const out: RegionOption[] = [];
  for (const z of zones) {
    out.push({ code: z.code, name: z.name, level: 'zone' });
    for (const c of clusters.filter((c) => c.parentCode === z.code)) out.push({ code: c.code, name: c.name, level: 'cluster' });
  }
  for (const c of clusters.filter((c) => !c.parentCode || !zoneCodes.has(c.parentCode))) out.push({ code: c.code, name: c.name, level: 'cluster' });
  return out;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export interface SummaryRow {
  group: EvaluationGroup;
  label: string;
  counts: Record<Grade, number>;
  total: number;
}

/** Counts per grade for 规上 and 规下 (tenants sharing a merged result are not counted twice). */
export function summaryRows(run: EvaluationRun): SummaryRow[] {
  return (['above', 'below'] as const).map((group) => {
    const c = run.summary.byGrade[group];
    const counts = Object.fromEntries(GRADE_ORDER.map((g) => [g, c?.[g] ?? 0])) as Record<Grade, number>;
    return { group, label: GROUP_LABEL[group], counts, total: GRADE_ORDER.reduce((s, g) => s + counts[g], 0) };
  });
}

/** The line under a result's name: '规上 · 第 202/446 名 · 36.66 亩 · C3982'. */
export function resultCaption(r: UnitResult): string {
  const parts: string[] = [GROUP_LABEL[r.group]];
  if (r.rank !== null) parts.push(rankText(r.rank, r.rankOf));
  else if (r.sharedResultFrom) parts.push('共享合并结果');
  else if (r.grade === 'T') parts.push('不参与排名');
  parts.push(formatMu(r.landAreaMu));
  parts.push(r.industryCode);
  return parts.join(' · ');
}

/** '92.75' or '—' for a T unit. */
export function scoreCell(r: UnitResult): string {
  return formatNumber(r.total, 2);
}
