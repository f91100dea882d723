/**
 * Enterprise names on the parcels at street zoom. The tiles carry no names (they stay small), so
 * the names come from the parcel GeoJSON of the viewport, placed one per parcel at a point well
 * inside it, with the tile attributes merged in so the same filter expressions dim them.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ExpressionSpecification, GeoJSONSourceSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { ParcelCollection, ParcelTileProperties } from '../api/types.ts';
import { LOCAL_FONTS, type LabelFonts } from './fonts.ts';
import { effectiveGrade, type GradeOverrides } from './grade-overrides.ts';
import { labelPoint } from './label-points.ts';
import { DEFAULT_PARCEL_THEME, parcelLabelOpacity, type ParcelTheme } from './parcel-layers.ts';

export const PARCEL_LABEL_SOURCE = 'mujun-parcel-labels';
export const PARCEL_LABEL_LAYER = 'mujun-parcel-label';
/** Names appear once parcels are large on screen. */
export const PARCEL_LABEL_MINZOOM = 14.8;

/** A label point: the tile attributes (for the filter), the names and the grade to print. */
export type ParcelLabelProperties = ParcelTileProperties & {
  id: number;
  enterpriseNames: string;
  /** The grade in the chosen run, as printed ('' when not evaluated). */
  gradeShown: string;
};

export type ParcelLabelCollection = FeatureCollection<Point, ParcelLabelProperties>;

export const EMPTY_LABELS: ParcelLabelCollection = Object.freeze({ type: 'FeatureCollection', features: [] }) as unknown as ParcelLabelCollection;

export function parcelLabelSource(): GeoJSONSourceSpecification {
  return { type: 'geojson', data: EMPTY_LABELS, promoteId: 'id' };
}

/**
 * Label points for the parcels with enterprises. `tileProps` are the tile attributes by parcel id
 * where the tiles are loaded; the GeoJSON's own grade, group and 亩均税收 stand in elsewhere.
 */
export function parcelLabelPoints(
  parcels: ParcelCollection,
  tileProps: ReadonlyMap<number, ParcelTileProperties>,
  overrides: GradeOverrides | null,
): ParcelLabelCollection {
  const features: Feature<Point, ParcelLabelProperties>[] = [];
  for (const f of parcels.features) {
    const p = f.properties;
    if (!f.geometry || p.enterpriseCount === 0 || !p.enterpriseNames) continue;
    const at = labelPoint(f.geometry);
    if (!at) continue;
    const fromTile = tileProps.get(p.id);
    const props: ParcelTileProperties = fromTile ?? {
      code: p.code,
      ...(p.grade ? { grade: p.grade } : {}),
      ...(p.group ? { group: p.group } : {}),
      ...(p.taxPerMuWan !== null ? { taxPerMuWan: p.taxPerMuWan } : {}),
    };
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: at },
      properties: { ...props, id: p.id, enterpriseNames: p.enterpriseNames, gradeShown: effectiveGrade(props, overrides) },
    });
  }
  return { type: 'FeatureCollection', features };
}

const hasGrade: ExpressionSpecification = ['!=', ['coalesce', ['get', 'gradeShown'], ''], ''];
const hasTax: ExpressionSpecification = ['==', ['typeof', ['get', 'taxPerMuWan']], 'number'];

/** Names, then grade and 亩均税收 in smaller type. */
export function parcelLabelLayer(fonts: LabelFonts = LOCAL_FONTS, theme: ParcelTheme = DEFAULT_PARCEL_THEME): SymbolLayerSpecification {
  return {
    id: PARCEL_LABEL_LAYER,
    type: 'symbol',
    source: PARCEL_LABEL_SOURCE,
    minzoom: PARCEL_LABEL_MINZOOM,
    layout: {
      'text-field': [
        'format',
        ['get', 'enterpriseNames'],
        {},
        '\n',
        {},
        [
          'concat',
          ['case', hasGrade, ['concat', ['get', 'gradeShown'], ' 级 · '], ''],
          ['case', hasTax, ['concat', ['number-format', ['get', 'taxPerMuWan'], { 'max-fraction-digits': 1 }], ' 万元/亩'], '无税收数据'],
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
      'text-opacity': parcelLabelOpacity(theme),
    },
  };
}
