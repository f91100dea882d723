/** The database's view of a year turned into the engine's input. */
import type { SnapshotRow } from '../db/queries/evaluation.ts';
import type { EnterpriseInput, LedgerSnapshot, MetricValues, RegionLevel } from '../domain/evaluation/types.ts';

export function toSnapshot(year: number, rows: readonly SnapshotRow[]): LedgerSnapshot {
  const enterprises: EnterpriseInput[] = rows.map((r) => ({
    uscc: r.uscc,
    name: r.name,
    industryCode: r.industry_code,
    scale: r.scale,
    tags: r.tags,
    isUtility: r.is_utility,
    productionStartDate: r.production_start_date,
    inMajorConstruction: r.in_major_construction,
    regions: r.regions.map((g) => ({ level: g.level as RegionLevel, code: g.code, name: g.name })),
    parcels: r.parcels,
    metrics: Object.fromEntries(Object.entries(r.metrics ?? {}).map(([y, v]) => [Number(y), v as MetricValues])),
    events: r.events.map((e) => (e.note ? { year: e.year, kind: e.kind, note: e.note } : { year: e.year, kind: e.kind })),
  }));
  return { year, enterprises, asOfDate: `${year}-12-31` };
}
