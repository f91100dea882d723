/** The region figures of the evaluation aggregates, with the words and units a planner reads. */
import type { AggregateLevel, RegionFigureKey } from '../api/evaluation-types.ts';

export interface RegionFigure {
  key: RegionFigureKey;
  label: string;
  unit: string;
  digits: number;
}

export const REGION_FIGURES: readonly RegionFigure[] = Object.freeze([
  { key: 'taxPerMuWan', label: '亩均税收', unit: '万元/亩', digits: 1 },
  { key: 'vaPerMuWan', label: '亩均增加值', unit: '万元/亩', digits: 1 },
  { key: 'revenuePerMuWan', label: '亩均营业收入', unit: '万元/亩', digits: 0 },
  { key: 'vaPerTceWan', label: '单位能耗增加值', unit: '万元/吨标准煤', digits: 2 },
  { key: 'vaPerEmissionWan', label: '单位排放增加值', unit: '万元/吨', digits: 1 },
  { key: 'productivityWanPerPerson', label: '全员劳动生产率', unit: '万元/人', digits: 1 },
  { key: 'rdRatioPct', label: 'R&D 经费占营业收入比重', unit: '%', digits: 2 },
] satisfies RegionFigure[]);

export const DEFAULT_REGION_FIGURE: RegionFigureKey = 'taxPerMuWan';

export function regionFigure(key: RegionFigureKey): RegionFigure {
  return REGION_FIGURES.find((f) => f.key === key) ?? REGION_FIGURES[0]!;
}

export function isRegionFigure(value: unknown): value is RegionFigureKey {
  return REGION_FIGURES.some((f) => f.key === value);
}

export const AGGREGATE_LEVELS: readonly { level: AggregateLevel; label: string }[] = Object.freeze([
  { level: 'zone', label: '片区' },
  { level: 'cluster', label: '组团' },
  { level: 'town', label: '镇街' },
]);

export const DEFAULT_AGGREGATE_LEVEL: AggregateLevel = 'cluster';

export function isAggregateLevel(value: unknown): value is AggregateLevel {
  return AGGREGATE_LEVELS.some((l) => l.level === value);
}

/** The evaluated land should reach 70 % of a town's or zone's industrial land. */
export const COVERAGE_MIN_PCT = 70;
