/**
 * Vector tiles (Mapbox Vector Tile 2.1) of parcels and regions, and their TileJSON.
 *
 * Caching: a tile's ETag is its set, data version and z/x/y; `If-None-Match` with it gives 304. A
 * request whose `v` is the data version the tile was read at may keep it for a year (`immutable`),
 * since the URL changes with the data; any other request gets `no-cache` (revalidate with the ETag).
 * An empty tile is a 200 with an empty body (a valid tile with no layers), cached like any other.
 */
import { Hono, type Context } from 'hono';
import type { Database } from '../db/database.ts';
import { PARCEL_LAYER, PARCEL_TILE_ATTRIBUTES, REGION_LAYER, REGION_TILE_ATTRIBUTES, tileBounds } from '../db/queries/tiles.ts';
import { CELL_ATTRIBUTES, CELL_LAYER } from '../tiles/cells.ts';
import { MAX_TILE_ZOOM, type TileAddress } from '../tiles/tile-grid.ts';
import { tileJson, type VectorLayerSpec } from '../tiles/tilejson.ts';
import { PARCEL_MINZOOM, TILE_MAXZOOM, TILE_MINZOOM } from '../tiles/zoom-plan.ts';
import { badRequest, parseCrs } from './params.ts';
import { GCJ02_REACH_DEG } from '../db/queries/tiles.ts';
import { TileSource, type TileSetName, type TileSourceOptions } from './tile-source.ts';

const MVT = 'application/vnd.mapbox-vector-tile';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

const TILE_SETS: Record<TileSetName, { name: string; description: string; layers: VectorLayerSpec[] }> = {
  parcels: {
    name: '宗地',
    description: `宗地及其亩均税收；${PARCEL_MINZOOM} 级以下为网格汇总`,
    layers: [
      { id: PARCEL_LAYER, description: '宗地', minzoom: PARCEL_MINZOOM, maxzoom: TILE_MAXZOOM, attributes: PARCEL_TILE_ATTRIBUTES },
      { id: CELL_LAYER, description: '宗地网格汇总（每瓦片 64×64 格，按宗地外包框中心归格）', minzoom: 0, maxzoom: PARCEL_MINZOOM - 1, attributes: CELL_ATTRIBUTES },
    ],
  },
  regions: {
    name: '区划',
    description: '区县、片区、组团、镇街、园区边界',
    layers: [{ id: REGION_LAYER, description: '区划', minzoom: 0, maxzoom: TILE_MAXZOOM, attributes: REGION_TILE_ATTRIBUTES }],
  },
};

export function tileRoutes(db: Database, options: TileSourceOptions = {}) {
  const source = new TileSource(db, options);
  let bounds: { version: string; value: Promise<[number, number, number, number] | null> } | null = null;

  const serveTileJson = (set: TileSetName) => async (c: Context) => {
    const crs = parseCrs(c.req.query('crs'));
    const version = await source.currentVersion();
    const etag = `"${set}.json/${crs}/${version}"`;
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304, { etag, 'cache-control': REVALIDATE });
    if (bounds?.version !== version) {
      const value = tileBounds(db);
      bounds = { version, value };
      value.catch(() => bounds?.value === value && (bounds = null));
    }
    const url = new URL(c.req.url);
    const spec = TILE_SETS[set];
    return c.json(
      tileJson({
        ...spec,
        tilesUrl: `${url.origin}${url.pathname.replace(/\.json$/, '')}/{z}/{x}/{y}.mvt`,
        dataVersion: version,
        crs: crs === 'wgs84' ? null : crs,
        minzoom: TILE_MINZOOM,
        maxzoom: TILE_MAXZOOM,
        bounds: grow(await bounds.value, crs === 'gcj02' ? GCJ02_REACH_DEG : 0),
      }),
      200,
      { etag, 'cache-control': REVALIDATE },
    );
  };

  const serveTile = (set: TileSetName) => async (c: Context) => {
    const tile = parseTileAddress(c.req.param('z') ?? '', c.req.param('x') ?? '', c.req.param('y') ?? '');
    const requested = c.req.query('v');
    const crs = parseCrs(c.req.query('crs'));
    const headers = (version: string) => ({
      etag: `"${set}/${crs === 'wgs84' ? '' : `${crs}/`}${version}/${tile.z}/${tile.x}/${tile.y}"`,
      'cache-control': requested === version ? IMMUTABLE : REVALIDATE,
    });
    const current = await source.currentVersion(requested);
    if (matchesEtag(c.req.header('if-none-match'), headers(current).etag)) return c.body(null, 304, headers(current));
    const { version, mvt } = await source.tile(set, tile, current, crs);
    return c.body(mvt as Uint8Array<ArrayBuffer>, 200, { ...headers(version), 'content-type': MVT });
  };

  return new Hono()
    .get('/parcels.json', serveTileJson('parcels'))
    .get('/regions.json', serveTileJson('regions'))
    .get('/parcels/:z/:x/:y{[^/]+\\.mvt}', serveTile('parcels'))
    .get('/regions/:z/:x/:y{[^/]+\\.mvt}', serveTile('regions'));
}

/** z, x and y of a tile path (`y` with its `.mvt`), checked; a bad one is a 400 that names it. */
export function parseTileAddress(rawZ: string, rawX: string, rawY: string): TileAddress {
  const z = parseTileInteger('z', rawZ, MAX_TILE_ZOOM, '');
  const n = 2 ** z;
  const x = parseTileInteger('x', rawX, n - 1, `（z=${z}）`);
  const y = parseTileInteger('y', rawY.replace(/\.mvt$/, ''), n - 1, `（z=${z}）`);
  return { z, x, y };
}

function parseTileInteger(name: string, raw: string, max: number, context: string): number {
  const value = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!(value <= max)) badRequest(`参数 ${name} 应为 0–${max} 的整数${context}，实为“${raw}”`);
  return value;
}

/** Whether an If-None-Match header lists the ETag (weak or strong, or `*`). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

const grow = (b: [number, number, number, number] | null, d: number) => b && ([b[0] - d, b[1] - d, b[2] + d, b[3] + d] as [number, number, number, number]);
