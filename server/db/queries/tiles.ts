/**
 * Vector tiles of parcels and regions. On a PostGIS server the tile is `ST_AsMVT` of `ST_AsMVTGeom`;
 * the embedded PostGIS has no protobuf, so there the same rows come back with their geometry as
 * GeoJSON in tile units (transformed, simplified, clipped and snapped to the grid by PostGIS as
 * ST_AsMVTGeom does, less its validity repair) and are encoded in JS. Each tile is read in one
 * statement together with the data version it shows, so it cannot be labelled with another.
 */
import type { Database, DatabaseKind, Queryable } from '../database.ts';
import { DATA_VERSION_SQL, LATEST_RUN_SQL } from './data-version.ts';
import { cellFeatures, CELL_LAYER, type CellRow } from '../../tiles/cells.ts';
import { encodeTile, type TileFeature, type TileGeometry } from '../../tiles/mvt-encode.ts';
import type { TileAddress } from '../../tiles/tile-grid.ts';
import type { TileAttribute } from '../../tiles/tilejson.ts';
import { TILE_BUFFER, TILE_EXTENT } from '../../tiles/zoom-plan.ts';

/** An attribute of a tile layer and the SQL that gives it, over the `FROM` of the layer's query. */
export interface SqlTileAttribute extends TileAttribute {
  sql: string;
}

export interface EncodedTile {
  /** The data version the tile was read at. */
  version: string;
  mvt: Uint8Array;
}

export const PARCEL_LAYER = 'parcels';
export const REGION_LAYER = 'regions';

/**
 * What a parcel feature carries. To add one (a grade, a status flag): a line here, and if it needs a
 * table, a join in PARCEL_JOINS. Null values are left out of the feature.
 */
export const PARCEL_TILE_ATTRIBUTES = [
  { name: 'code', description: '不动产单元代码', sql: 'p.unit_code' },
  { name: 'taxPerMuWan', description: '亩均税收（万元/亩），最新年度；无企业则缺省', sql: 'round(s.tax_per_mu_wan::numeric, 2)::float8' },
  { name: 'industry', description: '主要用地企业的国民经济行业代码（GB/T 4754）', sql: 'main.industry_code' },
  { name: 'scale', description: '主要用地企业规模：above 规上 / below 规下', sql: 'main.scale' },
  { name: 'region', description: '所在组团代码', sql: 'cluster.code' },
  { name: 'landUse', description: '土地用途代码（GB/T 21010）', sql: 'p.land_use' },
  { name: 'enterpriseCount', description: '用地企业数', sql: 'coalesce(s.enterprise_count, 0)::int' },
  { name: 'grade', description: '最新一次评价的等级 A/B/C/D/T（合并评价单位，否则主要用地企业）；未评价则缺省', sql: 'g.grade' },
  { name: 'group', description: '该等级所属组别：above 规上 / below 规下', sql: 'gr.grp' },
  { name: 'flags', description: '最新年度的用地状态标记（闲置、“五未”、低效、标准地未履约等代码），逗号分隔；无标记则缺省', sql: `nullif(array_to_string(st.flags, ','), '')` },
] as const satisfies readonly SqlTileAttribute[];

/** The tables PARCEL_TILE_ATTRIBUTES draw on, joined to `p` (the parcel row). */
export const PARCEL_JOINS = `
  LEFT JOIN parcel_summary AS s ON s.parcel_id = p.id
  LEFT JOIN evaluation_parcel AS g ON g.parcel_id = p.id AND g.run_id = ${LATEST_RUN_SQL}
  LEFT JOIN evaluation_result AS gr ON gr.run_id = g.run_id AND gr.unit_id = g.unit_id
  LEFT JOIN parcel_status AS st ON st.parcel_id = p.id AND st.year = (SELECT latest_year FROM land_refresh)
  -- The main occupant: the owner first, then the enterprise using the most land.
  LEFT JOIN LATERAL (
    SELECT e.industry_code, e.scale
    FROM occupancy AS o JOIN enterprise AS e ON e.id = o.enterprise_id
    WHERE o.parcel_id = p.id
    ORDER BY o.role = 'owner' DESC, o.area_used_m2 DESC, e.uscc
    LIMIT 1
  ) AS main ON true
  LEFT JOIN LATERAL (
    SELECT r.code FROM parcel_region AS pr JOIN region AS r ON r.id = pr.region_id
    WHERE pr.parcel_id = p.id AND r.level = 'cluster'
    ORDER BY r.code LIMIT 1
  ) AS cluster ON true`;

