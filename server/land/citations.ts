/**
 * What a parcel_status row keeps of the domain's ParcelStatus: the parts that change from year to
 * year (measures, flags, 标准地 review, notes). The parcel's own record (dates, occupants, area) is
 * read from the ledger, and each flag's citation is stored without its source texts (a few hundred
 * characters, the same for every parcel): they are put back from the rules document on reading.
 */
import type { Flag, ParcelStatus } from '../domain/land-status/model.ts';
import { sourceAt, type LandRules } from '../domain/land-status/rules.ts';

export type StoredFlag = Omit<Flag, 'rule'> & { rule: Omit<Flag['rule'], 'sources'> };

export interface StoredYearStatus {
  measures: ParcelStatus['measures'];
  flags: StoredFlag[];
  standardLand: ParcelStatus['standardLand'];
  notes: string[];
}

export function toStored(status: ParcelStatus): StoredYearStatus {
  return {
    measures: status.measures,
    flags: status.flags.map((f) => ({ ...f, rule: { rules: f.rule.rules, paths: f.rule.paths, threshold: f.rule.threshold } })),
    standardLand: status.standardLand,
    notes: status.notes,
  };
}

/** The flags with their citations' sources, read from `rules` (none when the document is not there). */
export function withSources(flags: readonly StoredFlag[], rules: LandRules | null): Flag[] {
  const sources = (paths: string[]) => {
    if (!rules) return [];
    const found = paths.flatMap((p) => {
      try {
        return [sourceAt(rules, p)];
      } catch {
        return [];
      }
    });
    return [...new Set(found)];
  };
  return flags.map((f) => ({ ...f, rule: { ...f.rule, sources: sources(f.rule.paths) } }));
}
