/**
 * The district at the scale of regions: clusters (组团) laid out in staggered rows, grouped into
 * zones (片区) of two or three neighbours in a row, an irregular district boundary around them,
 * towns (镇街) as Voronoi cells that cut across the clusters, and arterials linking the clusters.
 * Everything is in local metres centred on the district origin.
 */
import { apportion } from './apportion.ts';
import { clusterShape } from './cluster-shape.ts';
import { bounds, convexHull, translate, type Ring, type Xy } from './geometry.ts';
import { linkRoads } from './links.ts';
import { PLACE_NAMES, TOWN_NAMES, cycledName } from './names.ts';
import { Rng } from './random.ts';
import type { RoadLine } from './road.ts';
import { townRings } from './towns.ts';

export type Theme = 'electronics' | 'auto' | 'pharma' | 'general';

/** The pattern of cluster specialisations, repeated for bigger districts. */
const THEME_PATTERN: readonly Theme[] = ['electronics', 'electronics', 'general', 'auto', 'auto', 'general', 'pharma', 'general'];

export const COUNTY_CODE = '500106';

/**
 * Gross cluster area per parcel, m²: a mean parcel of ~17,000 m² (26 亩) plus roads, gaps and the
 * odd green block. Sets the density, so parcel sizes stay realistic whatever the parcel count.
 */
const GROSS_AREA_PER_PARCEL_M2 = 21_500;

export interface ClusterPlan {
  index: number;
  code: string;
  name: string;
  /** Place word of the cluster, used to name its streets. */
  place: string;
  zoneIndex: number;
  ring: Ring;
  angle: number;
  parcelTarget: number;
  theme: Theme;
}

export interface ZonePlan {
  index: number;
  code: string;
  name: string;
  ring: Ring;
  clusterIndices: number[];
}

export interface TownPlan {
  code: string;
  name: string;
  ring: Ring;
}

export interface DistrictPlan {
  code: string;
  name: string;
  ring: Ring;
  zones: ZonePlan[];
  clusters: ClusterPlan[];
  towns: TownPlan[];
  links: RoadLine[];
}

/**
 * Number of clusters: 8 up to the sample's 3,000 parcels, then one per ~375 parcels; past 750,000
 * parcels clusters grow instead, so zones (地籍区 in the parcel codes) stay under 1,000.
 */
export function clusterCount(parcels: number): number {
  if (parcels <= 3000) return 8;
  const perCluster = Math.max(375, parcels / 2000);
  return Math.max(8, Math.round(parcels / perCluster));
}

/** Splits a row of `length` clusters into zones of 2 or 3. */
function zoneSizes(rng: Rng, length: number): number[] {
  const sizes: number[] = [];
  let left = length;
  while (left > 0) {
    if (left <= 3) {
      sizes.push(left);
      break;
    }
    const take = left === 4 ? 2 : rng.chance(0.5) ? 3 : 2;
    sizes.push(take);
    left -= take;
  }
  return sizes;
}

