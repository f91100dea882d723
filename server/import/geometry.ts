/**
 * Structural checks on GeoJSON geometry before it reaches PostGIS: right type, numbers, closed
 * rings, lon/lat in China's range and in [lng, lat] order. Self-intersections and the like are
 * left to PostGIS (ST_IsValid / ST_MakeValid), which repairs and reports them.
 */
import type { Geometry, Position } from 'geojson';

// China's extent with a margin: 73–136°E, 3–54°N.
const LNG_RANGE = [72, 137] as const;
const LAT_RANGE = [2, 55] as const;

function inRange(v: number, [lo, hi]: readonly [number, number]): boolean {
  return v >= lo && v <= hi;
}

function checkPosition(p: unknown): string | null {
  if (!Array.isArray(p) || p.length < 2 || !p.slice(0, 2).every((v) => typeof v === 'number' && Number.isFinite(v))) {
    return '坐标应为 [经度, 纬度] 数值对';
  }
  const [x, y] = p as [number, number];
  if (inRange(x, LNG_RANGE) && inRange(y, LAT_RANGE)) return null;
  if (inRange(y, LNG_RANGE) && inRange(x, LAT_RANGE)) return `坐标 [${x}, ${y}] 疑为 [纬度, 经度] 顺序（EPSG:4490 的轴序），应为 [经度, 纬度]`;
  if (Math.abs(x) > 1000 || Math.abs(y) > 1000) return `坐标 [${x}, ${y}] 疑为投影坐标（如 CGCS2000 高斯-克吕格），应转换为经纬度`;
  return `坐标 [${x}, ${y}] 不在中国范围内`;
}

function checkRing(ring: unknown): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return '多边形的环至少需要 4 个坐标（首尾相同）';
  for (const p of ring) {
    const issue = checkPosition(p);
    if (issue) return issue;
  }
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) return '多边形的环未闭合（首尾坐标不同）';
  return null;
}

/** null when the polygon or multipolygon is structurally sound, else a message. */
export function checkPolygonal(geometry: Geometry | null | undefined): string | null {
  if (!geometry) return '缺少几何图形';
  if (geometry.type === 'Polygon') {
    if (geometry.coordinates.length === 0) return '多边形为空';
    for (const ring of geometry.coordinates) {
      const issue = checkRing(ring);
      if (issue) return issue;
    }
    return null;
  }
  if (geometry.type === 'MultiPolygon') {
    if (geometry.coordinates.length === 0) return '多多边形为空';
    for (const polygon of geometry.coordinates) {
      for (const ring of polygon) {
        const issue = checkRing(ring);
        if (issue) return issue;
      }
    }
    return null;
  }
  return `几何类型应为 Polygon 或 MultiPolygon，实为 ${geometry.type}`;
}

export function checkLinear(geometry: Geometry | null | undefined): string | null {
  if (!geometry) return '缺少几何图形';
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : null;
  if (!lines) return `几何类型应为 LineString 或 MultiLineString，实为 ${geometry.type}`;
  for (const line of lines) {
    if (line.length < 2) return '线至少需要 2 个坐标';
    for (const p of line) {
      const issue = checkPosition(p);
      if (issue) return issue;
    }
  }
  return null;
}
