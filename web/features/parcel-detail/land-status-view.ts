/** Pure shaping of a parcel's land status for the detail panel: the latest year, the history strip, words. */
import type { ParcelStatusResponse, StatusFlag, YearStatus } from '../../api/land-types.ts';
import { statusClassesOf, statusClass, type StatusClassId } from '../../map/land-status.ts';

export interface HistoryRow {
  year: number;
  stageLabel: string;
  grade: string | null;
  /** The map's status classes of the year's flags. */
  classes: StatusClassId[];
  /** Flag labels, e.g. 闲置土地（未动工满 1 年）、供而未用. */
  labels: string[];
}

/** Oldest first, one row a year. */
export function statusHistory(status: ParcelStatusResponse): HistoryRow[] {
  return status.years.map((y) => ({
    year: y.year,
    stageLabel: y.stageLabel,
    grade: y.grade,
    classes: statusClassesOf(y.flags.map((f) => f.code).join(',')),
    labels: y.flags.map((f) => f.label),
  }));
}

export function latestYear(status: ParcelStatusResponse): YearStatus | null {
  return status.years.at(-1) ?? null;
}

/** Flags ordered as the map's classes read: idle first, then supply classes, then low efficiency. */
export function orderedFlags(flags: readonly StatusFlag[]): StatusFlag[] {
  const rank = (f: StatusFlag) => {
    const cls = statusClassesOf(f.code)[0];
    return cls === 'idle' ? 0 : cls === 'supply' ? 1 : cls === 'low' ? 2 : 3;
  };
  return [...flags].sort((a, b) => rank(a) - rank(b));
}

export function classLabel(id: StatusClassId): string {
  return statusClass(id).label;
}

/** '在册 3 年，其中 2 年有认定' style summary; null when there is no history. */
export function historySummary(rows: readonly HistoryRow[]): string | null {
  if (rows.length === 0) return null;
  const flagged = rows.filter((r) => r.labels.length > 0).length;
  return flagged === 0 ? `${rows.length} 个年度均无认定` : `${rows.length} 个年度中 ${flagged} 个有认定`;
}
