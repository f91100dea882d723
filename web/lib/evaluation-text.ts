/** Words and numbers of an evaluation result, shared by the panels that show results. */
import type { EvaluationGroup, MissingRule } from '../api/evaluation-types.ts';
import { MISSING, formatNumber } from './format.ts';

export const GROUP_LABEL: Record<EvaluationGroup, string> = { above: '规上', below: '规下' };

/** '第 7/446 名', or '—' when the unit is not ranked (T, or a tenant sharing a merged result). */
export function rankText(rank: number | null, rankOf: number | null): string {
  return rank === null || rankOf === null ? MISSING : `第 ${rank}/${rankOf} 名`;
}

/** A total score with 2 decimals and its unit, e.g. '92.75 分'. */
export function totalText(total: number | null): string {
  return total === null ? MISSING : `${formatNumber(total, 2)} 分`;
}

export const MISSING_RULE_LABEL: Record<MissingRule, string> = {
  zero: '缺数计 0 分',
  averageScore: '缺数按同组平均得分计',
  reweight: '缺数不计，权重分摊到其他指标',
};

/** 'parcel:<code>' → the parcel code; an enterprise unit → null. */
export function mergedParcelCode(unitId: string): string | null {
  return unitId.startsWith('parcel:') ? unitId.slice('parcel:'.length) : null;
}
