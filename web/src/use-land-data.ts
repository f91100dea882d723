/**
 * Land status and candidates for the map: whether the server has them at all, the parcels on exit
 * paths (every page of the list, filtered like it), and the consolidation footprints.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { useEffect, useState } from 'react';
import { ApiError, getConsolidationFootprints, getExitCandidates, getLandRules } from '../api/client.ts';
import type { FootprintProperties, LandRulesSummary } from '../api/land-types.ts';
import { candidateQuery, type CandidateFilter } from '../features/candidates/candidate-view.ts';
import type { ExitParcel } from '../map/land-layers.ts';

export type Footprints = FeatureCollection<Polygon | MultiPolygon, FootprintProperties>;

/** The last land-status refresh; null while loading or when the server has no land status. */
export function useLandRules(attempt: number): { rules: LandRulesSummary | null; available: boolean } {
  const [state, setState] = useState<{ rules: LandRulesSummary | null; available: boolean }>({ rules: null, available: false });
  useEffect(() => {
    const controller = new AbortController();
    getLandRules(controller.signal).then(
      (rules) => setState({ rules, available: rules.lastRefresh !== null }),
      (err: unknown) => {
        if (!controller.signal.aborted && !(err instanceof ApiError && err.status === 404)) console.warn('land rules:', err);
      },
    );
    return () => controller.abort();
  }, [attempt]);
  return state;
}

const PAGE = 500;
/** One value for "none yet", so the map theme stays the same object while loading. */
const NO_EXIT: { parcels: ExitParcel[]; truncated: boolean } = Object.freeze({ parcels: [], truncated: false }) as never;
/** Enough for any district we have seen; past it the layer says so rather than fetch on. */
const MAX_EXIT = 20_000;

/** Parcels of the exit candidates matching the list's filter (not those kept off), while `wanted`. */
export function useExitParcels(
  wanted: boolean,
  filter: CandidateFilter,
  region: string | null,
): { parcels: ExitParcel[]; truncated: boolean; loading: boolean } {
  const [state, setState] = useState<{ key: string; parcels: ExitParcel[]; truncated: boolean } | null>(null);
  const key = JSON.stringify([filter.paths, filter.minMu, filter.maxMu, region]);
  useEffect(() => {
    if (!wanted || state?.key === key) return;
    const controller = new AbortController();
    (async () => {
      const parcels: ExitParcel[] = [];
      let total = Infinity;
      for (let page = 1; (page - 1) * PAGE < Math.min(total, MAX_EXIT); page++) {
        const r = await getExitCandidates(candidateQuery({ ...filter, kind: 'exit' }, region, page, PAGE), controller.signal);
        total = r.total;
        for (const c of r.candidates) for (const code of c.unitCodes) parcels.push({ code, path: c.path });
      }
      setState({ key, parcels, truncated: total > MAX_EXIT });
    })().catch((err: unknown) => {
      if (!controller.signal.aborted) console.warn('exit candidates:', err);
    });
    return () => controller.abort();
    // `filter` and `region` are captured through `key`.
  }, [wanted, key, state?.key]);
  if (state?.key === key) return { parcels: state.parcels, truncated: state.truncated, loading: false };
  return { ...NO_EXIT, loading: wanted };
}

/** Consolidation footprints matching the list's region and size, while `wanted`. */
export function useFootprints(wanted: boolean, filter: CandidateFilter, region: string | null): { data: Footprints | null; loading: boolean } {
  const [state, setState] = useState<{ key: string; data: Footprints } | null>(null);
  const key = JSON.stringify([filter.minMu, filter.maxMu, region]);
  useEffect(() => {
    if (!wanted || state?.key === key) return;
    const controller = new AbortController();
    getConsolidationFootprints({ region, minMu: filter.minMu, maxMu: filter.maxMu }, controller.signal).then(
      (data) => setState({ key, data }),
      (err: unknown) => !controller.signal.aborted && console.warn('footprints:', err),
    );
    return () => controller.abort();
  }, [wanted, key, state?.key]);
  return state?.key === key ? { data: state.data, loading: false } : { data: null, loading: wanted };
}
