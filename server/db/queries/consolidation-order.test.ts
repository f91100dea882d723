import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { openTestDatabase } from '../testing.ts';
import { allClusters, clustersPage, CLUSTER_SORTS, type ClusterFilter } from './consolidation.ts';

const M2_PER_MU = 10_000 / 15;
const ALL: ClusterFilter = { region: null, minMu: null, maxMu: null };

// Three clusters: A the largest, B the largest gain, C the least tax per mu.
//   area 亩   tax 万元   tax/亩   potential (20 万元/亩)   uplift
// A  120       1,200      10       2,400                  1,200
// B   90         200       2.2     1,800                  1,600
// C   60          60       1       1,200                  1,140
const CLUSTERS = [
  { id: 1, key: 'A', mu: 120, tax: 1200 },
  { id: 2, key: 'B', mu: 90, tax: 200 },
  { id: 3, key: 'C', mu: 60, tax: 60 },
];

describe('the order of the consolidation list', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    for (const c of CLUSTERS) {
      const areaM2 = c.mu * M2_PER_MU;
      await db.query(
        `INSERT INTO consolidation_cluster (id, key, year, parcel_count, unit_codes, area_m2, footprint_area_m2, current_tax_wan,
           potential_tax_wan, uplift_wan, region_codes, geom)
         VALUES ($1, $2, 2025, 2, ARRAY[$2], $3, $3, $4, 20 * $5::float8, 20 * $5::float8 - $4, '{}',
           ST_Multi(ST_MakeEnvelope(106.3, 29.6, 106.301, 29.601, 4326)))`,
        [c.id, c.key, areaM2, c.tax, c.mu],
      );
    }
  });
  afterAll(() => db?.close());

  const keys = async (sort: (typeof CLUSTER_SORTS)[number]) => (await clustersPage(db, ALL, sort, M2_PER_MU, 10, 0)).rows.map((r) => r.key);

  it('puts the largest land, the largest gain or the least tax per mu first', async () => {
    expect(await keys('area')).toEqual(['A', 'B', 'C']);
    expect(await keys('uplift')).toEqual(['B', 'A', 'C']);
    expect(await keys('taxPerMu')).toEqual(['C', 'B', 'A']);
  });

  it('pages and exports in the same order', async () => {
    for (const sort of CLUSTER_SORTS) {
      const paged = [...(await clustersPage(db, ALL, sort, M2_PER_MU, 2, 0)).rows, ...(await clustersPage(db, ALL, sort, M2_PER_MU, 2, 2)).rows];
      expect(paged.map((r) => r.key)).toEqual((await allClusters(db, ALL, sort, M2_PER_MU)).map((r) => r.key));
    }
  });
});
