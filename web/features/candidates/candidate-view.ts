/** Pure shaping of the candidate lists: row captions, numbers with units, and the query a filter gives. */
import type { CandidateQuery, ClusterSort, ConsolidationCluster, ExitCandidate, ExitPath } from '../../api/land-types.ts';
import { formatNumber, formatSigned } from '../../lib/format.ts';

export type CandidateKind = 'exit' | 'consolidation';

/** The list's own filters; the region comes from the app's filters. */
export interface CandidateFilter {
  kind: CandidateKind;
  paths: ExitPath[];
  minMu: number | null;
  maxMu: number | null;
  /** The consolidation list's order. */
  sort: ClusterSort;
}

export const EMPTY_CANDIDATE_FILTER: CandidateFilter = Object.freeze({ kind: 'exit', paths: [], minMu: null, maxMu: null, sort: 'area' }) as unknown as CandidateFilter;

/** The consolidation list's orders, as the planner chooses them. */
export const CLUSTER_SORT_CHOICES: readonly { value: ClusterSort; label: string; title: string }[] = [
  { value: 'area', label: '面积', title: '合计面积大者在前' },
  { value: 'uplift', label: '增收潜力', title: '按标准地亩均税收再开发后，增收大者在前' },
  { value: 'taxPerMu', label: '现状亩均', title: '现状亩均税收低者在前：利用最不充分的土地' },
];

export function candidateQuery(f: CandidateFilter, region: string | null, page: number, pageSize: number): CandidateQuery {
  return {
    region,
    minMu: f.minMu,
    maxMu: f.maxMu,
    paths: f.kind === 'exit' && f.paths.length ? f.paths : null,
    sort: f.kind === 'consolidation' ? f.sort : null,
    page,
    pageSize,
  };
}

/** Adds or removes a path, keeping the policy order. */
export function togglePath(paths: readonly ExitPath[], path: ExitPath, order: readonly ExitPath[]): ExitPath[] {
  const next = new Set(paths);
  if (next.has(path)) next.delete(path);
  else next.add(path);
  return order.filter((p) => next.has(p));
}

const mu = (x: number) => `${formatNumber(x, 1)} 亩`;
const wan = (x: number) => `${formatNumber(x, 0)} 万元`;

/** Who or what an exit candidate is about: the enterprise for 倒逼退出, else the holder (or the code). */
export function exitTitle(c: ExitCandidate): string {
  if (c.subjectKind === 'enterprise') return c.enterprises[0]?.name ?? c.subject.replace(/^enterprise:/, '');
  const holder = c.enterprises.find((e) => e.role === 'holder') ?? c.enterprises[0];
  return holder?.name ?? '无关联企业';
}

export function exitCaption(c: ExitCandidate): string {
  const parts = [c.unitCodes.length > 1 ? `${c.unitCodes.length} 宗` : c.unitCodes[0] ?? '', `涉及 ${mu(c.affectedAreaMu)}`];
  if (c.landReleasedMu > 0 && Math.abs(c.landReleasedMu - c.affectedAreaMu) > 0.05) parts.push(`可腾退 ${mu(c.landReleasedMu)}`);
  return parts.filter(Boolean).join(' · ');
}

export function clusterTitle(c: ConsolidationCluster): string {
  return `连片 #${c.id} · ${c.parcelCount} 宗 · ${mu(c.footprintAreaMu)}`;
}

export function clusterCaption(c: ConsolidationCluster): string {
  return `税收 ${wan(c.currentTaxWan)} → 潜在 ${wan(c.potentialTaxWan)}（${formatSigned(c.upliftWan, 0)} 万元）· ${c.owners.length} 个权利人/企业`;
}

/** The main reasons of a cluster: its basis counts as '闲置土地 3 宗、低效用地 5 宗'. */
export function basisText(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'zh-CN'))
    .map(([k, n]) => `${k} ${n} 宗`)
    .join('、');
}
