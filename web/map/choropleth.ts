/**
 * The region choropleth (区域对比): 片区, 组团 or 镇街 filled by one figure of the evaluation
 * aggregates, in five classes of a single-hue sequential ramp (ColorBrewer Purples, readable in
 * greyscale and apart from the grade and tax palettes), with regions whose evaluated land is under
 * 70 % of their industrial land hatched, since their figure rests on too little of the land.
 */
import type { AggregateLevel, RegionAggregate, RegionFigureKey } from '../api/evaluation-types.ts';
import { formatNumber } from '../lib/format.ts';
import { regionFigure } from '../lib/region-figures.ts';

export const CHOROPLETH_COLORS: readonly string[] = Object.freeze(['#dadaeb', '#bcbddc', '#9e9ac8', '#756bb1', '#54278f']);
/** A region the run has no figure for. */
export const CHOROPLETH_NO_DATA = '#e3e0da';

export interface ChoroplethClass {
  /** Inclusive lower bound; the first class starts at the smallest value. */
  min: number;
  /** Exclusive upper bound; the last class ends at (and includes) the largest value. */
  max: number;
  color: string;
  /** Regions in the class. */
  count: number;
}

export interface Choropleth {
  level: AggregateLevel;
  figure: RegionFigureKey;
  year: number;
  classes: ChoroplethClass[];
  /** Region code → fill colour. */
  colorByCode: Record<string, string>;
  /** Region code → label text: name, figure with its unit, rank. */
  labelByCode: Record<string, string>;
  /** Codes of regions whose evaluation coverage is under the minimum. */
  lowCoverage: string[];
}

/** Round step sizes (1, 2, 2.5, 5 × 10ⁿ) from about span/n upwards. */
function niceSteps(span: number, n: number): number[] {
  const p = 10 ** Math.floor(Math.log10(span / n));
  return [1, 2, 2.5, 5, 10, 20, 25, 50].map((m) => m * p);
}

/**
 * Class breaks for the values: at most `n` equal steps of a round size covering min–max (fewer when
 * there are fewer distinct values). Returns the edges, ascending; [] when there is no value.
 */
export function choroplethEdges(values: readonly number[], n = CHOROPLETH_COLORS.length): number[] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  if (hi === lo) return [lo, hi];
  const classes = Math.min(n, new Set(finite).size);
  for (const step of niceSteps(hi - lo, classes)) {
    // A span near the smallest double has no round step (10^-324 underflows to 0).
    if (!(step > 0) || !Number.isFinite(step)) continue;
    const start = Math.floor(lo / step) * step;
    const count = Math.max(1, Math.ceil((hi - start) / step - 1e-9));
    if (count > classes) continue;
    // Rounded to 12 significant digits (no 0.30000000000000004), ends clamped to cover the values.
    const edges = Array.from({ length: count + 1 }, (_, i) => Number((start + i * step).toPrecision(12)));
    edges[0] = Math.min(edges[0]!, lo);
    edges[count] = Math.max(edges[count]!, hi);
    return edges;
  }
  return [lo, hi];
}

/** Index of the class a value falls in (the last class includes its upper edge). */
export function classIndex(value: number, edges: readonly number[]): number {
  for (let i = edges.length - 2; i >= 0; i--) if (value >= edges[i]!) return i;
  return 0;
}

/** Ramp colours for `k` classes, spread over the whole ramp so few classes still differ well. */
function rampFor(k: number): string[] {
  const n = CHOROPLETH_COLORS.length;
  if (k >= n) return [...CHOROPLETH_COLORS];
  if (k === 1) return [CHOROPLETH_COLORS[n - 2]!];
  return Array.from({ length: k }, (_, i) => CHOROPLETH_COLORS[Math.round((i * (n - 1)) / (k - 1))]!);
}

/** Regions ranked by the figure, highest first (ties by name); regions without it last. */
export function rankRegions(regions: readonly RegionAggregate[], figure: RegionFigureKey): { region: RegionAggregate; value: number | null; rank: number | null }[] {
  const withValue = regions.map((region) => ({ region, value: region.current.figures[figure] ?? null }));
  withValue.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? a.region.name.localeCompare(b.region.name) : 1) : -1;
    return b.value - a.value || a.region.name.localeCompare(b.region.name);
  });
  let rank = 0;
  return withValue.map((r) => ({ ...r, rank: r.value === null ? null : ++rank }));
}

export function buildChoropleth(regions: readonly RegionAggregate[], level: AggregateLevel, figure: RegionFigureKey, year: number): Choropleth {
  const ranked = rankRegions(regions, figure);
  const values = ranked.map((r) => r.value).filter((v): v is number => v !== null);
  const edges = choroplethEdges(values);
  const colors = rampFor(Math.max(1, edges.length - 1));
  const classes: ChoroplethClass[] = colors.map((color, i) => ({ min: edges[i]!, max: edges[i + 1] ?? edges[i]!, color, count: 0 }));
  const f = regionFigure(figure);
  const colorByCode: Record<string, string> = {};
  const labelByCode: Record<string, string> = {};
  for (const { region, value, rank } of ranked) {
    if (value === null) {
      colorByCode[region.code] = CHOROPLETH_NO_DATA;
      labelByCode[region.code] = `${region.name}\n无数据`;
      continue;
    }
    const i = classIndex(value, edges);
    classes[i]!.count++;
    colorByCode[region.code] = classes[i]!.color;
    labelByCode[region.code] = `${region.name}\n${formatNumber(value, f.digits)} ${f.unit} · 第 ${rank} 名`;
  }
  const lowCoverage = regions.filter((r) => r.coverageBelowMin).map((r) => r.code).sort();
  return { level, figure, year, classes, colorByCode, labelByCode, lowCoverage };
}
