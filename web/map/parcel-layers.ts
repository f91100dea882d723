/**
 * The parcels, from the server's vector tiles: below zoom 12 a grid of cells (count, area and
 * 亩均税收 of the parcels in each), from zoom 12 every parcel with its attributes. Parcels are
 * filled by grade (of the chosen run), by 亩均税收 class or, in year compare, by how the grade
 * moved; dimmed where the filters do not keep them; outlined thin, dark under the pointer (a line
 * of its own over the roads), and haloed when selected. Hover and selection are feature-state (`hover`, `selected`) keyed by the
 * tile feature id, which is the parcel id.
 *
 * The layers are built once (`parcelLayers`); what changes with the view — colours, opacity — is
 * in `parcelPaint`, applied with setPaintProperty, so nothing reloads.
 */
import type {
  ExpressionSpecification,
  FillLayerSpecification,
  LayerSpecification,
  LineLayerSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import type { TileJson } from '../api/types.ts';
import type { ParcelChange } from '../lib/parcel-changes.ts';
import { changeColorExpression } from './compare.ts';
import { gradeValueExpression, type GradeOverrides } from './grade-overrides.ts';
import { gradeColorExpression } from './grades.ts';
import type { LayerPatch } from './layer-patch.ts';
import { NO_FILTER, parcelMatchExpression, type ParcelFilter } from './parcel-filter.ts';
import { taxColorExpression } from './tax-classes.ts';

export const PARCEL_SOURCE = 'mujun-parcels';
/** Tile layers of the parcel source. */
export const PARCEL_SOURCE_LAYER = 'parcels';
export const CELL_SOURCE_LAYER = 'parcel_cells';
/** First zoom with individual parcels in the tiles (server/tiles/zoom-plan.ts). */
export const PARCEL_MINZOOM = 12;

export const CELL_FILL_LAYER = 'mujun-cell-fill';
export const PARCEL_FILL_LAYER = 'mujun-parcel-fill';
export const PARCEL_OUTLINE_LAYER = 'mujun-parcel-outline';
export const PARCEL_HOVER_LAYER = 'mujun-parcel-hover-outline';
export const PARCEL_SELECTED_HALO_LAYER = 'mujun-parcel-selected-halo';
export const PARCEL_SELECTED_LAYER = 'mujun-parcel-selected-outline';

/**
 * 着色: by grade (default), by 亩均税收 class, or by region (the choropleth of region aggregates,
 * with parcels drawn as outlines only).
 */
export type ColorMode = 'grade' | 'tax' | 'region';
export const COLOR_MODES: readonly ColorMode[] = ['grade', 'tax', 'region'];

/** What the parcels show; everything the paint depends on. */
export interface ParcelTheme {
  colorMode: ColorMode;
  filter: ParcelFilter;
  /** Grades of the chosen run where they differ from the tiles' (latest) run. */
  gradeOverrides: GradeOverrides | null;
  /** Year compare: when set, parcels are coloured by their change instead. */
  changes: readonly ParcelChange[] | null;
}

export const DEFAULT_PARCEL_THEME: ParcelTheme = Object.freeze({ colorMode: 'grade', filter: NO_FILTER, gradeOverrides: null, changes: null });

/** Fill opacities: normal, hovered, selected, and dimmed by the filter. */
export const FILL_OPACITY = Object.freeze({ normal: 0.8, hover: 0.92, selected: 0.95, dimmed: 0.12 });
/** Cells are a summary, drawn a little lighter than parcels. */
export const CELL_OPACITY = 0.72;

const isSelected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const isHovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

/**
 * The vector source for the parcels TileJSON (its tile URLs carry the data version). MapLibre draws
 * vector tiles 512 px wide, so tile zoom = map zoom: cells up to map zoom 12, parcels from there.
 */
export function parcelTileSource(tileJson: TileJson): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: tileJson.tiles,
    minzoom: tileJson.minzoom,
    maxzoom: tileJson.maxzoom,
    ...(tileJson.bounds ? { bounds: tileJson.bounds } : {}),
  };
}

/** The fill colour for a theme. */
export function parcelFillColor(theme: ParcelTheme): ExpressionSpecification {
  if (theme.changes) return changeColorExpression(theme.changes);
  if (theme.colorMode === 'tax') return taxColorExpression('taxPerMuWan');
  return gradeColorExpression(gradeValueExpression(theme.gradeOverrides));
}

/** Fill opacity: the selected parcel always shows; parcels the filter does not keep are dimmed. */
export function parcelFillOpacity(theme: ParcelTheme): ExpressionSpecification | number {
  const { normal, hover, selected, dimmed } = FILL_OPACITY;
  // The choropleth shows through: parcels are outlines only, but stay clickable.
  if (theme.colorMode === 'region' && !theme.changes) return ['case', isSelected, 0.35, isHovered, 0.25, 0];
  const matches = parcelMatchExpression(theme.filter, theme.gradeOverrides);
  if (matches === true) return ['case', isSelected, selected, isHovered, hover, normal];
  return ['case', isSelected, selected, matches, ['case', isHovered, hover, normal], dimmed];
}

