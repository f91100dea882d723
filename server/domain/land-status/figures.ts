/**
 * The numbers the tests compare: a parcel's share of its enterprises' figures, its floor-area ratio,
 * vacancy and progress, and the industry medians of 亩均税收.
 *
 * An enterprise's yearly figures cover all its land; the parcel gets the share of them equal to the
 * land the enterprise uses here over all the land it uses (as the parcel_summary view does), and
 * per-mu figures divide by the whole parcel area, idle corners included. When any enterprise on the
 * parcel did not report a figure the parcel's figure is unknown: a missing tenant must not make the
 * parcel look worse than it is.
 */
import { m2ToMu } from '../units.ts';
import { progressAsOf } from './stage.ts';
import type { IndustryMedians, OccupantYear, ParcelFacts, YearFigures } from './model.ts';
import type { LandRules } from './rules.ts';

export interface Derived {
  areaMu: number;
  taxWan: number | null;
  taxPerMuWan: number | null;
  valueAddedWan: number | null;
  energyTce: number | null;
  vaPerTceWan: number | null;
  rdWan: number | null;
  revenueWan: number | null;
  rdRatioPct: number | null;
  far: number | null;
  farSource: '登记容积率' | '建筑面积/宗地面积' | '各建筑面积之和/宗地面积' | null;
  investedWan: number | null;
  investmentWanPerMu: number | null;
  totalInvestmentWan: number | null;
  totalInvestmentSource: '合同总投资额' | '标准地投资强度×面积' | null;
  investedShare: number | null;
  developedAreaM2: number | null;
  developedShare: number | null;
  /** Floor area of the buildings that reported both floor area and vacancy, m². */
  reportedFloorAreaM2: number | null;
  vacantFloorAreaM2: number | null;
  vacantFloorShare: number | null;
  buildingsWithoutVacancy: number;
}

function shareOf(o: OccupantYear): number {
  if (!(o.totalAreaUsedM2 > 0)) throw new Error(`${o.name}（${o.uscc}）的用地总面积应大于 0，实为 ${o.totalAreaUsedM2}`);
  if (!(o.areaUsedM2 >= 0) || o.areaUsedM2 > o.totalAreaUsedM2 * (1 + 1e-9)) {
    throw new Error(`${o.name}（${o.uscc}）在本宗地的用地面积 ${o.areaUsedM2} m² 不应超过其用地总面积 ${o.totalAreaUsedM2} m²`);
  }
  return o.areaUsedM2 / o.totalAreaUsedM2;
}

/** Σ figure × land share over the parcel's enterprises; null when there are none or one did not report. */
export function attributed(occupants: readonly OccupantYear[], key: keyof YearFigures): number | null {
  if (occupants.length === 0) return null;
  let sum = 0;
  for (const o of occupants) {
    const value = o.figures[key];
    if (value === null || value === undefined || !Number.isFinite(value)) return null;
    sum += value * shareOf(o);
  }
  return sum;
}

const ratio = (a: number | null, b: number | null): number | null => (a === null || b === null || !(b > 0) ? null : a / b);

function floorAreaRatio(p: ParcelFacts): Pick<Derived, 'far' | 'farSource'> {
  if (p.far !== null) return { far: p.far, farSource: '登记容积率' };
  if (p.floorAreaM2 !== null) return { far: p.floorAreaM2 / p.areaM2, farSource: '建筑面积/宗地面积' };
  if (p.buildings.length > 0 && p.buildings.every((b) => b.floorAreaM2 !== null)) {
    const total = p.buildings.reduce((s, b) => s + (b.floorAreaM2 ?? 0), 0);
    return { far: total / p.areaM2, farSource: '各建筑面积之和/宗地面积' };
  }
  return { far: null, farSource: null };
}

function totalInvestment(p: ParcelFacts, areaMu: number): Pick<Derived, 'totalInvestmentWan' | 'totalInvestmentSource'> {
  const planned = p.supply.plannedInvestmentWan;
  if (planned !== null && planned !== undefined && planned > 0) return { totalInvestmentWan: planned, totalInvestmentSource: '合同总投资额' };
  const perMu = p.standardLand?.investmentWanPerMu;
  if (perMu !== null && perMu !== undefined && perMu > 0) return { totalInvestmentWan: perMu * areaMu, totalInvestmentSource: '标准地投资强度×面积' };
  return { totalInvestmentWan: null, totalInvestmentSource: null };
}

