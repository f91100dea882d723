/**
 * A Mapbox Vector Tile 2.1 encoder for geometry already in tile coordinates (x right, y down,
 * 0…extent across the tile). Pure: layers in, protobuf bytes out.
 * https://github.com/mapbox/vector-tile-spec/tree/master/2.1
 *
 * Coordinates are rounded to the integer grid. Repeated points are dropped, as are rings that have
 * collapsed to no area and lines to one point; a feature left with no geometry is left out. Polygon
 * rings are rewound as the spec requires: exterior rings clockwise in tile coordinates (positive
 * surveyor's-formula area), holes counter-clockwise.
 */
import { ProtobufWriter, zigzag } from './protobuf-writer.ts';

export type TilePosition = readonly number[];

/** GeoJSON-shaped geometry whose coordinates are tile coordinates. */
export type TileGeometry =
  | { type: 'Point'; coordinates: TilePosition }
  | { type: 'MultiPoint'; coordinates: readonly TilePosition[] }
  | { type: 'LineString'; coordinates: readonly TilePosition[] }
  | { type: 'MultiLineString'; coordinates: readonly (readonly TilePosition[])[] }
  | { type: 'Polygon'; coordinates: readonly (readonly TilePosition[])[] }
  | { type: 'MultiPolygon'; coordinates: readonly (readonly (readonly TilePosition[])[])[] };

/** Null and undefined values are left out of the feature. */
export type TileValue = string | number | boolean | null | undefined;

export interface TileFeature {
  /** A non-negative integer; other values are left out (the spec makes the id optional). */
  id?: number;
  properties: Readonly<Record<string, TileValue>>;
  geometry: TileGeometry;
}

export interface TileLayer {
  name: string;
  /** Tile units across the tile; 4096 when absent. */
  extent?: number;
  features: readonly TileFeature[];
}

const GEOM_POINT = 1;
const GEOM_LINESTRING = 2;
const GEOM_POLYGON = 3;

const CMD_MOVE_TO = 1;
const CMD_LINE_TO = 2;
const CMD_CLOSE_PATH = 7;

// Field numbers of vector_tile.proto.
const TILE_LAYERS = 3;
const LAYER = { version: 15, name: 1, features: 2, keys: 3, values: 4, extent: 5 } as const;
const FEATURE = { id: 1, tags: 2, type: 3, geometry: 4 } as const;
const VALUE = { string: 1, double: 3, uint: 5, sint: 6, bool: 7 } as const;

/** The tile's bytes; an empty list of layers (or layers without features) gives an empty tile. */
export function encodeTile(layers: readonly TileLayer[]): Uint8Array {
  const out = new ProtobufWriter();
  for (const layer of layers) {
    const encoded = encodeFeatures(layer.features);
    if (encoded.length === 0) continue;
    out.message(TILE_LAYERS, () => writeLayer(out, layer, encoded));
  }
  return out.finish();
}

interface EncodedFeature {
  id: number | undefined;
  type: number;
  commands: number[];
  properties: Readonly<Record<string, TileValue>>;
}

function encodeFeatures(features: readonly TileFeature[]): EncodedFeature[] {
  const encoded: EncodedFeature[] = [];
  for (const f of features) {
    const g = geometryCommands(f.geometry);
    if (!g) continue;
    const id = f.id !== undefined && Number.isSafeInteger(f.id) && f.id >= 0 ? f.id : undefined;
    encoded.push({ id, type: g.type, commands: g.commands, properties: f.properties });
  }
  return encoded;
}

function writeLayer(out: ProtobufWriter, layer: TileLayer, features: readonly EncodedFeature[]): void {
  const keys = new Map<string, number>();
  const values = new Map<string, { index: number; value: string | number | boolean }>();
  out.uintField(LAYER.version, 2);
  out.stringField(LAYER.name, layer.name);
  for (const f of features) {
    const tags: number[] = [];
    for (const [key, value] of Object.entries(f.properties)) {
      if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) continue;
      let k = keys.get(key);
      if (k === undefined) keys.set(key, (k = keys.size));
      const valueKey = `${typeof value}:${value}`;
      let v = values.get(valueKey);
      if (v === undefined) values.set(valueKey, (v = { index: values.size, value }));
      tags.push(k, v.index);
    }
    out.message(LAYER.features, () => {
      if (f.id !== undefined) out.uintField(FEATURE.id, f.id);
      out.packedField(FEATURE.tags, tags);
      out.uintField(FEATURE.type, f.type);
      out.packedField(FEATURE.geometry, f.commands);
    });
  }
  for (const key of keys.keys()) out.stringField(LAYER.keys, key);
  for (const { value } of values.values()) out.message(LAYER.values, () => writeValue(out, value));
  out.uintField(LAYER.extent, layer.extent ?? 4096);
}

