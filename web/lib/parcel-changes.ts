/**
 * From units to parcels: which parcels change colour between two runs, and the unit each follows
 * (its merged multi-tenant unit if it has one, else its main occupant — the server decides, in
 * `evaluation_parcel`), named and explained from the unit diff.
 */
import type { Grade, GradeChange, ParcelGradeChange } from '../api/evaluation-types.ts';

/** One parcel whose grade changed: the unit it follows, its grades and why. */
export interface ParcelChange {
  /** 不动产单元代码 */
  code: string;
  unitId: string;
  name: string;
  from: Grade | null;
  to: Grade | null;
  direction: GradeChange['direction'];
  reasons: string[];
}

/**
 * The server's exact parcel changes, with the name and reasons of the unit each follows from the
 * unit diff. A parcel can change colour without its unit changing grade (a new main occupant): it
 * then shows its unit's code and no reasons.
 */
export function joinParcelChanges(parcels: readonly ParcelGradeChange[], changes: readonly GradeChange[]): ParcelChange[] {
  const byUnit = new Map(changes.map((c) => [c.unitId, c]));
  return parcels
    .map((p) => {
      const unit = byUnit.get(p.unitId);
      return { code: p.code, unitId: p.unitId, name: unit?.name ?? p.unitId, from: p.from, to: p.to, direction: p.direction, reasons: unit?.reasons ?? [] };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}
