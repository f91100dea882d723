/**
 * From units to parcels: which parcels show a unit's grade, and so which parcels change colour when
 * units change grade between two runs. The server assigns a parcel the grade of its merged
 * multi-tenant unit if it has one, else of its main occupant (the owner first, then the largest
 * user). Without that table on the client, a merged unit maps to its own parcel, and an enterprise
 * to the parcels it holds as owner, or, owning none, the largest parcel it uses. A parcel reached
 * by a merged unit keeps that unit's change.
 */
import type { Grade, GradeChange } from '../api/evaluation-types.ts';
import type { EnterpriseParcel } from '../api/types.ts';
import { mergedParcelCode } from './evaluation-text.ts';

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

/** The parcels an enterprise's grade is drawn on. */
export function enterpriseParcelCodes(parcels: readonly EnterpriseParcel[]): string[] {
  const owned = parcels.filter((p) => p.role === 'owner').map((p) => p.code);
  if (owned.length > 0) return [...new Set(owned)].sort();
  const largest = [...parcels].sort((a, b) => b.areaUsedM2 - a.areaUsedM2 || a.code.localeCompare(b.code))[0];
  return largest ? [largest.code] : [];
}

/** Units that need an enterprise lookup to be placed (merged units carry their parcel code). */
export function enterpriseUnits(changes: readonly GradeChange[]): string[] {
  return [...new Set(changes.filter((c) => mergedParcelCode(c.unitId) === null).map((c) => c.unitId))].sort();
}

/**
 * The parcel changes of unit changes. `parcelsOf` gives an enterprise unit's parcel codes (absent:
 * it could not be looked up, and is left out). Merged units first, so their parcels keep their change.
 */
export function parcelChanges(changes: readonly GradeChange[], parcelsOf: ReadonlyMap<string, readonly string[]>): ParcelChange[] {
  const out = new Map<string, ParcelChange>();
  const merged = changes.filter((c) => mergedParcelCode(c.unitId) !== null);
  const enterprises = changes.filter((c) => mergedParcelCode(c.unitId) === null);
  for (const c of [...merged, ...enterprises]) {
    const codes = mergedParcelCode(c.unitId) !== null ? [mergedParcelCode(c.unitId)!] : (parcelsOf.get(c.unitId) ?? []);
    for (const code of codes) {
      if (out.has(code)) continue;
      out.set(code, { code, unitId: c.unitId, name: c.name, from: c.from, to: c.to, direction: c.direction, reasons: c.reasons });
    }
  }
  return [...out.values()].sort((a, b) => a.code.localeCompare(b.code));
}
