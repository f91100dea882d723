/**
 * Huzhou's five classes of inefficiently supplied land (“五未”土地), made operational from the
 * supply record (the same definitions are written in the rules document, `classes.*.definition`):
 *
 * - 批而未供 approved, not supplied: approved on or before asOf, not supplied by asOf, approved at
 *   least `minFullYearsSinceApproval` full years ago.
 * - 供而未用 supplied, not used: supplied, not started, and past the agreed (or presumed) start date.
 *   Past it by a full year the parcel is also 闲置土地 (see idle.ts).
 * - 用而未尽 used, not fully: completed or producing, with an undeveloped part of at least
 *   `minUndevelopedShare` of the parcel and at least `minUndevelopedAreaMu` 亩.
 * - 建而未投 built, not producing: completed, not producing, completed at least
 *   `minFullYearsSinceCompletion` full years ago.
 * - 投而未达标 producing below target: producing 标准地 past its 达产日期 with a failed commitment.
 *   Other parcels carry no contract targets; their performance shows in the low-efficiency tests.
 */
import { daysBetween, fullYearsElapsed } from './dates.ts';
import { startDeadline } from './idle.ts';
import type { Flag, StandardLandReview } from './model.ts';
import { cite, mu, num, pct, r, type Context } from './text.ts';
import { m2ToMu } from '../units.ts';

function approvedNotSupplied(ctx: Context): Flag[] {
  const { p, progress, rules } = ctx;
  const approved = p.supply.approvalDate;
  if (progress.supplied || !approved || daysBetween(approved, p.asOfDate) < 0) return [];
  const years = fullYearsElapsed(approved, p.asOfDate);
  const min = rules.classes.approvedNotSupplied.minFullYearsSinceApproval.value;
  if (years < min) return [];
  return [
    {
      code: 'approved_not_supplied',
      label: '批而未供',
      reason: `${approved} 批准用地，至 ${p.asOfDate} 已满 ${years} 年仍未供地。`,
      rule: cite(rules, ['classes.approvedNotSupplied', 'classes.approvedNotSupplied.minFullYearsSinceApproval'], `批准满 ${min} 年未供地`),
      facts: { approvalDate: approved, asOfDate: p.asOfDate, fullYearsSinceApproval: years, areaMu: r(m2ToMu(p.areaM2)) },
      consequence: '加快组织供地，或按规定核减、调整用地批准。',
    },
  ];
}

function suppliedNotUsed(ctx: Context): Flag[] {
  const { p, progress, rules } = ctx;
  if (!progress.supplied || progress.started) return [];
  const deadline = startDeadline(ctx);
  if (!deadline) return [];
  const days = daysBetween(deadline.date, p.asOfDate);
  if (days <= 0) return [];
  const paths = ['classes.suppliedNotUsed', ...(deadline.source === '供地日期推定' ? ['idle.assumedStartAfterSupplyFullYears'] : [])];
  return [
    {
      code: 'supplied_not_used',
      label: '供而未用',
      reason: `${p.supply.supplyDate ?? '供地日期未登记'} 供地，${deadline.source} ${deadline.date}，至 ${p.asOfDate} 未开工，逾期 ${days} 天。`,
      rule: cite(rules, paths, '已供地、过约定开工日期未开工'),
      facts: { supplyDate: p.supply.supplyDate, startDeadline: deadline.date, startDeadlineSource: deadline.source, daysPastDeadline: days },
      consequence: '督促动工；逾期满一年的按闲置土地处置。',
    },
  ];
}