/** Labels of dimmed parcels fade with them; the selected parcel's label stays. */
export function parcelLabelOpacity(theme: ParcelTheme): ExpressionSpecification | number {
  const matches = parcelMatchExpression(theme.filter, theme.gradeOverrides);
  return matches === true ? 1 : ['case', isSelected, 1, matches, 1, 0.2];
}

/** Paint of each parcel layer for a theme: what changes in place when the view changes. */
export function parcelPatches(theme: ParcelTheme): Record<string, LayerPatch> {
  const regionMode = theme.colorMode === 'region' && !theme.changes;
  return {
    [CELL_FILL_LAYER]: {
      paint: { 'fill-opacity': regionMode ? 0 : theme.changes ? 0.3 : CELL_OPACITY },
    },
    [PARCEL_FILL_LAYER]: {
      paint: { 'fill-color': parcelFillColor(theme), 'fill-opacity': parcelFillOpacity(theme) },
    },
    [PARCEL_OUTLINE_LAYER]: {
      paint: {
        'line-color': ['case', isHovered, HOVER_OUTLINE_COLOR, regionMode ? '#5d5548' : '#ffffff'],
        'line-opacity': ['case', isHovered, 0.9, regionMode ? 0.45 : 0.85],
      },
    },
  };
}

/** Cells below zoom 12; parcel fill and thin outline from zoom 12. Drawn under the roads. */
export function parcelLayers(theme: ParcelTheme = DEFAULT_PARCEL_THEME): LayerSpecification[] {
  const patches = parcelPatches(theme);
  const paint = (id: string) => patches[id]!.paint;
  const cells: FillLayerSpecification = {
    id: CELL_FILL_LAYER,
    type: 'fill',
    source: PARCEL_SOURCE,
    'source-layer': CELL_SOURCE_LAYER,
    maxzoom: PARCEL_MINZOOM,
    paint: { 'fill-color': taxColorExpression('taxPerMuWan'), 'fill-antialias': false, ...paint(CELL_FILL_LAYER) },
  };
  const fill: FillLayerSpecification = {
    id: PARCEL_FILL_LAYER,
    type: 'fill',
    source: PARCEL_SOURCE,
    'source-layer': PARCEL_SOURCE_LAYER,
    minzoom: PARCEL_MINZOOM,
    paint: paint(PARCEL_FILL_LAYER) as FillLayerSpecification['paint'],
  };
  const outline = parcelLine(PARCEL_OUTLINE_LAYER, {
    ...(paint(PARCEL_OUTLINE_LAYER) as LineLayerSpecification['paint']),
    // `zoom` may only be the input of a top-level interpolate, so hover is decided per stop.
    'line-width': [
      'interpolate', ['linear'], ['zoom'],
      12, ['case', isHovered, 2, 0.35],
      14, ['case', isHovered, 2, 0.8],
      17, ['case', isHovered, 2.4, 1.4],
    ],
  });
  return [cells, fill, outline];
}

/** Hover outline width by zoom; `zoom` may only feed a top-level interpolate, so hover is per stop. */
const HOVER_WIDTH: ReadonlyArray<[zoom: number, width: number]> = [[12, 2], [14, 2], [17, 2.4]];
export const HOVER_OUTLINE_COLOR = '#2b2620';

/**
 * The hovered parcel's dark outline, drawn over the roads (like the selection) so a parcel next to
 * a road is outlined all round; the thin outline under the roads would be mostly covered by them.
 * Width 0 for every other parcel, for the same reason as the selection layers.
 */
export function parcelHoverLayer(): LineLayerSpecification {
  const stops = HOVER_WIDTH.flatMap(([zoom, width]) => [zoom, ['case', isHovered, width, 0]]);
  return parcelLine(PARCEL_HOVER_LAYER, {
    'line-color': HOVER_OUTLINE_COLOR,
    'line-opacity': 0.9,
    'line-width': ['interpolate', ['linear'], ['zoom'], ...stops] as ExpressionSpecification,
  });
}

/** A line layer over the parcel tiles from PARCEL_MINZOOM, with round joins: outlines of every kind. */
function parcelLine(id: string, paint: LineLayerSpecification['paint']): LineLayerSpecification {
  return {
    id,
    type: 'line',
    source: PARCEL_SOURCE,
    'source-layer': PARCEL_SOURCE_LAYER,
    minzoom: PARCEL_MINZOOM,
    layout: { 'line-join': 'round' },
    paint,
  };
}

/** The selected parcel's halo and outline, drawn over the roads so a selection is never hidden. */
export function parcelSelectionLayers(): LayerSpecification[] {
  // Width 0 (not opacity 0) for the others: a zero-width line has no area, so the GPU draws
  // nothing for the thousands of unselected parcels; a transparent one still costs every pixel.
  const line = (id: string, color: string, width: number) => parcelLine(id, { 'line-color': color, 'line-width': ['case', isSelected, width, 0] });
  // Halo then ink: the selected parcel reads on every class colour and on the basemap.
  return [line(PARCEL_SELECTED_HALO_LAYER, '#ffffff', 6), line(PARCEL_SELECTED_LAYER, '#c2185b', 2.6)];
}
