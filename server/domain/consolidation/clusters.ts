/**
 * Consolidation (连片开发 / 归宗) clusters from candidate parcels and the links between them (the
 * SQL side decides which candidates are close enough: server/land/consolidate.ts). A cluster is a
 * connected group of at least two candidates whose areas add up to `consolidation.minCombinedAreaMu`;
 * it lists the owners to negotiate with, the tax the members pay today and what the site could pay
 * re-developed to the 标准地 benchmark. Areas in m² (shown in 亩), money in 万元.
 */
import { m2ToMu, round } from '../units.ts';
import type { LandRules } from '../land-status/rules.ts';
import { basisCategory } from './basis.ts';
import { connectedComponents } from './components.ts';

export type OwnerRole = 'holder' | 'owner' | 'tenant';

export interface ClusterMember {
  unitCode: string;
  areaM2: number;
  /** Tax attributed to the parcel for the year (an enterprise's tax shared by land used), 万元; null when nobody reported. */
  taxWan: number | null;
  /** Why it is a candidate: flag codes and `grade:D` (see `consolidationBasis`). */
  basis: readonly string[];
  regionCodes: readonly string[];
  /** 权利人 as registered; `name` null when it is not in the enterprise list. */
  holder: { uscc: string; name: string | null; tags: readonly string[] } | null;
  occupants: readonly { uscc: string; name: string; role: 'owner' | 'tenant'; areaUsedM2: number; tags: readonly string[] }[];
}

export interface ClusterOwner {
  uscc: string;
  name: string;
  roles: OwnerRole[];
  unitCodes: string[];
  /** Land it uses in the cluster as owner-occupant or tenant, 亩 (0 for a holder that does not use it). */
  areaUsedMu: number;
  tags: string[];
  /** Tags that keep it off the low-efficiency lists (exit.exemptTags). */
  exemptTags: string[];
}

export interface Cluster {
  /** The smallest member code: stable while the membership is. */
  key: string;
  unitCodes: string[];
  /** Each member with the codes that made it a candidate (flag codes, `grade:D`). */
  members: { unitCode: string; areaMu: number; taxWan: number | null; basis: string[] }[];
  parcelCount: number;
  areaM2: number;
  areaMu: number;
  currentTaxWan: number;
  /** Members with no tax figure (no enterprise, or none reported): counted as 0 in `currentTaxWan`. */
  parcelsWithoutTax: number;
  targetTaxPerMuWan: number;
  potentialTaxWan: number;
  upliftWan: number;
  /** Parcels per heading (闲置土地, 低效用地, D 类企业用地, …); a parcel may count under several. */
  basisCounts: Record<string, number>;
  owners: ClusterOwner[];
  regionCodes: string[];
  reasons: string[];
  notes: string[];
}

const ROLE_ORDER: Record<OwnerRole, number> = { holder: 0, owner: 1, tenant: 2 };
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const shown = (x: number) => round(x) ?? 0;

function owners(members: readonly ClusterMember[], exemptTags: readonly string[]): ClusterOwner[] {
  const byUscc = new Map<string, { name: string | null; roles: Set<OwnerRole>; codes: Set<string>; areaM2: number; tags: Set<string> }>();
  const entry = (uscc: string) => {
    let e = byUscc.get(uscc);
    if (!e) byUscc.set(uscc, (e = { name: null, roles: new Set(), codes: new Set(), areaM2: 0, tags: new Set() }));
    return e;
  };
  for (const m of members) {
    if (m.holder) {
      const e = entry(m.holder.uscc);
      e.name ??= m.holder.name;
      e.roles.add('holder');
      e.codes.add(m.unitCode);
      m.holder.tags.forEach((t) => e.tags.add(t));
    }
    for (const o of m.occupants) {
      const e = entry(o.uscc);
      e.name = o.name;
      e.roles.add(o.role);
      e.codes.add(m.unitCode);
      e.areaM2 += o.areaUsedM2;
      o.tags.forEach((t) => e.tags.add(t));
    }
  }
  return [...byUscc.entries()]
    .map(([uscc, e]): ClusterOwner => {
      const tags = [...e.tags].sort(cmp);
      return {
        uscc,
        name: e.name ?? '（未在企业名录中）',
        roles: [...e.roles].sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b]),
        unitCodes: [...e.codes].sort(cmp),
        areaUsedMu: shown(m2ToMu(e.areaM2)),
        tags,
        exemptTags: tags.filter((t) => exemptTags.includes(t)),
      };
    })
    .sort((a, b) => ROLE_ORDER[a.roles[0]!] - ROLE_ORDER[b.roles[0]!] || b.areaUsedMu - a.areaUsedMu || cmp(a.uscc, b.uscc));
}

