/**
 * 标准地履约: once the contract's 达产日期 has come (at the end of that day), each control indicator
 * is compared with what the parcel achieved. Figures are compared as shown, to 0.01, so a planner
 * who reads "实际 20" never sees it called short of 20. A commitment without actual data is
 * "unknown", never a failure.
 */
import { anniversary, onOrBefore } from './dates.ts';
import type { Commitment, CommitmentCheck, Flag, StandardLandReview } from './model.ts';
import { cite, num, r, type Context } from './text.ts';

interface Spec {
  commitment: Commitment;
  label: string;
  unit: string;
  min: number | null;
  max: number | null;
  actual: number | null;
}

function specs(ctx: Context): Spec[] {
  const t = ctx.p.standardLand;
  if (!t) return [];
  const { d } = ctx;
  const all: Spec[] = [
    { commitment: 'investment', label: '固定资产投资强度', unit: '万元/亩', min: t.investmentWanPerMu, max: null, actual: d.investmentWanPerMu },
    { commitment: 'far', label: '容积率', unit: '', min: t.farMin, max: t.farMax, actual: d.far },
    { commitment: 'taxPerMu', label: '亩均税收', unit: '万元/亩', min: t.taxPerMuWan, max: null, actual: d.taxPerMuWan },
    { commitment: 'vaPerTce', label: '单位能耗增加值', unit: '万元/吨标准煤', min: t.vaPerTceWan, max: null, actual: d.vaPerTceWan },
    { commitment: 'rdRatio', label: '研发经费占营业收入比重', unit: '%', min: t.rdRatioPct, max: null, actual: d.rdRatioPct },
  ];
  return all.filter((s) => s.min !== null || s.max !== null);
}

const withUnit = (value: number, unit: string) => (unit === '' ? num(value) : unit === '%' ? `${num(value)}%` : `${num(value)} ${unit}`);

function committedText(s: Spec): string {
  if (s.min !== null && s.max !== null) return `${num(s.min)}–${withUnit(s.max, s.unit)}`;
  if (s.min !== null) return withUnit(s.min, s.unit);
  return `不高于 ${withUnit(s.max ?? 0, s.unit)}`;
}

export function check(s: Spec): CommitmentCheck {
  const base = { commitment: s.commitment, label: s.label, unit: s.unit, committedMin: s.min, committedMax: s.max };
  const head = `${s.label} 承诺 ${committedText(s)}`;
  if (s.actual === null) return { ...base, actual: null, outcome: 'unknown', shortfall: null, text: `${head}，实际数据缺失，无法核验` };
  const actual = r(s.actual) ?? s.actual;
  const actualText = `${head}，实际 ${withUnit(actual, s.unit)}`;
  if (s.min !== null && actual < s.min) {
    const shortfall = r(s.min - actual) ?? 0;
    const gap = s.max !== null ? `低于下限 ${num(shortfall)}` : `差 ${num(shortfall)}`;
    return { ...base, actual, outcome: 'fail', shortfall, text: `${actualText}，${gap}` };
  }
  if (s.max !== null && actual > s.max) {
    const excess = r(actual - s.max) ?? 0;
    return { ...base, actual, outcome: 'fail', shortfall: excess, text: `${actualText}，高于上限 ${num(excess)}` };
  }
  return { ...base, actual, outcome: 'pass', shortfall: null, text: `${actualText}，达标` };
}

export function reviewStandardLand(ctx: Context): StandardLandReview | null {
  const { p, rules } = ctx;
  if (!p.standardLand) return null;
  const years = rules.standardLand.targetAfterSupplyFullYears.value;
  const dueDate = p.standardLand.targetDate ?? (p.supply.supplyDate && years !== null ? anniversary(p.supply.supplyDate, years) : null);
  const dueDateSource = p.standardLand.targetDate ? '合同达产日期' : dueDate ? '供地日期推定' : null;
  const due = dueDate !== null && onOrBefore(dueDate, p.asOfDate);
  return { dueDate, dueDateSource, due, checks: due ? specs(ctx).map(check) : [] };
}

export function standardLandFlags(ctx: Context, review: StandardLandReview | null): { flags: Flag[]; notes: string[] } {
  if (!review) return { flags: [], notes: [] };
  if (!review.dueDate) return { flags: [], notes: ['标准地合同未写明达产日期，也无供地日期可推定，未核验履约'] };
  const unknown = review.checks.filter((c) => c.outcome === 'unknown');
  const notes = unknown.length > 0 ? [`标准地 ${unknown.map((c) => c.label).join('、')} 缺少实际数据，无法核验`] : [];
  const paths = review.dueDateSource === '供地日期推定' ? ['standardLand', 'standardLand.targetAfterSupplyFullYears'] : ['standardLand'];
  const flags = review.checks
    .filter((c) => c.outcome === 'fail')
    .map(
      (c): Flag => ({
        code: 'standard_land_failed',
        label: `标准地未履约：${c.label}`,
        reason: `${c.text}（达产日期 ${review.dueDate}${review.dueDateSource === '供地日期推定' ? '，按供地日期推定' : ''}）。`,
        rule: cite(ctx.rules, paths, `达产日期后${c.label}不低于合同约定${c.commitment === 'far' ? '下限、不高于上限' : ''}`),
        facts: {
          commitment: c.commitment,
          unit: c.unit,
          committedMin: c.committedMin,
          committedMax: c.committedMax,
          actual: c.actual,
          shortfall: c.shortfall,
          dueDate: review.dueDate,
          dueDateSource: review.dueDateSource,
        },
        consequence: '按出让合同约定追究违约责任（违约金、取消优惠等），限期整改后仍不达标的，可依合同约定收回土地（依规回收候选）。',
      }),
    );
  return { flags, notes };
}
