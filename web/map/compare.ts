/**
 * Year compare (年度对比): parcels coloured by how their grade moved between two runs — up, down,
 * or another change (newly evaluated, into or out of 不定等级, no longer evaluated) — and the rest in
 * a quiet neutral, so the changes stand out on their own. Up is blue and down orange, as the good and
 * bad ends of the grade palette; `compare.test.ts` keeps the four apart under colour-vision
 * deficiencies.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { GradeChange } from '../api/evaluation-types.ts';
import type { ParcelChange } from '../lib/parcel-changes.ts';

export type ChangeClassId = 'up' | 'down' | 'other' | 'same';

export interface ChangeClass {
  id: ChangeClassId;
  label: string;
  color: string;
}

export const CHANGE_CLASSES: readonly ChangeClass[] = Object.freeze([
  { id: 'up', label: '等级上升', color: '#2166ac' },
  { id: 'down', label: '等级下降', color: '#c2410c' },
  { id: 'other', label: '新纳入 / 不定等级变化', color: '#8f8a80' },
  { id: 'same', label: '未变化', color: '#ddd8cf' },
] satisfies ChangeClass[]);

const BY_ID = new Map(CHANGE_CLASSES.map((c) => [c.id, c]));

export function changeClass(id: ChangeClassId): ChangeClass {
  return BY_ID.get(id)!;
}

/** The class of a change between two runs. */
export function changeClassOf(direction: GradeChange['direction']): Exclude<ChangeClassId, 'same'> {
  return direction === 'up' || direction === 'down' ? direction : 'other';
}

/** A colour expression over the parcel tiles: the change class of the parcel's code. */
export function changeColorExpression(changes: readonly ParcelChange[]): ExpressionSpecification {
  const byClass = new Map<ChangeClassId, Set<string>>();
  for (const c of changes) {
    const id = changeClassOf(c.direction);
    const codes = byClass.get(id) ?? new Set<string>();
    codes.add(c.code);
    byClass.set(id, codes);
  }
  const seen = new Set<string>();
  const branches: (string | string[])[] = [];
  for (const cls of CHANGE_CLASSES) {
    // A code once only: a match label may not repeat (first class wins, up before down).
    const codes = [...(byClass.get(cls.id) ?? [])].filter((c) => !seen.has(c)).sort();
    codes.forEach((c) => seen.add(c));
    if (codes.length) branches.push(codes, cls.color);
  }
  if (branches.length === 0) return ['to-color', changeClass('same').color];
  return ['match', ['coalesce', ['get', 'code'], ''], ...branches, changeClass('same').color] as unknown as ExpressionSpecification;
}

/** Counts per class, for the legend (parcels, not units). */
export function changeCounts(changes: readonly ParcelChange[]): Record<Exclude<ChangeClassId, 'same'>, number> {
  const counts = { up: 0, down: 0, other: 0 };
  const seen = new Set<string>();
  for (const c of changes) {
    if (seen.has(c.code)) continue;
    seen.add(c.code);
    counts[changeClassOf(c.direction)]++;
  }
  return counts;
}
