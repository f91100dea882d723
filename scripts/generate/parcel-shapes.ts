/**
 * Parcels (宗地) inside blocks. Each block gets a parcel count in proportion to its area (a few
 * blocks stay green, a few become one big site), then is cut recursively across its longer side at
 * a jittered angle and a jittered area fraction, which gives convex quadrilaterals and pentagons of
 * log-normally spread sizes. Neighbours keep a 0.5 m gap so no two parcels ever overlap.
 */
import { apportion } from './apportion.ts';
import {
  centroid,
  clipHalfPlane,
  direction,
  extentAlong,
  insetConvex,
  leftNormal,
  pointInRing,
  ringArea,
  type Ring,
  type Xy,
} from './geometry.ts';
import type { Rng } from './random.ts';

export const M2_PER_MU = 10000 / 15;

/** Half the gap left between neighbouring parcels, metres. */
const HALF_GAP = 0.25;

export interface ParcelShape {
  /** Polygons, each [exterior (CCW), ...holes (CW)], local metres. */
  polygons: Ring[][];
  areaM2: number;
  blockIndex: number;
}

interface Frame {
  u: Xy;
  v: Xy;
}

/** Parcel counts per block summing to `target`; 0 marks a green or unused block. */
export function blockCounts(rng: Rng, blockAreas: readonly number[], target: number): number[] {
  const counts = blockAreas.map(() => -1);
  if (blockAreas.length >= 10) {
    blockAreas.forEach((_, i) => {
      if (rng.chance(0.04)) counts[i] = 0;
    });
  }
  // Big sites of 100–600 亩: a plant that takes a whole block, or half of one.
  blockAreas.forEach((a, i) => {
    if (counts[i] !== -1 || a < 150 * M2_PER_MU || a > 600 * M2_PER_MU) return;
    const r = rng.next();
    if (r < 0.15) counts[i] = 1;
    else if (r < 0.35) counts[i] = a > 250 * M2_PER_MU ? 2 : 1;
    else if (r < 0.5 && a > 350 * M2_PER_MU) counts[i] = 3;
  });
  const fixed = counts.reduce((s, c) => s + Math.max(c, 0), 0);
  let free = counts.map((c, i) => (c === -1 ? i : -1)).filter((i) => i >= 0);
  // Tiny districts: fewer parcels than blocks, so the smallest blocks stay empty.
  while (free.length > Math.max(target - fixed, 0) && free.length > 0) {
    const smallest = free.reduce((m, i) => (blockAreas[i]! < blockAreas[m]! ? i : m), free[0]!);
    counts[smallest] = 0;
    free = free.filter((i) => i !== smallest);
  }
  const parts = apportion(
    Math.max(target - fixed, 0),
    free.map((i) => blockAreas[i]!),
  );
  free.forEach((blockIndex, k) => (counts[blockIndex] = parts[k]!));
  // Every parcelled block holds at least one parcel: borrow from the fullest.
  for (const i of free) {
    if (counts[i]! > 0) continue;
    const donor = free.reduce((m, j) => (counts[j]! > counts[m]! ? j : m), free[0]!);
    if (counts[donor]! <= 1) break;
    counts[donor]! -= 1;
    counts[i] = 1;
  }
  return counts.map((c) => Math.max(c, 0));
}

/** Cuts a convex ring across its longer side into `count` pieces. */
export function cutBlock(rng: Rng, ring: Ring, count: number, frame: Frame): Ring[] {
  if (count <= 0) return [];
  if (count === 1) return [ring];
  const first = Math.min(count - 1, Math.max(1, Math.round(count * rng.uniform(0.3, 0.7))));
  const share = first / count;
  const [u0, u1] = extentAlong(ring, frame.u);
  const [v0, v1] = extentAlong(ring, frame.v);
  const base = u1 - u0 >= v1 - v0 ? frame.v : frame.u;
  const tilt = rng.chance(0.12) ? rng.normal(0, 0.3) : rng.normal(0, 0.07);
  const dir = direction(Math.atan2(base[1], base[0]) + tilt);
  const jittered = Math.min(0.86, Math.max(0.14, share * Math.exp(0.45 * rng.normal())));
  let pieces = cutAtFraction(ring, dir, jittered);
  if (!pieces || pieces.some((p) => tooThin(p, dir))) pieces = cutAtFraction(ring, dir, share);
  if (!pieces) return [ring];
  return [...cutBlock(rng, pieces[0], first, frame), ...cutBlock(rng, pieces[1], count - first, frame)];
}