function usedNotFully(ctx: Context): { flags: Flag[]; notes: string[] } {
  const { p, progress, d, rules } = ctx;
  if (!progress.completed) return { flags: [], notes: [] };
  if (d.developedAreaM2 === null) return { flags: [], notes: ['未登记已开发面积，未做用而未尽判断'] };
  const undevelopedM2 = Math.max(0, p.areaM2 - d.developedAreaM2);
  const rule = rules.classes.usedNotFully;
  const share = undevelopedM2 / p.areaM2;
  if (share < rule.minUndevelopedShare.value || m2ToMu(undevelopedM2) < rule.minUndevelopedAreaMu.value) return { flags: [], notes: [] };
  return {
    flags: [
      {
        code: 'used_not_fully',
        label: '用而未尽',
        reason: `宗地 ${mu(p.areaM2)}，已开发 ${mu(d.developedAreaM2)}，尚有 ${mu(undevelopedM2)}（${pct(share)}）未开发。`,
        rule: cite(
          rules,
          ['classes.usedNotFully', 'classes.usedNotFully.minUndevelopedShare', 'classes.usedNotFully.minUndevelopedAreaMu'],
          `未开发部分不低于 ${pct(rule.minUndevelopedShare.value)} 且不少于 ${num(rule.minUndevelopedAreaMu.value)} 亩`,
        ),
        facts: {
          areaMu: r(m2ToMu(p.areaM2)),
          developedAreaMu: r(m2ToMu(d.developedAreaM2)),
          undevelopedAreaMu: r(m2ToMu(undevelopedM2)),
          undevelopedShare: r(share, 4),
        },
        consequence: '督促增资扩建、提高容积率，或对未开发部分分割转让、协议退还。',
      },
    ],
    notes: [],
  };
}

function builtNotProducing(ctx: Context): { flags: Flag[]; notes: string[] } {
  const { p, progress, rules } = ctx;
  if (!progress.completed || progress.producing) return { flags: [], notes: [] };
  const completed = p.supply.completionDate;
  if (!completed) return { flags: [], notes: ['已竣工未投产，但竣工日期未登记，未做建而未投判断'] };
  const years = fullYearsElapsed(completed, p.asOfDate);
  const min = rules.classes.builtNotProducing.minFullYearsSinceCompletion.value;
  if (years < min) return { flags: [], notes: [] };
  return {
    flags: [
      {
        code: 'built_not_producing',
        label: '建而未投',
        reason: `${completed} 竣工，至 ${p.asOfDate} 已满 ${years} 年仍未投产。`,
        rule: cite(rules, ['classes.builtNotProducing', 'classes.builtNotProducing.minFullYearsSinceCompletion'], `竣工满 ${min} 年未投产`),
        facts: { completionDate: completed, asOfDate: p.asOfDate, fullYearsSinceCompletion: years },
        consequence: '督促投产；确无投产计划的，引导厂房出租或规范转让。',
      },
    ],
    notes: [],
  };
}

function producingBelowTarget(ctx: Context, review: StandardLandReview | null): Flag[] {
  const { progress, rules } = ctx;
  if (!progress.producing || !review?.due) return [];
  const failed = review.checks.filter((c) => c.outcome === 'fail');
  if (failed.length === 0) return [];
  return [
    {
      code: 'producing_below_target',
      label: '投而未达标',
      reason: `已投产的标准地，达产日期 ${review.dueDate} 后 ${failed.length} 项控制指标未达合同约定：${failed.map((c) => c.label).join('、')}。`,
      rule: cite(rules, ['classes.producingBelowTarget', 'standardLand'], '已投产、过达产日期、合同控制指标未达标'),
      facts: { dueDate: review.dueDate, failedCommitments: failed.map((c) => c.commitment).join(','), failedCount: failed.length },
      consequence: '按出让合同追究违约责任，限期整改。',
    },
  ];
}

export function classFlags(ctx: Context, review: StandardLandReview | null): { flags: Flag[]; notes: string[] } {
  const unf = usedNotFully(ctx);
  const bnp = builtNotProducing(ctx);
  return {
    flags: [...approvedNotSupplied(ctx), ...suppliedNotUsed(ctx), ...unf.flags, ...bnp.flags, ...producingBelowTarget(ctx, review)],
    notes: [...unf.notes, ...bnp.notes],
  };
}
