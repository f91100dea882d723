/**
 * One label point per region polygon.
 *
 * MapLibre labels a polygon in each tile it is cut into, so a large 片区 gets its name repeated
 * along tile edges at high zoom. Placing labels from our own points gives one label per region,
 * at a spot well inside it (not the centroid, which falls outside a C-shaped region).
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';

type Ring = Position[];

function pointInRing([x, y]: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}

function pointInPolygon(p: Position, rings: Ring[]): boolean {
  const [outer, ...holes] = rings;
  return !!outer && pointInRing(p, outer) && !holes.some((h) => pointInRing(p, h));
}

function segmentDistanceSq([px, py]: Position, [ax, ay]: Position, [bx, by]: Position): number {
  let dx = bx! - ax!;
  let dy = by! - ay!;
  let x = ax!;
  let y = ay!;
  if (dx !== 0 || dy !== 0) {
    const t = Math.max(0, Math.min(1, ((px! - x) * dx + (py! - y) * dy) / (dx * dx + dy * dy)));
    x += dx * t;
    y += dy * t;
  }
  dx = px! - x;
  dy = py! - y;
  return dx * dx + dy * dy;
}

/** Distance (in degrees, with longitude shrunk by cos φ) from p to the nearest edge, negative outside. */
function signedEdgeDistance(p: Position, rings: Ring[], kx: number): number {
  const scaled = (q: Position): Position => [q[0]! * kx, q[1]!];
  const sp = scaled(p);
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      best = Math.min(best, segmentDistanceSq(sp, scaled(ring[j]!), scaled(ring[i]!)));
    }
  }
  const d = Math.sqrt(best);
  return pointInPolygon(p, rings) ? d : -d;
}

function ringAreaAbs(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  }
  return Math.abs(sum / 2);
}

/**
 * A point well inside a polygon: a coarse grid search for the spot farthest from every edge,
 * then a finer search around the best cell. Good enough for labels; not an exact polylabel.
 * For a MultiPolygon the largest part is used. Returns null for an empty geometry.
 */
export function labelPoint(geometry: Polygon | MultiPolygon): Position | null {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings = parts
    .filter((p) => p[0] && p[0].length >= 4)
    .sort((a, b) => ringAreaAbs(b[0]!) - ringAreaAbs(a[0]!))[0];
  if (!rings) return null;
  const outer = rings[0]!;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of outer) {
    w = Math.min(w, x!);
    e = Math.max(e, x!);
    s = Math.min(s, y!);
    n = Math.max(n, y!);
  }
  const kx = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const steps = 24;
  let best: Position = [(w + e) / 2, (s + n) / 2];
  let bestScore = signedEdgeDistance(best, rings, kx);
  let cellW = (e - w) / steps;
  let cellH = (n - s) / steps;
  let [x0, y0] = [w, s];
  for (let pass = 0; pass < 3; pass++) {
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const p: Position = [x0 + i * cellW, y0 + j * cellH];
        const score = signedEdgeDistance(p, rings, kx);
        if (score > bestScore) {
          bestScore = score;
          best = p;
        }
      }
    }
    // Refine around the best point with a grid two cells wide.
    x0 = best[0]! - cellW;
    y0 = best[1]! - cellH;
    cellW = (2 * cellW) / steps;
    cellH = (2 * cellH) / steps;
  }
  return [best[0]!, best[1]!];
}

/** Label points for a collection of polygons, keeping each feature's properties. */
export function labelPoints<P>(collection: FeatureCollection<Polygon | MultiPolygon, P>): FeatureCollection<Point, P> {
  const features: Feature<Point, P>[] = [];
  for (const f of collection.features) {
    const p = f.geometry ? labelPoint(f.geometry) : null;
    if (p) features.push({ type: 'Feature', properties: f.properties, geometry: { type: 'Point', coordinates: p } });
  }
  return { type: 'FeatureCollection', features };
}
