/** Search over enterprise names, credit codes and parcel codes. */
import type { Queryable } from '../database.ts';

export interface SearchRow {
  kind: 'enterprise' | 'parcel';
  code: string;
  name: string;
  parcel_code: string | null;
  bbox: [number, number, number, number] | null;
  rank: number;
}

// Codes match by prefix (also the 19-character 宗地代码); names by substring. Exact code hits first.
const SEARCH = `
  WITH ent AS (
    SELECT 'enterprise'::text AS kind, e.uscc AS code, e.name,
           CASE WHEN e.uscc = $1::text THEN 0 WHEN e.uscc LIKE $1::text || '%' THEN 1 WHEN e.name = $2::text THEN 1 ELSE 2 END AS rank,
           e.id
    FROM enterprise AS e
    WHERE (length($1::text) >= 4 AND e.uscc LIKE $1::text || '%') OR e.name LIKE '%' || $2::text || '%'
    ORDER BY rank, e.name
    LIMIT $3::int
  ), par AS (
    SELECT 'parcel'::text AS kind, p.unit_code AS code, coalesce(h.name, lu.name) AS name,
           CASE WHEN p.unit_code = $1::text THEN 0 ELSE 1 END AS rank,
           p.geom
    FROM parcel AS p
    JOIN land_use AS lu ON lu.code = p.land_use
    LEFT JOIN enterprise AS h ON h.id = p.holder_enterprise_id
    WHERE length($1::text) >= 4 AND (p.unit_code LIKE $1::text || '%' OR p.parcel_code = left($1::text, 19))
    ORDER BY rank, p.unit_code
    LIMIT $3::int
  )
  SELECT kind, code, name, parcel_code, bbox, rank FROM (
    SELECT ent.kind, ent.code, ent.name, first.unit_code AS parcel_code,
           (SELECT json_build_array(ST_XMin(x), ST_YMin(x), ST_XMax(x), ST_YMax(x))
              FROM (SELECT ST_Extent(p.geom)::geometry AS x FROM occupancy AS o JOIN parcel AS p ON p.id = o.parcel_id
                    WHERE o.enterprise_id = ent.id) AS ext WHERE x IS NOT NULL) AS bbox,
           ent.rank
    FROM ent
    LEFT JOIN LATERAL (
      SELECT p.unit_code FROM occupancy AS o JOIN parcel AS p ON p.id = o.parcel_id
      WHERE o.enterprise_id = ent.id ORDER BY o.role = 'owner' DESC, o.area_used_m2 DESC LIMIT 1
    ) AS first ON true
    UNION ALL
    SELECT par.kind, par.code, par.name, par.code AS parcel_code,
           json_build_array(ST_XMin(par.geom), ST_YMin(par.geom), ST_XMax(par.geom), ST_YMax(par.geom)) AS bbox, par.rank
    FROM par
  ) AS hits
  ORDER BY rank, kind, name, code
  LIMIT $3::int`;

/** `codeQuery` is the normalised code form of the query, `nameQuery` the half-width text. */
export function searchLedger(db: Queryable, codeQuery: string, nameQuery: string, limit: number) {
  return db.query<SearchRow>(SEARCH, [codeQuery, nameQuery, limit]);
}