export function summariseCluster(members: readonly ClusterMember[], rules: LandRules): Cluster {
  if (members.length === 0) throw new Error('连片候选至少应有一宗宗地');
  const sorted = [...members].sort((a, b) => cmp(a.unitCode, b.unitCode));
  const c = rules.consolidation;
  const areaM2 = sorted.reduce((s, m) => s + m.areaM2, 0);
  const areaMu = m2ToMu(areaM2);
  const currentTaxWan = sorted.reduce((s, m) => s + (m.taxWan ?? 0), 0);
  const parcelsWithoutTax = sorted.filter((m) => m.taxWan === null).length;
  const potentialTaxWan = c.targetTaxPerMuWan.value * areaMu;
  const basisCounts: Record<string, number> = {};
  for (const m of sorted) for (const h of new Set(m.basis.map(basisCategory))) basisCounts[h] = (basisCounts[h] ?? 0) + 1;
  const list = owners(sorted, rules.exit.exemptTags.value);
  const holders = list.filter((o) => o.roles.includes('holder')).length;
  const tenants = list.filter((o) => o.roles.length === 1 && o.roles[0] === 'tenant').length;
  const unheld = sorted.filter((m) => m.holder === null).length;
  const reasons = [
    `${sorted.length} 宗宗地相邻或相距不超过 ${c.maxGapM.value} m（其间没有非候选宗地），合计 ${shown(areaMu)} 亩，不少于 ${c.minCombinedAreaMu.value} 亩`,
    `其中${Object.entries(basisCounts).sort(([a], [b]) => cmp(a, b)).map(([h, n]) => `${h} ${n} 宗`).join('、')}`,
    `现状税收 ${shown(currentTaxWan)} 万元${parcelsWithoutTax > 0 ? `（${parcelsWithoutTax} 宗无税收数据，按 0 计）` : ''}；按标准地亩均税收 ${c.targetTaxPerMuWan.value} 万元/亩 测算，再开发后潜在税收 ${shown(potentialTaxWan)} 万元，` +
      (potentialTaxWan >= currentTaxWan ? `可增加 ${shown(potentialTaxWan - currentTaxWan)} 万元` : `比现状少 ${shown(currentTaxWan - potentialTaxWan)} 万元（现状已高于基准，再开发不增税）`),
    `需协商的权利人和使用企业 ${list.length} 家（权利人 ${holders} 家，仅租赁使用 ${tenants} 家）`,
  ];
  const notes = [
    ...list.flatMap((o) => (o.exemptTags.length > 0 ? [`${o.name}（${o.uscc}）带有“${o.exemptTags.join('、')}”标签（exit.exemptTags），协商时注意`] : [])),
    ...(unheld > 0 ? [`${unheld} 宗未登记权利人（如批而未供的国有土地），可由政府直接组织归宗`] : []),
  ];
  return {
    key: sorted[0]!.unitCode,
    unitCodes: sorted.map((m) => m.unitCode),
    members: sorted.map((m) => ({ unitCode: m.unitCode, areaMu: shown(m2ToMu(m.areaM2)), taxWan: round(m.taxWan), basis: [...m.basis] })),
    parcelCount: sorted.length,
    areaM2: shown(areaM2),
    areaMu: shown(areaMu),
    currentTaxWan: shown(currentTaxWan),
    parcelsWithoutTax,
    targetTaxPerMuWan: c.targetTaxPerMuWan.value,
    potentialTaxWan: shown(potentialTaxWan),
    upliftWan: shown(potentialTaxWan - currentTaxWan),
    basisCounts,
    owners: list,
    regionCodes: [...new Set(sorted.flatMap((m) => m.regionCodes))].sort(cmp),
    reasons,
    notes,
  };
}

/**
 * Groups linked candidates (edges between unit codes) into components and keeps those of at least
 * two parcels reaching the minimum combined area, ordered by their smallest member code.
 */
export function groupCandidates(candidates: readonly { unitCode: string; areaM2: number }[], edges: readonly (readonly [string, string])[], rules: LandRules): string[][] {
  const area = new Map(candidates.map((c) => [c.unitCode, c.areaM2]));
  const minMu = rules.consolidation.minCombinedAreaMu.value;
  return connectedComponents(
    candidates.map((c) => c.unitCode),
    edges,
    // Compared as shown (to 0.01 亩), so a cluster listed as 50 亩 is never left out of a 50-亩 minimum.
  ).filter((codes) => codes.length >= 2 && shown(m2ToMu(codes.reduce((s, code) => s + (area.get(code) ?? 0), 0))) >= minMu);
}
