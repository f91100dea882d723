/** The sentences a planner reads next to a grade, in Chinese. Pure formatting of computed results. */
import type { EvalUnit } from './build-units.ts';
import { fmt, fmtPct } from './format.ts';
import type { Grading, QuotaGrade } from './method.ts';
import type { AdjustmentLine, Grade, ItemResult } from './result.ts';
import { SCALE_LABELS, type Scale } from './types.ts';

export function gradingBasis(grading: Grading): string {
  return grading.kind === 'quotas' ? '配额' : '分数线';
}

/** The grading rule in words, e.g. '配额：A 前 20%，B 前 60%，C 前 95%，其余 D'. */
export function gradingText(grading: Grading): string {
  if (grading.kind === 'thresholds') {
    const m = grading.minScore;
    return `分数线：A ≥ ${m.A}，B ≥ ${m.B}，C ≥ ${m.C}`;
  }
  const s = grading.sharesPct;
  const cum = (n: number) => Math.round(n * 1e6) / 1e6;
  return `配额：A 前 ${s.A}%，B 前 ${cum(s.A + s.B)}%，C 前 ${cum(s.A + s.B + s.C)}%，其余 D`;
}

export function rankLine(
  grade: QuotaGrade, base: QuotaGrade, total: number, rank: number, rankOf: number, group: Scale, poolLabel: string, grading: Grading, rule: string,
): string {
  const where = poolLabel === '全组' ? SCALE_LABELS[group] : `${SCALE_LABELS[group]}（${poolLabel}）`;
  const baseNote = grade === base ? '' : `，按${gradingBasis(grading)}为 ${base}`;
  return `评为 ${grade}：综合得分 ${fmt(total)}，${where}第 ${rank}/${rankOf} 名${baseNote}（${rule}）`;
}

function describeItem(item: ItemResult, ratio: number): string {
  const where = item.benchmark === null ? `位于区间的 ${fmtPct(ratio)}` : `为基准的 ${fmtPct(ratio)}`;
  return `${item.label} ${fmt(item.value!)} ${item.unit}，${where}`;
}

/**
 * The two weakest items (C, D) or the two strongest (A, B) for the grade the ranked list gave,
 * e.g. 'D：亩均税收 3.1 万元/亩，为基准的 62%'. `ratios` are the precise ratios in item order.
 */
export function indicatorLine(grade: QuotaGrade, items: readonly ItemResult[], ratioOf: (d: number) => number): string | null {
  // The two items with the lowest (C, D) or highest (A, B) ratio; ties keep the method's order.
  const sign = grade === 'C' || grade === 'D' ? 1 : -1;
  let first = -1;
  let second = -1;
  let firstRatio = NaN;
  let secondRatio = NaN;
  for (let d = 0; d < items.length; d++) {
    const r = ratioOf(d);
    if (items[d]!.missing !== null || Number.isNaN(r)) continue;
    if (first < 0 || sign * (r - firstRatio) < 0) (second = first), (secondRatio = firstRatio), (first = d), (firstRatio = r);
    else if (second < 0 || sign * (r - secondRatio) < 0) (second = d), (secondRatio = r);
  }
  if (first < 0) return null;
  const one = describeItem(items[first]!, firstRatio);
  return second < 0 ? `${grade}：${one}` : `${grade}：${one}；${describeItem(items[second]!, secondRatio)}`;
}

export function missingNotes(items: readonly ItemResult[]): string[] {
  const lines: string[] = [];
  for (const it of items) if (it.missing) lines.push(`缺数：${it.label}——${it.missing.why}（${fmt(it.score)} 分）`);
  return lines;
}

/** One line for all capped items, e.g. '封顶：亩均税收为基准的 164%、亩均增加值为基准的 174%，均按上限计分'. */
export function capNote(items: readonly ItemResult[], ratioOf: (d: number) => number, capOf: (key: string) => number | null): string | null {
  let parts = '';
  for (let d = 0; d < items.length; d++) {
    const it = items[d]!;
    if (it.capped) parts += `${parts === '' ? '' : '、'}${it.label}为基准的 ${fmtPct(ratioOf(d))}（上限 ${capOf(it.key)} 倍）`;
  }
  return parts === '' ? null : `封顶：${parts}，按上限计分`;
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
