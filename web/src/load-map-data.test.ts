import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Meta } from '../api/types.ts';
import { regions, roads, tileJson } from '../map/test-fixtures.ts';
import { DEFAULT_MAP_THEME } from '../map/theme.ts';
import { loadMapData } from './load-map-data.ts';

const STYLE_URL = 'https://basemap.example.cn/style.json';

function meta(basemapCrs: Meta['basemapCrs']): Meta {
  return {
    districtName: '示例区', bbox: [106.48, 29.5, 106.6, 29.6], years: [2025], latestYear: 2025,
    basemapStyleUrl: STYLE_URL, basemapCrs, latestRunId: 1, dataVersion: 'i1r1',
  };
}

/**
 * A stand-in for the network (the server and the basemap host): answers by path, and records
 * every URL asked for. `basemapUp` false makes the basemap host answer 503.
 */
function serve(m: Meta, basemapUp: boolean): string[] {
  const asked: string[] = [];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    if (url === STYLE_URL) return basemapUp ? json({ version: 8, sources: {}, layers: [] }) : json({ error: 'down' }, 503);
    const path = url.split('?')[0];
    if (path === '/api/meta') return json(m);
    if (path === '/api/regions') return json(regions);
    if (path === '/api/roads') return json(roads);
    // As the server does: shifted tiles are named by their URLs.
    if (path === '/tiles/parcels.json') return json(url.includes('crs=gcj02') ? { ...tileJson, tiles: tileJson.tiles.map((t) => `${t}&crs=gcj02`) } : tileJson);
    return json({ error: 'not found' }, 404);
  });
  return asked;
}

const load = (search: string) => loadMapData(search, () => DEFAULT_MAP_THEME, new AbortController().signal);
const geometryRequests = (asked: string[]) => asked.filter((u) => /^\/(api\/(regions|roads)|tiles\/)/.test(u)).sort();

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loading the map in the basemap’s CRS', () => {
  it('asks for shifted geometry over the configured GCJ-02 basemap', async () => {
    const asked = serve(meta('gcj02'), true);
    const loaded = await load('');
    expect(loaded.displayCrs).toBe('gcj02');
    expect(geometryRequests(asked)).toEqual(['/api/regions?crs=gcj02', '/api/roads?crs=gcj02', '/tiles/parcels.json?crs=gcj02']);
    expect(loaded.data.parcelTiles.tiles[0]).toMatch(/crs=gcj02$/);
  });

  it('asks for WGS 84 geometry over a WGS 84 basemap', async () => {
    const asked = serve(meta('wgs84'), true);
    expect((await load('')).displayCrs).toBe('wgs84');
    expect(geometryRequests(asked)).toEqual(['/api/regions', '/api/roads', '/tiles/parcels.json']);
  });

  it('stays WGS 84 when the address bar asks for the offline basemap', async () => {
    const asked = serve(meta('gcj02'), true);
    expect((await load('?basemap=offline')).displayCrs).toBe('wgs84');
    expect(asked).not.toContain(STYLE_URL);
    expect(geometryRequests(asked)).toEqual(['/api/regions', '/api/roads', '/tiles/parcels.json']);
  });

  it('falls back to the offline basemap and unshifted geometry when the GCJ-02 basemap fails', async () => {
    const asked = serve(meta('gcj02'), false);
    const loaded = await load('');
    expect(loaded.displayCrs).toBe('wgs84');
    expect(loaded.basemapNotice).toMatch(/底图加载失败/);
    // The shifted answers, fetched alongside the basemap, are dropped for unshifted ones.
    expect(geometryRequests(asked).filter((u) => !u.includes('crs='))).toEqual(['/api/regions', '/api/roads', '/tiles/parcels.json']);
    expect(loaded.data.parcelTiles.tiles[0]).not.toMatch(/crs=/);
  });
});
