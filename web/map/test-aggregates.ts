/** Region aggregates for tests: a few 组团 with the figures the choropleth and the ranking read. */
import type { RegionAggregate, RegionFigureKey } from '../api/evaluation-types.ts';
import { METRIC_KEYS, type MetricKey } from '../../server/domain/evaluation/types.ts';

/** Metric totals of a region, all zero (the server always sends every metric). */
export const NO_TOTALS: Readonly<Record<MetricKey, number>> = Object.freeze(Object.fromEntries(METRIC_KEYS.map((k) => [k, 0])) as Record<MetricKey, number>);
const NO_FIGURES: Readonly<Record<RegionFigureKey, number | null>> = Object.freeze({
  taxPerMuWan: null, vaPerMuWan: null, revenuePerMuWan: null, vaPerTceWan: null, vaPerEmissionWan: null, productivityWanPerPerson: null, rdRatioPct: null,
});

export function aggregate(code: string, name: string, figures: Partial<Record<RegionFigureKey, number | null>>, extra: Partial<RegionAggregate> = {}): RegionAggregate {
  const all: Record<RegionFigureKey, number | null> = { ...NO_FIGURES, ...figures };
  return Object.freeze({
    code, name, level: 'cluster', units: 10, byGrade: { A: 2, B: 3, C: 4, D: 1, T: 0 }, gradedAreaMu: 100, classTAreaMu: 0,
    industrialAreaMu: 110, coveragePct: 90.9, coverageBelowMin: false,
    current: { totals: NO_TOTALS, figures: all }, previous: { totals: NO_TOTALS, figures: NO_FIGURES }, targets: [], rank: null, rankOf: 0,
    ...extra,
  }) as RegionAggregate;
}

export const CLUSTERS: readonly RegionAggregate[] = Object.freeze([
  aggregate('ZT1', '西永组团', { taxPerMuWan: 15.3 }),
  aggregate('ZT2', '微电园组团', { taxPerMuWan: 12.5 }, { coveragePct: 62, coverageBelowMin: true }),
  aggregate('ZT3', '青凤组团', { taxPerMuWan: 22.9 }, {
    previous: { totals: NO_TOTALS, figures: { ...NO_FIGURES, taxPerMuWan: 20.6 } },
    targets: [{ key: 'a', label: 'a', actual: 1, target: 1, unit: '%', met: true }, { key: 'b', label: 'b', actual: 0, target: 1, unit: '%', met: false }],
  }),
  aggregate('ZT4', '金凤组团', { taxPerMuWan: 11.5 }),
  aggregate('ZT5', '空组团', { taxPerMuWan: null }, { coveragePct: null }),
]);
