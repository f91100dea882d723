/** Counts and realism figures gathered while the district is written, printed as a summary. */
import { dayOf } from './dates.ts';
import type { Enterprise, LandStory, Occupancy, ParcelRecord, YearMetrics } from './model.ts';
import { M2_PER_MU } from './parcel-shapes.ts';

const RECENT_FROM = dayOf('2024-01-01');

function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export class DistrictStats {
  parcels = 0;
  multiPolygons = 0;
  holes = 0;
  readonly areasMu: number[] = [];
  readonly stories = new Map<LandStory, number>();
  readonly landUses = new Map<string, number>();
  multiTenantParcels = 0;
  standardLand = 0;
  buildings = 0;
  vacantBuildings = 0;
  enterprises = 0;
  above = 0;
  below = 0;
  tenants = 0;
  platforms = 0;
  utilities = 0;
  multiParcelOwners = 0;
  multiParcelUsers = 0;
  recentStart = 0;
  majorProject = 0;
  badCheckDigit = 0;
  readonly tags = new Map<string, number>();
  occupancyRows = 0;
  tenantRows = 0;
  dirtyCodes = 0;
  missingFromStatistics = 0;
  roads = 0;
  regions = 0;
  readonly taxPerMu = { 规上: [] as number[], 规下: [] as number[] };
  readonly revenuePerMu = { 规上: [] as number[], 规下: [] as number[] };
  evaluatedLandM2 = 0;
  lowTaxLandM2 = 0;
  poorTwoYears = 0;

  addParcels(parcels: readonly ParcelRecord[]): void {
    for (const p of parcels) {
      this.parcels++;
      if (p.polygons.length > 1) this.multiPolygons++;
      if (p.polygons.some((rings) => rings.length > 1)) this.holes++;
      this.areasMu.push(p.areaM2 / M2_PER_MU);
      this.stories.set(p.story, (this.stories.get(p.story) ?? 0) + 1);
      this.landUses.set(p.landUse, (this.landUses.get(p.landUse) ?? 0) + 1);
      if (p.multiTenant) this.multiTenantParcels++;
      if (p.standard) this.standardLand++;
      this.buildings += p.buildings.length;
      this.vacantBuildings += p.buildings.filter((b) => b.vacantM2 > 0).length;
    }
  }

  addPeople(enterprises: readonly Enterprise[], occupancy: readonly Occupancy[], checkOk: (code: string) => boolean): void {
    for (const e of enterprises) {
      this.enterprises++;
      if (e.scale === '规上') this.above++;
      else this.below++;
      if (e.role === 'tenant') this.tenants++;
      if (e.role === 'platform') this.platforms++;
      if (e.utility) this.utilities++;
      if (e.production !== null && e.production >= RECENT_FROM) this.recentStart++;
      if (e.majorProject) this.majorProject++;
      if (!checkOk(e.code)) this.badCheckDigit++;
      for (const t of e.tags) this.tags.set(t, (this.tags.get(t) ?? 0) + 1);
    }
    const parcelsOf = new Map<Enterprise, Set<ParcelRecord>>();
    const ownedOf = new Map<Enterprise, number>();
    for (const o of occupancy) {
      this.occupancyRows++;
      if (o.role === '租赁') this.tenantRows++;
      if (o.enterprise.role === 'platform') continue;
      parcelsOf.set(o.enterprise, (parcelsOf.get(o.enterprise) ?? new Set()).add(o.parcel));
      if (o.role === '自有') ownedOf.set(o.enterprise, (ownedOf.get(o.enterprise) ?? 0) + 1);
    }
    for (const set of parcelsOf.values()) if (set.size > 1) this.multiParcelUsers++;
    for (const n of ownedOf.values()) if (n > 1) this.multiParcelOwners++;
  }

  addMetrics(e: Enterprise, rows: readonly YearMetrics[]): void {
    if (e.utility || rows.length === 0 || e.landM2 <= 0) return;
    const mu = e.landM2 / M2_PER_MU;
    const byYear = new Map(rows.map((r) => [r.year, r]));
    const latest = byYear.get(2025);
    if (!latest || latest.tax === null || latest.revenue === null) return;
    const tax = latest.tax / mu;
    this.taxPerMu[e.scale].push(tax);
    this.revenuePerMu[e.scale].push(latest.revenue / mu);
    this.evaluatedLandM2 += e.landM2;
    if (tax < 5) this.lowTaxLandM2 += e.landM2;
    const before = byYear.get(2024);
    if (before && before.tax !== null && tax < 3 && before.tax / mu < 3) this.poorTwoYears++;
  }

  lines(): string[] {
    const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)}%`;
    const areas = this.areasMu.slice().sort((a, b) => a - b);
    const story = (s: LandStory) => this.stories.get(s) ?? 0;
    const tag = (t: string) => this.tags.get(t) ?? 0;
    const f1 = (x: number) => x.toFixed(1);
    return [
      `parcels ${this.parcels}: MultiPolygon ${this.multiPolygons}, with hole ${this.holes}; ` +
        `land use 0601 ${this.landUses.get('0601') ?? 0}, 0604 ${this.landUses.get('0604') ?? 0}, 0602 ${this.landUses.get('0602') ?? 0}`,
      `  area 亩: p5 ${f1(quantile(areas, 0.05))}, median ${f1(quantile(areas, 0.5))}, p95 ${f1(quantile(areas, 0.95))}, ` +
        `<5 亩 ${areas.filter((a) => a < 5).length}, >200 亩 ${areas.filter((a) => a > 200).length}`,
      `  未供 ${story('unsupplied') + story('approvedUnsupplied')} (批而未供 ${story('approvedUnsupplied')}), ` +
        `idle past start 1–2 y ${story('idleLate')}, >2 y ${story('idleVeryLate')}, 停建 ${story('halted')}, ` +
        `在建 ${story('building')}, 未开工 (in time) ${story('notStarted')}, 建而未投 ${story('builtIdle')}, 已投产 ${story('producing')}`,
      `  multi-tenant ${this.multiTenantParcels} (${pct(this.multiTenantParcels, this.parcels)}), 标准地 ${this.standardLand} (${pct(this.standardLand, this.parcels)}), ` +
        `buildings ${this.buildings} (with vacant space ${this.vacantBuildings})`,
      `enterprises ${this.enterprises} (${(this.enterprises / Math.max(this.parcels, 1)).toFixed(2)} per parcel): 规上 ${this.above}, 规下 ${this.below} ` +
        `(${(this.below / Math.max(this.above, 1)).toFixed(2)}×), tenants ${this.tenants}, platforms ${this.platforms}, utilities ${this.utilities}`,
      `  on 2+ parcels ${this.multiParcelUsers} (${pct(this.multiParcelUsers, this.enterprises)}; owning 2–4: ${this.multiParcelOwners}), ` +
        `started since 2024 ${this.recentStart} (${pct(this.recentStart, this.enterprises)}), 重大项目 ${this.majorProject}, bad C18 ${this.badCheckDigit}`,
      `  tags: 专精特新"小巨人" ${tag('专精特新"小巨人"')}, 专精特新 ${tag('专精特新')}, 链主企业 ${tag('链主企业')}`,
      `occupancy rows ${this.occupancyRows} (租赁 ${this.tenantRows}, dirty codes ${this.dirtyCodes}); 规下 missing from 统计局 ${this.missingFromStatistics}`,
      `2025 median 亩均税收 规上 ${f1(median(this.taxPerMu.规上))}, 规下 ${f1(median(this.taxPerMu.规下))}; ` +
        `亩均营业收入 规上 ${f1(median(this.revenuePerMu.规上))}, 规下 ${f1(median(this.revenuePerMu.规下))} 万元/亩`,
      `  land under 5 万元/亩 tax ${pct(this.lowTaxLandM2, this.evaluatedLandM2)}; under 3 万元/亩 in 2024 and 2025: ${this.poorTwoYears} firms`,
      `regions ${this.regions}, roads ${this.roads}`,
    ];
  }
}
