/**
 * Budget (issue 2): `GET /api/parcels` for a 1 km² window of the sample, p50 ≤ 50 ms on the embedded
 * database. Windows are 1 km × 1 km squares centred on parcels picked with a fixed seed (so every
 * window holds land), requested over HTTP from a running server.
 * Run: `npx tsx scripts/bench/parcels-bbox.ts [requests=300]` (DATABASE_URL set → the PostGIS server).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, startServer } from '../server-process.ts';

const requests = Number(process.argv[2] ?? 300);
const dataDir = mkdtempSync(join(tmpdir(), 'mujun-bench-bbox-'));
const server = await startServer({ env: { MUJUN_DATA_DIR: dataDir }, port: 18_791 });

try {
  const meta = (await (await fetch(`${server.url}/api/meta`)).json()) as { bbox: [number, number, number, number] };
  const all = (await (await fetch(`${server.url}/api/parcels?bbox=${meta.bbox.join(',')}`)).json()) as {
    features: { geometry: { coordinates: number[][][][] } }[];
  };
  // Deterministic choice of window centres (a small LCG), each on a parcel's first vertex.
  let seed = 20251;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const latMid = (meta.bbox[1] + meta.bbox[3]) / 2;
  const halfLat = 500 / 110_574;
  const halfLng = 500 / (111_320 * Math.cos((latMid * Math.PI) / 180));
  const windows = Array.from({ length: requests }, () => {
    const f = all.features[Math.floor(next() * all.features.length)]!;
    const [lng, lat] = f.geometry.coordinates[0]![0]![0]! as [number, number];
    return [lng - halfLng, lat - halfLat, lng + halfLng, lat + halfLat].map((v) => v.toFixed(6)).join(',');
  });

  for (const w of windows.slice(0, 20)) await (await fetch(`${server.url}/api/parcels?bbox=${w}`)).arrayBuffer(); // warm-up
  const times: number[] = [];
  let featureCount = 0;
  for (const w of windows) {
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/parcels?bbox=${w}`);
    const body = (await res.json()) as { features: unknown[] };
    times.push(performance.now() - t0);
    featureCount += body.features.length;
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  console.log(`GET /api/parcels, 1 km² windows, ${requests} requests, ${(featureCount / requests).toFixed(0)} parcels per window on average`);
  console.log(`p50 ${p50.toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)} ms`);
  console.log(`budget: p50 ≤ 50 ms → ${p50 <= 50 ? 'met' : 'MISSED'}`);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
