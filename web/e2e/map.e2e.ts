/**
 * What a planner sees, in a real browser: headless Chromium (Debian's, driven by playwright-core,
 * WebGL on SwiftShader) against the built app served by the real server on a fresh embedded
 * database with the sample district (evaluated on first start). Screenshots go to test-results/
 * for CI to keep. The tests share one page and run in order; each leaves the view as it found it
 * where a later test depends on it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../scripts/server-process.ts';
import type { EvaluationRuns, RunResultsPage } from '../api/evaluation-types.ts';
import type { ConsolidationPage, ExitPage, ParcelStatusResponse } from '../api/land-types.ts';
import type { EnterpriseDetail, Meta, ParcelDetail } from '../api/types.ts';
import { CHOROPLETH_COLORS } from '../map/choropleth.ts';
import { CHANGE_CLASSES } from '../map/compare.ts';
import { GRADE_CLASSES } from '../map/grades.ts';
import { EXIT_PATH_CLASSES, FOOTPRINT_COLOR } from '../map/land-layers.ts';
import { STATUS_CLASSES } from '../map/land-status.ts';
import { PARCEL_LABEL_SOURCE } from '../map/parcel-labels.ts';
import { PARCEL_FILL_LAYER, PARCEL_SOURCE, PARCEL_SOURCE_LAYER } from '../map/parcel-layers.ts';
import { VALUE_CLASSES } from '../map/tax-classes.ts';
import { wgs84ToGcj02 } from '../../server/domain/gcj02.ts';
import { mainParcel } from '../src/open-unit.ts';

const RESULTS = join(import.meta.dirname, '..', '..', 'test-results');
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

let server: RunningServer;
let hasLand = false;
let browser: Browser;
let page: Page;
let dataDir: string;
/** The camera the map opened with: the district overview. */
let openingCamera: { lng: number; lat: number; zoom: number };

type MapHandle = {
  loaded(): boolean;
  areTilesLoaded(): boolean;
  getSource(id: string): unknown;
  once(e: string, f: () => void): void;
  triggerRepaint(): void;
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
};

async function mapIdle(p: Page): Promise<void> {
  await p.waitForFunction(() => {
    const map = (window as unknown as { __mujunMap?: MapHandle }).__mujunMap;
    return !!map && map.loaded() && map.areTilesLoaded() && !!map.getSource('mujun-parcels');
  }, undefined, { timeout: 60_000 });
  await p.evaluate(() => new Promise<void>((resolve) => {
    const map = (window as unknown as { __mujunMap: MapHandle }).__mujunMap;
    map.once('idle', () => resolve());
    map.triggerRepaint();
  }));
}

async function camera(p: Page): Promise<{ lng: number; lat: number; zoom: number }> {
  return p.evaluate(() => {
    const map = (window as unknown as { __mujunMap: MapHandle }).__mujunMap;
    return { ...map.getCenter(), zoom: map.getZoom() };
  });
}

/**
 * Pixels of the map canvas, counted per colour as drawn: by default a parcel fill at 80 % over the
 * light basemap. Dimmed parcels (12 %) and other map ink fall outside the tolerance. Lines are
 * drawn opaque (`alpha` 1).
 */
async function pixelCounts(
  p: Page,
  classes: { id: string; color: string }[],
  { alpha = 0.8, under = '#e6e3dc', tolerance = 14 }: { alpha?: number; under?: string; tolerance?: number } = {},
): Promise<Record<string, number>> {
  return p.evaluate(({ cls, alpha, under: underHex, tolerance }) => {
    const map = (window as unknown as { __mujunMap: { getCanvas(): HTMLCanvasElement } }).__mujunMap;
    const src = map.getCanvas();
    const c2d = document.createElement('canvas');
    c2d.width = src.width;
    c2d.height = src.height;
    const ctx = c2d.getContext('2d')!;
    ctx.drawImage(src, 0, 0);
    const data = ctx.getImageData(0, 0, c2d.width, c2d.height).data;
    const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
    const under = hex(underHex);
    const targets = cls.map(({ id, color }) => ({ id, rgb: hex(color).map((v, i) => alpha * v + (1 - alpha) * under[i]!) }));
    const counts: Record<string, number> = Object.fromEntries(cls.map((c) => [c.id, 0]));
    for (let i = 0; i < data.length; i += 4) {
      for (const t of targets) {
        if (Math.abs(data[i]! - t.rgb[0]!) <= tolerance && Math.abs(data[i + 1]! - t.rgb[1]!) <= tolerance && Math.abs(data[i + 2]! - t.rgb[2]!) <= tolerance) {
          counts[t.id]!++;
          break;
        }
      }
    }
    return counts;
  }, { cls: classes, alpha, under, tolerance });
}

const gradePixels = (p: Page) => pixelCounts(p, GRADE_CLASSES.map((g) => ({ id: g.id, color: g.color })));
const taxPixels = (p: Page) => pixelCounts(p, VALUE_CLASSES.map((c) => ({ id: c.id, color: c.color })));

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(server.url + path, init);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Back to the whole district through the map's own button, as a planner would: tests that need
 * the overview set it up themselves rather than trust where an earlier test left the camera.
 */
async function districtView(p: Page): Promise<void> {
  // The overview as it opened: without the detail panel, which narrows the map.
  const close = p.getByRole('button', { name: '关闭详情' });
  if (await close.isVisible()) {
    await close.click();
    await close.waitFor({ state: 'detached', timeout: 10_000 });
  }
  await p.waitForFunction(() => {
    const map = (window as unknown as { __mujunMap: { getCanvas(): HTMLElement; getContainer(): HTMLElement } }).__mujunMap;
    return map.getCanvas().clientWidth === map.getContainer().clientWidth; // resized to the wider map
  }, undefined, { timeout: 10_000 });
  await p.evaluate(() => {
    const w = window as unknown as { __mujunMap: MapHandle; __mujunMoved?: boolean };
    w.__mujunMoved = false;
    w.__mujunMap.once('moveend', () => (w.__mujunMoved = true));
  });
  await p.getByRole('button', { name: '回到全区视图' }).click();
  await p.waitForFunction(() => {
    const w = window as unknown as { __mujunMap: MapHandle & { isMoving(): boolean }; __mujunMoved?: boolean };
    return w.__mujunMoved === true && !w.__mujunMap.isMoving();
  }, undefined, { timeout: 20_000 });
  await mapIdle(p);
  expect((await camera(p)).zoom, 'back at the district overview').toBeCloseTo(openingCamera.zoom, 1);
}

