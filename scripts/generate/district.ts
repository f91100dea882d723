/**
 * Writes a whole delivery (data/README.md) for a seeded synthetic district. Clusters are generated
 * and written one at a time, so memory holds one cluster's parcels and enterprises, not the
 * district's. Every random choice comes from a stream labelled by the seed, the cluster and the
 * step, so the same seed and parcel count always give byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkUscc } from '../../server/domain/codes.ts';
import { buildingsFor } from './buildings.ts';
import { CadastreNumbering } from './cadastre.ts';
import { layoutCluster } from './cluster-roads.ts';
import { yearOf } from './dates.ts';
import { COUNTY_CODE, planDistrict } from './district-plan.ts';
import { newRegistry, populateCluster } from './enterprises.ts';
import { utilitiesFor } from './industries.ts';
import { parcelRecords } from './parcel-records.ts';
import { parcelShapes } from './parcel-shapes.ts';
import { DISTRICT_ORIGIN, makeProjection } from './projection.ts';
import { Rng } from './random.ts';
import { DistrictStats } from './stats.ts';
import { writeRegions } from './write-regions.ts';
import { DeliveryWriters, MANIFEST_FILES } from './write-delivery.ts';

export interface GenerateOptions {
  /** Output folder; created if missing, files in it overwritten. */
  out: string;
  parcels: number;
  seed: number;
}

export const DEFAULT_PARCELS = 3000;
export const DEFAULT_SEED = 20251;

export function generateDistrict(options: GenerateOptions): DistrictStats {
  const { out, parcels, seed } = options;
  if (!Number.isInteger(parcels) || parcels < 50) throw new Error(`--parcels must be an integer ≥ 50, got ${parcels}`);
  mkdirSync(out, { recursive: true });
  const projection = makeProjection(DISTRICT_ORIGIN);
  const plan = planDistrict(seed, parcels);
  const stats = new DistrictStats();
  stats.regions = writeRegions(join(out, 'regions.geojson'), plan, projection);

  const writers = new DeliveryWriters(out, projection, stats);
  for (const road of plan.links) writers.road(road);

  const registry = newRegistry();
  const numbering = new CadastreNumbering(COUNTY_CODE);
  for (const cluster of plan.clusters) {
    const zone = plan.zones[cluster.zoneIndex]!;
    const layoutRng = new Rng(seed, 'layout', cluster.index);
    const layout = layoutCluster(layoutRng, cluster);
    for (const road of layout.roads) writers.road(road);
    const shapes = parcelShapes(layoutRng, layout.blocks, cluster.parcelTarget, {
      angle: cluster.angle,
      withHole: cluster.index % 4 === 1,
    });

    numbering.startCluster(cluster.zoneIndex);
    const parcelsOfCluster = parcelRecords(new Rng(seed, 'land', cluster.index), numbering, shapes, cluster.zoneIndex, cluster.theme);
    const people = populateCluster(new Rng(seed, 'people', cluster.index), registry, parcelsOfCluster, {
      theme: cluster.theme,
      zoneIndex: cluster.zoneIndex,
      zonePlace: plan.clusters[zone.clusterIndices[0]!]!.place,
      utilities: utilitiesFor(cluster.index),
    });

    const buildingRng = new Rng(seed, 'buildings', cluster.index);
    for (const p of parcelsOfCluster) {
      if (p.story !== 'producing' && p.story !== 'builtIdle') continue;
      p.buildings = buildingsFor(buildingRng, {
        areaM2: p.areaM2,
        landUse: p.landUse,
        supplyYear: yearOf(p.supplied!),
        multiTenant: p.multiTenant,
        standard: p.standard,
        unused: p.story === 'builtIdle',
      });
    }

    stats.addParcels(parcelsOfCluster);
    stats.addPeople(people.enterprises, people.occupancy, (code) => {
      const check = checkUscc(code);
      return check.ok && check.warnings.length === 0;
    });
    writers.cluster(seed, cluster.index, parcelsOfCluster, people);
  }
  writers.close();

  const name = parcels === DEFAULT_PARCELS ? '西永高新区 样例数据 (合成)' : `西永高新区 样例数据 (合成, ${parcels} 宗)`;
  const manifest = { name, countyCode: COUNTY_CODE, files: MANIFEST_FILES };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return stats;
}
