/**
 * Where to take the planner when a result or a search hit is opened: the parcel to select and the
 * box to fly to.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { BBox, EnterpriseParcel } from '../api/types.ts';

/** The parcel an enterprise is shown on: one it owns before one it rents, then the largest. */
export function mainParcel(parcels: readonly EnterpriseParcel[]): EnterpriseParcel | null {
  return (
    [...parcels].sort(
      (a, b) => Number(b.role === 'owner') - Number(a.role === 'owner') || b.areaUsedM2 - a.areaUsedM2 || a.code.localeCompare(b.code),
    )[0] ?? null
  );
}

/** [w, s, e, n] of a polygon's coordinates, in degrees; null for an empty geometry. */
export function geometryBbox(geometry: Polygon | MultiPolygon): BBox | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0] ?? []) {
      w = Math.min(w, x!);
      e = Math.max(e, x!);
      s = Math.min(s, y!);
      n = Math.max(n, y!);
    }
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