/** A-Z, 0-9 and other ASCII as typed on a Chinese keyboard in full-width mode. */
const fullWidth = (text: string) => text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Polls until the map has drawn parcels from the tiles and gone idle; ms since `t0`. */
async function parcelsDrawn(p: Page, t0: number): Promise<number> {
  await p.waitForFunction((layer) => {
    const map = (window as unknown as { __mujunMap?: MapHandle & { queryRenderedFeatures(o: unknown): unknown[] } }).__mujunMap;
    return !!map && map.loaded() && map.areTilesLoaded() && map.queryRenderedFeatures({ layers: [layer] }).length > 0;
  }, PARCEL_FILL_LAYER, { timeout: 60_000, polling: 50 });
  await mapIdle(p);
  return Date.now() - t0;
}

/** The parcel's `hover` feature-state, as the map holds it. */
async function hoverState(p: Page, id: number): Promise<boolean> {
  return p.evaluate(({ id, source, sourceLayer }) => {
    const map = (window as unknown as { __mujunMap: { getFeatureState(f: unknown): { hover?: boolean } } }).__mujunMap;
    return map.getFeatureState({ source, sourceLayer, id }).hover === true;
  }, { id, source: PARCEL_SOURCE, sourceLayer: PARCEL_SOURCE_LAYER });
}

/** RGB of every canvas pixel in `box` (canvas CSS pixels), row by row. */
async function pixelsIn(p: Page, box: [number, number, number, number]): Promise<[number, number, number][]> {
  const flat = await p.evaluate((box) => {
    const map = (window as unknown as { __mujunMap: { getCanvas(): HTMLCanvasElement } }).__mujunMap;
    const src = map.getCanvas();
    const scale = src.width / src.clientWidth;
    const [x0, y0, x1, y1] = box.map((v) => Math.round(v * scale)) as [number, number, number, number];
    const c2d = document.createElement('canvas');
    c2d.width = src.width;
    c2d.height = src.height;
    const ctx = c2d.getContext('2d')!;
    ctx.drawImage(src, 0, 0);
    return Array.from(ctx.getImageData(x0, y0, x1 - x0, y1 - y0).data);
  }, box);
  const out: [number, number, number][] = [];
  for (let i = 0; i < flat.length; i += 4) out.push([flat[i]!, flat[i + 1]!, flat[i + 2]!]);
  return out;
}

const rgbDistance = (a: readonly number[], b: readonly number[]) => Math.abs(a[0]! - b[0]!) + Math.abs(a[1]! - b[1]!) + Math.abs(a[2]! - b[2]!);
const rgbOf = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** Whether the server has land status and candidates (issue 4). */
async function landAvailable(): Promise<boolean> {
  const res = await fetch(`${server.url}/api/land-rules`);
  if (!res.ok) return false;
  return ((await res.json()) as { lastRefresh: unknown }).lastRefresh !== null;
}

/** A parcel drawn on screen, found by its tiles. */
interface ParcelTarget {
  /** Page coordinates of a point inside it. */
  x: number;
  y: number;
  /** Tile feature id (the feature-state key), 不动产单元代码 and grade in the tiles. */
  id: number;
  code: string;
  grade: string | null;
  /** Its bounding box in canvas CSS pixels: [left, top, right, bottom]. */
  box: [number, number, number, number];
}

/**
 * A parcel drawn on screen, clear of the panels, that a click hits alone; optionally of one grade,
 * and at least `minPx` CSS pixels wide and high.
 */
async function parcelOnScreen(p: Page, grades: string[], minPx = 0): Promise<ParcelTarget | null> {
  return p.evaluate(({ layer, grades, minPx }) => {
    type F = { id: number; properties: { code: string; grade?: string }; geometry: { type: string; coordinates: number[][][] | number[][][][] } };
    const map = (window as unknown as {
      __mujunMap: {
        queryRenderedFeatures(a?: unknown, b?: unknown): F[];
        project(ll: [number, number]): { x: number; y: number };
        getContainer(): HTMLElement;
      };
    }).__mujunMap;
    const rect = map.getContainer().getBoundingClientRect();
    for (const f of map.queryRenderedFeatures({ layers: [layer] })) {
      if (grades.length > 0 && !grades.includes(f.properties.grade ?? '')) continue;
      const ring = (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : (f.geometry.coordinates as number[][][][])[0]![0]) as number[][];
      const n = ring.length - 1;
      const lng = ring.slice(0, n).reduce((s, q) => s + q[0]!, 0) / n;
      const lat = ring.slice(0, n).reduce((s, q) => s + q[1]!, 0) / n;
      const pt = map.project([lng, lat]);
      const corners = ring.map((q) => map.project([q[0]!, q[1]!]));
      const box: [number, number, number, number] = [
        Math.min(...corners.map((c) => c.x)), Math.min(...corners.map((c) => c.y)),
        Math.max(...corners.map((c) => c.x)), Math.max(...corners.map((c) => c.y)),
      ];
      if (box[2] - box[0] < minPx || box[3] - box[1] < minPx) continue;
      if (pt.x < 60 || pt.y < 80 || pt.x > rect.width - 40 || pt.y > rect.height - 40) continue; // clear of the controls
      if (pt.x < 260 && pt.y > rect.height - 300) continue; // clear of the legend
      if (pt.x > rect.width - 200 && pt.y < 320) continue; // clear of the overlay switches
      const hit = map.queryRenderedFeatures([pt.x, pt.y], { layers: [layer] });
      if (hit.length === 1 && hit[0]!.id === f.id) return { x: rect.left + pt.x, y: rect.top + pt.y, id: f.id, code: f.properties.code, grade: f.properties.grade ?? null, box };
    }
    return null;
  }, { layer: PARCEL_FILL_LAYER, grades, minPx });
}

/** The parcel drawn at a page position, if any. */
async function parcelAt(p: Page, x: number, y: number): Promise<string | null> {
  return p.evaluate(({ layer, x, y }) => {
    const map = (window as unknown as {
      __mujunMap: { queryRenderedFeatures(a: unknown, b: unknown): { properties: { code: string } }[]; getContainer(): HTMLElement };
    }).__mujunMap;
    const rect = map.getContainer().getBoundingClientRect();
    return map.queryRenderedFeatures([x - rect.left, y - rect.top], { layers: [layer] })[0]?.properties.code ?? null;
  }, { layer: PARCEL_FILL_LAYER, x, y });
}

