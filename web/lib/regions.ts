/** Regions as the filters and lists need them: choices in 片区 › 组团 order, names, and 组团 of a 片区. */
import type { RegionCollection } from '../api/types.ts';

export interface RegionOption {
  code: string;
  name: string;
  level: 'zone' | 'cluster';
}

/** 片区, each followed by its 组团, in code order; 组团 without a known 片区 come last. */
export function regionOptions(regions: RegionCollection): RegionOption[] {
  const props = regions.features.map((f) => f.properties);
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  const zones = props.filter((p) => p.level === 'zone').sort(byCode);
  const clusters = props.filter((p) => p.level === 'cluster').sort(byCode);
  const zoneCodes = new Set(zones.map((z) => z.code));
  const out: RegionOption[] = [];
  for (const z of zones) {
    out.push({ code: z.code, name: z.name, level: 'zone' });
    for (const c of clusters.filter((c) => c.parentCode === z.code)) out.push({ code: c.code, name: c.name, level: 'cluster' });
  }
  for (const c of clusters.filter((c) => !c.parentCode || !zoneCodes.has(c.parentCode))) out.push({ code: c.code, name: c.name, level: 'cluster' });
  return out;
}

/** Region code → name, every level. */
export function regionNames(regions: RegionCollection): Record<string, string> {
  return Object.fromEntries(regions.features.map((f) => [f.properties.code, f.properties.name]));
}

/**
 * The 组团 a region filter covers (parcel tiles carry their 组团): a 组团 itself, or every 组团
 * under a 片区 or other parent. Null for no region; [] for a code with no 组团 under it.
 */
export function clusterCodesOf(regions: RegionCollection, code: string | null): string[] | null {
  if (!code) return null;
  const props = regions.features.map((f) => f.properties);
  const region = props.find((p) => p.code === code);
  if (!region) return [];
  if (region.level === 'cluster') return [code];
  const under = new Set([code]);
  // Descend through any depth of parents (district → zone → cluster).
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of props) {
      if (p.parentCode && under.has(p.parentCode) && !under.has(p.code)) {
        under.add(p.code);
        grew = true;
      }
    }
  }
  return props.filter((p) => p.level === 'cluster' && under.has(p.code)).map((p) => p.code).sort();
}

/** [w, s, e, n] of a region's outline, or null. */
export function regionBbox(regions: RegionCollection, code: string): [number, number, number, number] | null {
  const f = regions.features.find((r) => r.properties.code === code);
  if (!f) return null;
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
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
