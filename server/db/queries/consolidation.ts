/**
 * Consolidation (连片开发) in SQL, the same statements on PostGIS and on the embedded database.
 * Distances and buffers are in metres in a UTM zone (EPSG:326xx/327xx) picked from the candidates;
 * the footprints are stored back in EPSG:4326. The statements work on two temporary tables,
 * `cons_cand` (candidates) and `cons_block` (every other parcel), made by `stageConsolidation`,
 * which must run inside a transaction (the tables are dropped on commit).
 */
import type { Queryable } from '../database.ts';

const CENTRE = `
  SELECT ST_X(c) AS lng, ST_Y(c) AS lat
  FROM (SELECT ST_Centroid(ST_Extent(p.geom)::geometry) AS c FROM parcel AS p JOIN unnest($1::int[]) AS k(id) ON k.id = p.id) AS x
  WHERE c IS NOT NULL`;

/** Centre of the candidates' extent, [lng, lat]; null when there are none. */
export async function candidatesCentre(tx: Queryable, parcelIds: readonly number[]): Promise<[number, number] | null> {
  const [row] = await tx.query<{ lng: number; lat: number }>(CENTRE, [parcelIds]);
  return row ? [row.lng, row.lat] : null;
}

/** Copies the parcels into metric temp tables with their own GiST indexes; returns the candidates. */
export async function stageConsolidation(tx: Queryable, parcelIds: readonly number[], srid: number) {
  await tx.exec(`
    DROP TABLE IF EXISTS pg_temp.cons_cand;
    DROP TABLE IF EXISTS pg_temp.cons_block;
    CREATE TEMP TABLE cons_cand (id integer PRIMARY KEY, unit_code text NOT NULL, area_m2 double precision NOT NULL, g geometry NOT NULL) ON COMMIT DROP;
    CREATE TEMP TABLE cons_block (id integer PRIMARY KEY, g geometry NOT NULL) ON COMMIT DROP;`);
  await tx.query(
    `INSERT INTO cons_cand (id, unit_code, area_m2, g)
     SELECT p.id, p.unit_code, p.area_m2, ST_Transform(p.geom, $2::int) FROM parcel AS p JOIN unnest($1::int[]) AS k(id) ON k.id = p.id`,
    [parcelIds, srid],
  );
  await tx.query(
    `INSERT INTO cons_block (id, g)
     SELECT p.id, ST_Transform(p.geom, $1::int) FROM parcel AS p WHERE NOT EXISTS (SELECT 1 FROM cons_cand AS c WHERE c.id = p.id)`,
    [srid],
  );
  await tx.exec(`
    CREATE INDEX ON cons_cand USING gist (g);
    CREATE INDEX ON cons_block USING gist (g);
    ANALYZE cons_cand;
    ANALYZE cons_block;`);
  return tx.query<{ id: number; unit_code: string; area_m2: number }>(`SELECT id, unit_code, area_m2 FROM cons_cand ORDER BY unit_code`);
}

// Candidates within the gap (index-assisted), unless a non-candidate parcel lies across the gap:
// the shortest line between the two, or — when the shortest line only meets that parcel's edge, as
// it does between two aligned sides with a strip parcel in between — the line between the middles
// of their facing parts, runs through its interior. The interior is taken `toleranceM` inside its
// boundary, so a line grazing a corner or running along an edge does not count; the exact test
// goes first and the buffered one only confirms its hits. Gaps up to `touchingM` are digitising
// slivers between neighbours: nothing can lie in them, so they are not tested.
const CROSSES = (line: string) =>
  `CASE WHEN ST_Relate(${line}, n.g, 'T********') THEN ST_Intersects(${line}, ST_Buffer(n.g, -$2::float8)) ELSE false END`;
