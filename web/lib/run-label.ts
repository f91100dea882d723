/** How an evaluation run is named: in a choice, and in a heading (exported picture, printed report). */
import type { EvaluationRun } from '../api/evaluation-types.ts';

/** In a choice: '2025 年度', or with its number when a year has several runs. */
export function runLabel(run: EvaluationRun, runs: readonly EvaluationRun[]): string {
  const sameYear = runs.filter((r) => r.year === run.year).length > 1;
  return sameYear ? `${run.year} 年度 · 运行 #${run.id}` : `${run.year} 年度`;
}

/** In a heading: '2025 年度评价 · 重庆市…（默认方案）（2025.1）'; '尚无评价结果' without a run. */
export function runTitle(run: Pick<EvaluationRun, 'year' | 'methodName' | 'methodVersion'> | null): string {
  return run ? `${run.year} 年度评价 · ${run.methodName}（${run.methodVersion}）` : '尚无评价结果';
}
