/**
 * The PostGIS server encodes tiles with ST_AsMVT, the embedded database in JS: both must give the
 * same features, attributes and (within a tile unit or two) geometry. Needs DATABASE_URL.
 */
import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { openTestDatabase } from '../db/testing.ts';
import { TINY } from '../import/delivery-fixture.ts';
import { importDelivery } from '../import/load.ts';
import { tilesCovering, type TileAddress } from './tile-grid.ts';

const TINY_BBOX = [106.299, 29.599, 106.305, 29.603] as const;
/** Tile units two encodings of the same shape may differ by: snapping, and validation after it. */
const TOLERANCE_UNITS = 2;

type RingBox = [number, number, number, number];

/** A feature reduced to what both encoders must agree on; rings as sorted boxes, since ring order may differ. */
function summary(f: VectorTileFeature) {
  const rings: RingBox[] = f.loadGeometry().map((ring) => {
    const xs = ring.map((p) => p.x);
    const ys = ring.map((p) => p.y);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  });
  rings.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
  return { id: f.id, type: f.type, properties: f.properties, rings };
}

describe.runIf(process.env.DATABASE_URL)('tiles agree between the embedded database and a PostGIS server', () => {
  let embedded: Database;
  let postgis: Database;
  beforeAll(async () => {
    [embedded, postgis] = await Promise.all([openDatabase({ dataDir: 'memory://' }), openTestDatabase()]);
    await migrate(embedded);
    await importDelivery(embedded, TINY);
    await importDelivery(postgis, TINY);
  });
  afterAll(async () => {
    await embedded?.close();
    await postgis?.close();
  });

  const decoded = async (db: Database, url: string) => {
    const res = await createApp({ db }).request(url);
    expect(res.status).toBe(200);
    const tile = new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer())));
    return Object.fromEntries(Object.entries(tile.layers).map(([name, layer]) => [
      name,
      Array.from({ length: layer.length }, (_, i) => summary(layer.feature(i))).sort((a, b) => Number(a.id) - Number(b.id)),
    ]));
  };

  const cases: [string, TileAddress][] = [
    ...[10, 12, 14, 16].flatMap((z) => tilesCovering(TINY_BBOX, z).map((t): [string, TileAddress] => ['parcels', t])),
    ...[8, 12, 15].flatMap((z) => tilesCovering(TINY_BBOX, z).map((t): [string, TileAddress] => ['regions', t])),
  ];

  it.each(cases)('%s %o', async (set, { z, x, y }) => {
    const url = `/tiles/${set}/${z}/${x}/${y}.mvt`;
    const [fromJs, fromPostgis] = await Promise.all([decoded(embedded, url), decoded(postgis, url)]);
    expect(Object.keys(fromJs)).toEqual(Object.keys(fromPostgis));
    for (const [layer, features] of Object.entries(fromPostgis)) {
      const js = fromJs[layer]!;
      expect(js.map((f) => [f.id, f.type, f.properties])).toEqual(features.map((f) => [f.id, f.type, f.properties]));
      features.forEach((f, i) => {
        expect(js[i]!.rings).toHaveLength(f.rings.length);
        f.rings.forEach((box, r) => box.forEach((v, k) => expect(Math.abs(js[i]!.rings[r]![k]! - v)).toBeLessThanOrEqual(TOLERANCE_UNITS)));
      });
    }
  });
});
