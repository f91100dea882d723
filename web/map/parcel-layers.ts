/**
 * The parcels source and its layers: a fill coloured by the latest grade or by the 亩均税收 class,
 * dimmed where the evaluation filters do not match, a white halo and a dark outline for the
 * selected parcel, a thin outline otherwise, and names at street zoom.
 * Hover and selection are feature-state (`hover`, `selected`), keyed by the parcel id.
 * Colour mode and filter change at run time through the paint builders below (`setPaintProperty`).
 */
import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { ParcelCollection } from '../api/types.ts';
import { LOCAL_FONTS, type LabelFonts } from './fonts.ts';
import { gradeColorExpression } from './grades.ts';
import { NO_FILTER, parcelMatchExpression, type FilterOptions, type ParcelFilter } from './parcel-filter.ts';
import { taxColorExpression } from './tax-classes.ts';

export const PARCEL_SOURCE = 'mujun-parcels';
export const PARCEL_FILL_LAYER = 'mujun-parcel-fill';
export const PARCEL_OUTLINE_LAYER = 'mujun-parcel-outline';
export const PARCEL_LABEL_LAYER = 'mujun-parcel-label';

/** 着色: by the latest evaluation grade (default) or by the 亩均税收 class. */
export type ColorMode = 'grade' | 'tax';
export const COLOR_MODES: readonly ColorMode[] = ['grade', 'tax'];

export interface ParcelStyle {
  colorMode: ColorMode;
  filter: ParcelFilter;
  filterOptions: FilterOptions;
}

export const DEFAULT_PARCEL_STYLE: ParcelStyle = Object.freeze({ colorMode: 'grade', filter: NO_FILTER, filterOptions: { groupKnown: false } });

/** Fill opacities: normal, hovered, selected, and dimmed by the filter. */
export const FILL_OPACITY = Object.freeze({ normal: 0.8, hover: 0.92, selected: 0.95, dimmed: 0.12 });

export type ParcelState = { hover?: boolean; selected?: boolean };

const isSelected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const isHovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

/** `promoteId: 'id'` makes the `id` property the feature-state key, whatever `feature.id` holds. */
export function parcelSource(parcels: ParcelCollection): GeoJSONSourceSpecification {
  return { type: 'geojson', data: parcels, promoteId: 'id' };
}

/** The fill colour for a colour mode. */
export function parcelFillColor(mode: ColorMode): ExpressionSpecification {
  return mode === 'grade' ? gradeColorExpression('grade') : taxColorExpression('taxPerMuWan');
}

/** Fill opacity: the selected parcel always shows; parcels the filter does not keep are dimmed. */
export function parcelFillOpacity(filter: ParcelFilter, options: FilterOptions): ExpressionSpecification {
  const matches = parcelMatchExpression(filter, options);
  const { normal, hover, selected, dimmed } = FILL_OPACITY;
  if (matches === true) return ['case', isSelected, selected, isHovered, hover, normal];
  return ['case', isSelected, selected, matches as ExpressionSpecification, ['case', isHovered, hover, normal], dimmed];
}

/** Labels of dimmed parcels fade with them; the selected parcel's label stays. */
export function parcelLabelOpacity(filter: ParcelFilter, options: FilterOptions): ExpressionSpecification | number {
  const matches = parcelMatchExpression(filter, options);
  return matches === true ? 1 : ['case', isSelected, 1, matches as ExpressionSpecification, 1, 0.2];
}

/** Fill and thin outline, drawn under the roads so the street grid stays readable at district zoom. */
export function parcelLayers(style: ParcelStyle = DEFAULT_PARCEL_STYLE): LayerSpecification[] {
  return [
    {
      id: PARCEL_FILL_LAYER,
      type: 'fill',
      source: PARCEL_SOURCE,
      paint: {
        'fill-color': parcelFillColor(style.colorMode),
        'fill-opacity': parcelFillOpacity(style.filter, style.filterOptions),
      },
    },
    {
      id: PARCEL_OUTLINE_LAYER,
      type: 'line',
      source: PARCEL_SOURCE,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['case', isHovered, '#2b2620', '#ffffff'],
        'line-opacity': ['case', isHovered, 0.9, 0.85],
        // `zoom` may only be the input of a top-level interpolate, so hover is decided per stop.
        'line-width': [
          'interpolate', ['linear'], ['zoom'],
          11, ['case', isHovered, 2, 0.3],
          14, ['case', isHovered, 2, 0.8],
          17, ['case', isHovered, 2.4, 1.4],
        ],
      },
    },
  ];
}

/** The selected parcel's halo and outline, drawn over the roads so a selection is never hidden. */
export function parcelSelectionLayers(): LayerSpecification[] {
  return [
    {
      // Halo then ink: the selected parcel reads on every class colour and on the basemap.
      id: 'mujun-parcel-selected-halo',
      type: 'line',
      source: PARCEL_SOURCE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 6, 'line-opacity': ['case', isSelected, 1, 0] },
    },
    {
      id: 'mujun-parcel-selected-outline',
      type: 'line',
      source: PARCEL_SOURCE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#c2185b', 'line-width': 2.6, 'line-opacity': ['case', isSelected, 1, 0] },
    },
  ];
}

/** Enterprise names, grade and 亩均税收 on each parcel, once parcels are large on screen. */
export function parcelLabelLayer(fonts: LabelFonts = LOCAL_FONTS, style: ParcelStyle = DEFAULT_PARCEL_STYLE): LayerSpecification {
  return {
    id: PARCEL_LABEL_LAYER,
    type: 'symbol',
    source: PARCEL_SOURCE,
    minzoom: 14.8,
    filter: ['>', ['get', 'enterpriseCount'], 0],
    layout: {
      'text-field': [
        'format',
        ['get', 'enterpriseNames'],
        {},
        '\n',
        {},
        [
          'concat',
          ['case', ['==', ['typeof', ['get', 'grade']], 'string'], ['concat', ['get', 'grade'], ' 级 · '], ''],
          [
            'case',
            ['==', ['typeof', ['get', 'taxPerMuWan']], 'number'],
            ['concat', ['number-format', ['get', 'taxPerMuWan'], { 'max-fraction-digits': 1 }], ' 万元/亩'],
            '无税收数据',
          ],
        ],
        { 'font-scale': 0.85 },
      ],
      'text-font': fonts.regular,
      'text-size': 11,
      'text-max-width': 9,
      'text-padding': 2,
      'text-optional': true,
    },
    paint: {
      'text-color': '#2f2a24',
      'text-halo-color': 'rgba(255,255,255,0.9)',
      'text-halo-width': 1.4,
      'text-opacity': parcelLabelOpacity(style.filter, style.filterOptions),
    },
  };
}
