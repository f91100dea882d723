/**
 * The evaluation data the app shows beside the map: the runs, the region aggregates of the chosen
 * run and level, and parcel grade changes between two runs (for the chosen run's colours and for
 * year compare). Each hook cancels what it no longer needs.
 */
import { useEffect, useState } from 'react';
import { getEvaluationRuns, getRegionAggregates } from '../api/client.ts';
import type { AggregateLevel, EvaluationRun, RegionAggregates } from '../api/evaluation-types.ts';
import { getRunParcelChanges, type RunParcelChanges } from './run-changes.ts';

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export interface Runs {
  /** Newest first. */
  runs: EvaluationRun[];
  loading: boolean;
  error: string | null;
}

export function useRuns(attempt: number): Runs {
  const [state, setState] = useState<Runs>({ runs: [], loading: true, error: null });
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    getEvaluationRuns(controller.signal).then(
      (r) => setState({ runs: r.runs, loading: false, error: null }),
      (err: unknown) => {
        if (!controller.signal.aborted) setState({ runs: [], loading: false, error: errorText(err) });
      },
    );
    return () => controller.abort();
  }, [attempt]);
  return state;
}

export interface Aggregates {
  data: RegionAggregates | null;
  loading: boolean;
  error: string | null;
}

/** Aggregates of `runId` at `level`, while `wanted`; kept once loaded, so switching back is instant. */
export function useRegionAggregates(runId: number | null, level: AggregateLevel, wanted: boolean): Aggregates {
  const [cache, setCache] = useState<Record<string, RegionAggregates>>({});
  const [status, setStatus] = useState<{ key: string; error: string | null } | null>(null);
  const key = `${runId}/${level}`;
  const have = cache[key];
  useEffect(() => {
    if (!wanted || runId === null || have) return;
    const controller = new AbortController();
    setStatus({ key, error: null });
    getRegionAggregates(runId, level, controller.signal).then(
      (data) => setCache((c) => ({ ...c, [key]: data })),
      (err: unknown) => {
        if (!controller.signal.aborted) setStatus({ key, error: errorText(err) });
      },
    );
    return () => controller.abort();
  }, [wanted, runId, level, key, have]);
  const error = status?.key === key ? status.error : null;
  return { data: have ?? null, loading: wanted && !have && !error, error };
}

export type ChangesState =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; result: RunParcelChanges };

/** Parcel changes from one run to another; 'off' when either is null or they are the same run. */
export function useRunChanges(fromRunId: number | null, toRunId: number | null): ChangesState {
  const [state, setState] = useState<ChangesState & { key?: string }>({ status: 'off' });
  const key = fromRunId !== null && toRunId !== null && fromRunId !== toRunId ? `${fromRunId}→${toRunId}` : null;
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState({ status: 'loading', key });
    getRunParcelChanges(fromRunId!, toRunId!).then(
      (result) => live && setState({ status: 'ready', result, key }),
      (err: unknown) => live && setState({ status: 'error', message: errorText(err), key }),
    );
    return () => {
      live = false;
    };
  }, [key, fromRunId, toRunId]);
  if (key === null) return { status: 'off' };
  return state.key === key ? state : { status: 'loading' };
}
