/**
 * 闲置土地 under MLR Order 53 (闲置土地处置办法, 2012), Articles 2, 14 and 30.
 *
 * - Not started: the idle clock starts at the agreed start date (约定开工日期); when the contract has
 *   none, at the supply date plus `idle.assumedStartAfterSupplyFullYears`. Idle once a full year has
 *   passed (fee of 20% of the land price), recoverable without compensation after two full years.
 * - Started but halted: developed area below 1/3 of the parcel, or investment below 25% of the total
 *   (land price excluded), and halted for a full year; the clock starts at the halt date and the same
 *   one- and two-year consequences follow.
 * "Full years" are counted by `fullYearsElapsed` (民法典 201–202): with a start date of 2020-03-01 the
 * parcel is idle at the end of 2021-03-01, not on 2021-02-28; with 2020-02-29, at the end of 2021-02-28.
 * Land left idle for reasons of government or force majeure (Article 8) cannot be told from the data:
 * the consequence text says so.
 */
import { anniversary, daysBetween, fullYearsElapsed, type IsoDate } from './dates.ts';
import type { Flag } from './model.ts';
import { cite, mu, num, pct, r, type Context } from './text.ts';
import type { Fraction } from './rules.ts';

export interface StartDeadline {
  date: IsoDate;
  source: '约定开工日期' | '供地日期推定';
}

/** The agreed start date, or the one presumed from the supply date; null when neither is known. */
export function startDeadline(ctx: Context): StartDeadline | null {
  const { supply } = ctx.p;
  if (supply.startDeadline) return { date: supply.startDeadline, source: '约定开工日期' };
  const years = ctx.rules.idle.assumedStartAfterSupplyFullYears.value;
  if (supply.supplyDate && years !== null) return { date: anniversary(supply.supplyDate, years), source: '供地日期推定' };
  return null;
}

const ARTICLE_8 = '如闲置系政府、政府有关部门的行为或不可抗力造成（第53号令第八条），应另行认定。';

function fee(ctx: Context): { idleFeeWan: number | null; text: string } {
  const price = ctx.p.supply.landPriceWan;
  const share = ctx.rules.idle.feeShareOfLandPrice.value;
  if (price === null) return { idleFeeWan: null, text: '土地价款未登记，闲置费待核定' };
  const idleFeeWan = price * share;
  return { idleFeeWan: r(idleFeeWan), text: `土地闲置费 ${num(idleFeeWan)} 万元（价款 ${num(price)} 万元 × ${pct(share)}）` };
}

function consequence(ctx: Context, recover: boolean, clockStart: IsoDate, feeText: string): string {
  const n = ctx.rules.idle.recoverAfterFullYears.value;
  return recover
    ? `可报经有批准权的人民政府批准后无偿收回国有建设用地使用权（依规回收候选）；此前应征缴${feeText}。${ARTICLE_8}`
    : `征缴${feeText}；至 ${anniversary(clockStart, n)} 仍未动工开发的，可无偿收回。${ARTICLE_8}`;
}

function notStarted(ctx: Context): { flags: Flag[]; notes: string[] } {
  const { p, progress, rules } = ctx;
  if (!progress.supplied || progress.started) return { flags: [], notes: [] };
  const deadline = startDeadline(ctx);
  if (!deadline) return { flags: [], notes: ['已供地未开工，但无约定开工日期和供地日期，无法判断是否闲置'] };
  const years = fullYearsElapsed(deadline.date, p.asOfDate);
  const feeAfter = rules.idle.feeAfterFullYears.value;
  const recoverAfter = rules.idle.recoverAfterFullYears.value;
  if (years < feeAfter) return { flags: [], notes: [] };
  const recover = years >= recoverAfter;
  const f = fee(ctx);
  const paths = ['idle.feeAfterFullYears', 'idle.feeShareOfLandPrice', ...(recover ? ['idle.recoverAfterFullYears'] : [])];
  if (deadline.source === '供地日期推定') paths.push('idle.assumedStartAfterSupplyFullYears');
  return {
    flags: [
      {
        code: 'idle',
        label: recover ? `闲置土地（未动工满 ${recoverAfter} 年）` : `闲置土地（未动工满 ${feeAfter} 年）`,
        reason: `${deadline.source === '约定开工日期' ? '约定开工日期' : '推定开工期限（供地日期起算）'} ${deadline.date}，至 ${p.asOfDate} 未动工开发，已满 ${years} 年（逾期 ${daysBetween(deadline.date, p.asOfDate)} 天）。`,
        rule: cite(rules, paths, recover ? `约定开工日期后满 ${recoverAfter} 年未动工` : `约定开工日期后满 ${feeAfter} 年未动工`),
        facts: {
          startDeadline: deadline.date,
          startDeadlineSource: deadline.source,
          asOfDate: p.asOfDate,
          fullYearsIdle: years,
          daysPastDeadline: daysBetween(deadline.date, p.asOfDate),
          idleFromDate: anniversary(deadline.date, feeAfter),
          recoverableFromDate: anniversary(deadline.date, recoverAfter),
          landPriceWan: p.supply.landPriceWan,
          idleFeeWan: f.idleFeeWan,
          recoverable: recover,
        },
        consequence: consequence(ctx, recover, deadline.date, f.text),
      },
    ],
    notes: [],
  };
}

