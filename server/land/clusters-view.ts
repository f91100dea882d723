/** Consolidation clusters as the API shows them: stored totals and footprint, owners and reasons from the members. */
import type { Queryable } from '../db/database.ts';
import { memberFacts, type ClusterRow } from '../db/queries/consolidation.ts';
import { summariseCluster, type Cluster } from '../domain/consolidation/clusters.ts';
import type { LandRules } from '../domain/land-status/rules.ts';
import { m2ToMu, round } from '../domain/units.ts';

export interface ClusterView extends Cluster {
  id: number;
  year: number | null;
  footprintAreaMu: number;
  /** [w, s, e, n] of the footprint, degrees. */
  bbox: [number, number, number, number];
}

export async function clusterViews(db: Queryable, rows: readonly ClusterRow[], rules: LandRules): Promise<ClusterView[]> {
  if (rows.length === 0) return [];
  const facts = await memberFacts(db, rows.map((r) => r.id));
  const byCluster = new Map<number, typeof facts>();
  for (const f of facts) byCluster.set(f.cluster_id, [...(byCluster.get(f.cluster_id) ?? []), f]);
  return rows.map((row) => {
    const members = (byCluster.get(row.id) ?? []).map((f) => ({
      unitCode: f.unit_code,
      areaM2: f.area_m2,
      taxWan: f.tax_wan,
      basis: f.basis,
      regionCodes: f.region_codes,
      holder: f.holder_uscc ? { uscc: f.holder_uscc, name: f.holder_name, tags: f.holder_tags ?? [] } : null,
      occupants: f.occupants,
    }));
    return { id: row.id, year: row.year, ...summariseCluster(members, rules), footprintAreaMu: round(m2ToMu(row.footprint_area_m2)) ?? 0, bbox: row.bbox };
  });
}
