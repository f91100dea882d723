/**
 * Budgets (issue 5), on the PostGIS server named by DATABASE_URL holding an imported district:
 *   (a) a dense z14 parcel tile: server time ≤ 1.2 × the time of its own ST_AsMVT statement run
 *       directly (and, for reference, of a textbook ST_AsMVT query with the same attributes);
 *   (b) cached tiles ≥ 5,000 tiles/s, many concurrent requests, in process and over HTTP;
 *   (c) every tile ≤ 500 KB at each zoom, and uncached p95 ≤ 300 ms.
 * Run: `DATABASE_URL=postgres://… npx tsx scripts/bench/tiles.ts [--only a,b,c] [--sample 400]
 *       [--requests 50000] [--concurrency 64]`.
 * (c) requests every tile holding a parcel up to z14, and from z15 on the densest 20 tiles plus a
 * seeded sample of `--sample` others (a tile there holds a subset of its parent's parcels).
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { createApp } from '../../server/app.ts';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { PARCEL_JOINS, PARCEL_TILE_ATTRIBUTES, parcelTileStatement, runTileStatement, tileBounds } from '../../server/db/queries/tiles.ts';
import { tileRoutes } from '../../server/routes/tiles.ts';
import type { TileAddress } from '../../server/tiles/tile-grid.ts';
import { MAX_TILE_BYTES, parcelTilePlan, TILE_MAXZOOM, TILE_MINZOOM } from '../../server/tiles/zoom-plan.ts';
import { percentile } from '../server-process.ts';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string', default: 'a,b,c' },
    sample: { type: 'string', default: '400' },
    requests: { type: 'string', default: '50000' },
    concurrency: { type: 'string', default: '64' },
  },
});
const only = new Set(args.only.split(','));
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL must name a PostGIS server holding an imported district');
  process.exit(2);
}
const db = await openDatabase({ url, dataDir: '' });

// Tiles holding the centre of some parcel's bounding box, with how many: the yardstick's own SQL.
const OCCUPIED_TILES = `
  SELECT floor((x + 180) / 360 * 2 ^ $1::int)::int AS x,
         floor((1 - ln(tan(radians(y)) + 1 / cos(radians(y))) / pi()) / 2 * 2 ^ $1::int)::int AS y,
         count(*)::int AS parcels
  FROM (SELECT (ST_XMin(b) + ST_XMax(b)) / 2 AS x, (ST_YMin(b) + ST_YMax(b)) / 2 AS y FROM parcel, box2d(geom) AS b) AS c
  GROUP BY 1, 2 ORDER BY parcels DESC`;

async function occupiedTiles(z: number): Promise<(TileAddress & { parcels: number })[]> {
  const rows = await db.query<{ x: number; y: number; parcels: number }>(OCCUPIED_TILES, [z]);
  return rows.map((r) => ({ z, ...r }));
}

// A textbook ST_AsMVT query: ST_AsMVTGeom of every parcel meeting the tile, the same attributes.
const TEXTBOOK_MVT = `
  SELECT ST_AsMVT(t, 'parcels', 4096, 'geom', 'id') AS mvt FROM (
    SELECT p.id, ST_AsMVTGeom(ST_Transform(p.geom, 3857), ST_TileEnvelope($1::int, $2::int, $3::int), 4096, 64, true) AS geom,
           ${PARCEL_TILE_ATTRIBUTES.map((a) => `${a.sql} AS "${a.name}"`).join(', ')}
    FROM parcel AS p ${PARCEL_JOINS}
    WHERE p.geom && ST_Transform(ST_TileEnvelope($1::int, $2::int, $3::int, margin => 64.0 / 4096), 4326)
  ) AS t WHERE t.geom IS NOT NULL`;

const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const tilePath = ({ z, x, y }: TileAddress) => `/tiles/parcels/${z}/${x}/${y}.mvt`;

/** Listens on a free port; node:http with keep-alive as the client (fetch costs a millisecond more per request). */
async function listen(fetchHandler: (req: Request) => Response | Promise<Response>) {
  const server = serve({ fetch: fetchHandler, hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path: string) => new Promise<number>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      let bytes = 0;
      res.on('data', (d: Buffer) => (bytes += d.length)).on('end', () => resolve(bytes));
    }).on('error', reject);
  });
  return { port, get, close: () => { agent.destroy(); server.close(); } };
}

