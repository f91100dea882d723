/**
 * The score breakdown of one evaluation result as table rows, and the grade history as a strip:
 * pure shaping of what the server sent, so the components only lay it out.
 */
import type { EvaluationGroup, EvaluationItem, GradeHistoryEntry, UnitEvaluation } from '../../api/evaluation-types.ts';
import type { ParcelEnterprise } from '../../api/types.ts';
import { MISSING_RULE_LABEL } from '../../lib/evaluation-text.ts';
import { formatMeasure, formatNumber, formatPct } from '../../lib/format.ts';

export interface ScoreRow {
  key: string;
  label: string;
  unit: string;
  value: string;
  benchmark: string;
  /** Shown per row only when the rows' bases differ (see `commonBasis`). */
  basis: string;
  ratio: string;
  /** '13.71 / 25' (score / applied weight). */
  score: string;
  capped: boolean;
  missing: boolean;
  /** Planner-readable notes: missing data, cap, weight moved by the 'reweight' rule. */
  notes: string[];
}

export interface ScoreTable {
  rows: ScoreRow[];
  /** The benchmark basis when every row has the same one, to print once under the table. */
  commonBasis: string | null;
  /** Σ item scores, before bonus and penalty. */
  itemsTotal: number;
  weightTotal: number;
}

function scoreRow(item: EvaluationItem): ScoreRow {
  const notes: string[] = [];
  if (item.missing) notes.push(`${MISSING_RULE_LABEL[item.missing.rule]}：${item.missing.why}`);
  if (Math.abs(item.weightApplied - item.weight) > 1e-9) notes.push(`权重 ${formatNumber(item.weight, 0)} → ${formatNumber(item.weightApplied, 1)}`);
  return {
    key: item.key,
    label: item.label,
    unit: item.unit,
    value: formatMeasure(item.value),
    benchmark: formatMeasure(item.benchmark),
    basis: item.basis,
    ratio: formatPct(item.ratio),
    score: `${formatNumber(item.score, 2)} / ${formatNumber(item.weightApplied, Number.isInteger(item.weightApplied) ? 0 : 1)}`,
    capped: item.capped,
    missing: item.missing !== null,
    notes,
  };
}

export function scoreTable(items: readonly EvaluationItem[]): ScoreTable {
  const rows = items.map(scoreRow);
  const bases = new Set(items.map((i) => i.basis));
  return {
    rows,
    commonBasis: bases.size === 1 ? [...bases][0]! : null,
    itemsTotal: items.reduce((s, i) => s + i.score, 0),
    weightTotal: items.reduce((s, i) => s + i.weightApplied, 0),
  };
}

/** '+2 分' / '−3 分' for a bonus or penalty line. */
export function pointsText(points: number): string {
  return `${points >= 0 ? '+' : '−'}${formatMeasure(Math.abs(points))} 分`;
}

/**
 * The group (规上/规下) a unit was ranked in. An enterprise's own result: its scale. A merged parcel
 * is 规上 when any member is; members not on this parcel are unknown here, so a merged unit whose
 * known members are all 规下 is only called 规下 when every member is known.
 */
export function unitGroup(evaluation: UnitEvaluation, enterprises: readonly ParcelEnterprise[]): EvaluationGroup | null {
  const scale = new Map(enterprises.map((e) => [e.uscc, e.scale]));
  const known = evaluation.members.map((m) => scale.get(m));
  if (known.includes('above')) return 'above';
  return known.length > 0 && known.every((s) => s === 'below') ? 'below' : null;
}

export interface HistoryCell {
  year: number;
  grade: GradeHistoryEntry['grade'];
  runId: number;
  /** For the tooltip: score, rank, whether the grade was shared. */
  title: string;
}

/** One cell per year, oldest first; when a year was evaluated more than once, its newest run. */
export function historyStrip(history: readonly GradeHistoryEntry[]): HistoryCell[] {
  const byYear = new Map<number, GradeHistoryEntry>();
  for (const h of history) {
    const seen = byYear.get(h.year);
    if (!seen || h.runId > seen.runId) byYear.set(h.year, h);
  }
  return [...byYear.values()]
    .sort((a, b) => a.year - b.year)
    .map((h) => {
      const parts = [`${h.year} 年 ${h.grade} 级`];
      if (h.total !== null) parts.push(`${formatNumber(h.total, 2)} 分`);
      if (h.rank !== null && h.rankOf !== null) parts.push(`第 ${h.rank}/${h.rankOf} 名`);
      if (h.kind === 'mergedParcel' || h.sharedResultFrom) parts.push('共用宗地合并评价');
      return { year: h.year, grade: h.grade, runId: h.runId, title: parts.join(' · ') };
    });
}
