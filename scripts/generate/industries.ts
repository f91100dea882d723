/**
 * Industries of the zone (GB/T 4754-2017 classes) and the per-industry intensities the metrics are
 * drawn around. Medians are for above-size (规上) plants; each firm draws its own multipliers.
 * Orders of magnitude follow published Chongqing and Zhejiang figures: 亩均税收 of 规上 plants
 * mostly 10–40 万元/亩, value added 10–40% of revenue, R&D 1–8% of revenue.
 */
import type { Theme } from './district-plan.ts';

export interface IndustryProfile {
  code: string;
  name: string;
  /** Words that end an enterprise name: 重庆瑞恒「精密机械」有限公司. */
  words: readonly string[];
  /** Median 营业收入 per 亩 of land, 万元, for 规上 plants. */
  revenuePerMu: number;
  valueAddedRatio: number;
  /** 实缴税收 / 营业收入. */
  taxRatio: number;
  /** 用电量 per 营业收入, 万千瓦时 per 万元. */
  electricityPerRevenue: number;
  /** Energy from fuels as a multiple of the energy from electricity. */
  fuelShare: number;
  /** 主要污染物排放量 per 营业收入, 吨 per 万元. */
  emissionPerRevenue: number;
  /** 研发经费 / 营业收入. */
  rdRatio: number;
  /** 工业增加值 per employee, 万元. */
  productivity: number;
  utility: boolean;
}

const p = (
  code: string,
  name: string,
  words: readonly string[],
  [revenuePerMu, valueAddedRatio, taxRatio, electricityPerRevenue, fuelShare, emissionPerRevenue, rdRatio, productivity]: readonly number[],
  utility = false,
): IndustryProfile => ({
  code,
  name,
  words,
  revenuePerMu: revenuePerMu!,
  valueAddedRatio: valueAddedRatio!,
  taxRatio: taxRatio!,
  electricityPerRevenue: electricityPerRevenue!,
  fuelShare: fuelShare!,
  emissionPerRevenue: emissionPerRevenue!,
  rdRatio: rdRatio!,
  productivity: productivity!,
  utility,
});

//                                                    rev/亩 VA   tax    电/万元 fuel emis/万元 R&D  VA/人
export const INDUSTRIES: Record<string, IndustryProfile> = Object.fromEntries(
  [
    p('C3911', '计算机整机制造', ['电脑', '计算机', '智能终端', '信息技术'], [1350, 0.09, 0.022, 0.006, 0.1, 0.0001, 0.015, 22]),
    p('C3973', '集成电路制造', ['微电子', '集成电路', '半导体', '芯片科技'], [820, 0.35, 0.05, 0.1, 0.15, 0.0006, 0.08, 60]),
    p('C3976', '光电子器件制造', ['光电', '光电子', '光电科技'], [680, 0.28, 0.045, 0.05, 0.15, 0.0005, 0.05, 40]),
    p('C3982', '电子电路制造', ['电路', '线路板', '电子科技', '电子'], [630, 0.24, 0.04, 0.055, 0.2, 0.0015, 0.035, 28]),
    p('C3670', '汽车零部件及配件制造', ['汽车零部件', '汽配', '汽车部件', '精密部件'], [570, 0.22, 0.045, 0.035, 0.3, 0.0012, 0.03, 32]),
    p('C3841', '锂离子电池制造', ['新能源', '锂电科技', '电池'], [720, 0.2, 0.04, 0.06, 0.2, 0.0008, 0.04, 36]),
    p('C2720', '化学药品制剂制造', ['药业', '制药', '医药', '生物医药'], [600, 0.38, 0.09, 0.03, 0.8, 0.003, 0.06, 55]),
    p('C3311', '金属结构制造', ['钢结构', '金属结构', '钢构工程'], [330, 0.2, 0.035, 0.04, 0.4, 0.0025, 0.012, 24]),
    p('C2929', '塑料零件及其他塑料制品制造', ['塑胶', '塑料制品', '精密塑胶', '模塑科技'], [340, 0.22, 0.04, 0.06, 0.15, 0.0015, 0.02, 22]),
    p('C3489', '其他通用零部件制造', ['精密机械', '机械制造', '传动科技', '五金'], [390, 0.25, 0.045, 0.04, 0.25, 0.0012, 0.025, 26]),
    p('C3484', '机械零部件加工', ['机械', '机械加工', '精工'], [360, 0.26, 0.042, 0.045, 0.2, 0.0012, 0.02, 24]),
    p('C3360', '金属表面处理及热处理加工', ['表面处理', '热处理', '金属表面技术'], [300, 0.3, 0.04, 0.09, 0.6, 0.006, 0.015, 22]),
    p('C2231', '纸和纸板容器制造', ['包装', '纸制品', '包装材料'], [320, 0.2, 0.038, 0.035, 0.5, 0.002, 0.012, 20]),
    p('C1495', '食品及饲料添加剂制造', ['生物科技', '食品配料', '饲料科技'], [450, 0.28, 0.06, 0.03, 1.2, 0.004, 0.02, 35]),
    p('D4430', '热力生产和供应', ['热力', '能源'], [200, 0.25, 0.05, 0.02, 40, 0.012, 0.003, 60], true),
    p('D4610', '自来水生产和供应', ['水务', '自来水'], [50, 0.45, 0.06, 0.15, 0.05, 0, 0.003, 25], true),
    p('D4620', '污水处理及其再生利用', ['水务环保', '污水处理', '环境治理'], [40, 0.5, 0.04, 0.2, 0.1, 0.03, 0.005, 25], true),
  ].map((profile) => [profile.code, profile]),
);

/** 园区管理服务: the zone's development platforms, which own standard-factory (标准厂房) parcels. */
export const PLATFORM_INDUSTRY = 'L7221';

/** Industry mix of a cluster by its specialisation, as [code, weight]. */
export const THEME_MIX: Record<Theme, readonly (readonly [string, number])[]> = {
  electronics: [
    ['C3911', 10], ['C3973', 5], ['C3976', 6], ['C3982', 18], ['C2929', 12], ['C3489', 8],
    ['C3484', 10], ['C2231', 6], ['C3360', 5], ['C3311', 4], ['C3841', 4], ['C3670', 4],
  ],
  auto: [
    ['C3670', 30], ['C3841', 10], ['C3489', 12], ['C3484', 12], ['C3311', 10], ['C2929', 10],
    ['C3360', 6], ['C2231', 4], ['C3982', 4], ['C1495', 2],
  ],
  pharma: [
    ['C2720', 30], ['C1495', 18], ['C2929', 10], ['C2231', 8], ['C3489', 8], ['C3484', 6],
    ['C3311', 6], ['C3982', 6], ['C3670', 6],
  ],
  general: [
    ['C3311', 15], ['C3489', 14], ['C3484', 14], ['C2929', 12], ['C3670', 12], ['C2231', 8],
    ['C3360', 6], ['C3982', 8], ['C1495', 5], ['C2720', 4], ['C3841', 2],
  ],
};

/** Utilities placed in a cluster (by its index), so every district has a few. */
export function utilitiesFor(clusterIndex: number): string[] {
  const out: string[] = [];
  if (clusterIndex % 3 === 0) out.push('D4620');
  if (clusterIndex % 8 === 1) out.push('D4610');
  if (clusterIndex % 8 === 5) out.push('D4430');
  return out;
}

export function industry(code: string): IndustryProfile {
  const profile = INDUSTRIES[code];
  if (!profile) throw new Error(`unknown industry ${code}`);
  return profile;
}
