/** Yearly metrics of one enterprise, grouped by year with the department behind each value. */
import { METRIC_KEYS, type MetricKey } from '../import/columns.ts';
import type { MetricRow } from '../db/queries/enterprises.ts';

export interface YearMetrics {
  year: number;
  values: Record<MetricKey, number | null>;
  sources: Partial<Record<MetricKey, string>>;
}

export function groupMetrics(rows: readonly MetricRow[]): YearMetrics[] {
  const byYear = new Map<number, YearMetrics>();
  for (const r of rows) {
    let y = byYear.get(r.year);
    if (!y) {
      y = { year: r.year, values: Object.fromEntries(METRIC_KEYS.map((k) => [k, null])) as Record<MetricKey, number | null>, sources: {} };
      byYear.set(r.year, y);
    }
    if ((METRIC_KEYS as readonly string[]).includes(r.metric)) {
      y.values[r.metric as MetricKey] = r.value;
      y.sources[r.metric as MetricKey] = r.source;
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
