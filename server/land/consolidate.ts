/**
 * Consolidation candidates (连片开发): links nearby candidate parcels in SQL, groups them with the
 * pure union-find and stores the clusters with their merged footprints and totals. Runs inside the
 * caller's transaction and replaces the previous clusters. Owners and reasons are assembled when a
 * cluster is read (clusters-view.ts), from the same members.
 */
import type { Queryable } from '../db/database.ts';
import { candidatesCentre, clearClusters, computeFootprints, consolidationEdges, insertClusters, stageConsolidation } from '../db/queries/consolidation.ts';
import type { CandidateBasis } from '../domain/consolidation/basis.ts';
import { groupCandidates } from '../domain/consolidation/clusters.ts';
import { utmSrid } from '../domain/consolidation/utm.ts';
import type { LandRules } from '../domain/land-status/rules.ts';
import { M2_PER_MU } from '../domain/units.ts';

/** How far inside a non-candidate's boundary a line must pass to cross it, m (rounding on shared edges). */
export const CROSSING_TOLERANCE_M = 0.05;
/** Gaps up to this are digitising slivers between neighbours, m: no parcel can lie in them. */
export const TOUCHING_M = 1;

export interface ConsolidationCandidate {
  parcelId: number;
  basis: CandidateBasis;
}

export interface ConsolidationOutcome {
  candidates: number;
  links: number;
  clusters: number;
  parcelsInClusters: number;
  /** EPSG code of the UTM zone distances were measured in; null when there was nothing to measure. */
  srid: number | null;
  timingsMs: { stage: number; links: number; group: number; footprints: number; store: number };
}

export async function consolidate(tx: Queryable, candidates: readonly ConsolidationCandidate[], rules: LandRules, year: number | null): Promise<ConsolidationOutcome> {
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - t);
    t = now;
    return ms;
  };
  await clearClusters(tx);
  const ids = candidates.map((c) => c.parcelId);
  const centre = ids.length >= 2 ? await candidatesCentre(tx, ids) : null;
  if (!centre) return { candidates: candidates.length, links: 0, clusters: 0, parcelsInClusters: 0, srid: null, timingsMs: { stage: lap(), links: 0, group: 0, footprints: 0, store: 0 } };
  const srid = utmSrid(centre);
  const c = rules.consolidation;

  const staged = await stageConsolidation(tx, ids, srid);
  const stage = lap();
  const edges = await consolidationEdges(tx, { gapM: c.maxGapM.value, toleranceM: CROSSING_TOLERANCE_M, touchingM: TOUCHING_M });
  const links = lap();
  const groups = groupCandidates(
    staged.map((s) => ({ unitCode: s.unit_code, areaM2: s.area_m2 })),
    edges.map((e) => [e.a, e.b] as const),
    rules,
  );
  const idOf = new Map(staged.map((s) => [s.unit_code, s.id]));
  const basisOf = new Map(candidates.map((x) => [x.parcelId, x.basis.codes]));
  const clusterOf = groups.flatMap((codes, i) => codes.map(() => i + 1));
  const memberIds = groups.flat().map((code) => idOf.get(code)!);
  const group = lap();
  await computeFootprints(tx, { clusters: clusterOf, parcelIds: memberIds, basis: memberIds.map((id) => basisOf.get(id)!.join(',')) }, c.maxGapM.value);
  const footprints = lap();
  await insertClusters(tx, { year, targetTaxPerMuWan: c.targetTaxPerMuWan.value, m2PerMu: M2_PER_MU });
  const store = lap();
  return {
    candidates: candidates.length, links: edges.length, clusters: groups.length, parcelsInClusters: memberIds.length, srid,
    timingsMs: { stage, links, group, footprints, store },
  };
}
