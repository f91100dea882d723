import { VectorTile, type VectorTileLayer } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing.ts';
import { TINY, tinyCopy } from '../import/delivery-fixture.ts';
import { importDelivery } from '../import/load.ts';
import { ringArea } from '../tiles/mvt-encode.ts';
import { tileOf, tilesCovering, type TileAddress } from '../tiles/tile-grid.ts';
import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
import { refreshLandStatus } from '../land/refresh.ts';
import { lowTaxTiny } from '../land/testing.ts';
import { gcj02Offset, wgs84ToGcj02 } from '../domain/gcj02.ts';
import { tileRoutes } from './tiles.ts';
import { TileSource } from './tile-source.ts';
import { tileBounds } from '../db/queries/tiles.ts';

const P = (n: number) => `500106001001GB0000${n}W00000000`;
// The tiny district lies in one tile at z12 and z10; P1 alone at z16.
const Z12 = tileOf(106.302, 29.601, 12);
const Z10 = tileOf(106.302, 29.601, 10);
const Z16_P1 = tileOf(106.3005, 29.6005, 16);
const path = (set: string, { z, x, y }: TileAddress, query = '') => `/tiles/${set}/${z}/${x}/${y}.mvt${query}`;

const decode = (bytes: ArrayBuffer) => new VectorTile(new PbfReader(new Uint8Array(bytes)));
const features = (layer: VectorTileLayer | undefined) => Array.from({ length: layer?.length ?? 0 }, (_, i) => layer!.feature(i));

