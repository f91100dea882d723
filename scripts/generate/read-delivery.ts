/** Reads a generated delivery back (for tests): GeoJSON as parsed JSON, CSV as header-keyed rows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export type Row = Record<string, string>;

export interface Delivery {
  manifest: { name: string; countyCode: string; files: { path: string; kind: string; source: string }[] };
  regions: FeatureCollection<Geometry, Record<string, string | null>>;
  roads: FeatureCollection<Geometry, Record<string, string>>;
  parcels: FeatureCollection<Geometry, Record<string, string | number | null>>;
  enterprises: Row[];
  occupancy: Row[];
  buildings: Row[];
  standardLand: Row[];
  statistics: Row[];
  tax: Row[];
  power: Row[];
  environment: Row[];
}

export function readCsv(path: string): { header: string[]; rows: Row[]; raw: string } {
  const raw = readFileSync(path, 'utf8');
  const rows = parse(raw, { columns: true, bom: true, skip_empty_lines: true }) as Row[];
  const header = (parse(raw, { bom: true, to_line: 1 }) as string[][])[0] ?? [];
  return { header, rows, raw };
}

export function readDelivery(dir: string): Delivery {
  const json = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const csv = (file: string) => readCsv(join(dir, file)).rows;
  return {
    manifest: json('manifest.json'),
    regions: json('regions.geojson'),
    roads: json('roads.geojson'),
    parcels: json('parcels.geojson'),
    enterprises: csv('enterprises.csv'),
    occupancy: csv('occupancy.csv'),
    buildings: csv('buildings.csv'),
    standardLand: csv('standard-land.csv'),
    statistics: csv('metrics-统计局.csv'),
    tax: csv('metrics-税务局.csv'),
    power: csv('metrics-供电公司.csv'),
    environment: csv('metrics-生态环境局.csv'),
  };
}

/** Exterior rings of a Polygon or MultiPolygon feature, [lng, lat]. */
export function exteriorRings(feature: Feature<Geometry>): number[][][] {
  const g = feature.geometry;
  if (g.type === 'Polygon') return [g.coordinates[0]!];
  if (g.type === 'MultiPolygon') return g.coordinates.map((p) => p[0]!);
  throw new Error(`not a polygon: ${g.type}`);
}
