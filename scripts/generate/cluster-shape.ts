/**
 * The outline of one 组团 (cluster): a rotated, jittered rectangle with one or two sides bowed out
 * into arcs (curved ring roads) and sometimes a cut corner. Always convex, counter-clockwise, in
 * local metres centred on the origin.
 */
import { convexHull, direction, type Ring, type Xy } from './geometry.ts';
import type { Rng } from './random.ts';

export interface ClusterShape {
  ring: Ring;
  /** Orientation of the street grid, radians from east. */
  angle: number;
}

/** A cluster outline of roughly `areaM2` square metres. */
export function clusterShape(rng: Rng, areaM2: number): ClusterShape {
  const angle = rng.uniform(-0.35, 0.35);
  const aspect = rng.uniform(1.0, 1.5);
  const width = Math.sqrt(areaM2 * aspect);
  const height = areaM2 / width;
  const u = direction(angle);
  const v: Xy = [-u[1], u[0]];
  const jitter = 0.05 * Math.min(width, height);
  const local: Xy[] = [
    [-width / 2, -height / 2],
    [width / 2, -height / 2],
    [width / 2, height / 2],
    [-width / 2, height / 2],
  ];
  const corners: Xy[] = local.map(([a, b]) => [
    a * u[0] + b * v[0] + rng.normal(0, jitter),
    a * u[1] + b * v[1] + rng.normal(0, jitter),
  ]);

  const arcSides = new Set<number>();
  arcSides.add(rng.int(0, 3));
  if (rng.chance(0.5)) arcSides.add(rng.int(0, 3));
  const chamfer = rng.chance(0.35) ? rng.int(0, 3) : -1;

  const points: Xy[] = [];
  for (let i = 0; i < 4; i++) {
    const a = corners[i]!;
    const b = corners[(i + 1) % 4]!;
    if (i === chamfer) {
      const prev = corners[(i + 3) % 4]!;
      const t = rng.uniform(0.1, 0.2);
      points.push([a[0] + (prev[0] - a[0]) * t, a[1] + (prev[1] - a[1]) * t]);
      points.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
    } else {
      points.push(a);
    }
    if (arcSides.has(i)) points.push(...arcPoints(a, b, rng.uniform(0.04, 0.1), Math.max(10, Math.round(Math.hypot(b[0] - a[0], b[1] - a[1]) / 60))));
  }
  return { ring: convexHull(points), angle };
}

/** Interior points of a circular arc from a to b bulging to the right (outward for CCW rings). */
function arcPoints(a: Xy, b: Xy, sagittaRatio: number, segments: number): Xy[] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  const out: Xy = [dy / len, -dx / len];
  const sagitta = sagittaRatio * len;
  const pts: Xy[] = [];
  for (let k = 1; k < segments; k++) {
    const t = k / segments;
    // Parabolic bulge: indistinguishable from a circular arc at these sagittas.
    const bulge = 4 * sagitta * t * (1 - t);
    pts.push([a[0] + dx * t + out[0] * bulge, a[1] + dy * t + out[1] * bulge]);
  }
  return pts;
}
