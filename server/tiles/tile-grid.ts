/**
 * The XYZ tile grid of Web Mercator (EPSG:3857), as `ST_TileEnvelope` has it: tile (0, 0) at the
 * north-west corner, y growing southwards. Coordinates are [lng, lat] in degrees, bounds in metres.
 */

/** Half the width of the Web Mercator world, in metres. */
export const MERCATOR_HALF_WIDTH_M = 20037508.342789244;

/** The deepest zoom a tile may be asked for. */
export const MAX_TILE_ZOOM = 22;

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** Whether x and y exist at zoom z (all three integers, z ≤ MAX_TILE_ZOOM). */
export function isTileAddress({ z, x, y }: TileAddress): boolean {
  if (![z, x, y].every(Number.isInteger) || z < 0 || z > MAX_TILE_ZOOM) return false;
  const n = 2 ** z;
  return x >= 0 && x < n && y >= 0 && y < n;
}

/** Width of one tile at zoom z, in Web Mercator metres. */
export function tileWidthM(z: number): number {
  return (2 * MERCATOR_HALF_WIDTH_M) / 2 ** z;
}

/** [xmin, ymin, xmax, ymax] of the tile in Web Mercator metres. */
export function tileBoundsM({ z, x, y }: TileAddress): [number, number, number, number] {
  const w = tileWidthM(z);
  const xmin = -MERCATOR_HALF_WIDTH_M + x * w;
  const ymax = MERCATOR_HALF_WIDTH_M - y * w;
  return [xmin, ymax - w, xmin + w, ymax];
}

/** The tile holding a point at zoom z. */
export function tileOf(lng: number, lat: number, z: number): TileAddress {
  const n = 2 ** z;
  const latRad = (lat * Math.PI) / 180;
  const x = Math.floor(((lng + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n);
  return { z, x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

/** Every tile at zoom z meeting the box [w, s, e, n] (degrees). */
export function tilesCovering(bbox: readonly [number, number, number, number], z: number): TileAddress[] {
  const [w, s, e, n] = bbox;
  const nw = tileOf(w, n, z);
  const se = tileOf(e, s, z);
  const tiles: TileAddress[] = [];
  for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) tiles.push({ z, x, y });
  return tiles;
}
