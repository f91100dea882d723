/** Grade chips, 规上/规下, region, industry prefix and name/code search for the result list. */
import { useEffect, useRef, useState } from 'react';
import type { EvaluationGroup, ResultsFilter } from '../../api/evaluation-types.ts';
import { gradeOf } from '../../map/grades.ts';
import { EMPTY_FILTER, GRADE_ORDER, isEmptyFilter, toggleGrade, type RegionOption } from './results-view.ts';

const TYPING_DEBOUNCE_MS = 300;

/** A text filter that reports after the user pauses typing, and follows outside changes (e.g. 清除). */
function useDebouncedText(value: string | null, onCommit: (text: string | null) => void): [string, (t: string) => void] {
  const [text, setText] = useState(value ?? '');
  const commit = useRef(onCommit);
  commit.current = onCommit;
  const lastSent = useRef(value ?? '');
  useEffect(() => {
    if ((value ?? '') !== lastSent.current) {
      lastSent.current = value ?? '';
      setText(value ?? '');
    }
  }, [value]);
  useEffect(() => {
    if (text === lastSent.current) return;
    const timer = setTimeout(() => {
      lastSent.current = text;
      commit.current(text.trim() === '' ? null : text);
    }, TYPING_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return [text, setText];
}

const GROUPS: { value: EvaluationGroup | null; label: string }[] = [
  { value: null, label: '全部' },
  { value: 'above', label: '规上' },
  { value: 'below', label: '规下' },
];

export interface ResultFiltersProps {
  filter: ResultsFilter;
  regions: RegionOption[];
  onChange: (filter: ResultsFilter) => void;
}

export function ResultFilters({ filter, regions, onChange }: ResultFiltersProps) {
  const latest = useRef(filter);
  latest.current = filter;
  const [industry, setIndustry] = useDebouncedText(filter.industry, (industry) => onChange({ ...latest.current, industry }));
  const [q, setQ] = useDebouncedText(filter.q, (q) => onChange({ ...latest.current, q }));

  return (
    <div className="result-filters">
      <div className="filter-row" role="group" aria-label="等级">
        {GRADE_ORDER.map((g) => {
          const c = gradeOf(g);
          const on = filter.grades.includes(g);
          return (
            <button
              key={g}
              type="button"
              className={on ? 'grade-chip on' : 'grade-chip'}
              aria-pressed={on}
              title={`${c.letter} ${c.name}`}
              style={on ? { background: c.color, color: c.ink, borderColor: c.color } : { borderColor: c.color }}
              onClick={() => onChange({ ...filter, grades: toggleGrade(filter.grades, g) })}
            >
              <span className="chip-dot" style={{ background: c.color }} aria-hidden />
              {g}
            </button>
          );
        })}
      </div>
      <div className="filter-row">
        <div className="seg-group" role="radiogroup" aria-label="规模">
          {GROUPS.map((gr) => (
            <button
              key={gr.label}
              type="button"
              role="radio"
              aria-checked={filter.group === gr.value}
              className={filter.group === gr.value ? 'seg active' : 'seg'}
              onClick={() => onChange({ ...filter, group: gr.value })}
            >
              {gr.label}
            </button>
          ))}
        </div>
        <select aria-label="区域" value={filter.region ?? ''} onChange={(ev) => onChange({ ...filter, region: ev.target.value || null })}>
          <option value="">全部片区/组团</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.level === 'cluster' ? `\u3000${r.name}` : r.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-row">
        <input
          className="industry-input"
          aria-label="行业代码"
          placeholder="行业 如 C36"
          value={industry}
          onChange={(ev) => setIndustry(ev.target.value)}
        />
        <input
          type="search"
          className="q-input"
          aria-label="企业名称或统一社会信用代码"
          placeholder="企业名称或统一社会信用代码"
          value={q}
          onChange={(ev) => setQ(ev.target.value)}
        />
        {!isEmptyFilter(filter) ? (
          <button type="button" className="link-button" onClick={() => onChange(EMPTY_FILTER)}>
            清除筛选
          </button>
        ) : null}
      </div>
    </div>
  );
}
