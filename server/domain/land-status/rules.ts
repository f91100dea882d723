import type { Grade } from './grades.ts';
import type { FlagCode } from './model.ts';

/**
 * The land-status rules document (data/rules/land-status-default.json): versioned thresholds, each
 * with its unit and the text it comes from, so a flag can cite the rule that raised it.
 */

/** A threshold as written in the rules document. `value: null` switches an optional test off. */
export interface Threshold<T> {
  value: T;
  unit: string;
  source: string;
}

/** An exact share, so "不足三分之一" is tested without rounding. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

export type ExitPath = '依规回收' | '倒逼退出' | '引导退还' | '规范转让';
export const EXIT_PATHS: readonly ExitPath[] = ['依规回收', '倒逼退出', '引导退还', '规范转让'];

/** How industries are grouped for the 同行业 median: GB/T 4754-2017 大类 (2 digits) or 小类 (4 digits). */
export const INDUSTRY_GROUPINGS = ['division', 'class'] as const;
export type IndustryGrouping = (typeof INDUSTRY_GROUPINGS)[number];

export interface ClassRule {
  definition: string;
  source: string;
}

export interface FarMinimum {
  default: number;
  /** By GB/T 4754-2017 division (2 digits). */
  byDivision: Readonly<Record<string, number>>;
}

export interface LandRules {
  id: string;
  version: number;
  name: string;
  idle: {
    feeAfterFullYears: Threshold<number>;
    feeShareOfLandPrice: Threshold<number>;
    recoverAfterFullYears: Threshold<number>;
    assumedStartAfterSupplyFullYears: Threshold<number | null>;
    haltedDevelopedShareBelow: Threshold<Fraction>;
    haltedInvestedShareBelow: Threshold<Fraction>;
    haltedFullYears: Threshold<number>;
  };
  classes: {
    approvedNotSupplied: ClassRule & { minFullYearsSinceApproval: Threshold<number> };
    suppliedNotUsed: ClassRule;
    usedNotFully: ClassRule & { minUndevelopedShare: Threshold<number>; minUndevelopedAreaMu: Threshold<number> };
    builtNotProducing: ClassRule & { minFullYearsSinceCompletion: Threshold<number> };
    producingBelowTarget: ClassRule;
  };
  lowEfficiency: {
    taxPerMuBelowWan: Threshold<number | null>;
    taxPerMuBelowIndustryMedianShare: Threshold<number | null>;
    industryGrouping: Threshold<IndustryGrouping>;
    minParcelsForIndustryMedian: Threshold<number>;
    farMinimum: Threshold<FarMinimum | null>;
    vacantFloorShareAtLeast: Threshold<number | null>;
    vacantFloorAreaAtLeastM2: Threshold<number | null>;
  };
  standardLand: ClassRule & { targetAfterSupplyFullYears: Threshold<number | null> };
  exit: {
    forcedExitConsecutiveDYears: Threshold<number>;
    guidedReturnMinLowEfficiencyTests: Threshold<number>;
    transferWillingTags: Threshold<string[]>;
    exemptTags: Threshold<string[]>;
    exemptionAppliesTo: Threshold<ExitPath[]>;
  };
  /** Carried for the consolidation (连片开发) query, which runs in SQL (server/land/consolidate.ts). */
  consolidation: {
    maxGapM: Threshold<number>;
    minCombinedAreaMu: Threshold<number>;
    /** Flags that make a parcel a consolidation candidate. */
    candidateFlags: Threshold<FlagCode[]>;
    /** Evaluation grades (the parcel's, in the year's latest run) that make it a candidate. */
    candidateGrades: Threshold<Grade[]>;
    /** 标准地 benchmark the re-developed site is expected to reach, 万元/亩. */
    targetTaxPerMuWan: Threshold<number>;
  };
}

export interface RuleError {
  /** Dotted path into the document, arrays as `[i]`, e.g. `exit.exemptTags.value[1]`. */
  path: string;
  message: string;
}

export type LandRulesResult = { ok: true; rules: LandRules } | { ok: false; errors: RuleError[] };

/** `id@version`, as cited in flags. */
export function rulesRef(rules: LandRules): string {
  return `${rules.id}@${rules.version}`;
}

/** The `source` of the threshold or class rule at a dotted path, e.g. `idle.feeAfterFullYears`. */
export function sourceAt(rules: LandRules, path: string): string {
  let node: unknown = rules;
  for (const key of path.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  const source = typeof node === 'object' && node !== null ? (node as { source?: unknown }).source : undefined;
  if (typeof source !== 'string') throw new Error(`规则文档中没有 ${path} 的依据`);
  return source;
}