// Load generator for (b), in a child process so that it runs on the other core, not the server's.
const LOAD_CLIENT = `
  import http from 'node:http';
  const [port, requests, concurrency, ...paths] = process.argv.slice(1).map((a, i) => (i < 3 ? Number(a) : a));
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const get = (path) => new Promise((resolve, reject) => http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
    res.resume().on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error('status ' + res.statusCode))));
  }).on('error', reject));
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < requests) await get(paths[next++ % paths.length]); }));
  console.log(requests / ((performance.now() - t0) / 1000));
  agent.destroy();`;

/**
 * (a) Server time for the densest tile at zoom z (in process and over HTTP, tile cache off) against
 * the statement it runs, run directly; the budget is for z14, other zooms are for reference.
 */
async function serverVersusRaw(z: number): Promise<void> {
  const [tile] = await occupiedTiles(z);
  const plan = parcelTilePlan(z);
  if (!tile || plan.kind !== 'parcels') throw new Error(`no parcel tile at z${z}`);
  const statement = parcelTileStatement(db.kind, tile, plan);
  const uncached = new Hono().route('/tiles', tileRoutes(db, { cacheBytes: 0 }));
  const server = await listen(uncached.fetch);
  const runs = { server: [] as number[], http: [] as number[], raw: [] as number[], textbook: [] as number[] };
  let bytes = 0;
  const measure = {
    server: async () => (bytes = (await (await uncached.request(tilePath(tile))).arrayBuffer()).byteLength),
    http: () => server.get(tilePath(tile)),
    raw: () => runTileStatement(db, statement),
    textbook: () => db.query(TEXTBOOK_MVT, [tile.z, tile.x, tile.y]),
  };
  for (let i = 0; i < 60; i++) {
    // Interleaved, so drift in the machine's load falls on all four alike; the first 10 warm up.
    for (const [name, run] of Object.entries(measure)) {
      const t0 = performance.now();
      await run();
      if (i >= 10) runs[name as keyof typeof runs].push(ms(t0));
    }
  }
  server.close();
  const [s, h, r, t] = [median(runs.server), median(runs.http), median(runs.raw), median(runs.textbook)];
  console.log(`(a) densest z${z} tile ${tile.x}/${tile.y}: ${tile.parcels} parcels, ${kb(bytes)}; medians of 50 runs, tile cache off`);
  console.log(`    its ST_AsMVT statement run directly (JIT off, as the server runs it) ${r.toFixed(1)} ms; textbook ST_AsMVT query ${t.toFixed(1)} ms`);
  console.log(`    server in process ${s.toFixed(1)} ms (${(s / r).toFixed(2)} × raw), over HTTP ${h.toFixed(1)} ms (${(h / r).toFixed(2)} × raw)`);
  if (z === 14) console.log(`    budget server ≤ 1.2 × raw → ${verdict(h <= 1.2 * r)} over HTTP, ${verdict(s <= 1.2 * r)} in process`);
}

