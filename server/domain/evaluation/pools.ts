/** Which units are compared with each other: the whole group, one 4-digit industry, or one region. */
import type { Pool } from './method.ts';
import { REGION_LEVEL_LABELS, type RegionRef } from './types.ts';

interface Placed {
  industryCode: string;
  regions: readonly RegionRef[];
}

/** 4-digit GB/T 4754 class without the section letter: 'C3670' → '3670'. */
export function industry4(code: string): string {
  return code.replace(/^[A-Za-z]/, '').slice(0, 4);
}

const NONE = '（无）';

export function poolKey(unit: Placed, within: Pool): string {
  if (within === 'all') return '全部';
  if (within === 'industry') return industry4(unit.industryCode);
  return unit.regions.find((r) => r.level === within)?.code ?? NONE;
}

/** For reasons: '全组', '行业 3670', or the region's name ('示范区'). */
export function poolLabel(unit: Placed, within: Pool): string {
  if (within === 'all') return '全组';
  if (within === 'industry') return `行业 ${industry4(unit.industryCode)}`;
  return unit.regions.find((r) => r.level === within)?.name ?? `${NONE}${REGION_LEVEL_LABELS[within]}`;
}
