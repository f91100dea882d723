/**
 * What the map and the lists show, derived from the view: the chosen run and its grades (through
 * overrides where it is not the tiles' run), year compare, the region choropleth, the map filter
 * and the land overlays, gathered into the map theme.
 */
import { useMemo } from 'react';
import type { EvaluationRun } from '../api/evaluation-types.ts';
import { toParcelFilter } from '../lib/filters.ts';
import { clusterCodesOf } from '../lib/regions.ts';
import { buildChoropleth } from '../map/choropleth.ts';
import type { GradeOverrides } from '../map/grade-overrides.ts';
import type { LandTheme } from '../map/land-layers.ts';
import { FLAGS_ATTRIBUTE } from '../map/land-status.ts';
import type { MapTheme } from '../map/theme.ts';
import type { LoadedMap } from './load-map-data.ts';
import { useExitParcels, useFootprints } from './use-land-data.ts';
import { useRegionAggregates, useRunChanges } from './use-run-data.ts';
import type { ViewState } from './view-state.ts';

export function useMapTheme(view: ViewState, ready: LoadedMap | null, runs: readonly EvaluationRun[], landAvailable: boolean) {
  const tileRunId = ready?.meta.latestRunId ?? null;
  const runId = view.run ?? runs[0]?.id ?? tileRunId;
  const run = runs.find((r) => r.id === runId) ?? null;

  const overridesState = useRunChanges(tileRunId, runId);
  const gradeOverrides = useMemo<GradeOverrides | null>(
    () => (overridesState.status === 'ready' ? new Map(overridesState.result.parcels.map((c) => [c.code, c.to])) : null),
    [overridesState],
  );
  const compareState = useRunChanges(view.compareFrom, runId);
  const changes = compareState.status === 'ready' ? compareState.result.parcels : null;

  const aggregates = useRegionAggregates(runId, view.regionLevel, view.colorMode === 'region' || (view.panelOpen && view.tab === 'regions'));
  const choropleth = useMemo(
    () => (aggregates.data ? buildChoropleth(aggregates.data.regions, view.regionLevel, view.regionFigure, aggregates.data.year) : null),
    [aggregates.data, view.regionLevel, view.regionFigure],
  );

  const regions = ready?.data.regions ?? null;
  const parcelFilter = useMemo(
    () => toParcelFilter(view.filters, regions ? clusterCodesOf(regions, view.filters.region) : null),
    [view.filters, regions],
  );

  const statusAvailable = !!ready?.data.parcelTiles.vector_layers.some((l) => FLAGS_ATTRIBUTE in l.fields);
  const exit = useExitParcels(landAvailable && view.overlays.includes('exit'), view.candidates, view.filters.region);
  // Waits for the map, which says what CRS to draw the footprints in.
  const footprints = useFootprints(
    ready !== null && landAvailable && view.overlays.includes('consolidation'),
    view.candidates,
    view.filters.region,
    ready?.displayCrs ?? 'wgs84',
  );
  const land = useMemo<LandTheme>(
    () => ({ overlays: landAvailable ? view.overlays : [], statusAvailable, exitParcels: exit.parcels }),
    [landAvailable, view.overlays, statusAvailable, exit.parcels],
  );

  const theme = useMemo<MapTheme>(
    () => ({
      colorMode: view.colorMode,
      filter: parcelFilter,
      gradeOverrides,
      changes: view.compareFrom !== null ? (changes ?? []) : null,
      choropleth,
      land,
    }),
    [view.colorMode, parcelFilter, gradeOverrides, view.compareFrom, changes, choropleth, land],
  );

  return {
    theme,
    runId,
    run,
    /** Recolouring for a run other than the tiles' is under way. */
    recolouring: overridesState.status === 'loading',
    compareState,
    changes,
    aggregates,
    choropleth,
    statusAvailable,
    exit: { truncated: exit.truncated, loading: exit.loading, error: exit.error, retry: exit.retry },
    footprints: footprints.data,
    footprintsFetch: { loading: footprints.loading, error: footprints.error, retry: footprints.retry },
  };
}
