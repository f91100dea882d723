/** The only place that reads the environment, opens the database and listens. */
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { batchCount } from './db/queries/catalogue.ts';
import { importDelivery } from './import/load.ts';
import { ensureFirstEvaluation } from './evaluation/run.ts';
import { WARM_TO_ZOOM } from './tiles/zoom-plan.ts';
import { ensureLandStatus } from './land/refresh.ts';

const root = new URL('..', import.meta.url).pathname;
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const config = readConfig(process.env, root);

const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
console.log(`[mujun] database: ${db.kind === 'postgis' ? 'PostGIS server' : `embedded PostGIS in ${config.dataDir}`} (${elapsed()})`);
const applied = await migrate(db);
if (applied.length) console.log(`[mujun] migrations applied: ${applied.join(', ')} (${elapsed()})`);

if (config.sampleDir && (await batchCount(db)) === 0) {
  console.log(`[mujun] empty database: loading the sample district from ${relative(root, config.sampleDir)} …`);
  const report = await importDelivery(db, config.sampleDir);
  console.log(`[mujun] sample loaded: ${JSON.stringify(report.counts)}, ${report.warnings.length} warnings (${elapsed()})`);
}

const firstRun = await ensureFirstEvaluation(db);
if (firstRun) {
  const { year, methodId, summary } = firstRun.result;
  console.log(`[mujun] evaluated ${year} with ${methodId}: run ${firstRun.runId}, ${summary.counts.ranked} ranked (${elapsed()})`);
}
const land = await ensureLandStatus(db);
if (land) console.log(`[mujun] land status ${land.years.join(', ')}: ${land.exit.candidates} exit candidates, ${land.consolidation?.clusters ?? 0} consolidation clusters (${elapsed()})`);

const webRoot = relative(process.cwd(), config.webDist) || '.';
const staticFiles = existsSync(config.webDist)
  ? serveStatic({ root: webRoot, rewriteRequestPath: (path) => (/\.[a-z0-9]+$/i.test(path) ? path : '/index.html') })
  : undefined;
if (!staticFiles) console.warn('[mujun] web/dist is missing: run `npm run build` to serve the map (the API works without it)');

const app = createApp({ db, basemapStyleUrl: config.basemapStyleUrl, basemapCrs: config.basemapCrs, tileWarmToZoom: WARM_TO_ZOOM, staticFiles });
const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  console.log(`[mujun] ready on http://${config.host}:${info.port}/ (${elapsed()})`);
});

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  server.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
