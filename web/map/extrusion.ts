/**
 * Data for the 3D presentation mode: each parcel as an extruded polygon whose height is its
 * 亩均税收 and whose colour is its grade. Pure data preparation, kept apart from the deck.gl layer
 * (deck-overlay.ts) so it can be tested without a GPU.
 *
 * Height: `METRES_PER_TAX_PER_MU` metres per 万元/亩, capped at `TAX_CAP_WAN_PER_MU` so a few
 * outliers do not dwarf the district; a parcel without a figure, or with a negative one (refunds),
 * is a thin slab. Parcels the evaluation filter does not keep lie flat and faint.
 */
import type { Position } from 'geojson';
import type { ParcelCollection, ParcelFeatureProperties, ParcelTileProperties } from '../api/types.ts';
import { parseHex } from '../lib/color-vision.ts';
import { effectiveGrade, type GradeOverrides } from './grade-overrides.ts';
import { gradeOf } from './grades.ts';
import { parcelMatches, type FilterableParcel, type ParcelFilter } from './parcel-filter.ts';

export const METRES_PER_TAX_PER_MU = 8;
export const TAX_CAP_WAN_PER_MU = 100;
/** Height of a parcel without a tax figure, so it still reads as a footprint. */
export const SLAB_M = 3;

export const KEPT_ALPHA = 235;
export const DIMMED_ALPHA = 45;

export type Rgba = [number, number, number, number];

export interface ExtrudedParcel {
  /** Parcel id; a MultiPolygon gives one entry per part, all with the same id. */
  id: number;
  /** Outer ring then holes, [lng, lat]. */
  polygon: Position[][];
  elevationM: number;
  color: Rgba;
  kept: boolean;
  /** The parcel's full summary (names, area) from the GeoJSON. */
  properties: ParcelFeatureProperties;
  /** What the map reports for it on click: the tile attributes, or the GeoJSON's where tiles are not loaded. */
  tile: ParcelTileProperties;
}

/** Tile-shaped attributes from a GeoJSON summary (no industry or region: the GeoJSON lacks them). */
export function tileLike(p: ParcelFeatureProperties): ParcelTileProperties {
  return {
    code: p.code,
    ...(p.taxPerMuWan !== null ? { taxPerMuWan: p.taxPerMuWan } : {}),
    ...(p.grade ? { grade: p.grade } : {}),
    ...(p.group ? { group: p.group } : {}),
    landUse: p.landUse,
    enterpriseCount: p.enterpriseCount,
  };
}

/** Height in metres for a 亩均税收 in 万元/亩. */
export function heightForTax(taxPerMuWan: number | null | undefined): number {
  if (taxPerMuWan === null || taxPerMuWan === undefined || !Number.isFinite(taxPerMuWan) || taxPerMuWan <= 0) return SLAB_M;
  return Math.max(SLAB_M, Math.min(taxPerMuWan, TAX_CAP_WAN_PER_MU) * METRES_PER_TAX_PER_MU);
}

/**
 * The extrusions of the parcels. The filter reads the tile attributes (`tileProps`, by parcel id)
 * where the tiles are loaded; elsewhere the GeoJSON lacks industry and region, and those two
 * criteria are not applied rather than dimming every parcel. `overrides` give the chosen run's grades.
 */
export function extrusionData(
  parcels: ParcelCollection,
  filter: ParcelFilter,
  overrides: GradeOverrides | null = null,
  tileProps: ReadonlyMap<number, ParcelTileProperties> = new Map(),
): ExtrudedParcel[] {
  const out: ExtrudedParcel[] = [];
  const partial: ParcelFilter = { ...filter, industry: null, regions: null };
  for (const f of parcels.features) {
    if (!f.geometry) continue;
    const p = f.properties;
    const fromTiles = tileProps.get(p.id);
    const tile = fromTiles ?? tileLike(p);
    const props: FilterableParcel = tile;
    const kept = parcelMatches(props, fromTiles ? filter : partial, overrides);
    const [r, g, b] = parseHex(gradeOf(effectiveGrade(props, overrides)).color);
    const color: Rgba = [r, g, b, kept ? KEPT_ALPHA : DIMMED_ALPHA];
    const elevationM = kept ? heightForTax(p.taxPerMuWan) : 0;
    const parts = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of parts) {
      if (!polygon[0] || polygon[0].length < 4) continue;
      out.push({ id: p.id, polygon, elevationM, color, kept, properties: p, tile });
    }
  }
  // Faint flat parcels first, so kept ones draw over them where they touch.
  return out.sort((a, b) => Number(a.kept) - Number(b.kept));
}

/** An outline of the selected parcel at its roof and on the ground, [lng, lat, metres]. */
export interface OutlinePath {
  path: [number, number, number][];
}

/** Roof and ground rings of the selected parcel's extrusions, lifted a little so they are not z-fighting. */
export function selectionOutline(data: readonly ExtrudedParcel[], selectedParcelId: number | null): OutlinePath[] {
  if (selectedParcelId === null) return [];
  const out: OutlinePath[] = [];
  for (const d of data) {
    if (d.id !== selectedParcelId) continue;
    const ring = d.polygon[0]!;
    for (const z of [d.elevationM + 0.5, 0.5]) out.push({ path: ring.map(([lng, lat]) => [lng!, lat!, z]) });
  }
  return out;
}