const EDGES = `
  WITH pairs AS MATERIALIZED (
    SELECT a.id AS ida, b.id AS idb, a.unit_code AS a, b.unit_code AS b, ST_ShortestLine(a.g, b.g) AS line
    FROM cons_cand AS a
    JOIN cons_cand AS b ON a.id < b.id AND ST_DWithin(a.g, b.g, $1::float8)
  )
  SELECT p.a, p.b FROM pairs AS p
  WHERE ST_Length(p.line) <= $3::float8 OR NOT EXISTS (
    SELECT 1 FROM cons_block AS n
    WHERE n.g && p.line AND ST_Intersects(p.line, n.g)
      AND CASE WHEN ${CROSSES('p.line')} THEN true ELSE (
        SELECT ${CROSSES('m.line')}
        FROM (SELECT ST_MakeLine(ST_Centroid(ST_Intersection(a.g, ST_Buffer(b.g, $1::float8, 'quad_segs=2'))),
                                 ST_Centroid(ST_Intersection(b.g, ST_Buffer(a.g, $1::float8, 'quad_segs=2')))) AS line
              FROM cons_cand AS a, cons_cand AS b WHERE a.id = p.ida AND b.id = p.idb) AS m
      ) END
  )`;

export function consolidationEdges(tx: Queryable, o: { gapM: number; toleranceM: number; touchingM: number }) {
  return tx.query<{ a: string; b: string }>(EDGES, [o.gapM, o.toleranceM, o.touchingM]);
}

// Footprint: the members with the gaps between them closed — buffered out by half the gap (a
// buffer of the collection unions it), then back in; mitred joins keep square corners square —
// minus any non-candidate parcel the closing reached into (members kept whole, the union done on a
// 1 cm grid, which is also what keeps it robust), back to lon/lat. Only the few clusters that meet a non-candidate pay for the overlays.
// The closing can come back invalid (GEOS 3.11 and 3.14 both give a hole touching its shell for
// fixtures/consolidation/in/buffer-artefact, after which every overlay throws — and the embedded
// build returns no row instead of an error). Then the round-joined closing is used, and should that
// fail too, the members' union without the gaps closed.
const VALID = (g: string) => `(ST_IsValidDetail(${g})).valid`;
const CLOSE = (g: string, joins: string) => `ST_Buffer(ST_Buffer(${g}, $1::float8 / 2, '${joins}'), -$1::float8 / 2, '${joins}')`;
const FOOTPRINTS = `
  WITH raw AS (
    SELECT m.cluster, ST_Collect(c.g) AS members, ${CLOSE('ST_Collect(c.g)', 'join=mitre mitre_limit=10')} AS g
    FROM cons_member AS m JOIN cons_cand AS c ON c.id = m.parcel_id
    GROUP BY m.cluster
  ), closed AS (
    SELECT r.cluster, CASE WHEN ${VALID('r.g')} THEN r.g ELSE (
      SELECT CASE WHEN ${VALID('x.g')} THEN x.g ELSE ST_UnaryUnion(r.members) END FROM (SELECT ${CLOSE('r.members', 'join=round')} AS g) AS x
    ) END AS g
    FROM raw AS r
  ), blocked AS (
    SELECT cl.cluster, ST_Union(n.g) AS g
    FROM closed AS cl
    JOIN cons_block AS n ON n.g && cl.g AND CASE WHEN ST_Intersects(n.g, cl.g) THEN ST_Relate(n.g, cl.g, 'T********') ELSE false END
    GROUP BY cl.cluster
  )
  INSERT INTO cons_footprint (cluster, geom)
  SELECT cl.cluster, ST_Transform(ST_Multi(CASE WHEN b.g IS NULL THEN cl.g ELSE ST_CollectionExtract(ST_Union(
           ST_Difference(cl.g, b.g),
           (SELECT ST_Union(c.g) FROM cons_member AS m JOIN cons_cand AS c ON c.id = m.parcel_id WHERE m.cluster = cl.cluster),
           0.01), 3) END), 4326)
  FROM closed AS cl LEFT JOIN blocked AS b ON b.cluster = cl.cluster`;

