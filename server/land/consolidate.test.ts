/**
 * Consolidation on hand-drawn fixtures (fixtures/consolidation/in/*.geojson, drawn in metres by
 * draw.ts): membership as each fixture expects, and footprints as in out/*.geojson, on whichever
 * database the suite runs on (embedded, or PostGIS with DATABASE_URL — CI runs both, so both must
 * match the same committed files). Regenerate out/ with UPDATE_GOLDEN=1 and look at the pictures.
 */
import fc from 'fast-check';
import type { Geometry, Polygon } from 'geojson';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { openTestDatabase } from '../db/testing.ts';
import { symmetricDifferenceM2 } from '../db/testing-parcels.ts';
import { RULES } from '../domain/land-status/testing.ts';
import { FIXTURES, outCollection, readFixture, runFixture, type ClusterOut, type Fixture } from './fixtures/consolidation/run-fixture.ts';

/** Footprints computed by different GEOS versions may differ by rounding: this much area, m². */
const FOOTPRINT_TOLERANCE_M2 = 1;

const outFile = (name: string) => new URL(`./fixtures/consolidation/out/${name}.geojson`, import.meta.url);

function expectedMembership(fixture: Fixture): string[][] {
  const groups = new Map<string, string[]>();
  for (const f of fixture.features) {
    const label = f.properties.expectCluster;
    if (label !== null) groups.set(label, [...(groups.get(label) ?? []), f.properties.name]);
  }
  return [...groups.values()];
}

async function expectSameFootprints(db: Database, actual: readonly ClusterOut[], expected: readonly { members: string[]; footprint: Geometry }[]) {
  expect(actual.map((c) => c.members)).toEqual(expected.map((c) => c.members));
  for (const [i, c] of actual.entries()) {
    expect(await symmetricDifferenceM2(db, c.footprint, expected[i]!.footprint), `footprint of ${c.members.join('+')}`).toBeLessThan(FOOTPRINT_TOLERANCE_M2);
  }
}

describe('consolidation on hand-drawn fixtures', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db?.close());

  describe.each(FIXTURES)('%s', (name) => {
    const fixture = readFixture(name);
    let clusters: ClusterOut[];
    beforeAll(async () => {
      clusters = await runFixture(db, fixture, RULES);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(outFile(name), `${JSON.stringify(outCollection(fixture, clusters), null, 1)}\n`);
    });

    it('forms the clusters the drawing expects', () => {
      expect(clusters.map((c) => c.members)).toEqual(expectedMembership(fixture));
    });

    it(`matches out/${name}.geojson`, async () => {
      if (!existsSync(outFile(name))) throw new Error(`out/${name}.geojson 不存在：用 UPDATE_GOLDEN=1 生成后审阅`);
      const out = JSON.parse(readFileSync(outFile(name), 'utf8')) as { features: { properties: { footprint?: boolean; members?: string[]; areaMu?: number; footprintAreaMu?: number }; geometry: Geometry }[] };
      const expected = out.features.filter((f) => f.properties.footprint).map((f) => ({ members: f.properties.members!, footprint: f.geometry, areaMu: f.properties.areaMu, footprintAreaMu: f.properties.footprintAreaMu }));
      await expectSameFootprints(db, clusters, expected);
      expect(clusters.map((c) => c.areaMu)).toEqual(expected.map((c) => c.areaMu));
      for (const [i, c] of clusters.entries()) expect(c.footprintAreaMu).toBeCloseTo(expected[i]!.footprintAreaMu!, 1);
    });
  });

  it('keeps what the pictures show: corners joined without taking land, gaps closed, the hole kept', async () => {
    const byName = async (name: string) => Object.fromEntries((await runFixture(db, readFixture(name), RULES)).map((c) => [c.members.join('+'), c]));
    const corner = await byName('corner-touch');
    expect(corner['A+B']!.footprintAreaMu).toBeCloseTo(67.5, 1); // exactly A ∪ B: nothing taken from C or D
    expect(corner['E+F']!.footprintAreaMu).toBeCloseTo(67.5, 1); // mitred closing adds nothing at a lone corner
    const gaps = await byName('gaps-19-21');
    expect(gaps['A+B']!.footprintAreaMu).toBeCloseTo((319 * 150) / (10000 / 15), 0); // the 19 m strip filled
    const multi = await byName('multipolygon');
    expect(multi['M+A+B']!.footprint.type).toBe('MultiPolygon');
    expect((multi['M+A+B']!.footprint as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    const ring = await byName('ring-with-hole');
    expect(ring['R+S']!.footprintAreaMu).toBeCloseTo(75, 1); // H stays out
    expect(ring['R2+K']!.footprintAreaMu).toBeCloseTo(60, 1); // the 5 m annulus is closed: a solid 200 m square
  });

  it('property: a non-candidate parcel far from every candidate never changes the clusters', async () => {
    const fixture = readFixture('non-candidate-between');
    const base = await runFixture(db, fixture, RULES);
    // Fixture spans 0–615 m × 0–450 m from the origin; "far" = outside it by more than the 20 m gap.
    const metre = { lng: 1 / 96_900, lat: 1 / 110_860 };
    const rectangle = fc
      .record({ x: fc.integer({ min: -1500, max: 2000 }), y: fc.integer({ min: -1500, max: 2000 }), w: fc.integer({ min: 5, max: 300 }), h: fc.integer({ min: 5, max: 300 }) })
      .filter(({ x, y, w, h }) => x > 640 || x + w < -25 || y > 475 || y + h < -25);
    await fc.assert(
      fc.asyncProperty(rectangle, async ({ x, y, w, h }) => {
        const [x0, y0, x1, y1] = [106.3 + x * metre.lng, 29.6 + y * metre.lat, 106.3 + (x + w) * metre.lng, 29.6 + (y + h) * metre.lat];
        const extra: Polygon = { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] };
        const after = await runFixture(db, fixture, RULES, [extra]);
        expect(after.map((c) => [c.id, c.members, c.areaMu, c.footprintAreaMu])).toEqual(base.map((c) => [c.id, c.members, c.areaMu, c.footprintAreaMu]));
        await expectSameFootprints(db, after, base);
      }),
      { numRuns: 8, seed: 20251 },
    );
  });
});

describe.runIf(process.env.DATABASE_URL)('consolidation agrees between the embedded database and a PostGIS server', () => {
  let embedded: Database;
  let postgis: Database;
  beforeAll(async () => {
    [embedded, postgis] = await Promise.all([openDatabase({ dataDir: 'memory://' }), openTestDatabase()]);
    await migrate(embedded);
  });
  afterAll(async () => {
    await embedded?.close();
    await postgis?.close();
  });

  it.each(FIXTURES)('%s', async (name) => {
    const fixture = readFixture(name);
    const [a, b] = [await runFixture(embedded, fixture, RULES), await runFixture(postgis, fixture, RULES)];
    expect(a.map((c) => [c.id, c.members, c.areaMu])).toEqual(b.map((c) => [c.id, c.members, c.areaMu]));
    await expectSameFootprints(postgis, a, b);
  });
});
