/** regions.geojson: the district, its zones (片区), clusters (组团) and towns (镇街). */
import type { DistrictPlan } from './district-plan.ts';
import { polygonGeometry } from './geojson.ts';
import type { Ring } from './geometry.ts';
import type { Projection } from './projection.ts';
import { FeatureWriter } from './write.ts';

type Level = '区县' | '片区' | '组团' | '镇街';

/** Writes the regions file and returns the number of features. */
export function writeRegions(path: string, plan: DistrictPlan, projection: Projection): number {
  const writer = new FeatureWriter(path);
  const add = (code: string, name: string, level: Level, parent: string | null, ring: Ring) =>
    writer.add(polygonGeometry(projection, [[ring]]), { 编码: code, 名称: name, 层级: level, 上级编码: parent });
  add(plan.code, plan.name, '区县', null, plan.ring);
  for (const zone of plan.zones) add(zone.code, zone.name, '片区', plan.code, zone.ring);
  for (const cluster of plan.clusters) add(cluster.code, cluster.name, '组团', plan.zones[cluster.zoneIndex]!.code, cluster.ring);
  for (const town of plan.towns) add(town.code, town.name, '镇街', plan.code, town.ring);
  writer.close();
  return writer.features;
}
