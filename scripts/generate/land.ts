/**
 * A parcel's land-supply history (供地记录): its story (supplied or not, idle, halted, built,
 * producing) and the dates, price and progress that follow from it. Dates always run
 * 批准 ≤ 供地 ≤ 约定开工 ≤ 实际开工 ≤ 竣工, and idle cases are placed relative to 2025-12-31.
 */
import { addMonths, dayOf, REFERENCE_DAY, yearOf, yearStart, type Day } from './dates.ts';
import type { DevStatus, LandStory, LandUse, StandardLandTerms, SupplyMethod } from './model.ts';
import { M2_PER_MU } from './parcel-shapes.ts';
import { clamp, type Rng } from './random.ts';
import type { Theme } from './district-plan.ts';

/** Shares of parcels by story, in percent. */
const STORY_WEIGHTS: readonly (readonly [LandStory, number])[] = [
  ['approvedUnsupplied', 2.0],
  ['unsupplied', 0.5],
  ['idleLate', 2.2],
  ['idleVeryLate', 1.8],
  ['notStarted', 1.5],
  ['building', 3.0],
  ['halted', 1.0],
  ['builtIdle', 2.0],
  ['producing', 86.0],
];

/** Supply years of parcels now in production: the zone grew fastest in 2009–2014. */
const PRODUCING_SUPPLY_YEARS: readonly (readonly [number, number])[] = [
  [2004, 1], [2005, 2], [2006, 3], [2007, 4], [2008, 5], [2009, 6], [2010, 7], [2011, 7], [2012, 7],
  [2013, 6.5], [2014, 6], [2015, 5.5], [2016, 5], [2017, 4.5], [2018, 4], [2019, 3.5], [2020, 3],
  [2021, 1.8], [2022, 0.8], [2023, 0.2],
];

const STATUS: Record<LandStory, DevStatus> = {
  unsupplied: '未供',
  approvedUnsupplied: '未供',
  idleLate: '未开工',
  idleVeryLate: '未开工',
  notStarted: '未开工',
  building: '在建',
  halted: '停建',
  builtIdle: '已竣工',
  producing: '已投产',
};

export function pickStory(rng: Rng): LandStory {
  return rng.weighted(STORY_WEIGHTS);
}

export function pickLandUse(rng: Rng, theme: Theme): LandUse {
  const storage = theme === 'general' ? 0.16 : 0.08;
  const r = rng.next();
  return r < 0.005 ? '0602' : r < 0.005 + storage ? '0604' : '0601';
}

export interface SupplyRecord {
  status: DevStatus;
  approved: Day | null;
  supplied: Day | null;
  agreedStart: Day | null;
  actualStart: Day | null;
  completed: Day | null;
  halted: Day | null;
  production: Day | null;
  supplyMethod: SupplyMethod | null;
  priceWan: number | null;
  plannedInvestmentWan: number;
  developedM2: number | null;
  investedWan: number | null;
}

const day = (rng: Rng, from: string, to: string): Day => rng.int(dayOf(from), dayOf(to));

/** Land price per 亩 for industrial 出让 land in western Chongqing, rising over the years, 万元. */
function pricePerMu(rng: Rng, year: number): number {
  return clamp(14 + (year - 2004) * 0.9 + rng.normal(0, 2.5), 12, 42);
}

