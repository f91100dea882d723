/** TileJSON 3.0.0 documents for the vector tile sets. https://github.com/mapbox/tilejson-spec/tree/master/3.0.0 */

/** One attribute of a tile layer, as TileJSON's `vector_layers[].fields` lists it. */
export interface TileAttribute {
  name: string;
  description: string;
}

export interface VectorLayerSpec {
  id: string;
  description: string;
  minzoom: number;
  maxzoom: number;
  attributes: readonly TileAttribute[];
}

export interface TileSetSpec {
  name: string;
  description: string;
  /** Template with `{z}/{x}/{y}`, absolute, without query. */
  tilesUrl: string;
  dataVersion: string;
  /** Coordinates the tiles are drawn in, when not WGS 84 (`gcj02`): carried in the tile URLs. */
  crs?: string | null;
  minzoom: number;
  maxzoom: number;
  /** [w, s, e, n] in degrees; the whole world when unknown. */
  bounds: readonly [number, number, number, number] | null;
  layers: readonly VectorLayerSpec[];
}

export function tileJson(spec: TileSetSpec) {
  const bounds = spec.bounds ?? [-180, -85.0511287798066, 180, 85.0511287798066];
  return {
    tilejson: '3.0.0',
    name: spec.name,
    description: spec.description,
    version: '1.0.0',
    scheme: 'xyz',
    tiles: [`${spec.tilesUrl}?v=${encodeURIComponent(spec.dataVersion)}${spec.crs ? `&crs=${spec.crs}` : ''}`],
    minzoom: spec.minzoom,
    maxzoom: spec.maxzoom,
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, Math.max(spec.minzoom, Math.min(spec.maxzoom, 12))],
    vector_layers: spec.layers.map((l) => ({
      id: l.id,
      description: l.description,
      minzoom: l.minzoom,
      maxzoom: l.maxzoom,
      fields: Object.fromEntries(l.attributes.map((a) => [a.name, a.description])),
    })),
  };
}
