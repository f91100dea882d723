import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { districtMeta, regionFeatures, roadFeatures } from '../db/queries/catalogue.ts';
import { featureCollection } from './geojson.ts';


export function catalogueRoutes(db: Database, options: { basemapStyleUrl: string | null; basemapCrs: 'wgs84' | 'gcj02' }) {
  return new Hono()
    .get('/meta', async (c) => {
      const m = await districtMeta(db);
      return c.json({
        districtName: m.district_name ?? '未命名区县',
        bbox: m.bbox,
        years: m.years,
        latestYear: m.years.length ? m.years[m.years.length - 1]! : null,
        basemapStyleUrl: options.basemapStyleUrl,
        // The configured basemap's coordinates: gcj02 means the map asks for shifted layers (crs=gcj02).
        basemapCrs: options.basemapStyleUrl ? options.basemapCrs : 'wgs84',
        latestRunId: m.latest_run,
        dataVersion: m.data_version,
      });
    })
    .get('/regions', async (c) => featureCollection(c, await regionFeatures(db)))
    .get('/roads', async (c) => featureCollection(c, await roadFeatures(db)));
}
