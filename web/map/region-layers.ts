/**
 * The region choropleth on the map: the chosen level's regions filled by class colour, hatched
 * where evaluation coverage is too low, outlined, and labelled with name, figure and rank. Built
 * once, hidden until the colour mode is 'region'; `regionPaint` gives what changes with the choice.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { CHOROPLETH_NO_DATA, type Choropleth } from './choropleth.ts';
import { LOCAL_FONTS, type LabelFonts } from './fonts.ts';
import { REGION_LABEL_SOURCE, REGION_NAME_LAYERS, REGION_SOURCE } from './offline-style.ts';
import type { LayerPatch } from './layer-patch.ts';

export const CHOROPLETH_FILL_LAYER = 'mujun-choropleth-fill';
export const CHOROPLETH_HATCH_LAYER = 'mujun-choropleth-low-coverage';
export const CHOROPLETH_LINE_LAYER = 'mujun-choropleth-line';
export const CHOROPLETH_LABEL_LAYER = 'mujun-choropleth-label';

/** Image id of the hatching over regions with coverage under 70 % (added by the map at load). */
export const LOW_COVERAGE_PATTERN = 'mujun-hatch-low-coverage';

const NOTHING: FilterSpecification = ['==', ['get', 'level'], '__none__'];

function byCode<T extends string>(values: Record<string, T>, fallback: T): ExpressionSpecification {
  const entries = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return ['literal', fallback] as ExpressionSpecification;
  return ['match', ['coalesce', ['get', 'code'], ''], ...entries.flat(), fallback] as unknown as ExpressionSpecification;
}

/** Under the parcels: fill and hatching. */
export function choroplethUnderLayers(): LayerSpecification[] {
  return [
    { id: CHOROPLETH_FILL_LAYER, type: 'fill', source: REGION_SOURCE, filter: NOTHING, layout: { visibility: 'none' }, paint: { 'fill-color': CHOROPLETH_NO_DATA, 'fill-opacity': 0.82 } },
    { id: CHOROPLETH_HATCH_LAYER, type: 'fill', source: REGION_SOURCE, filter: NOTHING, layout: { visibility: 'none' }, paint: { 'fill-pattern': LOW_COVERAGE_PATTERN } },
  ];
}

/** Over the roads: outlines and labels of the chosen level. */
export function choroplethOverLayers(fonts: LabelFonts = LOCAL_FONTS): LayerSpecification[] {
  return [
    {
      id: CHOROPLETH_LINE_LAYER,
      type: 'line',
      source: REGION_SOURCE,
      filter: NOTHING,
      layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': '#3b3355', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.2, 15, 2.4], 'line-opacity': 0.85 },
    },
    {
      id: CHOROPLETH_LABEL_LAYER,
      type: 'symbol',
      source: REGION_LABEL_SOURCE,
      filter: NOTHING,
      layout: {
        visibility: 'none',
        'text-field': '',
        'text-font': fonts.bold,
        'text-size': ['interpolate', ['linear'], ['zoom'], 10, 12, 14, 15],
        'text-line-height': 1.35,
        'text-max-width': 12,
        'text-padding': 4,
      },
      paint: { 'text-color': '#231d35', 'text-halo-color': 'rgba(255,255,255,0.95)', 'text-halo-width': 2 },
    },
  ];
}

/** Visibility, filters, colours and labels of the choropleth layers; hidden when `choropleth` is null. */
export function regionPaint(choropleth: Choropleth | null): Record<string, LayerPatch> {
  const ids = [CHOROPLETH_FILL_LAYER, CHOROPLETH_HATCH_LAYER, CHOROPLETH_LINE_LAYER, CHOROPLETH_LABEL_LAYER];
  const names = (visibility: 'visible' | 'none') => Object.fromEntries(REGION_NAME_LAYERS.map((id) => [id, { layout: { visibility } }]));
  if (!choropleth) return { ...Object.fromEntries(ids.map((id) => [id, { layout: { visibility: 'none' } }])), ...names('visible') };
  const level: FilterSpecification = ['==', ['get', 'level'], choropleth.level];
  const low: FilterSpecification =
    choropleth.lowCoverage.length > 0 ? ['all', level, ['in', ['get', 'code'], ['literal', choropleth.lowCoverage]]] : NOTHING;
  return {
    ...names('none'),
    [CHOROPLETH_FILL_LAYER]: { layout: { visibility: 'visible' }, filter: level, paint: { 'fill-color': byCode(choropleth.colorByCode, CHOROPLETH_NO_DATA) } },
    [CHOROPLETH_HATCH_LAYER]: { layout: { visibility: 'visible' }, filter: low },
    [CHOROPLETH_LINE_LAYER]: { layout: { visibility: 'visible' }, filter: level },
    [CHOROPLETH_LABEL_LAYER]: { layout: { visibility: 'visible', 'text-field': byCode(choropleth.labelByCode, '') }, filter: level },
  };
}