export function derive(p: ParcelFacts): Derived {
  if (!(p.areaM2 > 0)) throw new Error(`宗地 ${p.unitCode} 的面积应大于 0，实为 ${p.areaM2}`);
  const areaMu = m2ToMu(p.areaM2);
  const taxWan = attributed(p.occupants, 'taxWan');
  const valueAddedWan = attributed(p.occupants, 'valueAddedWan');
  const energyTce = attributed(p.occupants, 'energyTce');
  const rdWan = attributed(p.occupants, 'rdWan');
  const revenueWan = attributed(p.occupants, 'revenueWan');
  const rd = ratio(rdWan, revenueWan);
  const investedWan = p.supply.investedWan;
  const total = totalInvestment(p, areaMu);
  const developedAreaM2 = p.supply.developedAreaM2;
  const reported = p.buildings.filter((b) => b.floorAreaM2 !== null && b.floorAreaM2 > 0 && b.vacantFloorAreaM2 !== null);
  const reportedFloorAreaM2 = reported.length > 0 ? reported.reduce((s, b) => s + (b.floorAreaM2 ?? 0), 0) : null;
  const vacantFloorAreaM2 = reported.length > 0 ? reported.reduce((s, b) => s + (b.vacantFloorAreaM2 ?? 0), 0) : null;
  return {
    areaMu,
    taxWan,
    taxPerMuWan: ratio(taxWan, areaMu),
    valueAddedWan,
    energyTce,
    vaPerTceWan: ratio(valueAddedWan, energyTce),
    rdWan,
    revenueWan,
    rdRatioPct: rd === null ? null : rd * 100,
    ...floorAreaRatio(p),
    investedWan,
    investmentWanPerMu: ratio(investedWan, areaMu),
    ...total,
    investedShare: ratio(investedWan, total.totalInvestmentWan),
    developedAreaM2,
    developedShare: ratio(developedAreaM2, p.areaM2),
    reportedFloorAreaM2,
    vacantFloorAreaM2,
    vacantFloorShare: ratio(vacantFloorAreaM2, reportedFloorAreaM2),
    buildingsWithoutVacancy: p.buildings.length - reported.length,
  };
}

/**
 * The industry group of a GB/T 4754-2017 code (`C3670` or `3670`): its division `36`, or its
 * class `3670`; null when the code does not say.
 */
export function industryKey(code: string | null, grouping: 'division' | 'class'): string | null {
  if (code === null) return null;
  const digits = code.trim().toUpperCase().replace(/^[A-T]/, '');
  if (grouping === 'class') return /^\d{4}$/.test(digits) ? digits : null;
  return /^\d{2}/.test(digits) ? digits.slice(0, 2) : null;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('空数组没有中位数');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Median 亩均税收 (万元/亩) per industry group over the parcels in production on their asOfDate that
 * have tax figures, and how many parcels each median rests on. Keys in ascending order.
 */
export function industryMedians(parcels: readonly ParcelFacts[], rules: LandRules): IndustryMedians {
  const grouping = rules.lowEfficiency.industryGrouping.value;
  const groups = new Map<string, number[]>();
  for (const p of parcels) {
    const key = industryKey(p.industryCode, grouping);
    if (key === null || progressAsOf(p.supply, p.asOfDate).stage !== 'producing') continue;
    const taxPerMu = derive(p).taxPerMuWan;
    if (taxPerMu === null) continue;
    const group = groups.get(key);
    if (group) group.push(taxPerMu); // not a copy per parcel: that was quadratic in the group size
    else groups.set(key, [taxPerMu]);
  }
  const byIndustry: Record<string, { taxPerMuWan: number; parcels: number }> = {};
  for (const key of [...groups.keys()].sort()) {
    const values = groups.get(key) ?? [];
    byIndustry[key] = { taxPerMuWan: median(values), parcels: values.length };
  }
  return { grouping, byIndustry };
}
