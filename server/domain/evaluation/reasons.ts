/** The sentences a planner reads next to a grade, in Chinese. Pure formatting of computed results. */
import type { EvalUnit } from './build-units.ts';
import { flat, fmt, r4 } from './format.ts';
import type { Grading, IndicatorDef, QuotaGrade } from './method.ts';
import type { AdjustmentLine, Grade, ItemResult } from './result.ts';
import type { GroupScores } from './score.ts';
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

/** Writes rank lines, e.g. '评为 C：综合得分 71.2，规上企业（示范区）第 3/7 名（配额：…）', from parts made once. */
export function rankLineWriter(grading: Grading, rule: string) {
  const head = (grade: QuotaGrade) => `评为 ${grade}：综合得分 `;
  const heads: Record<QuotaGrade, string> = { A: head('A'), B: head('B'), C: head('C'), D: head('D') };
  const tail = ` 名（${rule}）`;
  const baseTail = (base: QuotaGrade) => ` 名，按${gradingBasis(grading)}为 ${base}（${rule}）`;
  const baseTails: Record<QuotaGrade, string> = { A: baseTail('A'), B: baseTail('B'), C: baseTail('C'), D: baseTail('D') };
  // '，规上企业（示范区）第 ' by group and pool label.
  const where: Record<Scale, Map<string, string>> = { above: new Map(), below: new Map() };

  return (grade: QuotaGrade, base: QuotaGrade, total: number, rank: number, rankOf: number, group: Scale, poolLabel: string): string => {
    let at = where[group].get(poolLabel);
    if (at === undefined) {
      at = poolLabel === '全组' ? `，${SCALE_LABELS[group]}第 ` : `，${SCALE_LABELS[group]}（${poolLabel}）第 `;
      where[group].set(poolLabel, at);
    }
    return [heads[grade], fmt(total), at, rank, '/', rankOf, grade === base ? tail : baseTails[base]].join('');
  };
}

/** The fixed words around one item's figures in reasons, by item (made once per group). */
export interface ItemTexts {
  /** '亩均税收 ' */
  lead: string;
  /** ' 万元/亩，为基准的 ' */
  ofBenchmark: string;
  /** ' 万元/亩，位于区间的 ' */
  inRange: string;
  /** '亩均税收为基准的 ', after '封顶：' or '、'. */
  capFirst: string;
  capNext: string;
  /** '%（上限 1.5 倍）' */
  capTail: string;
}

/** `caps[d]` is the cap of item d (as the method lists it under the item's key). */
export function itemTexts(defs: readonly IndicatorDef[], caps: readonly (number | null)[]): ItemTexts[] {
  return defs.map((d, i) => ({
    lead: `${d.label} `,
    ofBenchmark: ` ${d.unit}，为基准的 `,
    inRange: ` ${d.unit}，位于区间的 `,
    capFirst: `封顶：${d.label}为基准的 `,
    capNext: `、${d.label}为基准的 `,
    capTail: `%（上限 ${caps[i]} 倍）`,
  }));
}

const GRADE_HEADS: Record<QuotaGrade, string> = { A: 'A：', B: 'B：', C: 'C：', D: 'D：' };

/**
 * The two weakest items (C, D) or the two strongest (A, B) of unit i for the grade the ranked list
 * gave, e.g. 'D：亩均税收 3.1 万元/亩，为基准的 62%'.
 */
export function indicatorLine(grade: QuotaGrade, g: GroupScores, i: number, texts: readonly ItemTexts[]): string | null {
  // The two items with the lowest (C, D) or highest (A, B) ratio; ties keep the method's order.
  const sign = grade === 'C' || grade === 'D' ? 1 : -1;
  let first = -1;
  let second = -1;
  let firstRatio = NaN;
  let secondRatio = NaN;
  for (let d = 0; d < g.defs.length; d++) {
    const r = g.ratios[d]![i]!;
    if (Number.isNaN(g.raw[d]![i]!) || Number.isNaN(r)) continue;
    if (first < 0 || sign * (r - firstRatio) < 0) (second = first), (secondRatio = firstRatio), (first = d), (firstRatio = r);
    else if (second < 0 || sign * (r - secondRatio) < 0) (second = d), (secondRatio = r);
  }
  if (first < 0) return null;
  const ta = texts[first]!;
  // Item values as the items carry them (rounded), read from the columns rather than the objects.
  const text = [GRADE_HEADS[grade], ta.lead, fmt(r4(g.values[first]![i]!)), hasBenchmark(g, first, i) ? ta.ofBenchmark : ta.inRange, Math.round(firstRatio * 100)];
  if (second < 0) text.push('%');
  else {
    const tb = texts[second]!;
    text.push('%；', tb.lead, fmt(r4(g.values[second]![i]!)), hasBenchmark(g, second, i) ? tb.ofBenchmark : tb.inRange, Math.round(secondRatio * 100), '%');
  }
  return text.join('');
}

/** Whether item d of unit i is compared with a benchmark (not a min–max range). */
function hasBenchmark(g: GroupScores, d: number, i: number): boolean {
  return g.refs[d]![g.refPool[d]![i]!]!.benchmark !== null;
}

export function missingNotes(items: readonly ItemResult[], into: string[]): void {
  for (const it of items) if (it.missing) into.push(flat('缺数：', it.label, '——', it.missing.why, '（', fmt(it.score), ' 分）'));
}

/** One line for all capped items of unit i, e.g. '封顶：亩均税收为基准的 164%（上限 1.5 倍）、…，按上限计分'. */
export function capNote(g: GroupScores, i: number, texts: readonly ItemTexts[]): string | null {
  let text: (string | number)[] | null = null;
  for (let d = 0; d < g.defs.length; d++) {
    if (g.capped[d]![i] !== 1) continue;
    const t = texts[d]!;
    if (text === null) text = [t.capFirst];
    else text.push(t.capNext);
    text.push(Math.round(g.ratios[d]![i]! * 100), t.capTail);
  }
  if (text === null) return null;
  text.push('，按上限计分');
  return text.join('');
}

export function adjustmentNotes(bonus: readonly AdjustmentLine[], penalty: readonly AdjustmentLine[], into: string[]): void {
  for (const l of bonus) into.push(flat('加分：', l.label, ' +', fmt(l.points), '（', l.because, '）'));
  for (const l of penalty) into.push(flat('减分：', l.label, ' ', fmt(l.points), '（', l.because, '）'));
}

export function mergedNote(unit: EvalUnit): string {
  return flat('合并评价：', unit.name, '共用宗地（', unit.parcels.join('、'), '），数据合并后作为一个单位评价，各企业共享评价结果');
}

export function sharedNote(unit: EvalUnit, sharedFrom: EvalUnit, grade: Grade, ownTotal: number): string {
  const others = sharedFrom.members.filter((e) => e.uscc !== unit.id).map((e) => e.name).join('、');
  return flat('共享评价结果：与', others, '共用宗地，按合并单位 ', sharedFrom.id, ' 评为 ', grade, '；本企业自身得分 ', fmt(ownTotal), ' 仅供参考');
}

export function exemptionNote(tags: readonly string[]): string {
  return flat('豁免：', tags.join('、'), '，不列入低效用地整治名单（不影响等级）');
}

export function classTNote(why: readonly string[]): string {
  return flat('不定等级（T）：', why.join('；'));
}
