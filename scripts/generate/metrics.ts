/**
 * Yearly metrics of an enterprise in production, 2023–2025. The latest year is drawn first from the
 * industry's intensities and the firm's land, consistent with its 规模 (规上 ⇔ 营业收入 ≥ 2000 万元
 * in 2025); earlier years follow backwards by the firm's own growth trend. Other metrics derive
 * from revenue through firm-level ratios, so a firm that is poor one year is poor the next.
 */
import { METRIC_YEARS, yearOf, yearStart, type Day } from './dates.ts';
import { industry } from './industries.ts';
import type { Enterprise, YearMetrics } from './model.ts';
import { M2_PER_MU } from './parcel-shapes.ts';
import { clamp, type Rng } from './random.ts';

/** 规上 threshold: 营业收入 of 20 million yuan. */
export const ABOVE_SIZE_REVENUE_WAN = 2000;

/** tce per 万千瓦时 of electricity (equivalent value, GB/T 2589). */
const TCE_PER_10K_KWH = 1.229;

/** Share of a year the plant was in production, for its first year. */
function yearShare(start: Day, year: number): number {
  if (yearOf(start) < year) return 1;
  if (yearOf(start) > year) return 0;
  return clamp((yearStart(year + 1) - start) / 365, 0.05, 1);
}

function latestRevenue(rng: Rng, e: Enterprise, mu: number): number {
  const profile = industry(e.industry);
  const tenantBoost = e.role === 'tenant' ? 2 : 1;
  const poor = e.lowEfficiency ? 0.3 : 1;
  if (e.scale === '规上') {
    const perMu = e.utility ? rng.lognormal(1, 0.25) : rng.lognormal(1, 0.6) * tenantBoost * poor;
    const raw = profile.revenuePerMu * perMu * mu;
    return raw >= ABOVE_SIZE_REVENUE_WAN ? raw : ABOVE_SIZE_REVENUE_WAN * Math.exp(Math.abs(rng.normal(0, 0.8)));
  }
  // Below size: revenue sits under the threshold; small plots are also limited by what a 亩 yields.
  const belowThreshold = ABOVE_SIZE_REVENUE_WAN * Math.exp(-Math.abs(rng.normal(0, 0.4))) * (e.lowEfficiency ? 0.4 : 1);
  const byLand = profile.revenuePerMu * rng.lognormal(1, 0.6) * tenantBoost * poor * mu;
  return Math.max(30, Math.min(belowThreshold, byLand, ABOVE_SIZE_REVENUE_WAN * 0.99));
}

/** Full metrics (nothing missing yet) for every year the enterprise was in production. */
export function enterpriseMetrics(rng: Rng, e: Enterprise): YearMetrics[] {
  if (e.production === null) return [];
  const profile = industry(e.industry);
  const mu = e.landM2 / M2_PER_MU;
  const above = e.scale === '规上';
  const innovative = e.tags.length > 0;

  const valueAddedRatio = clamp(profile.valueAddedRatio * rng.lognormal(1, 0.2), 0.04, 0.7);
  const taxRatio = profile.taxRatio * rng.lognormal(1, 0.35) * (e.lowEfficiency ? 0.45 : 1) * (above ? 1 : 1.5);
  const electricity = profile.electricityPerRevenue * rng.lognormal(1, 0.4);
  const fuel = profile.fuelShare * rng.lognormal(1, 0.4);
  const emission = profile.emissionPerRevenue * rng.lognormal(1, 0.6);
  const rdRatio = above || innovative
    ? profile.rdRatio * rng.lognormal(1, 0.5) * (innovative ? 1.5 : 1)
    : rng.chance(0.45) ? 0 : profile.rdRatio * 0.5 * rng.lognormal(1, 0.7);
  const productivity = profile.productivity * rng.lognormal(1, 0.35) * (above ? 1 : 0.6);
  const trend = e.declining ? rng.uniform(-0.3, -0.15) : rng.normal(0.05, 0.07);

  // Full-year revenue, latest year first, then backwards.
  let revenue = latestRevenue(rng, e, mu);
  const startShare2025 = yearShare(e.production, 2025);
  if (startShare2025 < 1) {
    revenue *= startShare2025;
    if (above) revenue = Math.max(revenue, ABOVE_SIZE_REVENUE_WAN * rng.uniform(1, 1.5));
    revenue /= startShare2025;
  }
  const fullYear = new Map<number, number>();
  for (let i = METRIC_YEARS.length - 1; i >= 0; i--) {
    const year = METRIC_YEARS[i]!;
    fullYear.set(year, revenue);
    revenue /= 1 + trend + rng.normal(0, 0.08);
  }

  const out: YearMetrics[] = [];
  for (const year of METRIC_YEARS) {
    const share = yearShare(e.production, year);
    if (share === 0) continue;
    const r = fullYear.get(year)! * share;
    const va = r * valueAddedRatio * (1 + rng.normal(0, 0.04));
    const kwh = r * electricity * (1 + rng.normal(0, 0.05));
    out.push({
      year,
      revenue: r,
      valueAdded: va,
      energyTce: kwh * TCE_PER_10K_KWH * (1 + fuel),
      rd: r * rdRatio * (1 + rng.normal(0, 0.1)),
      employees: Math.max(3, Math.round((va / productivity) * (1 + rng.normal(0, 0.05)))),
      tax: r * taxRatio * (1 + rng.normal(0, 0.12)),
      electricity: kwh,
      emission: r * emission * (1 + rng.normal(0, 0.1)),
    });
  }
  return out;
}

/** Which cells departments leave empty, and which firms the statistics bureau never reports. */
export interface Gaps {
  /** Not in the 统计局 file at all (small firms outside the survey). */
  missingFromStatistics: boolean;
  /** 生态环境局 does not track the firm: emissions empty every year. */
  untrackedEmissions: boolean;
}

export function gapsFor(rng: Rng, e: Enterprise): Gaps {
  const small = e.scale === '规下';
  return {
    missingFromStatistics: small && rng.chance(0.05),
    untrackedEmissions: rng.chance(small ? 0.5 : 0.05),
  };
}

/** Blanks a few cells at random, never the 2025 revenue of a 规上 firm (it defines the scale). */
export function withGaps(rng: Rng, e: Enterprise, rows: readonly YearMetrics[], gaps: Gaps): YearMetrics[] {
  return rows.map((m) => {
    const keepRevenue = e.scale === '规上' && m.year === 2025;
    return {
      ...m,
      revenue: !keepRevenue && rng.chance(0.003) ? null : m.revenue,
      valueAdded: rng.chance(0.005) ? null : m.valueAdded,
      energyTce: rng.chance(0.005) ? null : m.energyTce,
      rd: rng.chance(e.scale === '规下' ? 0.1 : 0.01) ? null : m.rd,
      employees: rng.chance(0.004) ? null : m.employees,
      tax: rng.chance(0.003) ? null : m.tax,
      electricity: rng.chance(0.02) ? null : m.electricity,
      emission: gaps.untrackedEmissions || rng.chance(0.01) ? null : m.emission,
    };
  });
}