export const REGION_TILE_ATTRIBUTES = [
  { name: 'code', description: '区划代码', sql: 'r.code' },
  { name: 'name', description: '名称', sql: 'r.name' },
  { name: 'level', description: '层级：district 区县 / zone 片区 / cluster 组团 / town 镇街 / park 园区', sql: 'r.level' },
] as const satisfies readonly SqlTileAttribute[];

const selectList = (attributes: readonly SqlTileAttribute[]) => attributes.map((a) => `${a.sql} AS "${a.name}"`).join(', ');

/**
 * The tile in Web Mercator ($1–$3 = z, x, y): `env` its envelope, `clip` with the buffer, `sel` the
 * buffered envelope in lon/lat for the spatial index, and the affine map of metres to tile units.
 */
const TILE_PARAMS = `
  k AS (
    SELECT env, ST_Expand(env, (ST_XMax(env) - ST_XMin(env)) * ${TILE_BUFFER / TILE_EXTENT}) AS clip,
           ST_Transform(ST_TileEnvelope($1::int, $2::int, $3::int, margin => ${TILE_BUFFER / TILE_EXTENT}), 4326) AS sel,
           ${TILE_EXTENT} / (ST_XMax(env) - ST_XMin(env)) AS scale, ST_XMin(env) AS x0, ST_YMax(env) AS y1
    FROM (SELECT ST_TileEnvelope($1::int, $2::int, $3::int) AS env) AS t
  )`;

/** ST_AsMVTGeom's work without protobuf: to tile units, snapped to the grid, as GeoJSON. */
const tileUnitsGeoJson = (geom3857: string) =>
  `ST_AsGeoJSON(ST_Affine(ST_ClipByBox2D(${geom3857}, k.clip), k.scale, 0, 0, -k.scale, -k.x0 * k.scale, k.y1 * k.scale), 0)`;
const mvtGeom = (geom3857: string) => `ST_AsMVTGeom(${geom3857}, k.env, ${TILE_EXTENT}, ${TILE_BUFFER}, true)`;

/** Rows of a layer: `id`, `geom` (either backend's form) and the attributes, from `source AS alias`. */
function layerRows(source: string, alias: string, attributes: readonly SqlTileAttribute[], joinsAndFilter: string, geom: string, order: string) {
  return `
    SELECT ${alias}.id, ${geom} AS geom, ${selectList(attributes)}
    FROM ${source} AS ${alias} CROSS JOIN k ${joinsAndFilter}
    ORDER BY ${order}`;
}

/** The whole statement: one row with the data version and the tile (PostGIS) or a row per feature (embedded). */
function tileSql(kind: DatabaseKind, layer: string, rows: (geom: (g: string) => string) => string, ctes: string[]) {
  const withClause = `WITH ${[TILE_PARAMS, ...ctes].join(',')}`;
  if (kind === 'postgis') {
    return `${withClause}
      SELECT ${DATA_VERSION_SQL} AS version,
             coalesce((SELECT ST_AsMVT(t, '${layer}', ${TILE_EXTENT}, 'geom', 'id') FROM (${rows(mvtGeom)}) AS t WHERE t.geom IS NOT NULL), ''::bytea) AS mvt`;
  }
  return `${withClause}
    SELECT v.version, t.* FROM (SELECT ${DATA_VERSION_SQL} AS version) AS v
    LEFT JOIN (${rows(tileUnitsGeoJson)}) AS t ON true`;
}

/**
 * The coordinates a tile is drawn in: WGS 84 as stored, or GCJ-02 for a basemap drawn in it (each
 * shape moved by the shift at its centre, mujun_gcj02_shift in migration 0004; display only).
 */
export type TileCrs = 'wgs84' | 'gcj02';
export const TILE_CRSES: readonly TileCrs[] = ['wgs84', 'gcj02'];
/** How far GCJ-02 can move a shape, in degrees (≤ ~700 m in China): the selection box grows by it. */
export const GCJ02_REACH_DEG = 0.01;
const shapeIn = (crs: TileCrs, geom: string) => (crs === 'gcj02' ? `mujun_gcj02_shift(${geom})` : geom);
const selectionIn = (crs: TileCrs) => (crs === 'gcj02' ? `ST_Expand(k.sel, ${GCJ02_REACH_DEG})` : 'k.sel');

// Parcels meeting the buffered tile, the largest first and at most $5 of them. $4: tolerance in metres.
const parcelHits = (crs: TileCrs) => `
  hit AS (
    SELECT p.* FROM parcel AS p, k WHERE p.geom && ${selectionIn(crs)}
    ORDER BY p.area_m2 DESC, p.id LIMIT $5::int
  )`;
