/**
 * 低效用地: each configured test is a flag of its own, so a planner sees which one failed.
 * Tax and vacancy tests apply to parcels in production (a finished plant not yet producing is
 * 建而未投, and all of it vacant); the floor-area test to every finished parcel, producing or not. Figures are compared as shown, to 0.01
 * (shares to 0.1%). A test whose threshold is null in the rules document is not run.
 */
import { industryKey } from './figures.ts';
import type { Flag, IndustryMedians } from './model.ts';
import { cite, num, pct, r, type Context } from './text.ts';

const CONSEQUENCE = '列入低效用地整治：督促技术改造、增资扩产、盘活空置厂房，连续低效的引导退出。';
const shown = (value: number) => r(value) ?? value;
const shownShare = (share: number) => r(share, 3) ?? share;

function taxTests(ctx: Context, medians: IndustryMedians): { flags: Flag[]; notes: string[] } {
  const { p, d, rules } = ctx;
  const low = rules.lowEfficiency;
  if (low.taxPerMuBelowWan.value === null && low.taxPerMuBelowIndustryMedianShare.value === null) return { flags: [], notes: [] };
  if (d.taxPerMuWan === null) {
    const why = p.occupants.length === 0 ? '宗地上没有登记使用企业' : '使用企业（或其中部分企业）未报送税收';
    return { flags: [], notes: [`${why}，未做亩均税收检验`] };
  }
  const taxPerMu = shown(d.taxPerMuWan);
  const flags: Flag[] = [];
  const notes: string[] = [];
  const facts = { taxWan: r(d.taxWan), areaMu: r(d.areaMu), taxPerMuWan: taxPerMu };

  const absolute = low.taxPerMuBelowWan.value;
  if (absolute !== null && taxPerMu < absolute) {
    flags.push({
      code: 'low_tax_per_mu',
      label: '低效用地：亩均税收低',
      reason: `亩均税收 ${num(taxPerMu)} 万元/亩（税收 ${num(d.taxWan ?? 0)} 万元 ÷ ${num(d.areaMu)} 亩），低于 ${num(absolute)} 万元/亩。`,
      rule: cite(rules, ['lowEfficiency.taxPerMuBelowWan'], `亩均税收低于 ${num(absolute)} 万元/亩`),
      facts: { ...facts, thresholdWanPerMu: absolute },
      consequence: CONSEQUENCE,
    });
  }

  const share = low.taxPerMuBelowIndustryMedianShare.value;
  if (share !== null) {
    if (medians.grouping !== low.industryGrouping.value) {
      throw new Error(`行业中位数按 ${medians.grouping} 分组，规则要求按 ${low.industryGrouping.value} 分组`);
    }
    const key = industryKey(p.industryCode, medians.grouping);
    const group = key === null ? undefined : medians.byIndustry[key];
    const minPeers = low.minParcelsForIndustryMedian.value;
    if (key === null) notes.push('行业代码缺失或无法识别，未做同行业亩均税收比较');
    else if (!group || group.parcels < minPeers) {
      notes.push(`同行业（${key}）已投产且有税收数据的宗地仅 ${group?.parcels ?? 0} 宗，不足 ${minPeers} 宗，未做同行业比较`);
    } else {
      const limit = shown(group.taxPerMuWan * share);
      if (taxPerMu < limit) {
        flags.push({
          code: 'low_tax_vs_industry',
          label: '低效用地：亩均税收低于同行业',
          reason: `亩均税收 ${num(taxPerMu)} 万元/亩，同行业（${key}，${group.parcels} 宗）中位数 ${num(group.taxPerMuWan)} 万元/亩，低于其 ${pct(share)}（${num(limit)} 万元/亩）。`,
          rule: cite(rules, ['lowEfficiency.taxPerMuBelowIndustryMedianShare', 'lowEfficiency.industryGrouping', 'lowEfficiency.minParcelsForIndustryMedian'], `亩均税收低于同行业中位数的 ${pct(share)}`),
          facts: { ...facts, industry: key, industryMedianTaxPerMuWan: r(group.taxPerMuWan), industryParcels: group.parcels, thresholdWanPerMu: limit },
          consequence: CONSEQUENCE,
        });
      }
    }
  }
  return { flags, notes };
}