// Per cluster: its members' areas, codes, tax (the latest year's attributed tax, parcel_summary;
// none reported counts as 0) and regions, with the footprint.
const INSERT_CLUSTERS = `
  WITH agg AS (
    SELECT m.cluster, count(*)::int AS parcel_count, array_agg(c.unit_code ORDER BY c.unit_code) AS unit_codes,
           sum(c.area_m2) AS area_m2, coalesce(sum(s.tax_wan), 0) AS tax_wan
    FROM cons_member AS m
    JOIN cons_cand AS c ON c.id = m.parcel_id
    LEFT JOIN parcel_summary AS s ON s.parcel_id = m.parcel_id
    GROUP BY m.cluster
  ), regions AS (
    SELECT m.cluster, array_agg(DISTINCT r.code ORDER BY r.code) AS codes
    FROM cons_member AS m JOIN parcel_region AS pr ON pr.parcel_id = m.parcel_id JOIN region AS r ON r.id = pr.region_id
    GROUP BY m.cluster
  )
  INSERT INTO consolidation_cluster (id, key, year, parcel_count, unit_codes, area_m2, footprint_area_m2, current_tax_wan,
    potential_tax_wan, uplift_wan, region_codes, geom)
  SELECT a.cluster, a.unit_codes[1], $1::int, a.parcel_count, a.unit_codes, a.area_m2, ST_Area(f.geom::geography), a.tax_wan,
         $2::float8 * a.area_m2 / $3::float8, $2::float8 * a.area_m2 / $3::float8 - a.tax_wan, coalesce(g.codes, '{}'), f.geom
  FROM agg AS a
  JOIN cons_footprint AS f ON f.cluster = a.cluster
  LEFT JOIN regions AS g ON g.cluster = a.cluster`;

/** Members first, as one statement: the cascade would delete them one row at a time. */
export async function clearClusters(tx: Queryable): Promise<void> {
  await tx.query(`DELETE FROM consolidation_member`);
  await tx.query(`DELETE FROM consolidation_cluster`);
}

/**
 * Computes the clusters' footprints into a temp table, from their membership given as parallel
 * arrays: cluster id (1..n), parcel id, basis codes joined by commas. Needs `stageConsolidation`.
 */
export async function computeFootprints(
  tx: Queryable,
  members: { clusters: readonly number[]; parcelIds: readonly number[]; basis: readonly string[] },
  gapM: number,
): Promise<void> {
  await tx.exec(`
    DROP TABLE IF EXISTS pg_temp.cons_member;
    DROP TABLE IF EXISTS pg_temp.cons_footprint;
    CREATE TEMP TABLE cons_member (cluster integer NOT NULL, parcel_id integer NOT NULL, basis text[] NOT NULL) ON COMMIT DROP;
    CREATE TEMP TABLE cons_footprint (cluster integer PRIMARY KEY, geom geometry NOT NULL) ON COMMIT DROP;`);
  await tx.query(
    `INSERT INTO cons_member (cluster, parcel_id, basis)
     SELECT x.cluster, x.parcel_id, string_to_array(x.basis, ',') FROM unnest($1::int[], $2::int[], $3::text[]) AS x(cluster, parcel_id, basis)`,
    [members.clusters, members.parcelIds, members.basis],
  );
  await tx.exec(`CREATE INDEX ON cons_member (cluster); ANALYZE cons_member;`);
  await tx.query(FOOTPRINTS, [gapM]);
  // Every cluster must have its footprint: a geometry error that lost one must not lose it quietly.
  const [missing] = await tx.query<{ clusters: number[] | null }>(
    `SELECT array_agg(DISTINCT m.cluster ORDER BY m.cluster) AS clusters FROM cons_member AS m
     WHERE NOT EXISTS (SELECT 1 FROM cons_footprint AS f WHERE f.cluster = m.cluster)`);
  if (missing?.clusters?.length) throw new Error(`连片开发：第 ${missing.clusters.join('、')} 片的合并范围未能生成（几何运算失败）`);
}

