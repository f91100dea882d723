/**
 * What a planner sees, in a real browser: headless Chromium (Debian's, driven by playwright-core,
 * WebGL on SwiftShader) against the built app served by the real server on a fresh embedded
 * database with the sample district. Screenshots go to test-results/ for CI to keep.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../scripts/server-process.ts';
import { PARCEL_FILL_LAYER } from '../map/parcel-layers.ts';
import { VALUE_CLASSES } from '../map/tax-classes.ts';

const RESULTS = join(import.meta.dirname, '..', '..', 'test-results');
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

let server: RunningServer;
let browser: Browser;
let page: Page;
let dataDir: string;

async function mapIdle(p: Page): Promise<void> {
  await p.waitForFunction(() => {
    const map = (window as unknown as { __mujunMap?: { loaded(): boolean; areTilesLoaded(): boolean; getSource(id: string): unknown } }).__mujunMap;
    return !!map && map.loaded() && map.areTilesLoaded() && !!map.getSource('mujun-parcels');
  }, undefined, { timeout: 60_000 });
  await p.evaluate(() => new Promise<void>((resolve) => {
    const map = (window as unknown as { __mujunMap: { once(e: string, f: () => void): void; triggerRepaint(): void } }).__mujunMap;
    map.once('idle', () => resolve());
    map.triggerRepaint();
  }));
}

/** Pixels of the map canvas, counted per class colour as drawn (fill at 80 % over the light basemap). */
async function classPixelCounts(p: Page): Promise<Record<string, number>> {
  const classes = VALUE_CLASSES.map((c) => ({ id: c.id, color: c.color }));
  return p.evaluate((cls) => {
    const map = (window as unknown as { __mujunMap: { getCanvas(): HTMLCanvasElement } }).__mujunMap;
    const src = map.getCanvas();
    const c2d = document.createElement('canvas');
    c2d.width = src.width;
    c2d.height = src.height;
    const ctx = c2d.getContext('2d')!;
    ctx.drawImage(src, 0, 0);
    const data = ctx.getImageData(0, 0, c2d.width, c2d.height).data;
    const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
    const under = [0xe6, 0xe3, 0xdc];
    const targets = cls.map(({ id, color }) => ({ id, rgb: hex(color).map((v, i) => 0.8 * v + 0.2 * under[i]!) }));
    const counts: Record<string, number> = Object.fromEntries(cls.map((c) => [c.id, 0]));
    for (let i = 0; i < data.length; i += 4) {
      for (const t of targets) {
        if (Math.abs(data[i]! - t.rgb[0]!) <= 14 && Math.abs(data[i + 1]! - t.rgb[1]!) <= 14 && Math.abs(data[i + 2]! - t.rgb[2]!) <= 14) {
          counts[t.id]!++;
          break;
        }
      }
    }
    return counts;
  }, classes);
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'mujun-e2e-'));
  server = await startServer({ env: { MUJUN_DATA_DIR: dataDir, MUJUN_SAMPLE: process.env.E2E_SAMPLE ?? 'data/sample' }, port: 18_795 });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (err) => console.error('[page error]', err.message));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the map', () => {
  it('draws the sample district’s parcels in their 亩均税收 class colours', async () => {
    await page.goto(server.url);
    await mapIdle(page);
    await page.screenshot({ path: join(RESULTS, 'map-district.png') });
    const counts = await classPixelCounts(page);
    const drawn = Object.entries(counts).filter(([, n]) => n >= 200);
    expect(drawn.length, `pixels per class: ${JSON.stringify(counts)}`).toBeGreaterThanOrEqual(3);
  });

  it('a click on a parcel shows its 不动产单元代码', async () => {
    const target = await page.evaluate((layer) => {
      type F = { id: number; properties: { code: string }; geometry: { type: string; coordinates: number[][][] | number[][][][] } };
      const map = (window as unknown as {
        __mujunMap: {
          queryRenderedFeatures(a?: unknown, b?: unknown): F[];
          project(ll: [number, number]): { x: number; y: number };
          getContainer(): HTMLElement;
        };
      }).__mujunMap;
      const rect = map.getContainer().getBoundingClientRect();
      for (const f of map.queryRenderedFeatures({ layers: [layer] })) {
        const ring = (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : (f.geometry.coordinates as number[][][][])[0]![0]) as number[][];
        const n = ring.length - 1;
        const lng = ring.slice(0, n).reduce((s, p) => s + p[0]!, 0) / n;
        const lat = ring.slice(0, n).reduce((s, p) => s + p[1]!, 0) / n;
        const pt = map.project([lng, lat]);
        if (pt.x < 420 || pt.y < 80 || pt.x > rect.width - 40 || pt.y > rect.height - 40) continue; // clear of the panels
        const hit = map.queryRenderedFeatures([pt.x, pt.y], { layers: [layer] });
        if (hit.length === 1 && hit[0]!.id === f.id) return { x: rect.left + pt.x, y: rect.top + pt.y, code: f.properties.code };
      }
      return null;
    }, PARCEL_FILL_LAYER);
    expect(target, 'a parcel to click').not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    const code = page.getByTestId('parcel-code');
    await code.waitFor({ timeout: 20_000 });
    await expect.poll(() => code.textContent(), { timeout: 20_000 }).toContain(target!.code);
    await mapIdle(page);
    await page.screenshot({ path: join(RESULTS, 'map-parcel-detail.png') });
  });
});
