/**
 * Streets and blocks inside one cluster. The cluster outline is cut recursively across its longer
 * side by roads whose grade follows the length of the cut (主干路 > 次干路 > 支路), tilted a few
 * degrees each time, and sometimes bent where a street crosses a bigger road. Blocks are the
 * leaves of the cuts, set back from every bounding road by half its width.
 */
import {
  chord,
  clipHalfPlane,
  direction,
  extentAlong,
  insetByRing,
  leftNormal,
  ringArea,
  splitByLine,
  type Ring,
  type Xy,
} from './geometry.ts';
import { ARTERIAL_NAMES, STREET_STEMS, chineseNumber } from './names.ts';
import type { Rng } from './random.ts';
import { HALF_WIDTH_RANGE, type RoadGrade, type RoadLine } from './road.ts';

export interface ClusterInput {
  index: number;
  ring: Ring;
  angle: number;
  place: string;
}

export interface ClusterLayout {
  /** Buildable blocks, convex CCW rings, in a spatially coherent order. */
  blocks: Ring[];
  roads: RoadLine[];
}

interface Setback {
  origin: Xy;
  normal: Xy;
  offset: number;
}

interface ForcedCut {
  origin: Xy;
  dir: Xy;
  halfWidth: number;
}

function gradeFor(length: number): RoadGrade {
  return length > 1500 ? '主干路' : length > 750 ? '次干路' : '支路';
}

function rotate(d: Xy, angle: number): Xy {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [d[0] * c - d[1] * s, d[0] * s + d[1] * c];
}

export function layoutCluster(rng: Rng, cluster: ClusterInput): ClusterLayout {
  const u = direction(cluster.angle);
  const v = leftNormal(u);
  const roads: RoadLine[] = [];
  const blocks: Ring[] = [];
  const stem = STREET_STEMS[cluster.index % STREET_STEMS.length]!;
  let streets = 0;
  let lanes = 0;
  const blockArea = rng.uniform(160_000, 260_000);

  const nameFor = (grade: RoadGrade): string => {
    if (grade === '主干路') return rng.pick(ARTERIAL_NAMES);
    if (grade === '次干路') return `${stem}${chineseNumber(++streets)}路`;
    return `${stem}${chineseNumber(++lanes)}支路`;
  };
  const halfWidth = (grade: RoadGrade) => rng.uniform(...HALF_WIDTH_RANGE[grade]);

  // Ring road on the cluster outline, in three or four named stretches.
  const ringHalfWidth = halfWidth('主干路');
  const n = cluster.ring.length;
  const pieces = rng.int(3, 4);
  const start = rng.int(0, n - 1);
  for (let p = 0; p < pieces; p++) {
    const from = start + Math.floor((p * n) / pieces);
    const to = start + Math.floor(((p + 1) * n) / pieces);
    const path: Xy[] = [];
    for (let i = from; i <= to; i++) path.push(cluster.ring[i % n]!);
    roads.push({ name: p === 0 ? `${cluster.place}大道` : rng.pick(ARTERIAL_NAMES), grade: '主干路', path });
  }

  const extents = (poly: Ring) => {
    const [u0, u1] = extentAlong(poly, u);
    const [v0, v1] = extentAlong(poly, v);
    return { alongU: u1 - u0, alongV: v1 - v0 };
  };

  const leaf = (poly: Ring, setbacks: readonly Setback[]) => {
    let block = poly;
    for (const s of setbacks) block = clipHalfPlane(block, s.origin, s.normal, s.offset);
    block = chamferCorners(rng, insetByRing(block, cluster.ring, ringHalfWidth));
    if (block.length >= 3 && ringArea(block) > 3000) blocks.push(block);
  };

  const split = (poly: Ring, setbacks: readonly Setback[], forced?: ForcedCut): void => {
    const area = ringArea(poly);
    const { alongU, alongV } = extents(poly);
    const longest = Math.max(alongU, alongV);
    const stopArea = blockArea * Math.exp(0.35 * rng.normal());
    if (!forced && (area < 25_000 || (area < stopArea && longest < 900))) return leaf(poly, setbacks);

    let origin: Xy;
    let dir: Xy;
    let hw: number;
    let grade: RoadGrade = gradeFor(longest);
    if (forced) {
      ({ origin, dir } = forced);
      hw = forced.halfWidth;
    } else {
      const axis = alongU >= alongV ? u : v;
      const base = alongU >= alongV ? v : u;
      const tilt = rng.chance(0.1) ? rng.normal(0, 0.15) : rng.normal(0, grade === '支路' ? 0.05 : 0.03);
      dir = rotate(base, tilt);
      const [lo, hi] = extentAlong(poly, axis);
      const s = lo + (hi - lo) * rng.uniform(0.38, 0.62);
      const [b0, b1] = extentAlong(poly, base);
      const mid = (b0 + b1) / 2;
      origin = [axis[0] * s + base[0] * mid, axis[1] * s + base[1] * mid];
      hw = halfWidth(grade);
    }
    const segment = chord(poly, origin, dir);
    const [left, right] = splitByLine(poly, origin, dir);
    if (!segment || left.length < 3 || right.length < 3 || ringArea(left) < 5000 || ringArea(right) < 5000) {
      return leaf(poly, setbacks);
    }
    const normal = leftNormal(dir);
    const leftSetbacks = [...setbacks, { origin, normal, offset: hw }];
    const rightSetbacks = [...setbacks, { origin, normal: [-normal[0], -normal[1]] as Xy, offset: hw }];

    // A street crossing this road may bend where it crosses, as old village roads do.
    const crossing = bentCrossing(rng, left, right, segment, dir);
    if (crossing) {
      const childGrade = gradeFor(crossing.length);
      const childHw = halfWidth(childGrade);
      roads.push({ name: nameFor(childGrade), grade: childGrade, path: crossing.path });
      if (!forced) roads.push({ name: nameFor(grade), grade, path: segment });
      split(left, leftSetbacks, { origin: crossing.at, dir: crossing.leftDir, halfWidth: childHw });
      split(right, rightSetbacks, { origin: crossing.at, dir: crossing.rightDir, halfWidth: childHw });
      return;
    }
    if (!forced) roads.push({ name: nameFor(grade), grade, path: segment });
    split(left, leftSetbacks);
    split(right, rightSetbacks);
  };

  split(cluster.ring, []);
  return { blocks, roads };
}

