/**
 * Who holds and uses each parcel of a cluster (一码关联): owners, some holding two to four
 * neighbouring parcels (一企多地); multi-tenant parcels (一地多企) where the owner — an enterprise or
 * the zone's development platform — lets space to tenants; utilities; and the 规上/规下 split,
 * tags and flags of every enterprise.
 */
import { REFERENCE_DAY, type Day } from './dates.ts';
import { creditCode } from './identifiers.ts';
import { THEME_MIX, PLATFORM_INDUSTRY, industry } from './industries.ts';
import type { Theme } from './district-plan.ts';
import type { Enterprise, EnterpriseRole, Occupancy, ParcelRecord } from './model.ts';
import { enterpriseName } from './names.ts';
import { M2_PER_MU } from './parcel-shapes.ts';
import type { Rng } from './random.ts';

/** Names and codes already given out, so both stay unique across the district. */
export interface Registry {
  names: Set<string>;
  codes: Set<string>;
  /** The development platform of each zone, created when first needed. */
  platforms: Map<number, Enterprise>;
}

export function newRegistry(): Registry {
  return { names: new Set(), codes: new Set(), platforms: new Map() };
}

export interface ClusterContext {
  theme: Theme;
  zoneIndex: number;
  zonePlace: string;
  utilities: readonly string[];
}

export interface ClusterPeople {
  /** Enterprises first seen in this cluster, in creation order. */
  enterprises: Enterprise[];
  occupancy: Occupancy[];
}

/** Share of producing, non-utility enterprises of a cluster that are 规上. */
const ABOVE_SIZE_SHARE = 0.22;
/** Chance that a held parcel starts a group of 2–4 parcels under one owner. */
const MULTI_PARCEL_START = 0.2;
/** Chance that a producing parcel of 8 亩 or more is let to tenants. */
const MULTI_TENANT = 0.155;

function uniqueCode(rng: Rng, registry: Registry): string {
  for (;;) {
    const code = creditCode(rng, !rng.chance(0.005));
    if (!registry.codes.has(code.slice(0, 17))) {
      registry.codes.add(code.slice(0, 17));
      return code;
    }
  }
}

function uniqueName(rng: Rng, registry: Registry, words: readonly string[]): string {
  for (let tries = 0; ; tries++) {
    const name = enterpriseName(rng, rng.pick(words), tries < 4 ? 2 : 3);
    if (!registry.names.has(name)) {
      registry.names.add(name);
      return name;
    }
  }
}

function newEnterprise(rng: Rng, registry: Registry, industryCode: string, role: EnterpriseRole, name?: string): Enterprise {
  const utility = industryCode.startsWith('D');
  const code = uniqueCode(rng, registry);
  if (name) registry.names.add(name);
  return {
    code,
    name: name ?? uniqueName(rng, registry, industry(industryCode).words),
    industry: industryCode,
    role,
    scale: '规下',
    tags: [],
    utility,
    production: null,
    majorProject: false,
    landM2: 0,
    lowEfficiency: false,
    declining: false,
    score: 0,
  };
}

/** When a tenant moved in: mostly years ago, a few in the last two years. */
function tenantStart(rng: Rng, parcelProduction: Day): Day {
  const yearsAgo = rng.chance(0.02) ? rng.uniform(0.1, 1.9) : rng.uniform(2.2, 14);
  return Math.min(REFERENCE_DAY - 20, Math.max(parcelProduction + rng.int(30, 200), Math.round(REFERENCE_DAY - yearsAgo * 365.25)));
}

/**
 * Creates the cluster's enterprises and occupancy rows. Fills in `holder`, `multiTenant` and
 * `platform` on the parcel records it is given (and 划拨 for utilities' land): the records are
 * the generator's own, built one step earlier for this cluster.
 */
