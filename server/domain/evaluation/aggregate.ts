/**
 * Region and industry aggregates of a run: units per grade, evaluated land, totals and per-mu
 * figures, growth against targets, coverage of industrial land, rankings and top enterprises.
 * Pure: the caller passes the run's units, the enterprises' regions and metrics, and the
 * industrial land of each region.
 */
import { M2_PER_MU } from '../units.ts';
import type { Grade, UnitResult } from './result.ts';
import type { MetricKey, MetricValues, RegionLevel, RegionRef } from './types.ts';

export interface Targets {
  growthPctPerYear: { vaPerMu: number; taxPerMu: number; vaPerTce: number; vaPerEmission: number };
  levels: { productivityWanPerPerson: number; rdRatioPct: number };
  coverageMinPct: number;
}

export interface EnterpriseFacts {
  industryCode: string;
  regions: readonly RegionRef[];
  metrics: Readonly<Record<number, MetricValues>>;
}

export interface RegionLand {
  code: string;
  name: string;
  level: RegionLevel;
  industrialAreaM2: number;
}

const SUMMED: readonly MetricKey[] = ['revenue_wan', 'value_added_wan', 'tax_wan', 'energy_tce', 'emission_t', 'rd_wan', 'employees'];
type Totals = Record<MetricKey, number>;

export interface Figures {
  taxPerMuWan: number | null;
  vaPerMuWan: number | null;
  revenuePerMuWan: number | null;
  vaPerTceWan: number | null;
  vaPerEmissionWan: number | null;
  productivityWanPerPerson: number | null;
  rdRatioPct: number | null;
}

export interface TargetCheck {
  key: string;
  label: string;
  actual: number | null;
  target: number;
  unit: string;
  met: boolean | null;
}

export interface Aggregate {
  code: string;
  name: string;
  units: number;
  byGrade: Record<Grade, number>;
  /** Land of graded (A–D) units, 亩; T units' land is listed apart. */
  gradedAreaMu: number;
  classTAreaMu: number;
  current: { totals: Totals; figures: Figures };
  previous: { totals: Totals; figures: Figures };
  targets: TargetCheck[];
  rank: number | null;
  rankOf: number;
}

export interface RegionAggregate extends Aggregate {
  level: RegionLevel;
  industrialAreaMu: number;
  /** Graded land / industrial land, %; null when the region has no industrial land. */
  coveragePct: number | null;
  coverageBelowMin: boolean;
}

export interface IndustryAggregate extends Aggregate {
  top: { unitId: string; name: string; group: 'above' | 'below'; grade: Grade; total: number }[];
}

export type RankBy = 'taxPerMuWan' | 'vaPerMuWan' | 'revenuePerMuWan';

const zeroTotals = (): Totals => Object.fromEntries([...SUMMED, 'electricity_wan_kwh'].map((k) => [k, 0])) as Totals;
const zeroGrades = (): Record<Grade, number> => ({ A: 0, B: 0, C: 0, D: 0, T: 0 });
const ratio = (a: number, b: number, f = 1) => (b > 0 ? (a / b) * f : null);

function figuresOf(t: Totals, landMu: number): Figures {
  return {
    taxPerMuWan: ratio(t.tax_wan, landMu),
    vaPerMuWan: ratio(t.value_added_wan, landMu),
    revenuePerMuWan: ratio(t.revenue_wan, landMu),
    vaPerTceWan: ratio(t.value_added_wan, t.energy_tce),
    vaPerEmissionWan: ratio(t.value_added_wan, t.emission_t),
    productivityWanPerPerson: ratio(t.value_added_wan, t.employees),
    rdRatioPct: ratio(t.rd_wan, t.revenue_wan, 100),
  };
}

function growthPct(now: number | null, before: number | null): number | null {
  return now !== null && before !== null && before > 0 ? (now / before - 1) * 100 : null;
}

function targetChecks(cur: Figures, prev: Figures, targets: Targets): TargetCheck[] {
  const g = targets.growthPctPerYear;
  const growth = (key: keyof Figures, label: string, target: number): TargetCheck => {
    const actual = growthPct(cur[key], prev[key]);
    return { key: `${key}Growth`, label: `${label}增速`, actual, target, unit: '%', met: actual === null ? null : actual >= target };
  };
  const level = (key: keyof Figures, label: string, target: number, unit: string): TargetCheck => {
    const actual = cur[key];
    return { key, label, actual, target, unit, met: actual === null ? null : actual >= target };
  };
  return [
    growth('vaPerMuWan', '亩均增加值', g.vaPerMu),
    growth('taxPerMuWan', '亩均税收', g.taxPerMu),
    growth('vaPerTceWan', '单位能耗增加值', g.vaPerTce),
    growth('vaPerEmissionWan', '单位排放增加值', g.vaPerEmission),
    level('productivityWanPerPerson', '全员劳动生产率', targets.levels.productivityWanPerPerson, '万元/人'),
    level('rdRatioPct', 'R&D 经费占营业收入比重', targets.levels.rdRatioPct, '%'),
  ];
}