describe('vector tiles on the tiny delivery', () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await openTestDatabase();
    await importDelivery(db, TINY);
    app = createApp({ db });
  });
  afterAll(() => db?.close());

  const getTile = async (url: string, headers: Record<string, string> = {}) => {
    const res = await app.request(url, { headers });
    const body = await res.arrayBuffer();
    return { res, body, tile: decode(body) };
  };

  it('a z12 parcel tile holds every parcel, id = parcel id, with the attributes a style needs', async () => {
    const { res, tile } = await getTile(path('parcels', Z12));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(Object.keys(tile.layers)).toEqual(['parcels']);
    expect(tile.layers.parcels!.extent).toBe(4096);
    const byCode = Object.fromEntries(features(tile.layers.parcels).map((f) => [f.properties.code, f]));
    expect(Object.keys(byCode).sort()).toEqual([1, 2, 3, 4, 5].map(P));

    // The same parcels through the GeoJSON API: ids and 亩均税收 agree.
    const api = (await (await app.request('/api/parcels?bbox=106.29,29.59,106.31,29.61')).json()) as {
      features: { id: number; properties: { code: string; taxPerMuWan: number | null; areaMu: number } }[];
    };
    for (const f of api.features) {
      expect(byCode[f.properties.code]!.id).toBe(f.id);
      expect(byCode[f.properties.code]!.properties.taxPerMuWan).toBe(f.properties.taxPerMuWan ?? undefined);
    }
    const props = (n: number) => { const { taxPerMuWan, ...rest } = byCode[P(n)]!.properties; return rest; };
    // P3: the owner (重庆乙, 规上) is the main occupant, not the tenant.
    expect(props(1)).toEqual({ code: P(1), industry: 'C3489', scale: 'above', region: '500106-ZT01', landUse: '0601', enterpriseCount: 1 });
    expect(props(3)).toEqual({ code: P(3), industry: 'C3982', scale: 'above', region: '500106-ZT01', landUse: '0601', enterpriseCount: 2 });
    expect(props(4)).toEqual({ code: P(4), industry: 'D4620', scale: 'below', region: '500106-ZT02', landUse: '0601', enterpriseCount: 1 });
    // No enterprise: no tax, industry or scale at all (not zero, not empty).
    expect(byCode[P(5)]!.properties).toEqual({ code: P(5), region: '500106-ZT02', landUse: '0601', enterpriseCount: 0 });
    // 重庆甲 paid 260 万元 of its 2025 tax on P1.
    const p1 = api.features.find((f) => f.properties.code === P(1))!.properties;
    expect(p1.taxPerMuWan).toBeCloseTo(260 / p1.areaMu, 1);
  });

  it('puts each parcel where it is, exterior rings clockwise in tile coordinates', async () => {
    const { tile } = await getTile(path('parcels', Z16_P1));
    const p1 = features(tile.layers.parcels).find((f) => f.properties.code === P(1))!;
    const geometry = p1.toGeoJSON(Z16_P1.x, Z16_P1.y, Z16_P1.z).geometry;
    expect(geometry.type).toBe('Polygon');
    const ring = (geometry as GeoJSON.Polygon).coordinates[0]!;
    const lngs = ring.map((p) => p[0]!);
    const lats = ring.map((p) => p[1]!);
    // One tile unit at z16 is about 0.15 m, 1.4e-6°.
    for (const [got, want] of [[Math.min(...lngs), 106.3], [Math.max(...lngs), 106.301], [Math.min(...lats), 29.6], [Math.max(...lats), 29.601]]) {
      expect(Math.abs(got! - want!)).toBeLessThan(3e-6);
    }
    for (const f of features(tile.layers.parcels)) {
      const [exterior] = f.loadGeometry();
      expect(ringArea(exterior!.map((p) => [p.x, p.y]))).toBeGreaterThan(0);
    }
  });

  it('below z12 a tile holds grid cells summing the parcels, 亩均税收 over the land that pays tax', async () => {
    const { tile } = await getTile(path('parcels', Z10));
    expect(Object.keys(tile.layers)).toEqual(['parcel_cells']);
    const cells = features(tile.layers.parcel_cells);
    expect(cells.reduce((n, c) => n + (c.properties.count as number), 0)).toBe(5);
    // All five parcels within one 64-unit cell at z10 (about 2.4 km).
    expect(cells).toHaveLength(1);
    const taxed = cells[0]!.properties;
    expect(taxed.taxPerMuWan).toBeGreaterThan(0);
    expect(Object.keys(taxed).sort()).toEqual(['areaMu', 'count', 'taxPerMuWan']);
  });

  it('a regions tile holds the regions of every level, the district first', async () => {
    const { tile } = await getTile(path('regions', Z12));
    const regions = features(tile.layers.regions).map((f) => f.properties);
    expect(regions[0]).toEqual({ code: '500106', name: '样例区', level: 'district' });
    expect(regions.map((r) => r.code).sort()).toEqual(['500106', '500106-PQ01', '500106-ZT01', '500106-ZT02']);
  });

  it('an empty tile is a 200 with an empty body', async () => {
    const { res, body } = await getTile(path('parcels', { z: 14, x: 0, y: 0 }));
    expect(res.status).toBe(200);
    expect(body.byteLength).toBe(0);
  });

  it('is immutable for the current version, revalidated otherwise, and 304 on a matching ETag', async () => {
    const current = await getTile(path('parcels', Z12, '?v=i1r0'));
    const etag = current.res.headers.get('etag');
    expect(etag).toBe(`"parcels/i1r0/${Z12.z}/${Z12.x}/${Z12.y}"`);
    expect(current.res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const query of ['', '?v=i0r0']) {
      expect((await getTile(path('parcels', Z12, query))).res.headers.get('cache-control')).toBe('no-cache');
    }
    const revalidated = await app.request(path('parcels', Z12, '?v=i1r0'), { headers: { 'if-none-match': `W/"x", ${etag}` } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(etag);
    expect(revalidated.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await app.request(path('parcels', Z12), { headers: { 'if-none-match': '"parcels/i0r0/1/1/1"' } })).status).toBe(200);
  });

  it.each([
    ['23/0/0', 'z', '0–22'],
    ['abc/0/0', 'z', 'abc'],
    ['-1/0/0', 'z', '-1'],
    ['1.5/0/0', 'z', '1.5'],
    ['3/8/0', 'x', '0–7'],
    ['3/0/8', 'y', '0–7'],
    ['3/0/1e1', 'y', '1e1'],
    ['3/x/0', 'x', 'x'],
  ])('GET /tiles/parcels/%s.mvt → 400 naming %s', async (zxy, name, fragment) => {
    const res = await app.request(`/tiles/parcels/${zxy}.mvt`);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: string };
    expect(error).toContain(`参数 ${name}`);
    expect(error).toContain(fragment);
  });

  it('GET /tiles/parcels.json is TileJSON 3.0.0 whose tile URLs carry the data version', async () => {
    const res = await app.request('http://mujun.test/tiles/parcels.json');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const doc = (await res.json()) as any;
    expect(doc).toMatchObject({
      tilejson: '3.0.0',
      tiles: ['http://mujun.test/tiles/parcels/{z}/{x}/{y}.mvt?v=i1r0'],
      minzoom: 6,
      maxzoom: 16,
      bounds: [106.299, 29.599, 106.305, 29.603],
    });
    expect(doc.vector_layers.map((l: any) => [l.id, l.minzoom, l.maxzoom])).toEqual([['parcels', 12, 16], ['parcel_cells', 0, 11]]);
    expect(Object.keys(doc.vector_layers[0].fields)).toEqual(['code', 'taxPerMuWan', 'industry', 'scale', 'region', 'landUse', 'enterpriseCount', 'grade', 'group', 'flags']);
    // The same token as /api/meta, so a client may build tile URLs from either.
    const meta = (await (await app.request('/api/meta')).json()) as { dataVersion: string };
    expect(doc.tiles[0].endsWith(`?v=${meta.dataVersion}`)).toBe(true);
    const regions = (await (await app.request('http://mujun.test/tiles/regions.json')).json()) as any;
    expect(regions.tiles).toEqual(['http://mujun.test/tiles/regions/{z}/{x}/{y}.mvt?v=i1r0']);
    expect(Object.keys(regions.vector_layers[0].fields)).toEqual(['code', 'name', 'level']);
    const etag = res.headers.get('etag')!;
    expect((await app.request('http://mujun.test/tiles/parcels.json', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  // Last: it imports a second batch.
  it('after an import, tiles are read at the new version and the old version is no longer immutable', async () => {
    const tiles = new Hono().route('/tiles', tileRoutes(db, { versionTtlMs: 0 }));
    const before = await tiles.request(path('parcels', Z12, '?v=i1r0'));
    const taxBefore = features(decode(await before.arrayBuffer()).layers.parcels).find((f) => f.properties.code === P(1))!.properties.taxPerMuWan as number;
    // 重庆甲's 2025 tax 520 → 1040 万元: P1's 亩均税收 doubles.
    await importDelivery(db, tinyCopy({ 'metrics-税务局.csv': (t) => t.replace('91500106MA5U1A2B9B,2025,520', '91500106MA5U1A2B9B,2025,1040') }));
    const old = await tiles.request(path('parcels', Z12, '?v=i1r0'), { headers: { 'if-none-match': before.headers.get('etag')! } });
    expect(old.status).toBe(200);
    expect(old.headers.get('cache-control')).toBe('no-cache');
    expect(old.headers.get('etag')).toBe(`"parcels/i2r0/${Z12.z}/${Z12.x}/${Z12.y}"`);
    const p1 = features(decode(await old.arrayBuffer()).layers.parcels).find((f) => f.properties.code === P(1))!;
    expect(p1.properties.taxPerMuWan).toBeCloseTo(2 * taxBefore, 1);
    expect((await tiles.request(path('parcels', Z12, '?v=i2r0'))).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});

describe('parcel tiles carry the land-status flags, versioned with the rules that set them', () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await openTestDatabase();
    await importDelivery(db, lowTaxTiny());
    await refreshLandStatus(db);
    app = createApp({ db });
  });
  afterAll(() => db?.close());

  const flagsByCode = async () => {
    const { dataVersion } = (await (await app.request('/api/meta')).json()) as { dataVersion: string };
    const res = await app.request(path('parcels', Z12, `?v=${dataVersion}`));
    const byCode = Object.fromEntries(features(decode(await res.arrayBuffer()).layers.parcels).map((f) => [f.properties.code as string, f.properties.flags]));
    return { dataVersion, etag: res.headers.get('etag'), byCode };
  };

  it('gives each parcel its latest year’s flags, comma-joined, and none where there are none', async () => {
    const stored = await db.query<{ code: string; flags: string[] }>(
      `SELECT p.unit_code AS code, s.flags FROM parcel_status AS s JOIN parcel AS p ON p.id = s.parcel_id WHERE s.year = 2025`);
    const { byCode } = await flagsByCode();
    expect(stored).toHaveLength(5);
    for (const { code, flags } of stored) expect(byCode[code]).toBe(flags.length ? flags.join(',') : undefined);
    expect(Object.values(byCode).filter((f) => typeof f === 'string' && f.split(',').includes('low_tax_per_mu'))).toHaveLength(2);
  });

  it('a new rules version changes the data version, so cached tiles are not shown with the old flags', async () => {
    const before = await flagsByCode();
    expect(before.dataVersion).toMatch(/^i1r0l[0-9a-f]{6}$/);
    const rules = JSON.parse(readFileSync('data/rules/land-status-default.json', 'utf8'));
    rules.version = 2;
    rules.lowEfficiency.taxPerMuBelowWan.value = null; // the absolute test is off
    rules.lowEfficiency.taxPerMuBelowIndustryMedianShare.value = null;
    expect((await app.request('/api/land-rules', { method: 'POST', body: JSON.stringify(rules), headers: { 'content-type': 'application/json' } })).status).toBe(201);
    const after = await flagsByCode();
    expect(after.dataVersion).toMatch(/^i1r0l[0-9a-f]{6}$/);
    expect(after.dataVersion).not.toBe(before.dataVersion);
    expect(after.etag).not.toBe(before.etag);
    expect(Object.values(after.byCode).filter((f) => typeof f === 'string' && f.includes('low_tax'))).toHaveLength(0);
  });
});

describe('display over a GCJ-02 basemap (crs=gcj02)', () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await openTestDatabase();
    await importDelivery(db, TINY);
    app = createApp({ db, basemapStyleUrl: 'http://basemap.test/style.json', basemapCrs: 'gcj02' });
  });
  afterAll(() => db?.close());

  it('the SQL shift is the domain one', async () => {
    for (const [lng, lat] of [[106.3, 29.6], [116.39, 39.91], [87.6, 43.8], [121.5, 31.2], [2.35, 48.85]] as const) {
      const [row] = await db.query<{ o: number[] }>('SELECT mujun_gcj02_offset($1::float8, $2::float8) AS o', [lng, lat]);
      const [dx, dy] = gcj02Offset(lng, lat);
      expect(row!.o[0]).toBeCloseTo(dx, 12);
      expect(row!.o[1]).toBeCloseTo(dy, 12);
    }
  });

  it('meta says so; TileJSON carries crs into the tile URLs; a bad crs is a 400', async () => {
    expect(await (await app.request('/api/meta')).json()).toMatchObject({ basemapCrs: 'gcj02' });
    const doc = (await (await app.request('http://mujun.test/tiles/parcels.json?crs=gcj02')).json()) as { tiles: string[] };
    expect(doc.tiles[0]).toMatch(/\?v=[^&]+&crs=gcj02$/);
    const bad = await app.request(path('parcels', Z12, '?crs=bd09'));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('参数 crs');
  });

  it('moves every parcel in the tile by its GCJ-02 shift, and only the drawing', async () => {
    const ring = async (crs: string) => {
      const tile = decode(await (await app.request(path('parcels', Z12, `?crs=${crs}`))).arrayBuffer());
      const f = features(tile.layers.parcels).find((x) => x.properties.code === P(1))!;
      return f.loadGeometry()[0]!;
    };
    const [plain, shifted] = [await ring('wgs84'), await ring('gcj02')];
    const [dLng, dLat] = gcj02Offset(106.3005, 29.6005);
    const units = 4096 * 2 ** Z12.z;
    const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const dx = (dLng / 360) * units;
    const dy = (-(mercY(29.6005 + dLat) - mercY(29.6005)) / (2 * Math.PI)) * units;
    expect(Math.abs(dx)).toBeGreaterThan(5); // a real move at this zoom, not rounding
    expect(shifted).toHaveLength(plain.length);
    for (const [i, p] of plain.entries()) {
      expect(Math.abs(shifted[i]!.x - p.x - dx)).toBeLessThanOrEqual(1);
      expect(Math.abs(shifted[i]!.y - p.y - dy)).toBeLessThanOrEqual(1);
    }
    // Cached apart: the plain tile is still the plain tile.
    expect(await ring('wgs84')).toEqual(plain);
  });

  it('GeoJSON layers come back with every vertex shifted', async () => {
    const get = async (url: string) => (await (await app.request(url)).json()) as { features: { geometry: { coordinates: number[][][] } }[] };
    for (const url of ['/api/regions', '/api/parcels?bbox=106.29,29.59,106.31,29.61']) {
      const [plain, shifted] = [await get(url), await get(`${url}${url.includes('?') ? '&' : '?'}crs=gcj02`)];
      expect(shifted.features.length).toBe(plain.features.length);
      const a = plain.features[0]!.geometry.coordinates.flat(3) as number[];
      const b = shifted.features[0]!.geometry.coordinates.flat(3) as number[];
      for (let i = 0; i < a.length; i += 2) expect([b[i], b[i + 1]]).toEqual(wgs84ToGcj02(a[i]!, a[i + 1]!));
    }
  });
});

describe('warming the shallow tiles', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    await importDelivery(db, TINY);
  });
  afterAll(() => db?.close());

  it('renders every parcel tile of the district up to the warm zoom when the version changes, as a request would', async () => {
    const warm = new TileSource(db, { warmToZoom: 9 });
    const version = await warm.currentVersion();
    await warm.warming;
    const bounds = (await tileBounds(db))!;
    const expected = [6, 7, 8, 9].flatMap((z) => tilesCovering(bounds, z));
    expect(warm.cachedTiles).toBe(expected.length);
    const cold = new TileSource(db, {});
    for (const t of expected) expect((await warm.tile('parcels', t, version)).mvt).toEqual((await cold.tile('parcels', t, version)).mvt);
    expect(warm.cachedTiles).toBe(expected.length); // all served from the warm cache
    expect(new TileSource(db, {}).warming).toBeNull();
  });
});
