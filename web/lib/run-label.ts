/** How an evaluation run is named in a choice: '2025 年度', or with its number when a year has several runs. */
import type { EvaluationRun } from '../api/evaluation-types.ts';

export function runLabel(run: EvaluationRun, runs: readonly EvaluationRun[]): string {
  const sameYear = runs.filter((r) => r.year === run.year).length > 1;
  return sameYear ? `${run.year} 年度 · 运行 #${run.id}` : `${run.year} 年度`;
}
