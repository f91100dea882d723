/**
 * What a parcel tile holds at each zoom. From PARCEL_MINZOOM on, every parcel with its attributes;
 * below it a district would put tens of thousands of parcels in one tile, so the tile holds a grid
 * of cells instead (count, area and the area-weighted 亩均税收 of the parcels whose centre falls in
 * the cell), whose size is bounded by the grid whatever the district.
 */
import { tileWidthM } from './tile-grid.ts';

/** Tile units across a tile, as ST_AsMVTGeom's default. */
export const TILE_EXTENT = 4096;
/** Tile units of geometry kept beyond each edge, so strokes and fills join across tiles. */
export const TILE_BUFFER = 64;
/** Largest encoded tile the server will send, in bytes. */
export const MAX_TILE_BYTES = 500 * 1024;

/**
 * First zoom with individual parcels. Measured on the generated districts (100k parcels, and 1M at
 * the same density; about 85 bytes a parcel): the densest z12 tile holds ~1,550 parcels (122 KB),
 * z11 ~4,900 (397 KB, too near the budget for a denser district), z10 ~19,000 (1.4 MB). A median
 * parcel is about 6 px wide at z12. See scripts/bench/tiles.ts.
 */
export const PARCEL_MINZOOM = 12;
/** Deepest zoom with its own tiles; clients over-zoom beyond (tile units are 0.15 m there). */
export const TILE_MAXZOOM = 16;
/** Shallowest zoom worth asking for: below it a district is a few pixels. */
export const TILE_MINZOOM = 6;
/**
 * The server renders parcel tiles up to this zoom ahead of requests after each data change: over the
 * 1M district a z6 tile sums ~740,000 parcels (about 2 s), z7–9 take 0.4–1.3 s, and there are only
 * ~31 of them (scripts/bench/tiles.ts); from z10 on a tile takes well under the 300 ms budget.
 */
export const WARM_TO_ZOOM = 9;
/** Cells per tile side below PARCEL_MINZOOM: 64 tile units, i.e. 8 px of a 512 px tile. */
export const CELLS_PER_SIDE = 64;
/**
 * Simplification tolerance, in tile units: half a pixel of a 512 px tile, below what the eye sees,
 * which is the Douglas–Peucker tolerance ST_Simplify is given in metres at each zoom.
 */
export const SIMPLIFY_TILE_UNITS = 4;
/**
 * Most parcels in one tile, the largest kept: a safety net for a district denser than the generated
 * ones (5,000 × ~85 bytes stays under MAX_TILE_BYTES); in them no tile comes near it.
 */
export const MAX_PARCELS_PER_TILE = 5_000;

export type ParcelTilePlan =
  | { kind: 'parcels'; simplifyM: number; maxParcels: number }
  | { kind: 'cells'; cellsPerSide: number };

export function parcelTilePlan(z: number): ParcelTilePlan {
  if (z >= PARCEL_MINZOOM) return { kind: 'parcels', simplifyM: simplifyToleranceM(z), maxParcels: MAX_PARCELS_PER_TILE };
  return { kind: 'cells', cellsPerSide: CELLS_PER_SIDE };
}

/** ST_Simplify tolerance at zoom z, in Web Mercator metres. */
export function simplifyToleranceM(z: number): number {
  return (tileWidthM(z) / TILE_EXTENT) * SIMPLIFY_TILE_UNITS;
}
