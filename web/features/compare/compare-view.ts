/** Pure shaping of a run diff for the compare list: which changes to show, in what order, with what words. */
import type { Grade, GradeChange } from '../../api/evaluation-types.ts';
import { mergedParcelCode } from '../../lib/evaluation-text.ts';
import { changeClassOf, type ChangeClassId } from '../../map/compare.ts';

export type DirectionFilter = 'all' | Exclude<ChangeClassId, 'same'>;

export const DIRECTION_TABS: readonly { id: DirectionFilter; label: string }[] = [
  { id: 'all', label: '全部' },
  { id: 'up', label: '上升' },
  { id: 'down', label: '下降' },
  { id: 'other', label: '其他' },
];

export const DIRECTION_LABEL: Record<GradeChange['direction'], string> = {
  up: '等级上升',
  down: '等级下降',
  new: '新纳入评价',
  gone: '不再纳入评价',
  toT: '转为不定等级',
  fromT: '由不定等级转入',
};

const RANK: Record<Grade, number> = { A: 4, B: 3, C: 2, D: 1, T: 0 };

/** Grade steps moved, signed (up positive); 0 for changes that are not up or down. */
export function steps(c: GradeChange): number {
  if ((c.direction !== 'up' && c.direction !== 'down') || !c.from || !c.to) return 0;
  return RANK[c.to] - RANK[c.from];
}

export interface ChangeQuery {
  direction: DirectionFilter;
  /** Keep changes from or to one of these grades; empty keeps all. */
  grades: readonly Grade[];
}

/** Changes matching the query: biggest moves first, then by name. */
export function changeRows(changes: readonly GradeChange[], query: ChangeQuery): GradeChange[] {
  return changes
    .filter((c) => query.direction === 'all' || changeClassOf(c.direction) === query.direction)
    .filter((c) => query.grades.length === 0 || query.grades.some((g) => g === c.from || g === c.to))
    .sort((a, b) => Math.abs(steps(b)) - Math.abs(steps(a)) || a.name.localeCompare(b.name, 'zh-CN') || a.unitId.localeCompare(b.unitId));
}

/** Counts per list tab. */
export function directionCounts(changes: readonly GradeChange[]): Record<DirectionFilter, number> {
  const out: Record<DirectionFilter, number> = { all: changes.length, up: 0, down: 0, other: 0 };
  for (const c of changes) out[changeClassOf(c.direction)]++;
  return out;
}

/** The default run to compare with: the latest run of an earlier year, else any other run. */
export function defaultCompareRun<R extends { id: number; year: number }>(runs: readonly R[], toRunId: number | null): number | null {
  const to = runs.find((r) => r.id === toRunId);
  if (!to) return null;
  const earlier = runs.filter((r) => r.year < to.year).sort((a, b) => b.year - a.year || b.id - a.id)[0];
  return (earlier ?? runs.find((r) => r.id !== to.id))?.id ?? null;
}

/** 'parcel:<code>' units are parcels; others are enterprises. */
export function isParcelUnit(unitId: string): boolean {
  return mergedParcelCode(unitId) !== null;
}
