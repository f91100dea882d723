/** Pure shaping of the region aggregates into ranking rows: value, bar, coverage, change, grade mix. */
import type { Grade, RegionAggregate, RegionFigureKey } from '../../api/evaluation-types.ts';
import { GRADE_ORDER } from '../../lib/filters.ts';
import { MISSING, formatNumber, formatSigned } from '../../lib/format.ts';
import { COVERAGE_MIN_PCT, regionFigure } from '../../lib/region-figures.ts';
import { rankRegions } from '../../map/choropleth.ts';

export interface RankingRow {
  code: string;
  name: string;
  rank: number | null;
  /** '22.9 万元/亩' */
  valueText: string;
  /** Bar length, % of the largest value (0 when missing or not positive). */
  barPct: number;
  /** Change against the previous year, '+10.8%', or null when either year lacks the figure. */
  changeText: string | null;
  changeUp: boolean | null;
  /** '评价覆盖 94%' */
  coverageText: string;
  lowCoverage: boolean;
  /** Share of evaluated units per grade, % (A → T); zero shares left out. */
  gradeShares: { grade: Grade; pct: number; count: number }[];
  units: number;
  /** Targets met, e.g. { met: 2, of: 6 }. */
  targets: { met: number; of: number };
}

export function rankingRows(regions: readonly RegionAggregate[], figure: RegionFigureKey): RankingRow[] {
  const f = regionFigure(figure);
  const ranked = rankRegions(regions, figure);
  const max = Math.max(0, ...ranked.map((r) => r.value ?? 0));
  return ranked.map(({ region, value, rank }) => {
    const before = region.previous?.figures[figure] ?? null;
    const change = value !== null && before !== null && before !== 0 ? ((value - before) / Math.abs(before)) * 100 : null;
    const total = GRADE_ORDER.reduce((s, g) => s + (region.byGrade[g] ?? 0), 0);
    return {
      code: region.code,
      name: region.name,
      rank,
      valueText: value === null ? MISSING : `${formatNumber(value, f.digits)} ${f.unit}`,
      barPct: value !== null && value > 0 && max > 0 ? (value / max) * 100 : 0,
      changeText: change === null ? null : `${formatSigned(change, 1)}%`,
      changeUp: change === null ? null : change >= 0,
      coverageText: region.coveragePct === null ? '无工业用地' : `覆盖 ${formatNumber(Math.min(region.coveragePct, 999), 0)}%`,
      lowCoverage: region.coverageBelowMin,
      gradeShares: GRADE_ORDER.filter((g) => (region.byGrade[g] ?? 0) > 0).map((g) => ({
        grade: g,
        count: region.byGrade[g],
        pct: total > 0 ? (region.byGrade[g] / total) * 100 : 0,
      })),
      units: region.units,
      targets: { met: region.targets.filter((t) => t.met === true).length, of: region.targets.length },
    };
  });
}

export const COVERAGE_NOTE = `评价用地不足工业用地的 ${COVERAGE_MIN_PCT}%，数字仅供参考`;
