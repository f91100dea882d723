/**
 * Planar geometry in local metres (x east, y north). Rings are open (first vertex not repeated),
 * exterior rings counter-clockwise. The generator only ever cuts convex polygons with straight
 * lines, so half-plane clipping is all it needs and stays exact and fast.
 */

export type Xy = readonly [number, number];
export type Ring = Xy[];

/** Shoelace area in m², positive for counter-clockwise rings. */
export function signedArea(ring: readonly Xy[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

export function ringArea(ring: readonly Xy[]): number {
  return Math.abs(signedArea(ring));
}

export function centroid(ring: readonly Xy[]): Xy {
  let cx = 0;
  let cy = 0;
  let a2 = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % n]!;
    const cross = p[0] * q[1] - q[0] * p[1];
    a2 += cross;
    cx += (p[0] + q[0]) * cross;
    cy += (p[1] + q[1]) * cross;
  }
  if (Math.abs(a2) < 1e-9) return ring[0] ?? [0, 0];
  return [cx / (3 * a2), cy / (3 * a2)];
}

/** Unit vector at `angle` radians from the x axis. */
export function direction(angle: number): Xy {
  return [Math.cos(angle), Math.sin(angle)];
}

/** Left normal of a direction (rotated +90°). */
export function leftNormal(d: Xy): Xy {
  return [-d[1], d[0]];
}

export function dot(a: Xy, b: Xy): number {
  return a[0] * b[0] + a[1] * b[1];
}

/** [min, max] of the ring's projection on a unit axis. */
export function extentAlong(ring: readonly Xy[], axis: Xy): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const p of ring) {
    const s = dot(p, axis);
    if (s < min) min = s;
    if (s > max) max = s;
  }
  return [min, max];
}

/**
 * Keeps the part of a convex ring where (q − origin)·normal ≥ offset (Sutherland–Hodgman against
 * one half-plane). `normal` must be a unit vector; the result may be empty.
 */
export function clipHalfPlane(ring: readonly Xy[], origin: Xy, normal: Xy, offset = 0): Ring {
  const out: Ring = [];
  const n = ring.length;
  if (n === 0) return out;
  const c = dot(origin, normal) + offset;
  let prev = ring[n - 1]!;
  let prevSide = dot(prev, normal) - c;
  for (let i = 0; i < n; i++) {
    const cur = ring[i]!;
    const curSide = dot(cur, normal) - c;
    if (curSide >= 0) {
      if (prevSide < 0) out.push(lerp(prev, cur, prevSide / (prevSide - curSide)));
      out.push(cur);
    } else if (prevSide >= 0) {
      out.push(lerp(prev, cur, prevSide / (prevSide - curSide)));
    }
    prev = cur;
    prevSide = curSide;
  }
  return dedupe(out);
}

function lerp(a: Xy, b: Xy, t: number): Xy {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** Drops consecutive vertices closer than 1 mm (produced when a cut passes through a vertex). */
function dedupe(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || Math.abs(last[0] - p[0]) > 1e-3 || Math.abs(last[1] - p[1]) > 1e-3) out.push(p);
  }
  while (out.length > 1) {
    const first = out[0]!;
    const last = out[out.length - 1]!;
    if (Math.abs(last[0] - first[0]) > 1e-3 || Math.abs(last[1] - first[1]) > 1e-3) break;
    out.pop();
  }
  return out.length >= 3 ? out : [];
}

/** Both sides of a convex ring cut by the line through `origin` along unit `dir`: [left, right]. */
export function splitByLine(ring: readonly Xy[], origin: Xy, dir: Xy): [Ring, Ring] {
  const n = leftNormal(dir);
  return [clipHalfPlane(ring, origin, n), clipHalfPlane(ring, origin, [-n[0], -n[1]])];
}

/** The segment of the line (origin, unit dir) inside a convex ring, or null if it misses. */
export function chord(ring: readonly Xy[], origin: Xy, dir: Xy): [Xy, Xy] | null {
  const normal = leftNormal(dir);
  const c = dot(origin, normal);
  let tMin = Infinity;
  let tMax = -Infinity;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    const sa = dot(a, normal) - c;
    const sb = dot(b, normal) - c;
    if ((sa >= 0 && sb < 0) || (sa < 0 && sb >= 0)) {
      const p = lerp(a, b, sa / (sa - sb));
      const t = dot([p[0] - origin[0], p[1] - origin[1]], dir);
      if (t < tMin) tMin = t;
      if (t > tMax) tMax = t;
    }
  }
  if (!(tMax > tMin)) return null;
  return [
    [origin[0] + dir[0] * tMin, origin[1] + dir[1] * tMin],
    [origin[0] + dir[0] * tMax, origin[1] + dir[1] * tMax],
  ];
}

/** Shrinks a convex counter-clockwise ring by `distance` metres on every edge. */
export function insetConvex(ring: readonly Xy[], distance: number): Ring {
  return insetByRing(ring, ring, distance);
}

/** Clips `subject` to the inward offset (by `distance`) of every edge of the convex ring `frame`. */
export function insetByRing(subject: readonly Xy[], frame: readonly Xy[], distance: number): Ring {
  let out: Ring = subject.slice();
  for (let i = 0, n = frame.length; i < n && out.length > 0; i++) {
    const a = frame[i]!;
    const b = frame[(i + 1) % n]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len < 1e-6) continue;
    out = clipHalfPlane(out, a, [-(b[1] - a[1]) / len, (b[0] - a[0]) / len], distance);
  }
  return out;
}

/** Convex hull (Andrew's monotone chain), counter-clockwise. */
export function convexHull(points: readonly Xy[]): Ring {
  const pts = points.slice().sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  if (pts.length < 3) return pts;
  const cross = (o: Xy, a: Xy, b: Xy) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Xy[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Xy[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** Axis-aligned bounds [minX, minY, maxX, maxY]. */
export function bounds(ring: readonly Xy[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

export function translate(ring: readonly Xy[], dx: number, dy: number): Ring {
  return ring.map(([x, y]) => [x + dx, y + dy] as const);
}

/** Ray-casting point-in-polygon for any simple ring (convex or not). */
export function pointInRing(p: Xy, ring: readonly Xy[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) {
      inside = !inside;
    }
  }
  return inside;
}

/** Area of the intersection of two convex rings (clips one by the other's edges). */
export function convexIntersectionArea(a: readonly Xy[], b: readonly Xy[]): number {
  const ccwB = signedArea(b) >= 0 ? b : b.slice().reverse();
  return ringArea(insetByRing(a, ccwB, 0));
}
