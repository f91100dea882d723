/**
 * Consolidation alone, from the candidates the last refresh stored (their flags and grades): for
 * the bench, and for a change of the consolidation thresholds only. One transaction.
 */
import type { Database } from '../db/database.ts';
import { storedCandidates } from '../db/queries/land.ts';
import { landRefresh } from '../db/queries/land-rules.ts';
import { consolidationBasis } from '../domain/consolidation/basis.ts';
import type { Grade } from '../domain/land-status/grades.ts';
import type { Flag } from '../domain/land-status/model.ts';
import type { LandRules } from '../domain/land-status/rules.ts';
import { consolidate, type ConsolidationCandidate, type ConsolidationOutcome } from './consolidate.ts';

export async function reconsolidate(db: Database, rules: LandRules): Promise<ConsolidationOutcome | null> {
  const last = await landRefresh(db);
  if (last?.latest_year === null || last?.latest_year === undefined) return null;
  const year = last.latest_year;
  const rows = await storedCandidates(db, year);
  const candidates = rows.flatMap((r): ConsolidationCandidate[] => {
    const basis = consolidationBasis({ flags: r.flags as Flag[] }, r.grade as Grade | null, rules);
    return basis ? [{ parcelId: r.parcel_id, basis }] : [];
  });
  return db.transaction((tx) => consolidate(tx, candidates, rules, year));
}