/** (b) Cached tiles per second, `concurrency` requests in flight, in process and over HTTP. */
async function cachedThroughput(): Promise<void> {
  const requests = Number(args.requests);
  const concurrency = Number(args.concurrency);
  const app = createApp({ db });
  const tiles = (await occupiedTiles(14)).slice(0, 300).map(tilePath);
  for (const path of tiles) await (await app.request(path)).arrayBuffer();
  const run = async (get: (path: string) => Response | Promise<Response>) => {
    let next = 0;
    let bytes = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const res = await get(tiles[next++ % tiles.length]!);
        if (res.status !== 200) throw new Error(`status ${res.status}`);
        const size = (await res.arrayBuffer()).byteLength; // not `bytes += await …`: that adds to a stale total
        bytes += size;
      }
    }));
    const seconds = ms(t0) / 1000;
    return { perSecond: requests / seconds, mbPerSecond: bytes / 1024 / 1024 / seconds };
  };
  const inProcess = await run((path) => app.request(path));
  const server = await listen(app.fetch);
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--input-type=module', '-e', LOAD_CLIENT, String(server.port), String(requests), String(concurrency), ...tiles,
  ]);
  server.close();
  const overHttp = Number(stdout.trim());
  console.log(`(b) cached tiles: ${requests} requests over ${tiles.length} z14 tiles, ${concurrency} in flight`);
  console.log(`    in process ${inProcess.perSecond.toFixed(0)} tiles/s (${inProcess.mbPerSecond.toFixed(0)} MB/s); over HTTP (node:http keep-alive client in another process) ${overHttp.toFixed(0)} tiles/s`);
  console.log(`    budget ≥ 5,000 tiles/s → ${verdict(inProcess.perSecond >= 5000)} in process, ${verdict(overHttp >= 5000)} over HTTP`);
}

/** (c) Each tile's size and uncached time, zoom by zoom. */
async function everyTile(): Promise<void> {
  const sample = Number(args.sample);
  const app = createApp({ db });
  const bounds = await tileBounds(db);
  console.log(`(c) district ${JSON.stringify(bounds)}; parcel tiles holding a parcel, each requested once (uncached), one at a time`);
  const all: number[] = [];
  let biggest = 0;
  for (let z = TILE_MINZOOM; z <= TILE_MAXZOOM; z++) {
    const occupied = await occupiedTiles(z);
    let tiles = occupied;
    if (z >= 15 && occupied.length > sample + 20) {
      let seed = 20251 + z;
      const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
      const rest = occupied.slice(20);
      tiles = [...occupied.slice(0, 20), ...Array.from({ length: sample }, () => rest[Math.floor(next() * rest.length)]!)];
    }
    const times: number[] = [];
    let maxBytes = 0;
    let maxAt = '';
    for (const tile of tiles) {
      const t0 = performance.now();
      const res = await app.request(tilePath(tile));
      const bytes = (await res.arrayBuffer()).byteLength;
      times.push(ms(t0));
      if (bytes > maxBytes) [maxBytes, maxAt] = [bytes, `${tile.x}/${tile.y} (${tile.parcels} parcels)`];
    }
    all.push(...times);
    biggest = Math.max(biggest, maxBytes);
    times.sort((a, b) => a - b);
    const kind = parcelTilePlan(z).kind;
    console.log(`    z${z} ${kind.padEnd(7)} ${String(tiles.length).padStart(5)}${tiles.length < occupied.length ? ` of ${occupied.length}` : ''} tiles: ` +
      `max ${kb(maxBytes)} at ${maxAt}; p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)} ms`);
  }
  all.sort((a, b) => a - b);
  const p95 = percentile(all, 95);
  console.log(`    all ${all.length} tiles: p95 ${p95.toFixed(1)} ms, largest ${kb(biggest)}`);
  console.log(`    budgets: every tile ≤ ${kb(MAX_TILE_BYTES)} → ${verdict(biggest <= MAX_TILE_BYTES)}; uncached p95 ≤ 300 ms → ${verdict(p95 <= 300)}`);
}

try {
  const [row] = await db.query<{ parcels: number }>('SELECT count(*)::int AS parcels FROM parcel');
  console.log(`${db.kind === 'postgis' ? 'PostGIS server' : 'embedded database'}, ${row?.parcels} parcels`);
  if (only.has('a')) for (const z of [14, 12]) await serverVersusRaw(z);
  if (only.has('b')) await cachedThroughput();
  if (only.has('c')) await everyTile();
} finally {
  await db.close();
}
