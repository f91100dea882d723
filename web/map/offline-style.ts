/**
 * The built-in basemap: drawn from our own regions and roads, so the map works with no internet.
 *
 * Layer groups, bottom to top, with the slots where the caller's parcel layers go:
 *   fills     background, district / 片区 / 组团 fills
 *   [under]   parcel fills
 *   roads     casing + fill per class, over the parcels so the street grid reads at district zoom
 *   [over]    the hovered and the selected parcel's outlines
 *   outlines  组团, 片区, district boundaries
 *   [top]     parcel labels
 *   labels    road names, 组团 names, 片区 names
 * Calm colours on purpose: the parcels carry the message, the basemap only orients.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { RegionCollection, RegionLevel, RoadClass, RoadCollection } from '../api/types.ts';
import { LOCAL_FONTS, type LabelFonts } from './fonts.ts';
import { labelPoints } from './label-points.ts';

export const REGION_SOURCE = 'mujun-regions';
export const REGION_LABEL_SOURCE = 'mujun-region-labels';
export const ROAD_SOURCE = 'mujun-roads';

export const FIRST_OUTLINE_LAYER = 'mujun-cluster-outline';
/** The 组团 and 片区 name layers (the choropleth labels replace them while it shows). */
export const REGION_NAME_LAYERS = ['mujun-cluster-label', 'mujun-zone-label'] as const;

const INK = '#4a4338';
const HALO = 'rgba(255,255,255,0.92)';

function levelIs(level: RegionLevel): FilterSpecification {
  return ['==', ['get', 'level'], level];
}

/** Sources for regions (polygons and label points) and, if given, roads. */
export function basemapSources(regions: RegionCollection, roads: RoadCollection | null): Record<string, SourceSpecification> {
  const sources: Record<string, GeoJSONSourceSpecification> = {
    [REGION_SOURCE]: { type: 'geojson', data: regions },
    [REGION_LABEL_SOURCE]: { type: 'geojson', data: labelPoints(regions) },
  };
  if (roads) sources[ROAD_SOURCE] = { type: 'geojson', data: roads };
  return sources;
}

/** Road widths in pixels at zoom 10 and 17; interpolated exponentially so they grow like the ground. */
const ROAD_WIDTHS: Record<RoadClass, { z10: number; z17: number; minzoom: number }> = {
  arterial: { z10: 2.2, z17: 22, minzoom: 0 },
  secondary: { z10: 1.3, z17: 15, minzoom: 10.5 },
  branch: { z10: 0.7, z17: 9, minzoom: 11.5 },
};

function roadWidth(roadClass: RoadClass, casing = 0): ExpressionSpecification {
  const w = ROAD_WIDTHS[roadClass];
  return ['interpolate', ['exponential', 1.5], ['zoom'], 10, w.z10 + casing, 17, w.z17 + casing * 2];
}

export function roadLayers(): LayerSpecification[] {
  // Draw lower classes first so arterials cross over them.
  const order: RoadClass[] = ['branch', 'secondary', 'arterial'];
  const casings: LayerSpecification[] = order.map((c) => ({
    id: `mujun-road-casing-${c}`,
    type: 'line',
    source: ROAD_SOURCE,
    minzoom: ROAD_WIDTHS[c].minzoom,
    filter: ['==', ['get', 'roadClass'], c],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': c === 'arterial' ? '#c4b9a6' : '#cfc7b9', 'line-width': roadWidth(c, 1.2) },
  }));
  const fills: LayerSpecification[] = order.map((c) => ({
    id: `mujun-road-${c}`,
    type: 'line',
    source: ROAD_SOURCE,
    minzoom: ROAD_WIDTHS[c].minzoom,
    filter: ['==', ['get', 'roadClass'], c],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': c === 'arterial' ? '#fff8e8' : '#ffffff', 'line-width': roadWidth(c) },
  }));
  return [...casings, ...fills];
}

/** Background and region fills: everything under the parcels. */
export function fillLayers(): LayerSpecification[] {
  return [
    { id: 'mujun-background', type: 'background', paint: { 'background-color': '#e6e3dc' } },
    {
      id: 'mujun-district-fill',
      type: 'fill',
      source: REGION_SOURCE,
      filter: levelIs('district'),
      paint: { 'fill-color': '#f1eee7' },
    },
    {
      id: 'mujun-zone-fill',
      type: 'fill',
      source: REGION_SOURCE,
      filter: levelIs('zone'),
      paint: { 'fill-color': '#ece7dc', 'fill-opacity': 0.45 },
    },
    {
      id: 'mujun-cluster-fill',
      type: 'fill',
      source: REGION_SOURCE,
      filter: levelIs('cluster'),
      paint: { 'fill-color': '#f7f4ee', 'fill-opacity': 0.55 },
    },
  ];
}

