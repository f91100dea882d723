/** Arterials (主干路) joining neighbouring clusters across the open land between them. */
import { centroid, chord, type Ring, type Xy } from './geometry.ts';
import { ARTERIAL_NAMES, cycledName } from './names.ts';
import type { Rng } from './random.ts';
import type { RoadLine } from './road.ts';

/** True if the segment a→b passes through the interior of the convex CCW ring (Cyrus–Beck). */
export function segmentCrossesConvex(a: Xy, b: Xy, ring: readonly Xy[]): boolean {
  let t0 = 0;
  let t1 = 1;
  const d: Xy = [b[0] - a[0], b[1] - a[1]];
  for (let i = 0, n = ring.length; i < n; i++) {
    const e = ring[i]!;
    const f = ring[(i + 1) % n]!;
    const normal: Xy = [-(f[1] - e[1]), f[0] - e[0]];
    const num = (a[0] - e[0]) * normal[0] + (a[1] - e[1]) * normal[1];
    const den = d[0] * normal[0] + d[1] * normal[1];
    if (Math.abs(den) < 1e-12) {
      if (num < 0) return false;
      continue;
    }
    const t = -num / den;
    if (den > 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1 - 1e-9) return false;
  }
  return true;
}

/** The stretch between two clusters of the line joining their centroids, or null. */
function between(from: Ring, to: Ring): [Xy, Xy] | null {
  const a = centroid(from);
  const b = centroid(to);
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const dir: Xy = [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
  const exit = chord(from, a, dir);
  const entry = chord(to, a, dir);
  if (!exit || !entry) return null;
  return [exit[1], entry[0]];
}

/**
 * Links each cluster to its right-hand neighbour in the row and to the nearest cluster in the row
 * above, skipping links that would cut through a third cluster.
 */
export function linkRoads(rng: Rng, rings: readonly Ring[], rowOf: readonly number[]): RoadLine[] {
  const roads: RoadLine[] = [];
  const add = (segment: [Xy, Xy] | null) => {
    if (!segment) return;
    roads.push({ name: cycledName(ARTERIAL_NAMES, roads.length + rng.int(0, 3)), grade: '主干路', path: segment });
  };
  for (let i = 0; i + 1 < rings.length; i++) {
    if (rowOf[i] === rowOf[i + 1]) add(between(rings[i]!, rings[i + 1]!));
  }
  const centres = rings.map(centroid);
  for (let j = 0; j < rings.length; j++) {
    const row = rowOf[j]!;
    if (row === 0) continue;
    let best = -1;
    let bestDist = Infinity;
    for (let i = 0; i < rings.length; i++) {
      if (rowOf[i] !== row - 1) continue;
      const d = Math.hypot(centres[i]![0] - centres[j]![0], centres[i]![1] - centres[j]![1]);
      if (d < bestDist) {
        bestDist = d;
        best = i;
      }
    }
    if (best < 0) continue;
    const segment = between(rings[j]!, rings[best]!);
    if (!segment) continue;
    const blocked = rings.some(
      (ring, i) => i !== j && i !== best && Math.abs(rowOf[i]! - row) <= 1 && segmentCrossesConvex(segment[0], segment[1], ring),
    );
    if (!blocked) add(segment);
  }
  return roads;
}
