/** The sentences a planner reads next to a grade, in Chinese. Pure formatting of computed results. */
import type { EvalUnit } from './build-units.ts';
import { fmt, fmtPct } from './format.ts';
import type { Grading, QuotaGrade } from './method.ts';
import type { AdjustmentLine, Grade, ItemResult } from './result.ts';
import { SCALE_LABELS, type Scale } from './types.ts';

export function gradingBasis(grading: Grading): string {
  return grading.kind === 'quotas' ? '配额' : '分数线';
}

function gradingText(grading: Grading): string {
  if (grading.kind === 'thresholds') {
    const m = grading.minScore;
    return `分数线：A ≥ ${m.A}，B ≥ ${m.B}，C ≥ ${m.C}`;
  }
  const s = grading.sharesPct;
  const cum = (n: number) => Math.round(n * 1e6) / 1e6;
  return `配额：A 前 ${s.A}%，B 前 ${cum(s.A + s.B)}%，C 前 ${cum(s.A + s.B + s.C)}%，其余 D`;
}

export function rankLine(
  grade: QuotaGrade, base: QuotaGrade, total: number, rank: number, rankOf: number, group: Scale, poolLabel: string, grading: Grading,
): string {
  const where = poolLabel === '全组' ? SCALE_LABELS[group] : `${SCALE_LABELS[group]}（${poolLabel}）`;
  const baseNote = grade === base ? '' : `，按${gradingBasis(grading)}为 ${base}`;
  return `评为 ${grade}：综合得分 ${fmt(total)}，${where}第 ${rank}/${rankOf} 名${baseNote}（${gradingText(grading)}）`;
}

function describeItem(item: ItemResult): string {
  const where = item.benchmark === null ? `位于区间的 ${fmtPct(item.ratio!)}` : `为基准的 ${fmtPct(item.ratio!)}`;
  return `${item.label} ${fmt(item.value!)} ${item.unit}，${where}`;
}

/**
 * The two weakest items (C, D) or the two strongest (A, B) for the grade the ranked list gave,
 * e.g. 'D：亩均税收 3.1 万元/亩，为基准的 62%'.
 */
export function indicatorLine(grade: QuotaGrade, items: readonly ItemResult[]): string | null {
  const scored = items.filter((it) => it.missing === null && it.ratio !== null && it.value !== null);
  const weak = grade === 'C' || grade === 'D';
  const picked = [...scored].sort((a, b) => (weak ? a.ratio! - b.ratio! : b.ratio! - a.ratio!)).slice(0, 2);
  return picked.length === 0 ? null : `${grade}：${picked.map(describeItem).join('；')}`;
}

export function missingNotes(items: readonly ItemResult[]): string[] {
  return items.filter((it) => it.missing).map((it) => `缺数：${it.label}——${it.missing!.why}（${fmt(it.score)} 分）`);
}

/** One line for all capped items, e.g. '封顶：亩均税收为基准的 164%、亩均增加值为基准的 174%，均按上限计分'. */
export function capNote(items: readonly ItemResult[], capOf: (key: string) => number | null): string | null {
  const capped = items.filter((it) => it.capped);
  if (capped.length === 0) return null;
  const parts = capped.map((it) => `${it.label}为基准的 ${fmtPct(it.ratio!)}（上限 ${capOf(it.key)} 倍）`);
  return `封顶：${parts.join('、')}，按上限计分`;
}

export function adjustmentNotes(bonus: readonly AdjustmentLine[], penalty: readonly AdjustmentLine[]): string[] {
  return [
    ...bonus.map((l) => `加分：${l.label} +${fmt(l.points)}（${l.because}）`),
    ...penalty.map((l) => `减分：${l.label} ${fmt(l.points)}（${l.because}）`),
  ];
}

export function mergedNote(unit: EvalUnit): string {
  return `合并评价：${unit.name}共用宗地（${unit.parcels.join('、')}），数据合并后作为一个单位评价，各企业共享评价结果`;
}

export function sharedNote(unit: EvalUnit, sharedFrom: EvalUnit, grade: Grade, ownTotal: number): string {
  const others = sharedFrom.members.filter((e) => e.uscc !== unit.id).map((e) => e.name).join('、');
  return `共享评价结果：与${others}共用宗地，按合并单位 ${sharedFrom.id} 评为 ${grade}；本企业自身得分 ${fmt(ownTotal)} 仅供参考`;
}

export function exemptionNote(tags: readonly string[]): string {
  return `豁免：${tags.join('、')}，不列入低效用地整治名单（不影响等级）`;
}

export function classTNote(why: readonly string[]): string {
  return `不定等级（T）：${why.join('；')}`;
}
