/**
 * Land status and candidates for the map: whether the server has them at all, the parcels on exit
 * paths (every page of the list, filtered like it), and the consolidation footprints; each overlay
 * says whether it is loading or why it failed, and can be retried.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, getConsolidationFootprints, getExitCandidates, getLandRules } from '../api/client.ts';
import type { FootprintProperties, LandRulesSummary } from '../api/land-types.ts';
import type { Crs } from '../api/types.ts';
import { candidateQuery, type CandidateFilter } from '../features/candidates/candidate-view.ts';
import type { ExitParcel } from '../map/land-layers.ts';
import { failureText, overlayFetch, withoutFailure, type OverlayFetch, type Settled } from './overlay-fetch.ts';

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

/**
 * Fetches an overlay's data for the view named by `key` while `wanted`, and says where it stands
 * (overlay-fetch.ts); `label` names it in the console when a fetch fails. `load` is called when `key`
 * changes, so whatever it reads must be in `key`.
 */
function useOverlayFetch<T>(
  wanted: boolean,
  key: string,
  label: string,
  load: (signal: AbortSignal) => Promise<T>,
): OverlayFetch<T> & { retry: () => void } {
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  useEffect(() => {
    if (!wanted) {
      setSettled(withoutFailure); // switched on again, it fetches again
      return;
    }
    if (settled?.key === key) return;
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setSettled({ key, data }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        console.warn(`${label}:`, err);
        setSettled({ key, error: failureText(err) });
      },
    );
    return () => controller.abort();
    // `load` is captured through `key`.
  }, [wanted, key, settled?.key]);
  const retry = useCallback(() => setSettled(withoutFailure), []);
  return { ...overlayFetch(wanted, key, settled), retry };
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
): { parcels: ExitParcel[]; truncated: boolean; loading: boolean; error: string | null; retry: () => void } {
  const key = JSON.stringify([filter.paths, filter.minMu, filter.maxMu, region]);
  const { data, ...state } = useOverlayFetch(wanted, key, 'exit candidates', async (signal) => {
    const parcels: ExitParcel[] = [];
    let total = Infinity;
    for (let page = 1; (page - 1) * PAGE < Math.min(total, MAX_EXIT); page++) {
      const r = await getExitCandidates(candidateQuery({ ...filter, kind: 'exit' }, region, page, PAGE), signal);
      total = r.total;
      for (const c of r.candidates) for (const code of c.unitCodes) parcels.push({ code, path: c.path });
    }
    return { parcels, truncated: total > MAX_EXIT };
  });
  return { ...(data ?? NO_EXIT), ...state };
}

/** Consolidation footprints matching the list's region and size, while `wanted`, geometry in `crs`. */
export function useFootprints(
  wanted: boolean,
  filter: CandidateFilter,
  region: string | null,
  crs: Crs,
): { data: Footprints | null; loading: boolean; error: string | null; retry: () => void } {
  const key = JSON.stringify([filter.minMu, filter.maxMu, region, crs]);
  return useOverlayFetch(wanted, key, 'footprints', (signal) =>
    getConsolidationFootprints({ region, minMu: filter.minMu, maxMu: filter.maxMu }, crs, signal));
}
