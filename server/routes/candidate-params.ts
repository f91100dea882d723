/** Query parameters of the candidate lists; a bad one is a 400 that names it. */
import { toHalfWidth } from '../domain/codes.ts';
import { CLUSTER_SORTS, type ClusterSort } from '../db/queries/consolidation.ts';
import { EXIT_PATHS, type ExitPath } from '../domain/land-status/rules.ts';
import { badRequest } from './params.ts';

export type CandidateKind = 'exit' | 'consolidation';

export function parseKind(raw: string | undefined): CandidateKind {
  if (raw === undefined || raw === '') badRequest('参数 kind 缺失：应为 exit（退出候选）或 consolidation（连片开发候选）');
  if (raw !== 'exit' && raw !== 'consolidation') badRequest(`参数 kind 应为 exit（退出候选）或 consolidation（连片开发候选），实为“${raw}”`);
  return raw;
}

/** `path=依规回收,倒逼退出`; null when absent. */
export function parsePaths(raw: string | undefined): ExitPath[] | null {
  if (raw === undefined || raw.trim() === '') return null;
  const paths = toHalfWidth(raw).split(',').map((p) => p.trim());
  const bad = paths.filter((p) => !(EXIT_PATHS as readonly string[]).includes(p));
  if (bad.length > 0) badRequest(`参数 path 应为 ${EXIT_PATHS.join('、')}（可用逗号分隔多个），实为“${raw}”`);
  return paths as ExitPath[];
}

/** `sort=area|uplift|taxPerMu` of the consolidation list; area (largest first) when absent. */
export function parseClusterSort(raw: string | undefined): ClusterSort {
  if (raw === undefined || raw === '') return 'area';
  if (!(CLUSTER_SORTS as readonly string[]).includes(raw)) {
    badRequest(`参数 sort 应为 area（面积大者在前）、uplift（增收潜力大者在前）或 taxPerMu（现状亩均税收低者在前），实为“${raw}”`);
  }
  return raw as ClusterSort;
}

/** A size in 亩, ≥ 0; null when absent. */
export function parseMu(name: string, raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  const n = Number(toHalfWidth(raw).trim());
  if (!Number.isFinite(n) || n < 0) badRequest(`参数 ${name} 应为不小于 0 的面积（亩），实为“${raw}”`);
  return n;
}

export function parseSizeRange(min: string | undefined, max: string | undefined): { minMu: number | null; maxMu: number | null } {
  const minMu = parseMu('minMu', min);
  const maxMu = parseMu('maxMu', max);
  if (minMu !== null && maxMu !== null && minMu > maxMu) badRequest(`参数 minMu（${minMu}）不应大于 maxMu（${maxMu}）`);
  return { minMu, maxMu };
}

/** An integer in [min, max], or the fallback when absent. */
export function parseIntParam(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) badRequest(`参数 ${name} 应为 ${min}–${max} 的整数，实为“${raw}”`);
  return n;
}

export function parseBool(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  badRequest(`参数 ${name} 应为 true 或 false，实为“${raw}”`);
}

/** A region code; null when absent. */
export function parseRegion(raw: string | undefined): string | null {
  const code = raw === undefined ? '' : toHalfWidth(raw).trim().toUpperCase();
  return code === '' ? null : code;
}
