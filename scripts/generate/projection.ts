/**
 * Local metres ⇄ [lng, lat] around an origin. Latitude is linear in y (metres per degree at the
 * origin); longitude uses the metres per degree at each point's own latitude, which makes the map
 * equal-area (a sinusoidal projection on the ellipsoid): planar areas in metres match geodesic
 * areas to well under 0.1% across a district, so 宗地面积 agrees with what PostGIS computes.
 */
import type { Xy } from './geometry.ts';

const DEG = Math.PI / 180;

/** WGS84/CGCS2000 metres per degree of latitude at latitude `lat` (degrees). */
export function metresPerDegreeLat(lat: number): number {
  const p = lat * DEG;
  return 111132.92 - 559.82 * Math.cos(2 * p) + 1.175 * Math.cos(4 * p) - 0.0023 * Math.cos(6 * p);
}

/** WGS84/CGCS2000 metres per degree of longitude at latitude `lat` (degrees). */
export function metresPerDegreeLng(lat: number): number {
  const p = lat * DEG;
  return 111412.84 * Math.cos(p) - 93.5 * Math.cos(3 * p) + 0.118 * Math.cos(5 * p);
}

export interface Projection {
  /** [lng, lat] in degrees. */
  toLngLat(p: Xy): [number, number];
  /** Local metres from [lng, lat]. */
  toLocal(lngLat: readonly [number, number]): Xy;
}

export function makeProjection(origin: readonly [number, number]): Projection {
  const [lng0, lat0] = origin;
  const perLat = metresPerDegreeLat(lat0);
  return {
    toLngLat([x, y]) {
      const lat = lat0 + y / perLat;
      return [lng0 + x / metresPerDegreeLng(lat), lat];
    },
    toLocal([lng, lat]) {
      return [(lng - lng0) * metresPerDegreeLng(lat), (lat - lat0) * perLat];
    },
  };
}

/** The sample district's origin, in western Chongqing. */
export const DISTRICT_ORIGIN: readonly [number, number] = [106.3, 29.6];