/** Stores the clusters of `computeFootprints` with their totals, then their members. */
export async function insertClusters(tx: Queryable, o: { year: number | null; targetTaxPerMuWan: number; m2PerMu: number }): Promise<void> {
  await tx.query(INSERT_CLUSTERS, [o.year, o.targetTaxPerMuWan, o.m2PerMu]);
  await tx.query(`INSERT INTO consolidation_member (cluster_id, parcel_id, basis) SELECT cluster, parcel_id, basis FROM cons_member`);
}

// ---------- reading clusters ----------

export interface ClusterFilter {
  region: string | null;
  minMu: number | null;
  maxMu: number | null;
}

/**
 * How a cluster list is ordered: the largest land first (area), the largest gain if redeveloped to
 * the 标准地 benchmark first (uplift), or the least tax per mu of land first (taxPerMu: the most
 * under-used land).
 */
export const CLUSTER_SORTS = ['area', 'uplift', 'taxPerMu'] as const;
export type ClusterSort = (typeof CLUSTER_SORTS)[number];

const CLUSTER_ORDER: Record<ClusterSort, string> = {
  area: 'c.area_m2 DESC, c.id',
  uplift: 'c.uplift_wan DESC, c.id',
  taxPerMu: 'c.current_tax_wan / c.area_m2, c.id',
};

export interface ClusterRow {
  id: number;
  key: string;
  year: number | null;
  parcel_count: number;
  unit_codes: string[];
  area_m2: number;
  footprint_area_m2: number;
  current_tax_wan: number;
  potential_tax_wan: number;
  uplift_wan: number;
  region_codes: string[];
  bbox: [number, number, number, number];
}

const CLUSTER_COLUMNS = `c.id, c.key, c.year, c.parcel_count, c.unit_codes, c.area_m2, c.footprint_area_m2, c.current_tax_wan,
  c.potential_tax_wan, c.uplift_wan, c.region_codes,
  json_build_array(ST_XMin(c.geom), ST_YMin(c.geom), ST_XMax(c.geom), ST_YMax(c.geom)) AS bbox`;

// Sizes are compared in 亩 as shown (two decimals).
const CLUSTER_WHERE = `
  WHERE ($1::text IS NULL OR $1::text = ANY(c.region_codes))
    AND ($2::float8 IS NULL OR round((c.area_m2 / $4::float8)::numeric, 2) >= $2::float8)
    AND ($3::float8 IS NULL OR round((c.area_m2 / $4::float8)::numeric, 2) <= $3::float8)`;

const clusterParams = (f: ClusterFilter, m2PerMu: number) => [f.region, f.minMu, f.maxMu, m2PerMu];

export async function clustersPage(db: Queryable, f: ClusterFilter, sort: ClusterSort, m2PerMu: number, limit: number, offset: number) {
  const rows = await db.query<ClusterRow & { total_count: number }>(
    `SELECT ${CLUSTER_COLUMNS}, count(*) OVER ()::int AS total_count FROM consolidation_cluster AS c ${CLUSTER_WHERE}
     ORDER BY ${CLUSTER_ORDER[sort]} LIMIT $5::int OFFSET $6::int`,
    [...clusterParams(f, m2PerMu), limit, offset],
  );
  return { total: rows[0]?.total_count ?? 0, rows };
}

export function allClusters(db: Queryable, f: ClusterFilter, sort: ClusterSort, m2PerMu: number) {
  return db.query<ClusterRow>(`SELECT ${CLUSTER_COLUMNS} FROM consolidation_cluster AS c ${CLUSTER_WHERE} ORDER BY ${CLUSTER_ORDER[sort]}`, clusterParams(f, m2PerMu));
}