/** Ring around all points buffered by `distance` (octagonal buffer, then convex hull). */
function bufferedHull(points: readonly Xy[], distance: number): Ring {
  const out: Xy[] = [];
  for (const [x, y] of points) {
    for (let k = 0; k < 8; k++) {
      const a = (k * Math.PI) / 4;
      out.push([x + distance * Math.cos(a), y + distance * Math.sin(a)]);
    }
  }
  return convexHull(out);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function planDistrict(seed: number, parcels: number): DistrictPlan {
  const rng = new Rng(seed, 'district');
  const k = clusterCount(parcels);
  const targets = apportion(
    parcels,
    Array.from({ length: k }, () => rng.uniform(0.75, 1.25)),
  );
  const shapes = targets.map((n) => clusterShape(rng, Math.max(n, 1) * GROSS_AREA_PER_PARCEL_M2));

  // Rows of near-equal length, each shifted sideways so the district is not a rectangle.
  const rows = Math.max(1, Math.round(Math.sqrt(k) / 1.1));
  const rowLengths = apportion(k, Array.from({ length: rows }, () => 1));
  const meanWidth = shapes.reduce((s, c) => s + (bounds(c.ring)[2] - bounds(c.ring)[0]), 0) / k;
  const placed: Ring[] = [];
  const rowOf: number[] = [];
  let y = 0;
  let next = 0;
  rowLengths.forEach((length, r) => {
    const rowShapes = shapes.slice(next, next + length).map((s) => s.ring);
    const rowHeight = Math.max(...rowShapes.map((ring) => bounds(ring)[3] - bounds(ring)[1]));
    let x = rng.uniform(-0.5, 0.5) * meanWidth;
    for (const ring of rowShapes) {
      const [minX, minY, maxX, maxY] = bounds(ring);
      const slack = rowHeight - (maxY - minY);
      const top = y - rng.uniform(0, slack);
      placed.push(translate(ring, x - minX, top - maxY));
      rowOf.push(r);
      x += maxX - minX + rng.uniform(700, 1400);
    }
    y -= rowHeight + rng.uniform(800, 1500);
    next += length;
  });

  const all = bounds(placed.flat());
  const cx = (all[0] + all[2]) / 2;
  const cy = (all[1] + all[3]) / 2;
  const rings = placed.map((ring) => translate(ring, -cx, -cy));

  const width = Math.max(2, String(k).length);
  const zones: ZonePlan[] = [];
  const clusters: ClusterPlan[] = [];
  next = 0;
  for (const length of rowLengths) {
    for (const size of zoneSizes(rng, length)) {
      const index = zones.length;
      const members = Array.from({ length: size }, (_, i) => next + i);
      for (const c of members) {
        const place = cycledName(PLACE_NAMES, c);
        clusters.push({
          index: c,
          code: `${COUNTY_CODE}-ZT${pad(c + 1, width)}`,
          name: `${place}组团`,
          place,
          zoneIndex: index,
          ring: rings[c]!,
          angle: shapes[c]!.angle,
          parcelTarget: targets[c]!,
          theme: THEME_PATTERN[c % THEME_PATTERN.length]!,
        });
      }
      zones.push({
        index,
        code: `${COUNTY_CODE}-PQ${pad(index + 1, width)}`,
        name: `${clusters[members[0]!]!.place}片区`,
        ring: bufferedHull(members.flatMap((c) => rings[c]!), 250),
        clusterIndices: members,
      });
      next += size;
    }
  }

  const ring = irregularBoundary(rng, bufferedHull(rings.flat(), 900));
  const townCount = Math.max(3, Math.round(k / 2));
  const towns = townRings(rng, ring, townCount).map((townRing, i) => ({
    code: `${COUNTY_CODE}-ZJ${pad(i + 1, width)}`,
    name: cycledName(TOWN_NAMES, i),
    ring: townRing,
  }));

  return {
    code: COUNTY_CODE,
    name: '西永高新区',
    ring,
    zones,
    clusters,
    towns,
    links: linkRoads(rng, clusters.map((c) => c.ring), rowOf),
  };
}

/**
 * Roughens a convex ring: points along each long edge are pushed outward (up to 900 m) or inward
 * (up to 350 m, less than the ring's clearance from the zones inside it).
 */
function irregularBoundary(rng: Rng, hull: Ring): Ring {
  const out: Xy[] = [];
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    out.push(a);
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy);
    if (len < 1500) continue;
    const normal: Xy = [dy / len, -dx / len];
    const count = Math.floor(len / 2000) + 1;
    for (let j = 1; j <= count; j++) {
      const t = (j + rng.uniform(-0.3, 0.3)) / (count + 1);
      const push = rng.uniform(-350, 900);
      out.push([a[0] + dx * t + normal[0] * push, a[1] + dy * t + normal[1] * push]);
    }
  }
  return out;
}
