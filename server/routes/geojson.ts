/** GeoJSON responses of the map's layers, shifted to GCJ-02 when the request asks (`crs=gcj02`). */
import type { Context } from 'hono';
import { geometryToGcj02 } from '../domain/gcj02.ts';
import { parseCrs } from './params.ts';

const GEOJSON = { 'content-type': 'application/geo+json; charset=utf-8' };

/** A FeatureCollection from its features as JSON text, every vertex shifted under `crs=gcj02`. */
export function featureCollection(c: Context, featuresJson: string) {
  const features = parseCrs(c.req.query('crs')) === 'gcj02'
    ? JSON.stringify((JSON.parse(featuresJson) as { geometry: { type: string } | null }[]).map((f) => ({ ...f, geometry: geometryToGcj02(f.geometry) })))
    : featuresJson;
  return c.body(`{"type":"FeatureCollection","features":${features}}`, 200, GEOJSON);
}
