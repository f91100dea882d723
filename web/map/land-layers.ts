/**
 * Land status and candidates over the parcel colours (issue 4), drawn so both read at once:
 *
 * - 低效用地 (low tax per mu, low floor-area ratio, vacant floors): diagonal hatching over the fill;
 * - 闲置土地 (idle a full year or more): a thick dashed dark outline;
 * - “五未”土地 and 标准地未履约 (supplied but unused, built but not producing, …): a thin dark outline;
 * - exit candidates (土地退出): a thick outline coloured by exit path, on a white casing;
 * - consolidation footprints (连片开发): the merged site, a faint green wash with a dashed edge.
 *
 * Status reads the tiles' flag attribute (comma-joined flag codes) when the server sends one; exit
 * paths and footprints come from the candidate API. Built once, hidden until switched on; what
 * changes is in `landPatches`.
 */
import type { ExpressionSpecification, FilterSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { ExitPath } from '../api/land-types.ts';
import { LOCAL_FONTS, type LabelFonts } from './fonts.ts';
import type { LayerPatch } from './layer-patch.ts';
import { FLAGS_ATTRIBUTE, hasAnyFlag, statusClass, type StatusClassId } from './land-status.ts';
import { PARCEL_MINZOOM, PARCEL_SOURCE, PARCEL_SOURCE_LAYER } from './parcel-layers.ts';

export const FOOTPRINT_SOURCE = 'mujun-footprints';

export const STATUS_HATCH_LAYER = 'mujun-status-low-hatch';
export const STATUS_SUPPLY_LAYER = 'mujun-status-supply-outline';
export const STATUS_IDLE_CASING_LAYER = 'mujun-status-idle-casing';
export const STATUS_IDLE_LAYER = 'mujun-status-idle-outline';
export const EXIT_CASING_LAYER = 'mujun-exit-casing';
export const EXIT_LAYER = 'mujun-exit-outline';
export const FOOTPRINT_FILL_LAYER = 'mujun-footprint-fill';
export const FOOTPRINT_CASING_LAYER = 'mujun-footprint-casing';
export const FOOTPRINT_LINE_LAYER = 'mujun-footprint-line';
export const FOOTPRINT_LABEL_LAYER = 'mujun-footprint-label';

/** Image id of the low-efficiency hatching (added by the map at load). */
export const LOW_EFFICIENCY_PATTERN = 'mujun-hatch-low-efficiency';

/** Overlays a planner can switch on over the parcels. */
export type Overlay = 'status' | 'exit' | 'consolidation';
export const OVERLAYS: readonly Overlay[] = ['status', 'exit', 'consolidation'];

export interface ExitPathClass {
  path: ExitPath;
  color: string;
}

/** Exit paths, in the order the policy lists them, each with its outline colour. */
export const EXIT_PATH_CLASSES: readonly ExitPathClass[] = Object.freeze([
  { path: '依规回收', color: '#b2182b' },
  { path: '倒逼退出', color: '#1a1a1a' },
  { path: '引导退还', color: '#5e3c99' },
  { path: '规范转让', color: '#01665e' },
] satisfies ExitPathClass[]);

export const FOOTPRINT_COLOR = '#1b7837';

/** One parcel on an exit path (a parcel on several paths keeps the first, in policy order). */
export interface ExitParcel {
  code: string;
  path: ExitPath;
}

/** What the land overlays show. */
export interface LandTheme {
  overlays: readonly Overlay[];
  /** Whether the parcel tiles carry the flag attribute (server side: PARCEL_TILE_ATTRIBUTES). */
  statusAvailable: boolean;
  exitParcels: readonly ExitParcel[];
}

export const NO_LAND: LandTheme = Object.freeze({ overlays: [], statusAvailable: false, exitParcels: [] });

/** The exit path colour of a parcel's code, or transparent. */
export function exitColorExpression(parcels: readonly ExitParcel[]): ExpressionSpecification {
  const byPath = new Map<ExitPath, string[]>();
  const seen = new Set<string>();
  const order = EXIT_PATH_CLASSES.map((c) => c.path);
  for (const p of [...parcels].sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path))) {
    if (seen.has(p.code)) continue;
    seen.add(p.code);
    byPath.set(p.path, [...(byPath.get(p.path) ?? []), p.code]);
  }
  const branches = EXIT_PATH_CLASSES.flatMap((c) => (byPath.get(c.path)?.length ? [[...byPath.get(c.path)!].sort(), c.color] : []));
  if (branches.length === 0) return ['to-color', 'rgba(0,0,0,0)'];
  return ['match', ['coalesce', ['get', 'code'], ''], ...branches, 'rgba(0,0,0,0)'] as unknown as ExpressionSpecification;
}

/** The exit parcels' codes as a filter, so only they are drawn. */
function exitFilter(parcels: readonly ExitParcel[]): FilterSpecification {
  const codes = [...new Set(parcels.map((p) => p.code))].sort();
  return ['in', ['coalesce', ['get', 'code'], ''], ['literal', codes]];
}

const NOTHING: FilterSpecification = ['==', ['get', 'code'], '__none__'];
const isSelected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

export function footprintSource(): GeoJSONSourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' };
}

const parcelLayer = { source: PARCEL_SOURCE, 'source-layer': PARCEL_SOURCE_LAYER, minzoom: PARCEL_MINZOOM } as const;
const hidden = { visibility: 'none' } as const;

