/**
 * The yearly metrics of one enterprise as a small table: one row per indicator, one column per
 * year (latest first), each cell with the department that sent the figure.
 */
import type { MetricKey, ParcelEnterprise, YearMetrics } from '../../api/types.ts';
import { formatNumber, perMu } from '../../lib/format.ts';

interface RowSpec {
  key: MetricKey | 'tax_per_mu_wan';
  label: string;
  unit: string;
  digits: number;
}

const ROWS: readonly RowSpec[] = [
  { key: 'revenue_wan', label: '营业收入', unit: '万元', digits: 1 },
  { key: 'value_added_wan', label: '工业增加值', unit: '万元', digits: 1 },
  { key: 'tax_wan', label: '实缴税收', unit: '万元', digits: 1 },
  { key: 'tax_per_mu_wan', label: '亩均税收', unit: '万元/亩', digits: 2 },
  { key: 'electricity_wan_kwh', label: '用电量', unit: '万千瓦时', digits: 1 },
  { key: 'energy_tce', label: '综合能耗', unit: '吨标准煤', digits: 1 },
  { key: 'employees', label: '年平均职工人数', unit: '人', digits: 0 },
];

export interface MetricCell {
  value: number | null;
  text: string;
  /** Where the figure came from, e.g. '税务局'; for 亩均税收 the tax source and the area. */
  source: string | null;
}

export interface MetricRow {
  key: RowSpec['key'];
  label: string;
  unit: string;
  cells: MetricCell[];
  /** Distinct sources across the shown years, e.g. '统计局'. */
  sources: string[];
}

export interface MetricTable {
  years: number[];
  rows: MetricRow[];
}

function cellFor(spec: RowSpec, year: YearMetrics, landAreaMu: number | null): MetricCell {
  if (spec.key === 'tax_per_mu_wan') {
    const value = perMu(year.values.tax_wan, landAreaMu);
    const taxSource = year.sources.tax_wan;
    return {
      value,
      text: formatNumber(value, spec.digits),
      source: value === null ? null : `${taxSource ?? '实缴税收'} ÷ 用地面积`,
    };
  }
  const value = year.values[spec.key] ?? null;
  return { value, text: formatNumber(value, spec.digits), source: value === null ? null : (year.sources[spec.key] ?? null) };
}

/**
 * Build the table for an enterprise, at most `maxYears` years, latest first.
 * 亩均税收 is the enterprise's 实缴税收 over ALL the land it uses (`landAreaMu`, 亩): its tax is
 * not per parcel, so for 一企多地 the area on this parcel alone would overstate it. Pass null
 * while the total is unknown; the row then shows '—'.
 */
export function buildMetricTable(enterprise: ParcelEnterprise, landAreaMu: number | null, maxYears = 3): MetricTable {
  const byYear = [...enterprise.metrics].sort((a, b) => b.year - a.year).slice(0, maxYears);
  const rows = ROWS.map((spec) => {
    const cells = byYear.map((y) => cellFor(spec, y, landAreaMu));
    const sources = [...new Set(cells.map((c) => c.source).filter((s): s is string => s !== null))];
    return { key: spec.key, label: spec.label, unit: spec.unit, cells, sources };
  });
  return { years: byYear.map((y) => y.year), rows };
}
