/**
 * Which parcels may go into a consolidation (连片开发) cluster, and why: those carrying one of the
 * rules' `consolidation.candidateFlags` in the year's land status, or shown with one of
 * `consolidation.candidateGrades` in the year's latest evaluation run.
 */
import type { Grade } from '../land-status/grades.ts';
import type { FlagCode, ParcelStatus } from '../land-status/model.ts';
import type { LandRules } from '../land-status/rules.ts';

export interface CandidateBasis {
  /** Flag codes in the order the status lists them, then `grade:D` and the like. */
  codes: string[];
  /** The same, in the planner's words. */
  reasons: string[];
}

const GRADE_LABEL: Record<Grade, string> = { A: '优先发展', B: '鼓励提升', C: '调控帮扶', D: '倒逼整治', T: '不定等级' };

/** The heading a basis code is counted under in a cluster's summary. */
const CATEGORY: Record<FlagCode, string> = {
  idle: '闲置土地',
  idle_halted: '闲置土地',
  approved_not_supplied: '批而未供',
  supplied_not_used: '供而未用',
  used_not_fully: '用而未尽',
  built_not_producing: '建而未投',
  producing_below_target: '投而未达标',
  standard_land_failed: '标准地未履约',
  low_tax_per_mu: '低效用地',
  low_tax_vs_industry: '低效用地',
  low_far: '低效用地',
  vacant_floor_share: '低效用地',
  vacant_floor_area: '低效用地',
};

export function basisCategory(code: string): string {
  if (code.startsWith('grade:')) return `${code.slice('grade:'.length)} 类企业用地`;
  return CATEGORY[code as FlagCode] ?? code;
}

/** Why the parcel is a candidate, or null when it is not one. */
export function consolidationBasis(status: Pick<ParcelStatus, 'flags'>, grade: Grade | null, rules: LandRules): CandidateBasis | null {
  const flagCodes = new Set<string>(rules.consolidation.candidateFlags.value);
  const codes: string[] = [];
  const reasons: string[] = [];
  for (const flag of status.flags) {
    if (!flagCodes.has(flag.code) || codes.includes(flag.code)) continue;
    codes.push(flag.code);
    reasons.push(flag.label);
  }
  if (grade !== null && rules.consolidation.candidateGrades.value.includes(grade)) {
    codes.push(`grade:${grade}`);
    reasons.push(`综合评价 ${grade} 类（${GRADE_LABEL[grade]}）`);
  }
  return codes.length > 0 ? { codes, reasons } : null;
}