/**
 * Clicks 导出图片 and reads the PNG it saves (kept in test-results/ as `file`): its name and size,
 * the size the map canvas implies, and what it shows — how much of the map's middle matches the
 * canvas pixel for pixel, the light title text on the dark band, and the A swatch of the legend.
 */
async function exportPicture(p: Page, file: string) {
  const mapPixels = await p.evaluate(() => {
    const canvas = (window as unknown as { __mujunMap: { getCanvas(): HTMLCanvasElement } }).__mujunMap.getCanvas();
    return { dataUrl: canvas.toDataURL('image/png'), width: canvas.width, height: canvas.height, cssWidth: canvas.clientWidth };
  });
  const [download] = await Promise.all([p.waitForEvent('download', { timeout: 30_000 }), p.getByRole('button', { name: '导出图片' }).click()]);
  const path = join(RESULTS, file);
  await download.saveAs(path);
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString('ascii'), 'a PNG').toBe('PNG');
  const ratio = mapPixels.width / mapPixels.cssWidth;
  const found = await p.evaluate(
    async ({ picture, map, ratio, gradeA }) => {
      const load = async (src: string) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = document.createElement('canvas');
        [c.width, c.height] = [img.width, img.height];
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height);
      };
      const [pic, before] = await Promise.all([load(picture), load(map)]);
      const at = (d: ImageData, x: number, y: number) => Array.from(d.data.subarray((y * d.width + x) * 4, (y * d.width + x) * 4 + 3));
      const top = Math.round(64 * ratio);
      // The map's middle (clear of the legend, north arrow and scale bar), copied pixel for pixel.
      let same = 0;
      let total = 0;
      for (let y = Math.round(before.height * 0.1); y < before.height * 0.6; y += 3) {
        for (let x = Math.round(before.width * 0.3); x < before.width * 0.85; x += 3) {
          total++;
          const [a, b] = [at(before, x, y), at(pic, x, y + top)];
          if (Math.abs(a[0]! - b[0]!) + Math.abs(a[1]! - b[1]!) + Math.abs(a[2]! - b[2]!) <= 6) same++;
        }
      }
      let titleInk = 0;
      for (let y = 0; y < top; y++) for (let x = 0; x < pic.width / 2; x++) if (at(pic, x, y).every((v) => v > 200)) titleInk++;
      let swatchA = 0;
      for (let y = top + Math.round(before.height / 2); y < top + before.height; y++) {
        for (let x = 0; x < 300 * ratio; x++) if (at(pic, x, y).every((v, i) => Math.abs(v - gradeA[i]!) <= 2)) swatchA++;
      }
      return { same, total, titleInk, swatchA, ratio };
    },
    { picture: `data:image/png;base64,${png.toString('base64')}`, map: mapPixels.dataUrl, ratio, gradeA: rgbOf(GRADE_CLASSES[0]!.color) },
  );
  return {
    fileName: download.suggestedFilename(),
    size: [png.readUInt32BE(16), png.readUInt32BE(20)],
    expectedSize: [mapPixels.width, mapPixels.height + Math.round(94 * ratio)],
    found,
  };
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'mujun-e2e-'));
  server = await startServer({ env: { MUJUN_DATA_DIR: dataDir, MUJUN_SAMPLE: process.env.E2E_SAMPLE ?? 'data/sample' }, port: Number(process.env.E2E_PORT ?? 18_795) });
  // 2024 → 2025 is the compare the planner makes: the first start grades both years; where it
  // graded only one, evaluate 2024 here (the latest run stays the latest year's).
  const { runs } = await api<EvaluationRuns>('/api/evaluations');
  for (const year of [2024, 2025]) {
    if (runs.some((r) => r.year === year)) continue;
    await api('/api/evaluations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ methodId: 'chongqing-default', year }) });
  }
  hasLand = await landAvailable();
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
  let gradesBefore: Record<string, number>;

  it('gets the map ready (idle, parcels drawn) and says how fast', async () => {
    let t0 = Date.now();
    await page.goto(server.url);
    const cold = await parcelsDrawn(page, t0);
    t0 = Date.now();
    await page.reload();
    const warm = await parcelsDrawn(page, t0);
    openingCamera = await camera(page);
    console.log(`[measure] map ready (idle, parcels drawn), sample district, 1366×768, headless Chromium (SwiftShader): first visit ${cold} ms, reload ${warm} ms (budget 5000 ms)`);
    expect(await page.evaluate(() => (window as unknown as { __mujunMap: { getZoom(): number } }).__mujunMap.getZoom())).toBeGreaterThanOrEqual(12);
  });

  it('names the map’s own controls in Chinese, full screen among them', async () => {
    for (const name of ['放大', '缩小', '回到全区视图', '全屏']) await expect.poll(() => page.getByRole('button', { name, exact: true }).count()).toBe(1);
    expect(await page.locator('.maplibregl-ctrl-scale').textContent()).toMatch(/^\d+\s(米|公里)$/);
  });

  it('draws the sample district’s parcel tiles in their evaluation grade colours', async () => {
    await mapIdle(page);
    await page.screenshot({ path: join(RESULTS, 'map-district.png') });
    expect(await page.evaluate(() => {
      const map = (window as unknown as { __mujunMap: { getSource(id: string): { type: string } } }).__mujunMap;
      return map.getSource('mujun-parcels').type;
    })).toBe('vector');
    gradesBefore = await gradePixels(page);
    const drawn = Object.entries(gradesBefore).filter(([, n]) => n >= 200);
    expect(drawn.length, `pixels per grade: ${JSON.stringify(gradesBefore)}`).toBeGreaterThanOrEqual(4);
    await expect.poll(() => page.locator('.legend').textContent()).toContain('A优先发展');
  });

  it('switches to 亩均税收 class colours and back', async () => {
    await page.getByRole('radio', { name: '亩均税收' }).click();
    await mapIdle(page);
    await page.screenshot({ path: join(RESULTS, 'map-district-tax.png') });
    const counts = await taxPixels(page);
    expect(Object.values(counts).filter((n) => n >= 200).length, `pixels per class: ${JSON.stringify(counts)}`).toBeGreaterThanOrEqual(3);
    expect(page.url()).toContain('color=tax');
    await page.getByRole('radio', { name: '评价等级' }).click();
    await mapIdle(page);
    expect(page.url()).not.toContain('color=tax');
  });

  it('a grade filter dims the other grades on the map', async () => {
    await page.getByRole('group', { name: '等级' }).getByRole('button', { name: 'D', exact: true }).click();
    // The result list agrees: every row is a D.
    await expect
      .poll(async () => [...new Set(await page.locator('.result-list .row-badge').allTextContents())], { timeout: 20_000 })
      .toEqual(['D']);
    await mapIdle(page);
    await page.screenshot({ path: join(RESULTS, 'map-filter-d.png') });
    const after = await gradePixels(page);
    const summary = `before ${JSON.stringify(gradesBefore)} after ${JSON.stringify(after)}`;
    expect(after.D!, summary).toBeGreaterThan(0.8 * gradesBefore.D!);
    for (const g of ['A', 'B', 'C'] as const) expect(after[g]!, summary).toBeLessThan(0.1 * gradesBefore[g]! + 50);
    expect(page.url()).toContain('grade=D');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await mapIdle(page);
    expect(page.url()).not.toContain('grade=');
  });

  it('a 亩均税收 range reduces what is drawn and what is listed, and the address bar keeps it', async () => {
    const listed = async () => Number(/共 (\d+) 条/.exec((await page.getByTestId('result-total').textContent()) ?? '')?.[1] ?? NaN);
    await expect.poll(listed, { timeout: 20_000 }).toBeGreaterThan(0);
    const listedBefore = await listed();
    const before = await gradePixels(page);
    await page.getByRole('textbox', { name: '亩均税收下限' }).fill('20');
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('tax=20-');
    await mapIdle(page);
    await page.screenshot({ path: join(RESULTS, 'map-filter-tax.png') });
    const after = await gradePixels(page);
    const summary = `before ${JSON.stringify(before)} after ${JSON.stringify(after)}`;
    expect(total(after), summary).toBeLessThan(0.7 * total(before));
    expect(total(after), summary).toBeGreaterThan(0.02 * total(before));
    // The result list is filtered by the same range.
    await expect.poll(listed, { timeout: 20_000 }).toBeLessThan(listedBefore);
    expect(await listed()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => page.url()).not.toContain('tax=');
    await mapIdle(page);
  });

  it('the parcel under the pointer is drawn stronger, with its card, and neither stays when the pointer leaves', async () => {
    await districtView(page);
    const target = await parcelOnScreen(page, ['A', 'B', 'C', 'D'], 16);
    expect(target, 'a graded parcel on screen, big enough to count its pixels').not.toBeNull();
    const { id, code, box } = target!;
    const gradeRgb = rgbOf(GRADE_CLASSES.find((g) => g.id === target!.grade)!.color);
    const area = Math.round((box[2] - box[0]) * (box[3] - box[1]));
    // The pointer starts off the map, on the header.
    await page.mouse.move(10, 10);
    await page.waitForFunction(() => !document.querySelector('.hover-card'), undefined, { timeout: 10_000 });
    expect(await hoverState(page, id)).toBe(false);
    await mapIdle(page);
    const before = await pixelsIn(page, box);
    // The box and a margin, for the outline on the parcel's edge.
    const pad = 3;
    const edgeBox: [number, number, number, number] = [box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad];
    const edgeBefore = await pixelsIn(page, edgeBox);

    await page.mouse.move(target!.x, target!.y, { steps: 4 });
    await expect.poll(() => hoverState(page, id), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByRole('tooltip').locator('.hover-code').textContent(), { timeout: 10_000 }).toBe(code);
    await mapIdle(page);
    await page.screenshot({ path: join(RESULTS, 'map-hover.png') });
    const hovered = await pixelsIn(page, box);
    // Filled at the hover opacity: its pixels move towards the full grade colour.
    const stronger = hovered.filter((px, i) => rgbDistance(px, gradeRgb) < rgbDistance(before[i]!, gradeRgb) - 12).length;
    const summary = `parcel ${code} (${target!.grade}, box ${box.map(Math.round).join(',')}, ${area} px²): ${stronger} pixels nearer its grade colour when hovered`;
    expect(stronger, summary).toBeGreaterThan(0.2 * area);
    // Outlined dark over the roads too: where a road ran along its edge, the edge now shows dark
    // (drawn under the roads, the outline would leave those road pixels as they were).
    const edgeHovered = await pixelsIn(page, edgeBox);
    const light = (px: readonly number[]) => Math.min(px[0]!, px[1]!, px[2]!) >= 180 && Math.max(px[0]!, px[1]!, px[2]!) - Math.min(px[0]!, px[1]!, px[2]!) <= 40;
    const dark = (px: readonly number[]) => px[0]! + px[1]! + px[2]! <= 3 * 110;
    const roadTurnedDark = edgeHovered.filter((px, i) => dark(px) && light(edgeBefore[i]!)).length;
    // The sample's parcels are bounded by roads: 0 under the roads, over a hundred over them.
    expect(roadTurnedDark, `${summary}; ${roadTurnedDark} road pixels on its edge turned dark`).toBeGreaterThan(20);

    await page.mouse.move(10, 10, { steps: 4 });
    await expect.poll(() => hoverState(page, id), { timeout: 10_000 }).toBe(false);
    await page.getByRole('tooltip').waitFor({ state: 'detached', timeout: 10_000 });
    await mapIdle(page);
    const left = await pixelsIn(page, box);
    const unchanged = left.filter((px, i) => rgbDistance(px, before[i]!) <= 12).length;
    expect(unchanged, `${summary}; after leaving, ${unchanged} of ${left.length} pixels as before`).toBeGreaterThan(0.98 * left.length);
  });

  it('a click on a parcel shows its code and the reasons for its grade', async () => {
    const target = await parcelOnScreen(page, ['A', 'B', 'C', 'D']);
    expect(target, 'a graded parcel to click').not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    const code = page.getByTestId('parcel-code');
    await code.waitFor({ timeout: 20_000 });
    await expect.poll(() => code.textContent(), { timeout: 20_000 }).toContain(target!.code);

    const detail = await api<ParcelDetail>(`/api/parcels/${target!.code}`);
    const evaluation = detail.mergedEvaluation ?? detail.enterprises.find((e) => e.evaluation)?.evaluation;
    expect(evaluation, 'the server evaluated the clicked parcel').toBeTruthy();
    const reason = evaluation!.reasons[0]!;
    const panel = page.getByRole('complementary', { name: '宗地详情' });
    await expect.poll(() => panel.locator('.reasons').first().textContent(), { timeout: 20_000 }).toContain(reason);
    await mapIdle(page);
    // The panel opened beside the map; the parcel stays where it was clicked, under the cursor.
    expect(await parcelAt(page, target!.x, target!.y), `the parcel at the click (${Math.round(target!.x)}, ${Math.round(target!.y)}) once the panel is open`).toBe(target!.code);
    // So too when the analysis panel on the left is folded away and opened again.
    await page.getByRole('button', { name: '收起分析面板' }).click();
    await mapIdle(page);
    expect(await parcelAt(page, target!.x, target!.y), 'the parcel at the click with the analysis panel folded').toBe(target!.code);
    await page.getByRole('button', { name: '分析面板', exact: true }).click();
    await page.getByRole('button', { name: '收起分析面板' }).waitFor();
    await mapIdle(page);
    expect(await parcelAt(page, target!.x, target!.y), 'the parcel at the click with the analysis panel back').toBe(target!.code);
    await page.screenshot({ path: join(RESULTS, 'map-parcel-detail.png') });
    expect(page.url()).toContain(`parcel=${target!.code}`);
  });

  it('打印 makes the open parcel a report: every section unfolded, the panel alone at page width, as PDF', async () => {
    const panel = page.getByRole('complementary', { name: '宗地详情' });
    await panel.locator('.reasons').first().waitFor({ timeout: 20_000 });
    // The print dialog itself is the browser's: record what the page looks like when it is asked for.
    await page.evaluate(() => {
      const w = window as unknown as { __printAsked?: { closedDetails: number; heading: string } };
      window.print = () => {
        w.__printAsked = {
          closedDetails: document.querySelectorAll('.detail-panel details:not([open])').length,
          heading: document.querySelector('.print-heading')?.textContent ?? '',
        };
      };
    });
    const foldedBefore = await panel.locator('details:not([open])').count();
    await page.getByRole('button', { name: '打印本宗地报告' }).click();
    const asked = await page.evaluate(() => (window as unknown as { __printAsked?: { closedDetails: number; heading: string } }).__printAsked);
    expect(asked?.closedDetails).toBe(0);
    expect(asked?.heading).toMatch(/^宗地一码关联报告.*年度评价.*数据版本 .*打印于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await panel.locator('details:not([open])').count(), 'folded back after printing').toBe(foldedBefore);

    await page.emulateMedia({ media: 'print' });
    try {
      const layout = await page.evaluate(() => {
        const shown = (sel: string) => {
          const el = document.querySelector(sel);
          return !!el && getComputedStyle(el).display !== 'none';
        };
        return {
          map: shown('.map-area'),
          header: shown('.app-header'),
          side: shown('.work-panel'),
          heading: shown('.print-heading'),
          panelWidth: document.querySelector('.detail-panel')!.getBoundingClientRect().width,
          pageWidth: document.documentElement.clientWidth,
        };
      });
      expect(layout).toMatchObject({ map: false, header: false, side: false, heading: true });
      expect(layout.panelWidth).toBeGreaterThan(0.9 * layout.pageWidth);
      const pdf = await page.pdf({ path: join(RESULTS, 'parcel-report.pdf'), format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('ascii')).toBe('%PDF-');
      await page.screenshot({ path: join(RESULTS, 'parcel-report-print.png'), fullPage: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('draws the region choropleth of the run’s aggregates and ranks the regions', async () => {
    await page.getByRole('radio', { name: '区域', exact: true }).click();
    await page.getByRole('tab', { name: '区域排名' }).click();
    await expect.poll(() => page.locator('.ranking-row').count(), { timeout: 30_000 }).toBe(8);
    await expect.poll(() => page.locator('.legend').textContent()).toContain('组团');
    await mapIdle(page);
    await page.screenshot({ path: join(RESULTS, 'map-region-choropleth.png') });
    const counts = await pixelCounts(page, CHOROPLETH_COLORS.map((color, i) => ({ id: String(i), color })), { alpha: 0.82, under: '#f4f1eb', tolerance: 18 });
    expect(Object.values(counts).filter((n) => n >= 300).length, JSON.stringify(counts)).toBeGreaterThanOrEqual(2);
    expect(page.url()).toContain('color=region');
    await page.getByRole('radio', { name: '评价等级' }).click();
    await page.getByRole('tab', { name: '评价结果' }).click();
    await mapIdle(page);
  });

  it('year compare colours the parcels whose grade went up or down, and lists who and why', async () => {
    const { runs } = await api<EvaluationRuns>('/api/evaluations');
    const from = runs.find((r) => r.year === 2024)!;
    await page.getByRole('button', { name: '年度对比' }).click();
    await expect.poll(() => page.url()).toContain(`cmp=${from.id}`);
    await page.locator('.compare-summary').waitFor({ timeout: 60_000 });
    await mapIdle(page);
    await page.screenshot({ path: join(RESULTS, 'map-compare.png') });
    const counts = await pixelCounts(page, CHANGE_CLASSES.filter((c) => c.id === 'up' || c.id === 'down'));
    expect(counts.up, JSON.stringify(counts)).toBeGreaterThan(100);
    expect(counts.down, JSON.stringify(counts)).toBeGreaterThan(100);
    await expect.poll(() => page.locator('.legend').textContent()).toContain('年度对比');
    // A change opens its parcel.
    await page.locator('.change-row').first().click();
    await page.getByTestId('parcel-code').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: '年度对比' }).click();
    await expect.poll(() => page.url()).not.toContain('cmp=');
    await page.getByRole('button', { name: '关闭详情' }).click();
    await page.getByRole('tab', { name: '评价结果' }).click();
    await mapIdle(page);
  });

  it('exit candidates are outlined over the grade colours; the list selects on the map and the detail says why', async (ctx) => {
    if (!hasLand) ctx.skip();
    const first = (await api<ExitPage>('/api/candidates?kind=exit&page=1&pageSize=50')).candidates[0]!;
    await districtView(page);
    await page.getByRole('tab', { name: '退出与归宗' }).click();
    await page.locator('.candidate-row').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.url()).toContain('ly=exit');
    // The outlines need every exit candidate's parcels, fetched after the list's first page.
    const toggle = page.locator('.overlay-panel').getByRole('button', { name: '退出候选' });
    await expect.poll(() => toggle.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await mapIdle(page);
    await page.screenshot({ path: join(RESULTS, 'map-exit-candidates.png') });
    const outlined = await pixelCounts(page, EXIT_PATH_CLASSES.map((c) => ({ id: c.path, color: c.color })), { alpha: 1, tolerance: 24 });
    expect(total(outlined), JSON.stringify(outlined)).toBeGreaterThan(300);
    // Grade colours still read under the outlines.
    expect(total(await gradePixels(page))).toBeGreaterThan(10_000);

    await page.locator('.candidate-row').first().click();
    await expect.poll(() => page.getByTestId('parcel-code').textContent(), { timeout: 20_000 }).toBe(first.unitCodes[0]);
    const status = await api<ParcelStatusResponse>(`/api/parcels/${first.unitCodes[0]}/status`);
    const section = page.getByRole('region', { name: '土地状态' });
    await expect.poll(() => section.textContent(), { timeout: 20_000 }).toContain(first.reasons[0]!);
    for (const f of status.years.at(-1)!.flags) expect(await section.textContent()).toContain(f.reason);
    await expect.poll(() => section.locator('.status-history tbody tr').count()).toBe(status.years.length);
    await mapIdle(page);
    await page.screenshot({ path: join(RESULTS, 'map-exit-detail.png') });
    await page.locator('.overlay-panel').getByRole('button', { name: '退出候选' }).click();
    await expect.poll(() => page.url()).not.toContain('ly=');
    await page.getByRole('tab', { name: '评价结果' }).click();
  });

  it('land status reads over the grade colours (outlines, hatching) and the status filter keeps only those parcels', async (ctx) => {
    if (!hasLand) ctx.skip();
    await districtView(page);
    const toggle = page.locator('.overlay-panel').getByRole('button', { name: '土地状态' });
    expect(await toggle.isEnabled(), 'the parcel tiles carry the flags attribute').toBe(true);
    const statusInk = () => pixelCounts(page, STATUS_CLASSES.map((c) => ({ id: c.id, color: c.color })), { alpha: 1, tolerance: 20 });
    const before = await statusInk();
    const gradesBefore = total(await gradePixels(page));
    await toggle.click();
    await expect.poll(() => page.url()).toContain('ly=status');
    await mapIdle(page);
    await page.screenshot({ path: join(RESULTS, 'map-land-status.png') });
    const after = await statusInk();
    const summary = `before ${JSON.stringify(before)} after ${JSON.stringify(after)}`;
    expect(total(after) - total(before), summary).toBeGreaterThan(1_000);
    // The grade colours still read under the outlines and hatching.
    expect(total(await gradePixels(page)), summary).toBeGreaterThan(0.5 * gradesBefore);

    await page.getByRole('group', { name: '土地状态' }).getByRole('button', { name: '闲置土地' }).click();
    await expect.poll(() => page.url()).toContain('status=idle');
    await mapIdle(page);
    await page.screenshot({ path: join(RESULTS, 'map-status-filter-idle.png') });
    const idleOnly = total(await gradePixels(page));
    expect(idleOnly, `grade pixels: all ${gradesBefore}, idle only ${idleOnly}`).toBeLessThan(0.5 * gradesBefore);
    expect(idleOnly).toBeGreaterThan(0);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await toggle.click();
    await expect.poll(() => page.url()).not.toContain('ly=');
    await mapIdle(page);
  });

  it('consolidation footprints are drawn over the parcels, and a cluster in the list flies there', async (ctx) => {
    if (!hasLand) ctx.skip();
    await districtView(page);
    await page.getByRole('tab', { name: '退出与归宗' }).click();
    await page.getByRole('radiogroup', { name: '候选类型' }).getByRole('radio', { name: '连片开发' }).click();
    await page.locator('.candidate-row').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.url()).toContain('consolidation');
    const toggle = page.locator('.overlay-panel').getByRole('button', { name: '连片开发' });
    await expect.poll(() => toggle.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    await mapIdle(page);
    await page.screenshot({ path: join(RESULTS, 'map-consolidation.png') });
    const drawn = await pixelCounts(page, [{ id: 'footprint', color: FOOTPRINT_COLOR }], { alpha: 1, tolerance: 24 });
    expect(drawn.footprint, JSON.stringify(drawn)).toBeGreaterThan(300);

    const before = await camera(page);
    await page.evaluate(() => {
      const w = window as unknown as { __mujunMap: MapHandle; __mujunMoved?: boolean };
      w.__mujunMoved = false;
      w.__mujunMap.once('moveend', () => (w.__mujunMoved = true));
    });
    await page.locator('.candidate-row').first().click();
    await page.waitForFunction(() => (window as unknown as { __mujunMoved?: boolean }).__mujunMoved === true, undefined, { timeout: 20_000 });
    await mapIdle(page);
    expect((await camera(page)).zoom).toBeGreaterThan(before.zoom + 0.5);
    await page.screenshot({ path: join(RESULTS, 'map-consolidation-cluster.png') });

    // Ordered by the gain if redeveloped: the list follows the server's order for sort=uplift.
    const byUplift = await api<ConsolidationPage>('/api/candidates?kind=consolidation&sort=uplift&pageSize=3');
    expect(byUplift.clusters[0]!.upliftWan).toBeGreaterThanOrEqual(byUplift.clusters[1]!.upliftWan);
    await page.getByRole('radiogroup', { name: '排序' }).getByRole('radio', { name: '增收潜力' }).click();
    await expect.poll(() => page.locator('.candidate-row').first().textContent(), { timeout: 20_000 }).toContain(`连片 #${byUplift.clusters[0]!.id} `);
    await page.getByRole('radiogroup', { name: '排序' }).getByRole('radio', { name: '面积' }).click();

    await page.getByRole('radiogroup', { name: '候选类型' }).getByRole('radio', { name: '退出候选' }).click();
    for (const name of ['退出候选', '连片开发']) {
      const b = page.locator('.overlay-panel').getByRole('button', { name });
      if ((await b.getAttribute('aria-pressed')) === 'true') await b.click();
    }
    await expect.poll(() => page.url()).not.toContain('ly=');
    await page.getByRole('tab', { name: '评价结果' }).click();
  });

  it('an overlay whose data cannot be fetched says so in place of 加载中, and a retry loads it', async (ctx) => {
    if (!hasLand) ctx.skip();
    // A fresh page, so nothing is cached from the tests above; the server answers 500 for the exit
    // candidates, and the footprints never get an answer.
    const other = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      const exitList = (url: URL) => url.pathname === '/api/candidates' && url.searchParams.get('kind') === 'exit';
      const footprints = (url: URL) => url.pathname === '/api/candidates/consolidation.geojson';
      await other.route(exitList, (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: '测试：服务器故障' }) }));
      await other.route(footprints, (route) => route.abort('connectionrefused'));
      await other.goto(`${server.url}/?ly=exit,consolidation`);
      const panel = other.locator('.overlay-panel');
      const exitToggle = panel.getByRole('button', { name: '退出候选' });
      const footprintToggle = panel.getByRole('button', { name: '连片开发' });
      await expect.poll(() => panel.getByRole('alert').allTextContents(), { timeout: 60_000 }).toEqual([
        '退出候选加载失败：服务器返回 500：测试：服务器故障点击重试',
        '连片开发加载失败：无法连接服务器点击重试',
      ]);
      for (const toggle of [exitToggle, footprintToggle]) {
        expect(await toggle.getAttribute('aria-busy')).toBe('false');
        expect(await toggle.getAttribute('aria-pressed')).toBe('true');
        expect(await toggle.textContent()).toContain('加载失败');
        expect(await toggle.textContent()).not.toContain('加载中');
      }
      await other.screenshot({ path: join(RESULTS, 'map-overlay-failed.png') });

      // The server is back: a retry loads each, and the switch shows its key.
      await other.unroute(exitList);
      await other.unroute(footprints);
      for (const [toggle, key] of [[exitToggle, EXIT_PATH_CLASSES[0]!.path], [footprintToggle, '归宗后范围']] as const) {
        await toggle.locator('xpath=..').getByRole('button', { name: '点击重试' }).click();
        await expect.poll(() => toggle.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
        await expect.poll(() => toggle.locator('xpath=..').textContent(), { timeout: 30_000 }).toContain(key);
        expect(await toggle.textContent()).not.toContain('加载失败');
      }
      expect(await panel.getByRole('alert').count()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('search flies to an enterprise’s parcel and opens it', async () => {
    const { latestRunId } = await api<Meta>('/api/meta');
    const top = await api<RunResultsPage>(`/api/evaluations/${latestRunId}/results?grade=A&group=above&pageSize=5`);
    const unit = top.results.find((r) => r.kind === 'enterprise')!;
    const enterprise = await api<EnterpriseDetail>(`/api/enterprises/${unit.unitId}`);
    await districtView(page);
    const before = await camera(page);

    // Typed in full-width, as a Chinese input method in full-width mode would.
    const box = page.getByRole('combobox', { name: '搜索' });
    await box.fill(fullWidth(unit.unitId));
    await page.getByRole('option').filter({ hasText: unit.name }).first().waitFor({ timeout: 20_000 });
    await box.press('Enter');

    const code = page.getByTestId('parcel-code');
    await expect.poll(() => code.textContent(), { timeout: 20_000 }).toBe(mainParcel(enterprise.parcels)!.code);
    await mapIdle(page);
    const after = await camera(page);
    const [w, s, e, n] = enterprise.parcels.reduce(
      ([w0, s0, e0, n0], p) => [Math.min(w0, p.bbox[0]), Math.min(s0, p.bbox[1]), Math.max(e0, p.bbox[2]), Math.max(n0, p.bbox[3])],
      [Infinity, Infinity, -Infinity, -Infinity],
    );
    expect(after.zoom).toBeGreaterThan(before.zoom + 1);
    expect(after.lng).toBeGreaterThan(w - 0.002);
    expect(after.lng).toBeLessThan(e + 0.002);
    expect(after.lat).toBeGreaterThan(s - 0.002);
    expect(after.lat).toBeLessThan(n + 0.002);
    // All of the enterprise's land is in view, fitted to the map as it is with the detail panel open.
    const inView = await page.evaluate(([w, s, e, n]) => {
      const map = (window as unknown as { __mujunMap: { project(ll: [number, number]): { x: number; y: number }; getContainer(): HTMLElement } }).__mujunMap;
      const { width, height } = map.getContainer().getBoundingClientRect();
      const [a, b] = [map.project([w, n]), map.project([e, s])];
      return { a, b, width, height };
    }, [w, s, e, n] as const);
    const where = `land ${JSON.stringify(inView)}`;
    expect(inView.a.x, where).toBeGreaterThanOrEqual(0);
    expect(inView.a.y, where).toBeGreaterThanOrEqual(0);
    expect(inView.b.x, where).toBeLessThanOrEqual(inView.width);
    expect(inView.b.y, where).toBeLessThanOrEqual(inView.height);
    await expect.poll(() => page.locator('.enterprise-card.focused h4').textContent()).toBe(unit.name);
    await page.screenshot({ path: join(RESULTS, 'map-search.png') });
  });

  it('a shared link reproduces the view: camera, colours, filters and the selected parcel', async () => {
    const shared = page.url();
    const expected = await camera(page);
    const code = await page.getByTestId('parcel-code').textContent();
    const url = new URL(shared);
    url.searchParams.set('color', 'tax');
    url.searchParams.set('grade', 'C,D');
    url.searchParams.set('tax', '5-40');
    url.searchParams.set('region', '500106-ZT07');

    const other = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      await other.goto(url.toString());
      await mapIdle(other);
      const panelCode = other.getByTestId('parcel-code');
      await expect.poll(() => panelCode.textContent(), { timeout: 20_000 }).toBe(code);
      await other.locator('.detail-body .reasons').first().waitFor({ timeout: 20_000 });
      const got = await camera(other);
      expect(got.zoom).toBeCloseTo(expected.zoom, 1);
      expect(got.lng).toBeCloseTo(expected.lng, 4);
      expect(got.lat).toBeCloseTo(expected.lat, 4);
      expect(await other.getByRole('radio', { name: '亩均税收' }).getAttribute('aria-checked')).toBe('true');
      expect(await other.getByRole('group', { name: '等级' }).getByRole('button', { pressed: true }).allTextContents()).toEqual(['C', 'D']);
      expect(await other.getByRole('textbox', { name: '亩均税收下限' }).inputValue()).toBe('5');
      expect(await other.getByRole('textbox', { name: '亩均税收上限' }).inputValue()).toBe('40');
      expect(await other.getByRole('combobox', { name: '区域' }).inputValue()).toBe('500106-ZT07');
      // The selected parcel, dimmed by the C/D filter, keeps its label legible: selected on the labels too.
      const selectedLabel = await other.evaluate(({ code, source }) => {
        const map = (window as unknown as {
          __mujunMap: { querySourceFeatures(s: string): { id?: number | string; properties: { code: string } }[]; getFeatureState(f: unknown): { selected?: boolean } };
        }).__mujunMap;
        const f = map.querySourceFeatures(source).find((x) => x.properties.code === code);
        return f ? map.getFeatureState({ source, id: f.id }).selected ?? false : null;
      }, { code, source: PARCEL_LABEL_SOURCE });
      expect(selectedLabel).toBe(true);
      await other.screenshot({ path: join(RESULTS, 'map-shared-link-1920.png') });
    } finally {
      await other.close();
    }
  });

  it('导出图片 saves the map as drawn, under a title, with its legend, scale bar and source, as a PNG', async () => {
    const meta = await api<Meta>('/api/meta');
    await districtView(page);
    await mapIdle(page);
    const { fileName, size, expectedSize, found } = await exportPicture(page, 'map-picture.png');
    expect(fileName).toMatch(new RegExp(`^${meta.districtName}-亩均效益评价等级-${meta.latestYear}年度-\\d{8}-\\d{4}\\.png$`));
    // The map at its own resolution, a 64 px title band above it and a 30 px footer below.
    expect(size).toEqual(expectedSize);
    const summary = JSON.stringify(found);
    expect(found.same, summary).toBeGreaterThan(0.98 * found.total);
    expect(found.titleInk, summary).toBeGreaterThan(300);
    expect(found.swatchA, summary).toBeGreaterThanOrEqual(Math.floor(12 * found.ratio) ** 2);
  });

  it('over a GCJ-02 basemap the parcels are drawn shifted, and the address bar stays WGS 84', async () => {
    // The shared link of the tests above (a WGS 84 centre), opened where the server names a
    // GCJ-02 basemap: its meta and the basemap's style are answered here, the rest by the server.
    const shared = new URL(page.url());
    const [lng, lat] = shared.searchParams.get('c')!.split(',').map(Number) as [number, number];
    const styleUrl = 'https://basemap.test/gcj02/style.json';
    const other = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      const asked: string[] = [];
      other.on('request', (r) => asked.push(r.url()));
      await other.route(styleUrl, (route) => route.fulfill({
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify({ version: 8, sources: {}, layers: [{ id: 'paper', type: 'background', paint: { 'background-color': '#f4f1ea' } }] }),
      }));
      await other.route((url) => url.pathname === '/api/meta', async (route) => {
        const meta = (await (await route.fetch()).json()) as Meta;
        await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...meta, basemapStyleUrl: styleUrl, basemapCrs: 'gcj02' }) });
      });
      await other.goto(shared.toString());
      await mapIdle(other);
      const path = (u: string) => new URL(u).pathname;
      const geometry = asked.filter((u) => ['/api/regions', '/api/roads', '/tiles/parcels.json'].includes(path(u)) || path(u).startsWith('/tiles/parcels/'));
      expect(geometry.length).toBeGreaterThanOrEqual(3);
      expect(geometry.filter((u) => new URL(u).searchParams.get('crs') !== 'gcj02')).toEqual([]);
      // The map's centre is the shared WGS 84 centre shifted (hundreds of metres in Chongqing)…
      const [gx, gy] = wgs84ToGcj02(lng, lat);
      const got = await camera(other);
      expect(got.lng).toBeCloseTo(gx, 5);
      expect(got.lat).toBeCloseTo(gy, 5);
      expect(Math.abs(gx - lng) + Math.abs(gy - lat)).toBeGreaterThan(0.002);
      // …and the address bar, rewritten after the map settled, still holds the WGS 84 one.
      const [ulng, ulat] = new URL(other.url()).searchParams.get('c')!.split(',').map(Number) as [number, number];
      expect(ulng).toBeCloseTo(lng, 4);
      expect(ulat).toBeCloseTo(lat, 4);
      await other.screenshot({ path: join(RESULTS, 'map-gcj02.png') });
    } finally {
      await other.close();
    }
  });

  it('3D mode raises the parcels by 亩均税收 and a click on one opens it', async () => {
    await page.getByRole('button', { name: '三维' }).click();
    await page.waitForFunction(() => {
      const w = window as unknown as { __mujun3d?: unknown; __mujunMap: { getPitch(): number } };
      return !!w.__mujun3d && w.__mujunMap.getPitch() > 50;
    }, undefined, { timeout: 60_000 });
    await mapIdle(page);
    expect(page.url()).toContain('view=3d');
    // What deck.gl drew: pick across the canvas and find a parcel away from the panels.
    const target = await page.evaluate(() => {
      const w = window as unknown as {
        __mujun3d: { pick(x: number, y: number): { properties: { code: string } } | null };
        __mujunMap: { getContainer(): HTMLElement };
      };
      const rect = w.__mujunMap.getContainer().getBoundingClientRect();
      for (let y = 120; y < rect.height - 60; y += 24) {
        for (let x = 260; x < rect.width - 60; x += 24) {
          const hit = w.__mujun3d.pick(x, y);
          if (hit) return { x: rect.left + x, y: rect.top + y, code: hit.properties.code };
        }
      }
      return null;
    });
    expect(target, 'an extruded parcel on screen').not.toBeNull();
    await page.screenshot({ path: join(RESULTS, 'map-3d.png') });
    await page.mouse.click(target!.x, target!.y);
    await expect.poll(() => page.getByTestId('parcel-code').textContent(), { timeout: 20_000 }).toBe(target!.code);
    await mapIdle(page);
    await page.screenshot({ path: join(RESULTS, 'map-3d-selected.png') });
    // The picture of the 3D view holds what deck.gl drew into the map's canvas (the detail panel
    // closed, so the map is wide enough for the footer on one line and the sizes below hold).
    await page.getByRole('button', { name: '关闭详情' }).click();
    await mapIdle(page);
    const picture = await exportPicture(page, 'map-picture-3d.png');
    expect(picture.fileName).toContain('亩均税收三维视图');
    expect(picture.size).toEqual(picture.expectedSize);
    expect(picture.found.same, JSON.stringify(picture.found)).toBeGreaterThan(0.98 * picture.found.total);

    await page.getByRole('button', { name: '三维' }).click();
    await page.waitForFunction(() => (window as unknown as { __mujunMap: { getPitch(): number } }).__mujunMap.getPitch() === 0, undefined, { timeout: 20_000 });
    expect(page.url()).not.toContain('view=3d');
  });
});

