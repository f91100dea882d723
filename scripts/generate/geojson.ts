/**
 * Serialises local-metre geometry as GeoJSON text in [lng, lat] with 6 decimals (~0.1 m).
 * Rings are closed; exterior rings stay counter-clockwise and holes clockwise (RFC 7946), since
 * the projection keeps east and north pointing the same way.
 */
import type { Ring, Xy } from './geometry.ts';
import type { Projection } from './projection.ts';

function position(projection: Projection, p: Xy): string {
  const [lng, lat] = projection.toLngLat(p);
  return `[${lng.toFixed(6)},${lat.toFixed(6)}]`;
}

/** Positions with consecutive duplicates (after rounding) dropped. */
function positions(projection: Projection, points: readonly Xy[]): string[] {
  const out: string[] = [];
  for (const p of points) {
    const text = position(projection, p);
    if (out[out.length - 1] !== text) out.push(text);
  }
  return out;
}

function ringText(projection: Projection, ring: Ring): string {
  const pts = positions(projection, ring);
  while (pts.length > 1 && pts[pts.length - 1] === pts[0]) pts.pop();
  return `[${[...pts, pts[0]].join(',')}]`;
}

function polygonText(projection: Projection, rings: readonly Ring[]): string {
  return `[${rings.map((r) => ringText(projection, r)).join(',')}]`;
}

/** Polygon for one part, MultiPolygon for several; each part is [exterior, ...holes]. */
export function polygonGeometry(projection: Projection, polygons: readonly Ring[][]): string {
  if (polygons.length === 1) return `{"type":"Polygon","coordinates":${polygonText(projection, polygons[0]!)}}`;
  return `{"type":"MultiPolygon","coordinates":[${polygons.map((p) => polygonText(projection, p)).join(',')}]}`;
}

export function lineGeometry(projection: Projection, path: readonly Xy[]): string {
  return `{"type":"LineString","coordinates":[${positions(projection, path).join(',')}]}`;
}
