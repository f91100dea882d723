/**
 * Budget (issue 2): first start on a fresh data directory to a served map with the sample loaded
 * ≤ 90 s; a later start ≤ 15 s. "Served map" = the page, the district meta and the parcels of the
 * whole district all answer. Run: `npx tsx scripts/bench/startup.ts` (after `npm run build`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'mujun-bench-startup-'));
const port = 18_790;

async function mapServed(url: string): Promise<number> {
  const page = await fetch(`${url}/`);
  if (!page.ok || !(await page.text()).includes('<div')) throw new Error('web app not served: run npm run build first');
  const meta = (await (await fetch(`${url}/api/meta`)).json()) as { bbox: number[] };
  const parcels = (await (await fetch(`${url}/api/parcels?bbox=${meta.bbox.join(',')}`)).json()) as { features: unknown[] };
  return parcels.features.length;
}

async function once(label: string) {
  const t0 = performance.now();
  const server = await startServer({ env: { MUJUN_DATA_DIR: dataDir, MUJUN_SAMPLE: 'data/sample' }, port });
  const features = await mapServed(server.url);
  const totalS = (performance.now() - t0) / 1000;
  await server.stop();
  console.log(`${label}: ${totalS.toFixed(1)} s to a served map (${features} parcels; API ready at ${(server.readyMs / 1000).toFixed(1)} s)`);
  return totalS;
}

try {
  const first = await once('first start (fresh data dir, sample loaded)');
  const later = await once('later start (existing data dir)');
  console.log(`budget: first ≤ 90 s → ${first <= 90 ? 'met' : 'MISSED'}; later ≤ 15 s → ${later <= 15 ? 'met' : 'MISSED'}`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