const parcelRows = (crs: TileCrs) => (geom: (g: string) => string) =>
  layerRows('hit', 'p', PARCEL_TILE_ATTRIBUTES, PARCEL_JOINS, geom(`ST_Simplify(ST_Transform(${shapeIn(crs, 'p.geom')}, 3857), $4::float8)`), 'p.id');

const REGION_LEVEL_ORDER = `array_position(ARRAY['district', 'zone', 'town', 'cluster', 'park'], r.level)`;
const regionRows = (crs: TileCrs) => (geom: (g: string) => string) =>
  layerRows('region', 'r', REGION_TILE_ATTRIBUTES, `WHERE r.geom && ${selectionIn(crs)}`,
    geom(`ST_Simplify(ST_Transform(${shapeIn(crs, 'r.geom')}, 3857), $4::float8)`), `${REGION_LEVEL_ORDER}, r.code`);

/** Per backend and coordinate system: both tile statements. */
const TILE_SQL = Object.fromEntries((['postgis', 'embedded'] as const).map((kind) => [kind, Object.fromEntries(TILE_CRSES.map((crs) => [crs, {
  parcels: tileSql(kind, PARCEL_LAYER, parcelRows(crs), [parcelHits(crs)]),
  regions: tileSql(kind, REGION_LAYER, regionRows(crs), []),
}]))])) as Record<DatabaseKind, Record<TileCrs, { parcels: string; regions: string }>>;

export interface ParcelTileOptions {
  simplifyM: number;
  maxParcels: number;
  /** WGS 84 when absent. */
  crs?: TileCrs;
}

export interface Statement {
  sql: string;
  params: unknown[];
}

/** The statement `parcelTile` runs (for benchmarks against it). */
export function parcelTileStatement(kind: DatabaseKind, tile: TileAddress, { simplifyM, maxParcels, crs = 'wgs84' }: ParcelTileOptions): Statement {
  return { sql: TILE_SQL[kind][crs].parcels, params: [tile.z, tile.x, tile.y, simplifyM, maxParcels] };
}

/** The `parcels` layer of a tile: every parcel meeting it (the `maxParcels` largest), with PARCEL_TILE_ATTRIBUTES. */
export function parcelTile(db: Database, tile: TileAddress, options: ParcelTileOptions): Promise<EncodedTile> {
  return readTile(db, parcelTileStatement(db.kind, tile, options), PARCEL_LAYER, PARCEL_TILE_ATTRIBUTES);
}

/** The `regions` layer of a tile: regions of every level, the district first so smaller ones draw over it. */
export function regionTile(db: Database, tile: TileAddress, simplifyM: number, crs: TileCrs = 'wgs84'): Promise<EncodedTile> {
  const statement = { sql: TILE_SQL[db.kind][crs].regions, params: [tile.z, tile.x, tile.y, simplifyM] };
  return readTile(db, statement, REGION_LAYER, REGION_TILE_ATTRIBUTES);
}

type TileRow = { version: string; mvt?: Uint8Array; id?: number | null; geom?: string | null } & Record<string, unknown>;

/**
 * Runs a tile statement. On a PostGIS server JIT is off for it: over a district of a million parcels
 * the planner's cost passes jit_above_cost, and compiling (40–150 ms) costs more than it saves.
 */
export function runTileStatement<R>(db: Database, { sql, params }: Statement): Promise<R[]> {
  if (db.kind !== 'postgis') return db.query<R>(sql, params);
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL jit = off');
    return tx.query<R>(sql, params);
  });
}

async function readTile(db: Database, statement: Statement, layer: string, attributes: readonly SqlTileAttribute[]): Promise<EncodedTile> {
  const rows = await runTileStatement<TileRow>(db, statement);
  const version = rows[0]!.version;
  if (db.kind === 'postgis') return { version, mvt: new Uint8Array(rows[0]!.mvt!) };
  const features: TileFeature[] = [];
  for (const row of rows) {
    if (row.id == null || row.geom == null) continue;
    const geometry = polygonal(JSON.parse(row.geom) as GeoJsonGeometry);
    if (!geometry) continue;
    features.push({ id: row.id, geometry, properties: Object.fromEntries(attributes.map((a) => [a.name, row[a.name] as string | number | null])) });
  }
  return { version, mvt: encodeTile([{ name: layer, extent: TILE_EXTENT, features }]) };
}

type GeoJsonGeometry = { type: string; coordinates?: unknown; geometries?: GeoJsonGeometry[] };