/** Region boundaries, drawn over the parcels so a parcel never hides which 组团 it is in. */
export function outlineLayers(): LayerSpecification[] {
  return [
    {
      id: FIRST_OUTLINE_LAYER,
      type: 'line',
      source: REGION_SOURCE,
      filter: levelIs('cluster'),
      minzoom: 11,
      paint: {
        'line-color': '#8f8677',
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.6, 16, 1.4],
        'line-dasharray': [3, 2],
        'line-opacity': 0.8,
      },
    },
    {
      id: 'mujun-zone-outline',
      type: 'line',
      source: REGION_SOURCE,
      filter: levelIs('zone'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': '#6e6455',
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.2, 16, 2.4],
        'line-dasharray': [6, 3],
      },
    },
    {
      // A soft wide band under the district line, like a printed planning map's boundary.
      id: 'mujun-district-band',
      type: 'line',
      source: REGION_SOURCE,
      filter: levelIs('district'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#8a6f4d', 'line-opacity': 0.18, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 6, 16, 14] },
    },
    {
      id: 'mujun-district-outline',
      type: 'line',
      source: REGION_SOURCE,
      filter: levelIs('district'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#5b4a36', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.6, 16, 3] },
    },
  ];
}

/** Road-name labels; only where we draw the roads ourselves. */
export function roadLabelLayer(fonts: LabelFonts = LOCAL_FONTS): LayerSpecification {
  return {
    id: 'mujun-road-label',
    type: 'symbol',
    source: ROAD_SOURCE,
    minzoom: 13,
    filter: ['all', ['has', 'name'], ['!=', ['get', 'name'], '']],
    layout: {
      'symbol-placement': 'line',
      'symbol-spacing': 320,
      'text-field': ['get', 'name'],
      'text-font': fonts.regular,
      'text-size': ['interpolate', ['linear'], ['zoom'], 13, 11, 17, 14],
      'text-max-angle': 30,
      'text-padding': 4,
    },
    paint: { 'text-color': '#6d665b', 'text-halo-color': HALO, 'text-halo-width': 1.4 },
  };
}

/** 组团 and 片区 names, from the label points (one label per region). */
export function regionLabelLayers(fonts: LabelFonts = LOCAL_FONTS): LayerSpecification[] {
  return [
    {
      id: REGION_NAME_LAYERS[0],
      type: 'symbol',
      source: REGION_LABEL_SOURCE,
      filter: levelIs('cluster'),
      minzoom: 12.2,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': fonts.regular,
        'text-size': ['interpolate', ['linear'], ['zoom'], 12, 13, 16, 17],
        'text-letter-spacing': 0.12,
        'text-padding': 6,
      },
      paint: { 'text-color': '#5a4f40', 'text-halo-color': HALO, 'text-halo-width': 2 },
    },
    {
      id: REGION_NAME_LAYERS[1],
      type: 'symbol',
      source: REGION_LABEL_SOURCE,
      filter: levelIs('zone'),
      maxzoom: 14.5,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': fonts.bold,
        'text-size': ['interpolate', ['linear'], ['zoom'], 10, 14, 14, 19],
        'text-letter-spacing': 0.25,
        'text-allow-overlap': false,
        'text-padding': 8,
      },
      paint: { 'text-color': INK, 'text-halo-color': HALO, 'text-halo-width': 2, 'text-halo-blur': 0.5 },
    },
  ];
}

/**
 * The complete offline style for regions and roads, with no `glyphs` URL (see fonts.ts for why
 * labels still render). `under`, `over` and `top` are the caller's layers for the slots named in
 * the header comment.
 */
export function buildOfflineStyle(input: {
  regions: RegionCollection;
  roads: RoadCollection;
  extraSources?: Record<string, SourceSpecification>;
  under?: LayerSpecification[];
  over?: LayerSpecification[];
  top?: LayerSpecification[];
}): StyleSpecification {
  return {
    version: 8,
    name: 'Mujun offline basemap',
    sources: { ...basemapSources(input.regions, input.roads), ...input.extraSources },
    layers: [
      ...fillLayers(),
      ...(input.under ?? []),
      ...roadLayers(),
      ...(input.over ?? []),
      ...outlineLayers(),
      ...(input.top ?? []),
      roadLabelLayer(),
      ...regionLabelLayers(),
    ],
  };
}
