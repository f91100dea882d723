import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { districtMeta, regionFeatures, roadFeatures } from '../db/queries/catalogue.ts';

const geojson = (features: string) => `{"type":"FeatureCollection","features":${features}}`;
const GEOJSON = { 'content-type': 'application/geo+json; charset=utf-8' };

export function catalogueRoutes(db: Database, options: { basemapStyleUrl: string | null }) {
  return new Hono()
    .get('/meta', async (c) => {
      const m = await districtMeta(db);
      return c.json({
        districtName: m.district_name ?? '未命名区县',
        bbox: m.bbox,
        years: m.years,
        latestYear: m.years.length ? m.years[m.years.length - 1]! : null,
        basemapStyleUrl: options.basemapStyleUrl,
        latestRunId: m.latest_run,
        dataVersion: m.data_version,
      });
    })
    .get('/regions', async (c) => c.body(geojson(await regionFeatures(db)), 200, GEOJSON))
    .get('/roads', async (c) => c.body(geojson(await roadFeatures(db)), 200, GEOJSON));
}
