/**
 * Registered buildings on built parcels. Floor area follows a floor-area ratio (容积率) typical of
 * the parcel: old plants low, standard factories (标准厂房) high, 标准地 within its contract range
 * for most. A few plants stand partly or wholly empty (空置面积).
 */
import { M2_PER_MU } from './parcel-shapes.ts';
import type { Building, LandUse, StandardLandTerms } from './model.ts';
import { clamp, type Rng } from './random.ts';

export interface BuildingInput {
  areaM2: number;
  landUse: LandUse;
  supplyYear: number;
  multiTenant: boolean;
  standard: StandardLandTerms | null;
  /** Built but never put into production: every floor is empty. */
  unused: boolean;
}

function floorAreaRatio(rng: Rng, p: BuildingInput): number {
  if (p.standard) return rng.uniform(p.standard.farMin * 0.75, p.standard.farMax);
  if (p.multiTenant) return clamp(rng.lognormal(1.6, 0.25), 0.8, 3.0);
  if (p.landUse === '0604') return clamp(rng.lognormal(0.7, 0.3), 0.3, 1.5);
  return clamp(rng.lognormal(p.supplyYear < 2010 ? 0.85 : 1.1, 0.32), 0.25, 2.8);
}

const LETTERS = 'ABCDEFGH';

/** Name and storeys of the i-th building of a parcel. */
function nameAndFloors(rng: Rng, p: BuildingInput, i: number): [string, number] {
  if (p.multiTenant) return [`${LETTERS[i]}栋标准厂房`, rng.int(3, 6)];
  if (p.landUse === '0604') return [`${i + 1}号仓库`, rng.int(1, 2)];
  if (i === 0) return ['1号厂房', rng.int(1, 3)];
  if (i === 1) return rng.chance(0.6) ? ['2号厂房', rng.int(1, 3)] : ['综合楼', rng.int(4, 7)];
  if (i === 2) return rng.chance(0.5) ? ['综合楼', rng.int(4, 7)] : ['研发楼', rng.int(5, 10)];
  return rng.chance(0.6) ? ['宿舍楼', rng.int(6, 11)] : ['动力站', rng.int(1, 2)];
}

export function buildingsFor(rng: Rng, p: BuildingInput): Building[] {
  const far = floorAreaRatio(rng, p);
  const totalM2 = far * p.areaM2;
  const mu = p.areaM2 / M2_PER_MU;
  const count = clamp(Math.round(rng.lognormal(1 + mu / 40, 0.4)), 1, 4);
  const weights = Array.from({ length: count }, (_, i) => (i === 0 ? rng.uniform(1.5, 3) : rng.uniform(0.4, 1.2)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const names = new Set<string>();
  return weights.map((w, i) => {
    let [name, floors] = nameAndFloors(rng, p, i);
    if (names.has(name)) name = `${i + 1}号厂房`;
    names.add(name);
    const floorM2 = Math.round((totalM2 * w * 100) / sum) / 100;
    let vacantM2 = 0;
    if (p.unused) vacantM2 = floorM2;
    else if (rng.chance(p.multiTenant ? 0.08 : 0.03)) {
      const share = rng.chance(0.7) ? rng.uniform(0.08, 0.5) : rng.uniform(0.5, 1);
      vacantM2 = Math.round(floorM2 * share * 100) / 100;
    }
    return { name, floorM2, floors, vacantM2 };
  });
}