export function supplyRecord(rng: Rng, story: LandStory, areaM2: number): SupplyRecord {
  const mu = areaM2 / M2_PER_MU;
  const status = STATUS[story];
  const empty = {
    status, approved: null, supplied: null, agreedStart: null, actualStart: null, completed: null, halted: null,
    production: null, supplyMethod: null, priceWan: null, developedM2: null, investedWan: null,
  };
  if (story === 'unsupplied') return { ...empty, plannedInvestmentWan: 0 };
  if (story === 'approvedUnsupplied') return { ...empty, approved: day(rng, '2021-01-01', '2025-10-31'), plannedInvestmentWan: 0 };

  let supplied: Day;
  let agreedStart: Day;
  let actualStart: Day | null = null;
  let completed: Day | null = null;
  let halted: Day | null = null;
  let production: Day | null = null;
  const startLag = () => rng.int(183, 365);
  switch (story) {
    case 'idleLate':
      agreedStart = day(rng, '2023-12-31', '2024-12-30');
      supplied = agreedStart - startLag();
      break;
    case 'idleVeryLate':
      agreedStart = day(rng, '2015-06-01', '2023-12-30');
      supplied = agreedStart - startLag();
      break;
    case 'notStarted':
      supplied = day(rng, '2024-09-01', '2025-11-30');
      agreedStart = supplied + startLag();
      break;
    case 'building':
      supplied = day(rng, '2022-06-01', '2024-12-31');
      agreedStart = supplied + startLag();
      actualStart = Math.min(agreedStart + rng.int(0, 120), dayOf('2025-10-31'));
      if (actualStart < agreedStart) agreedStart = actualStart;
      break;
    case 'halted':
      supplied = day(rng, '2015-01-01', '2021-12-31');
      agreedStart = supplied + startLag();
      actualStart = agreedStart + rng.int(0, 180);
      halted = Math.min(actualStart + rng.int(90, 540), dayOf('2024-11-30'));
      break;
    case 'builtIdle':
      supplied = day(rng, '2016-01-01', '2022-06-30');
      agreedStart = supplied + startLag();
      actualStart = agreedStart + rng.int(0, 180);
      completed = Math.min(actualStart + rng.int(300, 850), dayOf('2025-09-30'));
      break;
    default: {
      // producing: resample until the plant is in production before the end of 2025.
      for (let tries = 0; ; tries++) {
        const year = rng.weighted(PRODUCING_SUPPLY_YEARS);
        supplied = yearStart(year) + rng.int(0, 364);
        agreedStart = supplied + startLag();
        actualStart = agreedStart + (rng.chance(0.6) ? rng.int(0, 30) : rng.int(30, 240));
        completed = actualStart + rng.int(300, 850);
        production = completed + rng.int(20, 180);
        if (production <= REFERENCE_DAY - 20 || tries > 20) break;
      }
    }
  }

  const supplyYear = yearOf(supplied);
  const approved = supplied - rng.int(30, 180);
  const method: SupplyMethod = rng.chance(0.03) && mu < 30 ? '租赁' : '出让';
  const intensity = rng.lognormal(supplyYear < 2012 ? 200 : 300, 0.3);
  const planned = intensity * mu;
  const progress: Record<string, [number, number, number, number]> = {
    // [developed share min, max, invested share min, max]
    idleLate: [0, 0, 0, 0],
    idleVeryLate: [0, 0, 0, 0],
    notStarted: [0, 0, 0, 0],
    building: [0.35, 0.9, 0.3, 0.8],
    halted: [0.05, 0.3, 0.03, 0.2],
    builtIdle: [0.7, 1, 0.85, 1.1],
    producing: [0.75, 1, 0.9, 1.4],
  };
  const [d0, d1, i0, i1] = progress[story]!;
  return {
    status,
    approved,
    supplied,
    agreedStart: agreedStart!,
    actualStart,
    completed,
    halted,
    production,
    supplyMethod: method,
    priceWan: method === '出让' ? pricePerMu(rng, supplyYear) * mu : null,
    plannedInvestmentWan: planned,
    developedM2: areaM2 * rng.uniform(d0, d1),
    investedWan: planned * rng.uniform(i0, i1),
  };
}

/** 标准地 commitments written into a land contract supplied from 2019 on. */
export function standardLandTerms(rng: Rng, supplied: Day): StandardLandTerms {
  return {
    investmentPerMu: 10 * rng.int(25, 40),
    farMin: rng.pick([1.0, 1.1, 1.2]),
    farMax: rng.pick([2.0, 2.2, 2.5]),
    taxPerMu: rng.int(15, 30),
    valueAddedPerTce: Math.round(rng.uniform(2, 8) * 10) / 10,
    rdPercent: Math.round(rng.uniform(1.5, 3.5) * 10) / 10,
    fullProduction: addMonths(supplied, rng.int(36, 48)),
  };
}

export const STANDARD_LAND_FROM = dayOf('2019-01-01');