function farTest(ctx: Context): { flags: Flag[]; notes: string[] } {
  const { p, d, rules } = ctx;
  const table = rules.lowEfficiency.farMinimum.value;
  if (table === null) return { flags: [], notes: [] };
  if (d.far === null) return { flags: [], notes: ['容积率、建筑面积均未登记，未做容积率检验'] };
  const division = industryKey(p.industryCode, 'division');
  const listed = division === null ? undefined : table.byDivision[division];
  const minimum = listed ?? table.default;
  const far = shown(d.far);
  if (far >= minimum) return { flags: [], notes: [] };
  const standard = listed !== undefined ? `行业大类 ${division} 下限 ${num(minimum)}` : `默认下限 ${num(minimum)}`;
  return {
    flags: [
      {
        code: 'low_far',
        label: '低效用地：容积率低',
        reason: `容积率 ${num(far)}（${d.farSource}），低于${standard}。`,
        rule: cite(rules, ['lowEfficiency.farMinimum'], `容积率低于${standard}`),
        facts: { far, farSource: d.farSource, industryDivision: division, farMinimum: minimum, minimumFrom: listed !== undefined ? 'byDivision' : 'default' },
        consequence: CONSEQUENCE,
      },
    ],
    notes: [],
  };
}

function vacancyTests(ctx: Context): { flags: Flag[]; notes: string[] } {
  const { d, rules } = ctx;
  const shareMin = rules.lowEfficiency.vacantFloorShareAtLeast.value;
  const areaMin = rules.lowEfficiency.vacantFloorAreaAtLeastM2.value;
  if (shareMin === null && areaMin === null) return { flags: [], notes: [] };
  const notes = d.buildingsWithoutVacancy > 0 ? [`${d.buildingsWithoutVacancy} 栋建筑未填报建筑面积或空置面积，空置检验只统计已填报的建筑`] : [];
  if (d.vacantFloorAreaM2 === null || d.reportedFloorAreaM2 === null || d.vacantFloorShare === null) return { flags: [], notes };
  const facts = { vacantFloorAreaM2: r(d.vacantFloorAreaM2), reportedFloorAreaM2: r(d.reportedFloorAreaM2), vacantFloorShare: r(d.vacantFloorShare, 4) };
  const flags: Flag[] = [];
  const text = `空置建筑面积 ${num(d.vacantFloorAreaM2)} m²，占已填报建筑面积 ${num(d.reportedFloorAreaM2)} m² 的 ${pct(d.vacantFloorShare)}`;
  if (shareMin !== null && shownShare(d.vacantFloorShare) >= shareMin) {
    flags.push({
      code: 'vacant_floor_share',
      label: '低效用地：厂房空置率高',
      reason: `${text}，达到 ${pct(shareMin)}。`,
      rule: cite(rules, ['lowEfficiency.vacantFloorShareAtLeast'], `空置率不低于 ${pct(shareMin)}`),
      facts: { ...facts, thresholdShare: shareMin },
      consequence: CONSEQUENCE,
    });
  }
  if (areaMin !== null && shown(d.vacantFloorAreaM2) >= areaMin) {
    flags.push({
      code: 'vacant_floor_area',
      label: '低效用地：空置厂房面积大',
      reason: `${text}，空置面积达到 ${num(areaMin)} m²。`,
      rule: cite(rules, ['lowEfficiency.vacantFloorAreaAtLeastM2'], `空置建筑面积不少于 ${num(areaMin)} m²`),
      facts: { ...facts, thresholdM2: areaMin },
      consequence: CONSEQUENCE,
    });
  }
  return { flags, notes };
}

export function lowEfficiencyFlags(ctx: Context, medians: IndustryMedians): { flags: Flag[]; notes: string[] } {
  const parts = [
    ctx.progress.producing ? taxTests(ctx, medians) : { flags: [], notes: [] },
    ctx.progress.completed ? farTest(ctx) : { flags: [], notes: [] },
    ctx.progress.producing ? vacancyTests(ctx) : { flags: [], notes: [] },
  ];
  return { flags: parts.flatMap((x) => x.flags), notes: parts.flatMap((x) => x.notes) };
}

export const LOW_EFFICIENCY_CODES = ['low_tax_per_mu', 'low_tax_vs_industry', 'low_far', 'vacant_floor_share', 'vacant_floor_area'] as const;
