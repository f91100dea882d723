/** Parcel shapes → parcel records: code, land use, supply history, 标准地 terms. */
import type { CadastreNumbering } from './cadastre.ts';
import type { Theme } from './district-plan.ts';
import { pickLandUse, pickStory, STANDARD_LAND_FROM, standardLandTerms, supplyRecord } from './land.ts';
import type { ParcelRecord } from './model.ts';
import type { ParcelShape } from './parcel-shapes.ts';
import type { Rng } from './random.ts';

/** Chance that land supplied from 2019 on was sold as 标准地 (≈ 8% of all parcels). */
const STANDARD_LAND_SHARE = 0.45;

export function parcelRecords(
  rng: Rng,
  numbering: CadastreNumbering,
  shapes: readonly ParcelShape[],
  zoneIndex: number,
  theme: Theme,
): ParcelRecord[] {
  return shapes.map((shape) => {
    const code = numbering.next(rng, zoneIndex, shape.blockIndex);
    const story = pickStory(rng);
    const supply = supplyRecord(rng, story, shape.areaM2);
    const standard =
      supply.supplied !== null && supply.supplied >= STANDARD_LAND_FROM && rng.chance(STANDARD_LAND_SHARE)
        ? standardLandTerms(rng, supply.supplied)
        : null;
    if (standard && supply.supplied !== null) {
      // A 标准地 contract fixes the investment intensity; the plan follows it.
      supply.plannedInvestmentWan = (standard.investmentPerMu * shape.areaM2 * 15) / 10000;
      if (supply.investedWan !== null && story === 'producing') {
        supply.investedWan = supply.plannedInvestmentWan * rng.uniform(0.7, 1.2);
      }
    }
    return {
      code,
      polygons: shape.polygons,
      areaM2: shape.areaM2,
      landUse: pickLandUse(rng, theme),
      story,
      ...supply,
      standard,
      buildings: [],
      holder: null,
      multiTenant: false,
      platform: false,
    };
  });
}
