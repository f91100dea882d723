/**
 * The filters that drive the map and the lists together: the evaluation run, grade, 规上/规下,
 * region, industry, a range of 亩均税收 and, where the server knows them, land statuses.
 */
import { useRef } from 'react';
import type { EvaluationGroup, EvaluationRun } from '../../api/evaluation-types.ts';
import { GRADE_ORDER, EMPTY_FILTERS, isFiltered, parseNumberInput, toggleGrade, toggleStatus, type Filters } from '../../lib/filters.ts';
import type { RegionOption } from '../../lib/regions.ts';
import { useDebouncedText } from '../../lib/use-debounced-text.ts';
import { gradeOf } from '../../map/grades.ts';
import { runLabel } from '../../lib/run-label.ts';
import './filters.css';
import { Segmented, type SegmentOption } from '../../lib/Segmented.tsx';

const GROUPS: readonly SegmentOption<EvaluationGroup | null>[] = [
  { value: null, label: '全部' },
  { value: 'above', label: '规上' },
  { value: 'below', label: '规下' },
];

/** A land-status flag the filter offers, with its map colour. */
export interface StatusOption {
  id: string;
  label: string;
  color: string;
}

export interface FilterBarProps {
  runs: readonly EvaluationRun[];
  runId: number | null;
  onRunChange: (runId: number) => void;
  filters: Filters;
  regions: readonly RegionOption[];
  /** Null while the server offers no land status. */
  statusOptions: readonly StatusOption[] | null;
  onChange: (filters: Filters) => void;
}

const numText = (n: number | null | undefined) => (n === null || n === undefined ? null : String(n));

export function FilterBar({ runs, runId, onRunChange, filters, regions, statusOptions, onChange }: FilterBarProps) {
  const latest = useRef(filters);
  latest.current = filters;
  const [industry, setIndustry] = useDebouncedText(filters.industry, (industry) =>
    onChange({ ...latest.current, industry: industry?.trim().toUpperCase() || null }),
  );
  const setTax = (key: 'min' | 'max') => (text: string | null) => {
    const value = text === null ? null : parseNumberInput(text);
    const tax = { min: latest.current.tax?.min ?? null, max: latest.current.tax?.max ?? null, [key]: value };
    onChange({ ...latest.current, tax: tax.min === null && tax.max === null ? null : tax });
  };
  const [taxMin, setTaxMin] = useDebouncedText(numText(filters.tax?.min), setTax('min'));
  const [taxMax, setTaxMax] = useDebouncedText(numText(filters.tax?.max), setTax('max'));

  return (
    <div className="filter-bar">
      <div className="filter-row">
        <label className="filter-label" htmlFor="run-select">
          评价
        </label>
        <select id="run-select" aria-label="评价运行" value={runId ?? ''} onChange={(ev) => onRunChange(Number(ev.target.value))} disabled={runs.length === 0}>
          {runs.length === 0 ? <option value="">尚无评价</option> : null}
          {runs.map((r, i) => (
            <option key={r.id} value={r.id}>
              {runLabel(r, runs)}
              {i === 0 ? '（最新）' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-row" role="group" aria-label="等级">
        {GRADE_ORDER.map((g) => {
          const c = gradeOf(g);
          const on = filters.grades.includes(g);
          return (
            <button
              key={g}
              type="button"
              className={on ? 'grade-chip on' : 'grade-chip'}
              aria-pressed={on}
              title={`${c.letter} ${c.name}`}
              style={on ? { background: c.color, color: c.ink, borderColor: c.color } : { borderColor: c.color }}
              onClick={() => onChange({ ...filters, grades: toggleGrade(filters.grades, g) })}
            >
              <span className="chip-dot" style={{ background: c.color }} aria-hidden />
              {g}
            </button>
          );
        })}
      </div>
      <div className="filter-row">
        <Segmented label="规模" options={GROUPS} value={filters.group} onChange={(group) => onChange({ ...filters, group })} />
        <select aria-label="区域" value={filters.region ?? ''} onChange={(ev) => onChange({ ...filters, region: ev.target.value || null })}>
          <option value="">全部片区/组团</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.level === 'cluster' ? `\u3000${r.name}` : r.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-row">
        <input className="industry-input" aria-label="行业代码" placeholder="行业 如 C36" value={industry} onChange={(ev) => setIndustry(ev.target.value)} />
        <span className="tax-range" role="group" aria-label="亩均税收范围">
          <span className="filter-label">亩均税收</span>
          <input inputMode="decimal" aria-label="亩均税收下限" placeholder="最低" value={taxMin} onChange={(ev) => setTaxMin(ev.target.value)} />
          <span aria-hidden>–</span>
          <input inputMode="decimal" aria-label="亩均税收上限" placeholder="最高" value={taxMax} onChange={(ev) => setTaxMax(ev.target.value)} />
          <small>万元/亩</small>
        </span>
      </div>
      {statusOptions && statusOptions.length > 0 ? (
        <div className="filter-row" role="group" aria-label="土地状态">
          {statusOptions.map((s) => {
            const on = filters.statuses.includes(s.id);
            return (
              <button
                key={s.id}
                type="button"
                className={on ? 'status-chip on' : 'status-chip'}
                aria-pressed={on}
                onClick={() => onChange({ ...filters, statuses: toggleStatus(filters.statuses, s.id) })}
              >
                <span className="chip-dot" style={{ background: s.color }} aria-hidden />
                {s.label}
              </button>
            );
          })}
        </div>
      ) : null}
      {isFiltered(filters) ? (
        <div className="filter-row filter-clear">
          <button type="button" className="link-button" onClick={() => onChange({ ...EMPTY_FILTERS })}>
            清除筛选
          </button>
        </div>
      ) : null}
    </div>
  );
}
