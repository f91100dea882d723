import { Hono, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Database } from './db/database.ts';
import { ImportError } from './import/issues.ts';
import { candidateRoutes } from './routes/candidates.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { enterpriseRoutes } from './routes/enterprises.ts';
import { evaluationRoutes } from './routes/evaluations.ts';
import { landRulesRoutes } from './routes/land-rules.ts';
import { methodRoutes } from './routes/methods.ts';
import { parcelStatusRoutes } from './routes/parcel-status.ts';
import { parcelRoutes } from './routes/parcels.ts';
import { searchRoutes } from './routes/search.ts';
import { tileRoutes } from './routes/tiles.ts';

export interface AppDeps {
  db: Database;
  basemapStyleUrl?: string | null;
  /** Coordinates the configured basemap is drawn in (gcj02: Amap, Tencent); wgs84 when absent. */
  basemapCrs?: 'wgs84' | 'gcj02';
  /** Parcel tiles rendered ahead up to this zoom after each data change (the server: WARM_TO_ZOOM); absent: none. */
  tileWarmToZoom?: number;
  /** Serves the built web app; absent in API tests. */
  staticFiles?: MiddlewareHandler;
}

export function createApp({ db, basemapStyleUrl = null, basemapCrs = 'wgs84', tileWarmToZoom, staticFiles }: AppDeps) {
  const api = new Hono()
    .get('/health', async (c) => {
      await db.query('SELECT 1');
      return c.json({ ok: true, database: db.kind });
    })
    .route('/', catalogueRoutes(db, { basemapStyleUrl, basemapCrs }))
    .route('/parcels', parcelRoutes(db))
    .route('/parcels', parcelStatusRoutes(db))
    .route('/enterprises', enterpriseRoutes(db))
    .route('/search', searchRoutes(db))
    .route('/methods', methodRoutes(db))
    .route('/evaluations', evaluationRoutes(db))
    .route('/candidates', candidateRoutes(db))
    .route('/land-rules', landRulesRoutes(db));

  // Tiles sit beside the API, at /tiles/{set}/{z}/{x}/{y}.mvt, described by /tiles/{set}.json (TileJSON).
  const app = new Hono().route('/api', api).route('/tiles', tileRoutes(db, { warmToZoom: tileWarmToZoom }));
  app.all('/api/*', (c) => c.json({ error: `没有这个接口：${c.req.method} ${c.req.path}` }, 404));
  if (staticFiles) app.use('*', staticFiles);

  app.notFound((c) => c.json({ error: `未找到：${c.req.path}` }, 404));
  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.res ? err.getResponse() : c.json({ error: err.message }, err.status);
    if (err instanceof ImportError) return c.json({ error: err.message, issues: err.issues }, 422);
    console.error(err);
    return c.json({ error: '服务器内部错误' }, 500);
  });
  return app;
}

export type AppType = ReturnType<typeof createApp>;
