/** Which units are compared with each other: the whole group, one 4-digit industry, or one region. */
import { flat } from './format.ts';
import type { Pool } from './method.ts';
import { REGION_LEVEL_LABELS, type RegionLevel, type RegionRef } from './types.ts';

interface Placed {
  industryCode: string;
  regions: readonly RegionRef[];
}

/** 4-digit GB/T 4754 class without the section letter: 'C3670' → '3670'. */
export function industry4(code: string): string {
  return code.replace(/^[A-Za-z]/, '').slice(0, 4);
}

const NONE = '（无）';

function regionAt(unit: Placed, level: RegionLevel): RegionRef | undefined {
  for (const r of unit.regions) if (r.level === level) return r;
  return undefined;
}

export function poolKey(unit: Placed, within: Pool): string {
  if (within === 'all') return '全部';
  if (within === 'industry') return industry4(unit.industryCode);
  return regionAt(unit, within)?.code ?? NONE;
}

/** For reasons: '全组', '行业 3670', or the region's name ('示范区'). */
export function poolLabel(unit: Placed, within: Pool): string {
  if (within === 'all') return '全组';
  if (within === 'industry') return flat('行业 ', industry4(unit.industryCode));
  return regionAt(unit, within)?.name ?? flat(NONE, REGION_LEVEL_LABELS[within]);
}

/** The pools of a list of units, numbered in order of first appearance, so hot loops index arrays instead of maps. */
export interface PoolIndex {
  /** Pool number of each unit. */
  of: Int32Array;
  /** Key of each pool number (`poolKey`). */
  keys: string[];
  /** The first unit of each pool number, whose `poolLabel` names the pool in a benchmark's basis. */
  first: number[];
}

export function indexPools(units: readonly Placed[], within: Pool): PoolIndex {
  const of = new Int32Array(units.length);
  const keys: string[] = [];
  const first: number[] = [];
  const numbers = new Map<string, number>();
  for (let i = 0; i < units.length; i++) {
    const key = poolKey(units[i]!, within);
    let n = numbers.get(key);
    if (n === undefined) {
      n = keys.length;
      numbers.set(key, n);
      keys.push(key);
      first.push(i);
    }
    of[i] = n;
  }
  return { of, keys, first };
}