function writeValue(out: ProtobufWriter, value: string | number | boolean): void {
  if (typeof value === 'string') out.stringField(VALUE.string, value);
  else if (typeof value === 'boolean') out.boolField(VALUE.bool, value);
  else if (Number.isSafeInteger(value) && value >= 0) out.uintField(VALUE.uint, value);
  // Zigzag doubles the magnitude: beyond 2^52 it would no longer be exact in a JS number.
  else if (Number.isSafeInteger(value) && value >= -(2 ** 52)) out.sintField(VALUE.sint, value);
  else out.doubleField(VALUE.double, value);
}

/** The command integers of a geometry, or null when nothing of it is left after cleaning. */
function geometryCommands(g: TileGeometry): { type: number; commands: number[] } | null {
  const path = new CommandPath();
  switch (g.type) {
    case 'Point':
      path.points([g.coordinates]);
      return path.result(GEOM_POINT);
    case 'MultiPoint':
      path.points(g.coordinates);
      return path.result(GEOM_POINT);
    case 'LineString':
      path.line(g.coordinates);
      return path.result(GEOM_LINESTRING);
    case 'MultiLineString':
      for (const line of g.coordinates) path.line(line);
      return path.result(GEOM_LINESTRING);
    case 'Polygon':
      path.polygon(g.coordinates);
      return path.result(GEOM_POLYGON);
    case 'MultiPolygon':
      for (const polygon of g.coordinates) path.polygon(polygon);
      return path.result(GEOM_POLYGON);
  }
}

type Vertex = [number, number];

/** Command integers with the cursor the spec keeps across every part of a feature. */
class CommandPath {
  readonly commands: number[] = [];
  private x = 0;
  private y = 0;

  points(positions: readonly TilePosition[]): void {
    const vertices = positions.map(toVertex);
    if (vertices.length === 0) return;
    this.commands.push(command(CMD_MOVE_TO, vertices.length));
    for (const v of vertices) this.moveCursor(v);
  }

  line(positions: readonly TilePosition[]): void {
    const vertices = dedupe(positions.map(toVertex));
    if (vertices.length < 2) return;
    this.drawPath(vertices, false);
  }

  /** First ring exterior, the rest holes; a polygon whose exterior collapsed is dropped with its holes. */
  polygon(rings: readonly (readonly TilePosition[])[]): void {
    for (let i = 0; i < rings.length; i++) {
      const vertices = openRing(dedupe(rings[i]!.map(toVertex)));
      const area = vertices.length < 3 ? 0 : ringArea(vertices);
      if (area === 0) {
        if (i === 0) return;
        continue;
      }
      if (i === 0 ? area < 0 : area > 0) vertices.reverse();
      this.drawPath(vertices, true);
    }
  }

  result(type: number): { type: number; commands: number[] } | null {
    return this.commands.length === 0 ? null : { type, commands: this.commands };
  }

  private drawPath(vertices: readonly Vertex[], close: boolean): void {
    this.commands.push(command(CMD_MOVE_TO, 1));
    this.moveCursor(vertices[0]!);
    this.commands.push(command(CMD_LINE_TO, vertices.length - 1));
    for (let i = 1; i < vertices.length; i++) this.moveCursor(vertices[i]!);
    if (close) this.commands.push(command(CMD_CLOSE_PATH, 1));
  }

  private moveCursor([x, y]: Vertex): void {
    this.commands.push(zigzag(x - this.x), zigzag(y - this.y));
    this.x = x;
    this.y = y;
  }
}

function command(id: number, count: number): number {
  return (id & 0x7) | (count << 3);
}

function toVertex(p: TilePosition): Vertex {
  return [Math.round(p[0] ?? 0), Math.round(p[1] ?? 0)];
}

function dedupe(vertices: Vertex[]): Vertex[] {
  return vertices.filter((v, i) => i === 0 || v[0] !== vertices[i - 1]![0] || v[1] !== vertices[i - 1]![1]);
}

/** Without the closing vertex (GeoJSON repeats the first; MVT closes with ClosePath). */
function openRing(vertices: Vertex[]): Vertex[] {
  const first = vertices[0];
  const last = vertices[vertices.length - 1];
  if (vertices.length > 1 && first![0] === last![0] && first![1] === last![1]) return vertices.slice(0, -1);
  return vertices;
}

/**
 * Signed area by the surveyor's formula, in square tile units: positive for a ring that is clockwise
 * on screen (y down), which is what the spec calls an exterior ring.
 */
export function ringArea(ring: readonly TilePosition[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!;
    const b = ring[i]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum / 2;
}
