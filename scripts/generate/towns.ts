/**
 * Towns (镇街) as Voronoi cells of scattered seats, clipped to the district boundary. Their edges
 * are straight lines that ignore the clusters, so a town and a cluster rarely coincide — as in
 * real districts, where administrative and planning boundaries were drawn by different offices.
 */
import { bounds, clipHalfPlane, pointInRing, ringArea, type Ring, type Xy } from './geometry.ts';
import type { Rng } from './random.ts';

/** Town seats with a minimum spacing, by rejection sampling over a spatial hash. */
function seats(rng: Rng, district: readonly Xy[], count: number): Xy[] {
  const [minX, minY, maxX, maxY] = bounds(district);
  const spacing = 0.7 * Math.sqrt(ringArea(district) / count);
  const cells = new Map<string, Xy[]>();
  const key = (x: number, y: number) => `${Math.floor(x / spacing)},${Math.floor(y / spacing)}`;
  const out: Xy[] = [];
  for (let tries = 0; out.length < count && tries < count * 60; tries++) {
    const p: Xy = [rng.uniform(minX, maxX), rng.uniform(minY, maxY)];
    if (!pointInRing(p, district)) continue;
    const gx = Math.floor(p[0] / spacing);
    const gy = Math.floor(p[1] / spacing);
    let close = false;
    for (let dx = -1; dx <= 1 && !close; dx++) {
      for (let dy = -1; dy <= 1 && !close; dy++) {
        for (const q of cells.get(`${gx + dx},${gy + dy}`) ?? []) {
          if (Math.hypot(q[0] - p[0], q[1] - p[1]) < spacing) close = true;
        }
      }
    }
    if (close) continue;
    out.push(p);
    const k = key(p[0], p[1]);
    cells.set(k, [...(cells.get(k) ?? []), p]);
  }
  return out;
}

/** Up to `count` town rings covering the district. Neighbours further than 5 spacings are ignored. */
export function townRings(rng: Rng, district: readonly Xy[], count: number): Ring[] {
  const points = seats(rng, district, count);
  const reach = 5 * Math.sqrt(ringArea(district) / count);
  const rings: Ring[] = [];
  for (const p of points) {
    let ring: Ring = district.slice();
    for (const q of points) {
      if (q === p) continue;
      const dx = q[0] - p[0];
      const dy = q[1] - p[1];
      const len = Math.hypot(dx, dy);
      if (len > reach) continue;
      const mid: Xy = [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
      ring = clipHalfPlane(ring, mid, [-dx / len, -dy / len]);
      if (ring.length === 0) break;
    }
    if (ring.length >= 3) rings.push(ring);
  }
  return rings;
}