/**
 * Cuts 6–12 m off most block corners sharper than ~135°: the sight triangles (道路红线切角) kept
 * clear at junctions, which give corner parcels their fifth side.
 */
function chamferCorners(rng: Rng, ring: Ring): Ring {
  const cuts: Setback[] = [];
  for (let i = 0, n = ring.length; i < n; i++) {
    const v = ring[i]!;
    const a = ring[(i + n - 1) % n]!;
    const b = ring[(i + 1) % n]!;
    const la = Math.hypot(a[0] - v[0], a[1] - v[1]);
    const lb = Math.hypot(b[0] - v[0], b[1] - v[1]);
    if (la < 40 || lb < 40 || !rng.chance(0.7)) continue;
    const e1: Xy = [(a[0] - v[0]) / la, (a[1] - v[1]) / la];
    const e2: Xy = [(b[0] - v[0]) / lb, (b[1] - v[1]) / lb];
    const cos = e1[0] * e2[0] + e1[1] * e2[1];
    if (cos < -0.73) continue;
    const bisector: Xy = [e1[0] + e2[0], e1[1] + e2[1]];
    const len = Math.hypot(bisector[0], bisector[1]);
    const cut = rng.uniform(6, 12);
    cuts.push({ origin: v, normal: [bisector[0] / len, bisector[1] / len], offset: cut * Math.sqrt((1 + cos) / 2) });
  }
  let out = ring;
  for (const c of cuts) out = clipHalfPlane(out, c.origin, c.normal, c.offset);
  return out;
}

/**
 * When both halves are long along the road just cut (so each would next be cut across it), cut them
 * through a shared point on the road at slightly different angles: one street with a bend.
 */
function bentCrossing(
  rng: Rng,
  left: Ring,
  right: Ring,
  segment: [Xy, Xy],
  dir: Xy,
): { at: Xy; leftDir: Xy; rightDir: Xy; path: Xy[]; length: number } | null {
  if (!rng.chance(0.4)) return null;
  const across = leftNormal(dir);
  const longAlongRoad = (poly: Ring) => {
    const [a0, a1] = extentAlong(poly, dir);
    const [c0, c1] = extentAlong(poly, across);
    return a1 - a0 > c1 - c0 && a1 - a0 > 500 && ringArea(poly) > 90_000;
  };
  if (!longAlongRoad(left) || !longAlongRoad(right)) return null;
  const t = rng.uniform(0.35, 0.65);
  const at: Xy = [segment[0][0] + (segment[1][0] - segment[0][0]) * t, segment[0][1] + (segment[1][1] - segment[0][1]) * t];
  const bend = rng.uniform(0.05, 0.16) * (rng.chance(0.5) ? 1 : -1);
  const leftDir = rotate(across, bend);
  const rightDir = rotate(across, -bend * rng.uniform(0.3, 1));
  const far = (poly: Ring, d: Xy): Xy | null => {
    const c = chord(poly, at, d);
    if (!c) return null;
    const d0 = Math.hypot(c[0][0] - at[0], c[0][1] - at[1]);
    const d1 = Math.hypot(c[1][0] - at[0], c[1][1] - at[1]);
    return d0 > d1 ? c[0] : c[1];
  };
  const a = far(left, leftDir);
  const b = far(right, rightDir);
  if (!a || !b) return null;
  const length = Math.hypot(a[0] - at[0], a[1] - at[1]) + Math.hypot(b[0] - at[0], b[1] - at[1]);
  return { at, leftDir, rightDir, path: [a, at, b], length: length / 2 };
}