/** The polygons of what ST_ClipByBox2D left (a collection when a clip cut a shape apart), or null. */
function polygonal(g: GeoJsonGeometry): TileGeometry | null {
  // Empty: clipped away (a shape selected with the GCJ-02 margin that is drawn outside the tile).
  if (g.type === 'Polygon') return (g.coordinates as unknown[]).length ? { type: 'Polygon', coordinates: g.coordinates as number[][][] } : null;
  if (g.type === 'MultiPolygon') return (g.coordinates as unknown[]).length ? { type: 'MultiPolygon', coordinates: g.coordinates as number[][][][] } : null;
  if (g.type !== 'GeometryCollection') return null;
  const parts = (g.geometries ?? []).map(polygonal).filter((p) => p !== null);
  const coordinates = parts.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : p.type === 'MultiPolygon' ? p.coordinates : []));
  return coordinates.length ? { type: 'MultiPolygon', coordinates } : null;
}

/**
 * Parcels summed per grid cell, a parcel in the cell holding the centre of its bounding box (so each
 * parcel counts in exactly one tile). $4 = cells across the world (2^z × cells per tile side),
 * $5/$6 = the tile's first cell column/row. Mercator by formula on the cached bbox: no per-row
 * ST_Transform, which keeps a tile over a whole district to one pass. Cells outside the tile (parcels
 * meeting it with their centre beyond) are dropped in JS: a SQL filter on the computed cell misleads
 * the planner into nested loops.
 */
const parcelCells = (crs: TileCrs) => `
  WITH k AS (SELECT ST_Transform(ST_TileEnvelope($1::int, $2::int, $3::int), 4326) AS sel),
  c AS (
    SELECT p.id, p.area_m2,
           floor((m.x + 180) / 360 * $4::float8 - $5::float8)::int AS i,
           floor((1 - ln(tan(pi() / 4 + radians(m.y) / 2)) / pi()) / 2 * $4::float8 - $6::float8)::int AS j
    FROM parcel AS p CROSS JOIN k CROSS JOIN LATERAL box2d(p.geom) AS b
    CROSS JOIN LATERAL (SELECT (ST_XMin(b) + ST_XMax(b)) / 2 AS x, (ST_YMin(b) + ST_YMax(b)) / 2 AS y) AS w
    CROSS JOIN LATERAL (SELECT ${crs === 'gcj02' ? 'w.x + o[1] AS x, w.y + o[2] AS y FROM mujun_gcj02_offset(w.x, w.y) AS f(o)' : 'w.x, w.y'}) AS m
    WHERE p.geom && ${selectionIn(crs)}
  ),
  cell AS (
    SELECT c.i, c.j, count(*)::int AS count, sum(c.area_m2) AS area_m2, sum(s.tax_wan) AS tax_wan,
           sum(c.area_m2) FILTER (WHERE s.tax_wan IS NOT NULL) AS taxed_area_m2
    FROM c LEFT JOIN parcel_summary AS s ON s.parcel_id = c.id
    GROUP BY c.i, c.j
  )
  SELECT v.version, cell.* FROM (SELECT ${DATA_VERSION_SQL} AS version) AS v LEFT JOIN cell ON true`;
const PARCEL_CELLS = Object.fromEntries(TILE_CRSES.map((crs) => [crs, parcelCells(crs)])) as Record<TileCrs, string>;

/** The `parcel_cells` layer: a grid of `cellsPerSide`² cells with parcel count, area and 亩均税收. */
export async function parcelCellTile(db: Database, tile: TileAddress, cellsPerSide: number, crs: TileCrs = 'wgs84'): Promise<EncodedTile> {
  const worldCells = 2 ** tile.z * cellsPerSide;
  const rows = await runTileStatement<{ version: string } & CellRow>(db, {
    sql: PARCEL_CELLS[crs],
    params: [tile.z, tile.x, tile.y, worldCells, tile.x * cellsPerSide, tile.y * cellsPerSide],
  });
  const cells = rows.filter((r) => r.count != null);
  return { version: rows[0]!.version, mvt: encodeTile([{ name: CELL_LAYER, extent: TILE_EXTENT, features: cellFeatures(cells, cellsPerSide, TILE_EXTENT) }]) };
}

const BOUNDS = `
  SELECT json_build_array(ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)) AS bounds
  FROM (SELECT coalesce((SELECT ST_Extent(geom) FROM region), (SELECT ST_Extent(geom) FROM parcel))::geometry AS e) AS x
  WHERE e IS NOT NULL`;

/** [w, s, e, n] of the regions (the district's outline), or of the parcels when there are none; null when empty. */
export async function tileBounds(db: Queryable): Promise<[number, number, number, number] | null> {
  const [row] = await db.query<{ bounds: [number, number, number, number] }>(BOUNDS);
  return row?.bounds ?? null;
}
