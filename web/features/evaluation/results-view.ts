/** Pure shaping for the result list: the run summary, paging and row captions. */
import type { EvaluationGroup, EvaluationRun, Grade, UnitResult } from '../../api/evaluation-types.ts';
import { GROUP_LABEL, rankText } from '../../lib/evaluation-text.ts';
import { GRADE_ORDER } from '../../lib/filters.ts';
import { formatMu, formatNumber } from '../../lib/format.ts';

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
