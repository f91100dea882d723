/** Exit candidates as the API shows them. */
import type { ExitRow } from '../db/queries/exit-candidates.ts';
import type { ExitCandidate, KeptOff } from '../domain/land-status/exit.ts';

export interface ExitView extends ExitCandidate {
  id: number;
  year: number;
  /** `parcel` (a parcel's path) or `enterprise` (倒逼退出 of an enterprise and its land). */
  subjectKind: 'parcel' | 'enterprise';
  keptOff: boolean;
  /** Why it is listed apart (exempt or protected); empty for a candidate. */
  keptOffBecause: string[];
  regionCodes: string[];
}

export function exitView(row: ExitRow): ExitView {
  const d = row.detail as ExitCandidate & Partial<Pick<KeptOff, 'keptOffBecause'>>;
  return {
    id: row.id,
    year: row.year,
    path: d.path,
    subject: d.subject,
    subjectKind: d.subject.startsWith('enterprise:') ? 'enterprise' : 'parcel',
    unitCodes: d.unitCodes,
    enterprises: d.enterprises,
    reasons: d.reasons,
    flags: d.flags,
    affectedAreaMu: d.affectedAreaMu,
    landReleasedMu: d.landReleasedMu,
    notes: d.notes,
    keptOff: row.kept_off,
    keptOffBecause: d.keptOffBecause ?? [],
    regionCodes: row.region_codes,
  };
}