/** Over the parcel fill, under the roads: status hatching and outlines. */
export function statusLayers(): LayerSpecification[] {
  return [
    { id: STATUS_HATCH_LAYER, type: 'fill', ...parcelLayer, filter: NOTHING, layout: hidden, paint: { 'fill-pattern': LOW_EFFICIENCY_PATTERN } },
    {
      id: STATUS_SUPPLY_LAYER,
      type: 'line',
      ...parcelLayer,
      filter: NOTHING,
      layout: { ...hidden, 'line-join': 'round' },
      paint: { 'line-color': statusClass('supply').color, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.8, 16, 1.6], 'line-opacity': 0.85 },
    },
    {
      id: STATUS_IDLE_CASING_LAYER,
      type: 'line',
      ...parcelLayer,
      filter: NOTHING,
      layout: { ...hidden, 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 3, 16, 5.5], 'line-opacity': 0.9 },
    },
    {
      id: STATUS_IDLE_LAYER,
      type: 'line',
      ...parcelLayer,
      filter: NOTHING,
      layout: { ...hidden, 'line-join': 'round' },
      paint: {
        'line-color': statusClass('idle').color,
        'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1.6, 16, 3],
        'line-dasharray': [2, 1.2],
      },
    },
  ];
}

/** Over the roads: exit outlines and consolidation footprints. */
export function candidateLayers(fonts: LabelFonts = LOCAL_FONTS): LayerSpecification[] {
  return [
    {
      id: FOOTPRINT_FILL_LAYER,
      type: 'fill',
      source: FOOTPRINT_SOURCE,
      layout: hidden,
      // Only the picked site is washed: a wash over every site would shift the grade colours under it.
      paint: { 'fill-color': FOOTPRINT_COLOR, 'fill-opacity': ['case', isSelected, 0.25, 0] },
    },
    {
      id: EXIT_CASING_LAYER,
      type: 'line',
      ...parcelLayer,
      filter: NOTHING,
      layout: { ...hidden, 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2.2, 14, 4, 16, 6], 'line-opacity': 0.9 },
    },
    {
      id: EXIT_LAYER,
      type: 'line',
      ...parcelLayer,
      filter: NOTHING,
      layout: { ...hidden, 'line-join': 'round' },
      paint: { 'line-color': 'rgba(0,0,0,0)', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1.1, 14, 2.2, 16, 3.2] },
    },
    {
      id: FOOTPRINT_CASING_LAYER,
      type: 'line',
      source: FOOTPRINT_SOURCE,
      layout: { ...hidden, 'line-join': 'round' },
      paint: {
        'line-color': '#ffffff',
        'line-width': ['interpolate', ['linear'], ['zoom'], 12, ['case', isSelected, 5, 2.6], 15, ['case', isSelected, 7, 4.5]],
        'line-opacity': 0.9,
      },
    },
    {
      id: FOOTPRINT_LINE_LAYER,
      type: 'line',
      source: FOOTPRINT_SOURCE,
      layout: { ...hidden, 'line-join': 'round' },
      paint: {
        'line-color': FOOTPRINT_COLOR,
        'line-width': ['interpolate', ['linear'], ['zoom'], 12, ['case', isSelected, 3, 1.3], 15, ['case', isSelected, 3.6, 2.4]],
        'line-dasharray': [3, 1.5],
      },
    },
    {
      id: FOOTPRINT_LABEL_LAYER,
      type: 'symbol',
      source: FOOTPRINT_SOURCE,
      minzoom: 13.2,
      layout: {
        ...hidden,
        'text-field': ['concat', '连片 #', ['to-string', ['get', 'id']], '\n', ['to-string', ['round', ['get', 'footprintAreaMu']]], ' 亩'],
        'text-font': fonts.bold,
        'text-size': 11.5,
        'text-padding': 6,
        'text-optional': true,
      },
      paint: { 'text-color': '#0f3d1c', 'text-halo-color': 'rgba(255,255,255,0.95)', 'text-halo-width': 1.6 },
    },
  ];
}

/** Visibility, filters and colours of the land layers for a theme. */
export function landPatches(theme: LandTheme): Record<string, LayerPatch> {
  const on = (o: Overlay) => theme.overlays.includes(o);
  const vis = (show: boolean) => ({ visibility: show ? 'visible' : 'none' });
  const status = on('status') && theme.statusAvailable;
  const classFilter = (id: StatusClassId): FilterSpecification => (status ? hasAnyFlag(FLAGS_ATTRIBUTE, statusClass(id).flags) : NOTHING);
  const exit = on('exit') && theme.exitParcels.length > 0;
  const footprints = on('consolidation');
  return {
    [STATUS_HATCH_LAYER]: { layout: vis(status), filter: classFilter('low') },
    [STATUS_SUPPLY_LAYER]: { layout: vis(status), filter: classFilter('supply') },
    [STATUS_IDLE_CASING_LAYER]: { layout: vis(status), filter: classFilter('idle') },
    [STATUS_IDLE_LAYER]: { layout: vis(status), filter: classFilter('idle') },
    [EXIT_CASING_LAYER]: { layout: vis(exit), filter: exit ? exitFilter(theme.exitParcels) : NOTHING },
    [EXIT_LAYER]: { layout: vis(exit), filter: exit ? exitFilter(theme.exitParcels) : NOTHING, paint: { 'line-color': exitColorExpression(theme.exitParcels) } },
    [FOOTPRINT_FILL_LAYER]: { layout: vis(footprints) },
    [FOOTPRINT_CASING_LAYER]: { layout: vis(footprints) },
    [FOOTPRINT_LINE_LAYER]: { layout: vis(footprints) },
    [FOOTPRINT_LABEL_LAYER]: { layout: vis(footprints) },
  };
}