/** A piece narrower than 25 m across the cut, or under 400 m², is a sliver nobody would survey. */
function tooThin(piece: Ring, dir: Xy): boolean {
  const [lo, hi] = extentAlong(piece, leftNormal(dir));
  return hi - lo < 25 || ringArea(piece) < 400;
}

/** Cuts along `dir` so that the left piece holds `fraction` of the area (bisection on the offset). */
function cutAtFraction(ring: Ring, dir: Xy, fraction: number): [Ring, Ring] | null {
  const normal = leftNormal(dir);
  const back: Xy = [-normal[0], -normal[1]];
  const total = ringArea(ring);
  let [lo, hi] = extentAlong(ring, normal);
  for (let i = 0; i < 26; i++) {
    const mid = (lo + hi) / 2;
    const part = ringArea(clipHalfPlane(ring, [normal[0] * mid, normal[1] * mid], normal));
    if (part > fraction * total) lo = mid;
    else hi = mid;
  }
  const at: Xy = [normal[0] * lo, normal[1] * lo];
  const left = clipHalfPlane(ring, at, normal);
  const right = clipHalfPlane(ring, at, back);
  return left.length >= 3 && right.length >= 3 ? [left, right] : null;
}

/** A parcel in two parts, split by a 6–12 m drainage ditch or power-line corridor. */
function twoParts(rng: Rng, ring: Ring, frame: Frame): Ring[] | null {
  const [u0, u1] = extentAlong(ring, frame.u);
  const [v0, v1] = extentAlong(ring, frame.v);
  const dir = u1 - u0 >= v1 - v0 ? frame.v : frame.u;
  const normal = leftNormal(dir);
  const c = centroid(ring);
  const gap = rng.uniform(6, 12) / 2;
  const a = clipHalfPlane(ring, c, normal, gap);
  const b = clipHalfPlane(ring, c, [-normal[0], -normal[1]], gap);
  return a.length >= 3 && b.length >= 3 ? [a, b] : null;
}

/** A clockwise square hole (a substation or pylon plot outside the parcel) at the centroid. */
function holeFor(rng: Rng, ring: Ring, frame: Frame): Ring | null {
  const c = centroid(ring);
  const half = rng.uniform(9, 17);
  const { u, v } = frame;
  const hole: Ring = [
    [c[0] - u[0] * half - v[0] * half, c[1] - u[1] * half - v[1] * half],
    [c[0] - u[0] * half + v[0] * half, c[1] - u[1] * half + v[1] * half],
    [c[0] + u[0] * half + v[0] * half, c[1] + u[1] * half + v[1] * half],
    [c[0] + u[0] * half - v[0] * half, c[1] + u[1] * half - v[1] * half],
  ];
  const safe = insetConvex(ring, 10);
  return safe.length >= 3 && hole.every((p) => pointInRing(p, safe)) ? hole : null;
}

export interface ShapeOptions {
  angle: number;
  /** Give the first parcel over 40 亩 a hole. */
  withHole: boolean;
}

/** All parcels of a cluster, block by block. */
export function parcelShapes(rng: Rng, blocks: readonly Ring[], target: number, options: ShapeOptions): ParcelShape[] {
  const u = direction(options.angle);
  const frame: Frame = { u, v: leftNormal(u) };
  const counts = blockCounts(rng, blocks.map(ringArea), target);
  const out: ParcelShape[] = [];
  let holeLeft = options.withHole;
  blocks.forEach((block, blockIndex) => {
    for (const piece of cutBlock(rng, block, counts[blockIndex]!, frame)) {
      const area = ringArea(piece);
      let rings: Ring[] = [piece];
      if (area > 15 * M2_PER_MU && rng.chance(0.018)) rings = twoParts(rng, piece, frame) ?? rings;
      let polygons: Ring[][] = rings.map((r) => [insetConvex(r, HALF_GAP)]).filter((p) => p[0]!.length >= 3);
      if (polygons.length === 0) polygons = [[piece]];
      if (holeLeft && polygons.length === 1 && area > 40 * M2_PER_MU) {
        const hole = holeFor(rng, polygons[0]![0]!, frame);
        if (hole) {
          polygons[0]!.push(hole);
          holeLeft = false;
        }
      }
      const areaM2 = polygons.reduce(
        (s, rs) => s + ringArea(rs[0]!) - rs.slice(1).reduce((h, r) => h + ringArea(r), 0),
        0,
      );
      out.push({ polygons, areaM2, blockIndex });
    }
  });
  return out;
}
