/**
 * The view the planner has set up — camera, run, compare, filters, colour mode, choropleth, open
 * list, overlays, 3D — as one value, made from the address bar and written back to it.
 */
import type { AggregateLevel, RegionFigureKey } from '../api/evaluation-types.ts';
import { EMPTY_CANDIDATE_FILTER, type CandidateFilter } from '../features/candidates/candidate-view.ts';
import type { Filters } from '../lib/filters.ts';
import type { Overlay } from '../map/land-layers.ts';
import type { MapCamera } from '../map/MapView.tsx';
import type { ColorMode } from '../map/parcel-layers.ts';
import type { PanelTab, UrlState } from './url-state.ts';

export interface ViewState {
  camera: MapCamera | null;
  colorMode: ColorMode;
  /** The chosen run; null = the latest. */
  run: number | null;
  compareFrom: number | null;
  filters: Filters;
  regionLevel: AggregateLevel;
  regionFigure: RegionFigureKey;
  tab: PanelTab;
  overlays: Overlay[];
  view3d: boolean;
  panelOpen: boolean;
  /** The candidate list's own filters (not in the address bar). */
  candidates: CandidateFilter;
}

export function initialView(url: UrlState): ViewState {
  return {
    camera: url.center && url.zoom !== null ? { center: url.center, zoom: url.zoom } : null,
    colorMode: url.colorMode,
    run: url.run,
    compareFrom: url.compareFrom,
    filters: { grades: url.grades, group: url.group, region: url.region, industry: url.industry, tax: url.tax, statuses: url.statuses, q: null },
    regionLevel: url.regionLevel,
    regionFigure: url.regionFigure,
    tab: url.tab,
    overlays: url.overlays,
    view3d: url.view3d,
    panelOpen: true,
    candidates: EMPTY_CANDIDATE_FILTER,
  };
}

/** What the address bar holds of the view and the selected parcel. */
export function urlOf(view: ViewState, parcel: string | null): UrlState {
  const f = view.filters;
  return {
    center: view.camera?.center ?? null,
    zoom: view.camera?.zoom ?? null,
    colorMode: view.colorMode,
    run: view.run,
    compareFrom: view.compareFrom,
    grades: f.grades,
    group: f.group,
    region: f.region,
    industry: f.industry,
    tax: f.tax,
    statuses: f.statuses,
    regionLevel: view.regionLevel,
    regionFigure: view.regionFigure,
    tab: view.tab,
    overlays: view.overlays,
    parcel,
    view3d: view.view3d,
  };
}

export type ViewPatch = Partial<ViewState> | ((view: ViewState) => Partial<ViewState>);

export function applyViewPatch(view: ViewState, patch: ViewPatch): ViewState {
  return { ...view, ...(typeof patch === 'function' ? patch(view) : patch) };
}