const CLUSTER_FEATURES = `
  SELECT count(*)::int AS n, coalesce(json_agg(json_build_object(
    'type', 'Feature',
    'id', c.id,
    'geometry', ST_AsGeoJSON(c.geom, 7)::json,
    'properties', json_build_object(
      'id', c.id, 'key', c.key, 'year', c.year, 'parcelCount', c.parcel_count,
      'areaMu', round((c.area_m2 / $4::float8)::numeric, 2), 'footprintAreaMu', round((c.footprint_area_m2 / $4::float8)::numeric, 2),
      'currentTaxWan', round(c.current_tax_wan::numeric, 2), 'potentialTaxWan', round(c.potential_tax_wan::numeric, 2),
      'upliftWan', round(c.uplift_wan::numeric, 2), 'unitCodes', c.unit_codes, 'regionCodes', c.region_codes
    )
  ) ORDER BY c.id), '[]')::text AS features
  FROM consolidation_cluster AS c ${CLUSTER_WHERE}`;

/** Footprints as GeoJSON features (JSON text), smallest id first. */
export async function clusterFeatures(db: Queryable, f: ClusterFilter, m2PerMu: number) {
  const [row] = await db.query<{ n: number; features: string }>(CLUSTER_FEATURES, clusterParams(f, m2PerMu));
  return { count: row?.n ?? 0, featuresJson: row?.features ?? '[]' };
}

/** The cluster a parcel belongs to, if any. */
export async function clusterOfParcel(db: Queryable, parcelId: number) {
  const [row] = await db.query<ClusterRow>(
    `SELECT ${CLUSTER_COLUMNS} FROM consolidation_member AS m JOIN consolidation_cluster AS c ON c.id = m.cluster_id WHERE m.parcel_id = $1::int`,
    [parcelId],
  );
  return row ?? null;
}

export interface MemberFactsRow {
  cluster_id: number;
  parcel_id: number;
  unit_code: string;
  area_m2: number;
  tax_wan: number | null;
  basis: string[];
  holder_uscc: string | null;
  holder_name: string | null;
  holder_tags: string[] | null;
  occupants: { uscc: string; name: string; role: 'owner' | 'tenant'; areaUsedM2: number; tags: string[] }[];
  region_codes: string[];
}

// What a cluster's summary reads about its members: land, tax (parcel_summary), holder, occupants, regions.
const MEMBER_FACTS = `
  WITH k AS (
    SELECT m.cluster_id, m.parcel_id, m.basis FROM consolidation_member AS m WHERE m.cluster_id = ANY($1::int[])
  ), occupants AS (
    SELECT o.parcel_id,
           json_agg(json_build_object('uscc', e.uscc, 'name', e.name, 'role', o.role, 'areaUsedM2', o.area_used_m2, 'tags', e.tags)
                    ORDER BY o.role = 'owner' DESC, o.area_used_m2 DESC, e.uscc) AS list
    FROM k JOIN occupancy AS o ON o.parcel_id = k.parcel_id JOIN enterprise AS e ON e.id = o.enterprise_id
    GROUP BY o.parcel_id
  ), regions AS (
    SELECT pr.parcel_id, array_agg(r.code ORDER BY r.code) AS codes
    FROM k JOIN parcel_region AS pr ON pr.parcel_id = k.parcel_id JOIN region AS r ON r.id = pr.region_id
    GROUP BY pr.parcel_id
  )
  SELECT k.cluster_id, k.parcel_id, p.unit_code, p.area_m2, s.tax_wan, k.basis, p.holder_uscc, h.name AS holder_name, h.tags AS holder_tags,
         coalesce(o.list, '[]') AS occupants, coalesce(g.codes, '{}') AS region_codes
  FROM k
  JOIN parcel AS p ON p.id = k.parcel_id
  LEFT JOIN enterprise AS h ON h.uscc = p.holder_uscc
  LEFT JOIN parcel_summary AS s ON s.parcel_id = p.id
  LEFT JOIN occupants AS o ON o.parcel_id = p.id
  LEFT JOIN regions AS g ON g.parcel_id = p.id
  ORDER BY k.cluster_id, p.unit_code`;

export function memberFacts(db: Queryable, clusterIds: readonly number[]) {
  return db.query<MemberFactsRow>(MEMBER_FACTS, [clusterIds]);
}