export function populateCluster(rng: Rng, registry: Registry, parcels: readonly ParcelRecord[], ctx: ClusterContext): ClusterPeople {
  const enterprises: Enterprise[] = [];
  const occupancy: Occupancy[] = [];
  const mix = THEME_MIX[ctx.theme];

  for (const p of parcels) {
    p.multiTenant = p.story === 'producing' && p.landUse !== '0602' && p.areaM2 >= 8 * M2_PER_MU && rng.chance(MULTI_TENANT);
    p.platform = p.multiTenant && rng.chance(0.35);
  }

  // Owner groups: consecutive parcels are neighbours, so an owner's second plot is next door.
  const held = parcels.filter((p) => p.status !== '未供' && !p.platform);
  const groups: ParcelRecord[][] = [];
  for (let i = 0; i < held.length; ) {
    const size = rng.chance(MULTI_PARCEL_START) ? rng.weighted([[2, 0.6], [3, 0.27], [4, 0.13]] as const) : 1;
    groups.push(held.slice(i, i + size));
    i += size;
  }

  // Utilities take single, producing, sizeable parcels.
  const utilityGroups = new Map<ParcelRecord[], string>();
  for (const code of ctx.utilities) {
    const candidates = groups.filter(
      (g) => g.length === 1 && g[0]!.story === 'producing' && !g[0]!.multiTenant && g[0]!.areaM2 > 20 * M2_PER_MU && !utilityGroups.has(g),
    );
    if (candidates.length > 0) utilityGroups.set(rng.pick(candidates), code);
  }

  const own = (e: Enterprise, p: ParcelRecord, areaM2: number) => {
    occupancy.push({ enterprise: e, parcel: p, role: '自有', areaM2 });
    e.landM2 += areaM2;
    p.holder = e;
  };
  const ownerShare = new Map<ParcelRecord, number>();
  for (const p of parcels) {
    if (p.multiTenant) ownerShare.set(p, p.platform ? rng.uniform(0.05, 0.15) : rng.uniform(0.3, 0.7));
  }
  const usedByOwner = (p: ParcelRecord) => p.areaM2 * (ownerShare.get(p) ?? 1);

  const owners: Enterprise[] = [];
  for (const g of groups) {
    const utilityCode = utilityGroups.get(g);
    const e = newEnterprise(rng, registry, utilityCode ?? rng.weighted(mix), 'owner');
    for (const p of g) {
      own(e, p, usedByOwner(p));
      if (utilityCode) p.supplyMethod = '划拨';
      if (utilityCode) p.priceWan = null;
    }
    const producing = g.filter((p) => p.production !== null).map((p) => p.production!);
    e.production = producing.length > 0 ? Math.min(...producing) : null;
    e.majorProject = g.some((p) => p.story === 'building' && p.areaM2 >= 20 * M2_PER_MU) && rng.chance(0.7);
    enterprises.push(e);
    owners.push(e);
  }

  for (const p of parcels) {
    if (!p.platform) continue;
    let platform = registry.platforms.get(ctx.zoneIndex);
    if (!platform) {
      platform = newEnterprise(rng, registry, PLATFORM_INDUSTRY, 'platform', `重庆${ctx.zonePlace}产业园区开发建设有限公司`);
      registry.platforms.set(ctx.zoneIndex, platform);
      enterprises.push(platform);
    }
    own(platform, p, usedByOwner(p));
  }

  // Tenants: new small firms mostly, sometimes a neighbouring owner renting extra space.
  const producingOwners = owners.filter((e) => e.production !== null && !e.utility);
  for (const p of parcels) {
    if (!p.multiTenant) continue;
    const count = Math.min(5, rng.weighted([[1, 0.55], [2, 0.25], [3, 0.1], [4, 0.06], [5, 0.04]] as const) + (p.platform ? 1 : 0));
    const weights = Array.from({ length: count }, () => rng.lognormal(1, 0.5));
    const sum = weights.reduce((a, b) => a + b, 0);
    const rentable = p.areaM2 * (1 - ownerShare.get(p)!) * rng.uniform(0.88, 1);
    const seen = new Set<Enterprise>([p.holder!]);
    for (const w of weights) {
      const areaM2 = (rentable * w) / sum;
      let tenant: Enterprise | undefined;
      if (rng.chance(0.3) && producingOwners.length > 0) {
        const pick = rng.pick(producingOwners);
        if (!seen.has(pick)) tenant = pick;
      }
      if (!tenant) {
        tenant = newEnterprise(rng, registry, rng.weighted(mix), 'tenant');
        tenant.production = tenantStart(rng, p.production!);
        enterprises.push(tenant);
      }
      seen.add(tenant);
      occupancy.push({ enterprise: tenant, parcel: p, role: '租赁', areaM2 });
      tenant.landM2 += areaM2;
    }
  }

  assignScaleAndTags(rng, enterprises);
  return { enterprises, occupancy };
}

/** 规上 by rank of size within the cluster; tags and performance flags. */
function assignScaleAndTags(rng: Rng, enterprises: readonly Enterprise[]): void {
  const producing = enterprises.filter((e) => e.production !== null && e.role !== 'platform');
  for (const e of producing) {
    const mu = e.landM2 / M2_PER_MU;
    if (e.utility) {
      e.scale = industry(e.industry).revenuePerMu * mu >= 2000 ? '规上' : '规下';
      continue;
    }
    e.score = Math.log(Math.max(mu, 0.1)) + (e.role === 'tenant' ? Math.log(2.5) : 0) + rng.normal(0, 0.2);
    e.lowEfficiency = rng.chance(e.role === 'tenant' ? 0.04 : 0.07);
    e.declining = rng.chance(0.04);
  }
  const ranked = producing.filter((e) => !e.utility).sort((a, b) => b.score - a.score);
  const above = Math.round(ranked.length * ABOVE_SIZE_SHARE);
  ranked.forEach((e, i) => {
    e.scale = i < above ? '规上' : '规下';
    const giant = e.scale === '规上' ? rng.chance(0.09) : rng.chance(0.004);
    if (giant) e.tags.push('专精特新"小巨人"');
    else if (rng.chance(e.scale === '规上' ? 0.2 : 0.035)) e.tags.push('专精特新');
    if (i < 2 && e.scale === '规上' && rng.chance(0.45)) e.tags.push('链主企业');
  });
}