/** value < fraction × whole, without rounding. */
const below = (value: number, fraction: Fraction, whole: number) => value * fraction.denominator < fraction.numerator * whole;
const frac = (f: Fraction) => `${f.numerator}/${f.denominator}`;

function halted(ctx: Context): { flags: Flag[]; notes: string[] } {
  const { p, progress, d, rules } = ctx;
  if (!progress.halted) return { flags: [], notes: [] };
  const haltedDate = p.supply.haltedDate;
  if (!haltedDate) return { flags: [], notes: ['项目停建，但停建日期未登记，无法判断是否停建满一年（闲置土地）'] };
  const devBelow = rules.idle.haltedDevelopedShareBelow.value;
  const invBelow = rules.idle.haltedInvestedShareBelow.value;
  const developedBelow = d.developedAreaM2 === null ? null : below(d.developedAreaM2, devBelow, p.areaM2);
  const investedBelow = d.investedWan === null || d.totalInvestmentWan === null ? null : below(d.investedWan, invBelow, d.totalInvestmentWan);
  const notes: string[] = [];
  if (!developedBelow && !investedBelow) {
    if (developedBelow === null) notes.push(`停建宗地未登记已开发面积，未做“开发面积不足 ${frac(devBelow)}”检验`);
    if (investedBelow === null) notes.push(`停建宗地缺少已投资额或总投资额，未做“投资额不足 ${pct(invBelow.numerator / invBelow.denominator)}”检验`);
  }
  const years = fullYearsElapsed(haltedDate, p.asOfDate);
  const minYears = rules.idle.haltedFullYears.value;
  if (!(developedBelow || investedBelow) || years < minYears) return { flags: [], notes };
  const recoverAfter = rules.idle.recoverAfterFullYears.value;
  const recover = years >= recoverAfter;
  const f = fee(ctx);
  const why = [
    developedBelow && d.developedAreaM2 !== null ? `已开发 ${mu(d.developedAreaM2)}，占宗地 ${pct(d.developedAreaM2 / p.areaM2)}，不足 ${frac(devBelow)}` : null,
    investedBelow && d.investedWan !== null && d.totalInvestmentWan !== null
      ? `已投资 ${num(d.investedWan)} 万元，占总投资 ${num(d.totalInvestmentWan)} 万元的 ${pct(d.investedWan / d.totalInvestmentWan)}，不足 ${pct(invBelow.numerator / invBelow.denominator)}`
      : null,
  ].filter((s): s is string => s !== null);
  const paths = ['idle.haltedDevelopedShareBelow', 'idle.haltedInvestedShareBelow', 'idle.haltedFullYears', 'idle.feeShareOfLandPrice'];
  if (recover) paths.push('idle.recoverAfterFullYears');
  const n = recover ? recoverAfter : minYears;
  return {
    flags: [
      {
        code: 'idle_halted',
        label: `闲置土地（停建满 ${n} 年）`,
        reason: `${p.supply.actualStartDate ? `${p.supply.actualStartDate} 开工，` : ''}${haltedDate} 停建，至 ${p.asOfDate} 已满 ${years} 年；${why.join('；')}。`,
        rule: cite(rules, paths, `开发面积不足 ${frac(devBelow)} 或投资额不足 ${pct(invBelow.numerator / invBelow.denominator)}，中止开发满 ${n} 年`),
        facts: {
          actualStartDate: p.supply.actualStartDate,
          haltedDate,
          asOfDate: p.asOfDate,
          fullYearsHalted: years,
          developedAreaM2: r(d.developedAreaM2),
          developedShare: r(d.developedShare, 4),
          investedWan: r(d.investedWan),
          totalInvestmentWan: r(d.totalInvestmentWan),
          totalInvestmentSource: d.totalInvestmentSource,
          investedShare: r(d.investedShare, 4),
          developedBelowShare: developedBelow,
          investedBelowShare: investedBelow,
          landPriceWan: p.supply.landPriceWan,
          idleFeeWan: f.idleFeeWan,
          recoverable: recover,
        },
        consequence: consequence(ctx, recover, haltedDate, f.text).replace('仍未动工开发', '仍未恢复开发'),
      },
    ],
    notes,
  };
}

export function idleFlags(ctx: Context): { flags: Flag[]; notes: string[] } {
  const a = notStarted(ctx);
  const b = halted(ctx);
  return { flags: [...a.flags, ...b.flags], notes: [...a.notes, ...b.notes] };
}