/** Units counted once: merged parcels, enterprises with their own result, T units — not tenants' own copies. */
function countedUnits(units: readonly UnitResult[]): UnitResult[] {
  return units.filter((u) => u.sharedResultFrom === null);
}

interface Bucket {
  code: string;
  name: string;
  units: UnitResult[];
}

function aggregateBucket(b: Bucket, year: number, facts: ReadonlyMap<string, EnterpriseFacts>, targets: Targets): Omit<Aggregate, 'rank' | 'rankOf'> {
  const byGrade = zeroGrades();
  const cur = zeroTotals();
  const prev = zeroTotals();
  let gradedM2 = 0;
  let classTM2 = 0;
  for (const u of b.units) {
    byGrade[u.grade]++;
    if (u.grade === 'T') {
      classTM2 += u.landAreaM2;
      continue;
    }
    gradedM2 += u.landAreaM2;
    for (const uscc of u.members) {
      const m = facts.get(uscc)?.metrics;
      for (const k of SUMMED) {
        cur[k] += m?.[year]?.[k] ?? 0;
        prev[k] += m?.[year - 1]?.[k] ?? 0;
      }
    }
  }
  // Previous-year figures use this year's land: the comparison is of the same units on the same land.
  const landMu = gradedM2 / M2_PER_MU;
  const current = { totals: cur, figures: figuresOf(cur, landMu) };
  const previous = { totals: prev, figures: figuresOf(prev, landMu) };
  return {
    code: b.code, name: b.name, units: b.units.length, byGrade, gradedAreaMu: landMu, classTAreaMu: classTM2 / M2_PER_MU,
    current, previous, targets: targetChecks(current.figures, previous.figures, targets),
  };
}

function ranked<T extends Omit<Aggregate, 'rank' | 'rankOf'>>(rows: T[], rankBy: RankBy): (T & { rank: number | null; rankOf: number })[] {
  const order = rows
    .filter((r) => r.current.figures[rankBy] !== null)
    .sort((a, b) => b.current.figures[rankBy]! - a.current.figures[rankBy]! || a.code.localeCompare(b.code));
  const rankOf = new Map(order.map((r, i) => [r.code, i + 1]));
  return rows
    .map((r) => ({ ...r, rank: rankOf.get(r.code) ?? null, rankOf: order.length }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code));
}

export function aggregateByRegion(input: {
  year: number;
  units: readonly UnitResult[];
  facts: ReadonlyMap<string, EnterpriseFacts>;
  regions: readonly RegionLand[];
  level: RegionLevel;
  targets: Targets;
  rankBy: RankBy;
}): RegionAggregate[] {
  const buckets = new Map<string, Bucket>(input.regions.filter((r) => r.level === input.level).map((r) => [r.code, { code: r.code, name: r.name, units: [] }]));
  for (const u of countedUnits(input.units)) {
    const region = input.facts.get(u.members[0] ?? '')?.regions.find((r) => r.level === input.level);
    if (region) buckets.get(region.code)?.units.push(u);
  }
  const land = new Map(input.regions.map((r) => [r.code, r.industrialAreaM2 / M2_PER_MU]));
  const rows = [...buckets.values()].map((b) => {
    const a = aggregateBucket(b, input.year, input.facts, input.targets);
    const industrialAreaMu = land.get(b.code) ?? 0;
    const coveragePct = industrialAreaMu > 0 ? (a.gradedAreaMu / industrialAreaMu) * 100 : null;
    return { ...a, level: input.level, industrialAreaMu, coveragePct, coverageBelowMin: coveragePct !== null && coveragePct < input.targets.coverageMinPct };
  });
  return ranked(rows, input.rankBy);
}

/** By GB/T 4754 class (section + 4 digits) or division (section + 2 digits). */
export function aggregateByIndustry(input: {
  year: number;
  units: readonly UnitResult[];
  facts: ReadonlyMap<string, EnterpriseFacts>;
  level: 'class' | 'division';
  top: number;
  targets: Targets;
  rankBy: RankBy;
  nameOf: (code: string) => string | null;
}): IndustryAggregate[] {
  const keyOf = (code: string) => (input.level === 'class' ? code : code.slice(0, code.length - 2));
  const buckets = new Map<string, Bucket>();
  for (const u of countedUnits(input.units)) {
    const key = keyOf(u.industryCode);
    if (!buckets.has(key)) buckets.set(key, { code: key, name: input.nameOf(key) ?? key, units: [] });
    buckets.get(key)!.units.push(u);
  }
  const rows = [...buckets.values()].map((b) => ({
    ...aggregateBucket(b, input.year, input.facts, input.targets),
    top: b.units
      .filter((u): u is UnitResult & { total: number } => u.total !== null && u.grade !== 'T')
      .sort((x, y) => y.total - x.total || x.unitId.localeCompare(y.unitId))
      .slice(0, input.top)
      .map((u) => ({ unitId: u.unitId, name: u.name, group: u.group, grade: u.grade, total: u.total })),
  }));
  return ranked(rows, input.rankBy);
}
