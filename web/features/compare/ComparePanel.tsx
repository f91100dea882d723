/**
 * Year compare (年度对比): the chosen run against an earlier one. The map colours parcels by how
 * their grade moved; this list names who moved and why, and opens their parcel.
 */
import { useState } from 'react';
import type { EvaluationRun, Grade, GradeChange, RunDiff } from '../../api/evaluation-types.ts';
import { runLabel } from '../../lib/run-label.ts';
import { changeClass, changeClassOf } from '../../map/compare.ts';
import { gradeOf } from '../../map/grades.ts';
import { DIRECTION_LABEL, DIRECTION_TABS, changeRows, directionCounts, isParcelUnit, type DirectionFilter } from './compare-view.ts';
import './compare.css';
import { Segmented } from '../../lib/Segmented.tsx';

export type CompareState =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; diff: RunDiff; parcels: number };

export interface ComparePanelProps {
  runs: readonly EvaluationRun[];
  /** The chosen run (the later one). */
  toRun: EvaluationRun | null;
  fromRunId: number | null;
  onFromChange: (runId: number | null) => void;
  state: CompareState;
  /** The grade filter narrows the list to changes from or to those grades. */
  grades: readonly Grade[];
  onOpen: (change: GradeChange) => void;
  activeUnitId: string | null;
}

const LIST_LIMIT = 300;

function GradeStep({ grade }: { grade: Grade | null }) {
  const g = gradeOf(grade);
  return (
    <span className="mini-badge" style={{ background: g.color, color: g.ink }}>
      {g.letter}
    </span>
  );
}

export function ComparePanel({ runs, toRun, fromRunId, onFromChange, state, grades, onOpen, activeUnitId }: ComparePanelProps) {
  const [direction, setDirection] = useState<DirectionFilter>('all');
  const others = runs.filter((r) => r.id !== toRun?.id);
  const diff = state.status === 'ready' ? state.diff : null;
  const counts = diff ? directionCounts(diff.changed) : null;
  const rows = diff ? changeRows(diff.changed, { direction, grades }) : [];

  return (
    <>
      <div className="compare-controls">
        <label htmlFor="compare-from">对比</label>
        <select id="compare-from" aria-label="对比的评价运行" value={fromRunId ?? ''} onChange={(ev) => onFromChange(ev.target.value ? Number(ev.target.value) : null)}>
          <option value="">— 选择基准年度 —</option>
          {others.map((r) => (
            <option key={r.id} value={r.id}>
              {runLabel(r, runs)}
            </option>
          ))}
        </select>
        <span aria-hidden>→</span>
        <strong>{toRun ? runLabel(toRun, runs) : '—'}</strong>
        {fromRunId !== null ? (
          <button type="button" className="link-button" onClick={() => onFromChange(null)}>
            关闭
          </button>
        ) : null}
      </div>
      {others.length === 0 ? <p className="muted empty">只有一次评价运行：再运行一个年度（如上一年度）后即可对比。</p> : null}
      {state.status === 'off' && others.length > 0 ? <p className="muted empty">选择基准年度，地图按等级升降着色，列表列出变化的企业及原因。</p> : null}
      {state.status === 'loading' ? (
        <p className="muted empty" role="status">
          正在比较两次评价…
        </p>
      ) : null}
      {state.status === 'error' ? <p className="error empty">对比失败：{state.message}</p> : null}
      {diff && counts ? (
        <>
          <div className="compare-summary" aria-label="变化统计">
            {(['up', 'down', 'other'] as const).map((id) => (
              <span key={id} className="compare-count">
                <span className="swatch" style={{ background: changeClass(id).color }} aria-hidden />
                {changeClass(id).label} <strong>{counts[id]}</strong>
              </span>
            ))}
            <small className="block">
              未变化 {diff.counts.unchanged} 个单位 · 地图上 {state.status === 'ready' ? state.parcels : 0} 宗地变色
            </small>
          </div>
          <Segmented
            label="变化方向"
            className="seg-group compare-tabs"
            options={DIRECTION_TABS.map((t) => ({ value: t.id, label: `${t.label} ${counts[t.id]}` }))}
            value={direction}
            onChange={setDirection}
          />
          <div className="result-scroll">
            {rows.length === 0 ? <p className="muted empty">没有符合条件的变化。</p> : null}
            <ol className="change-list" aria-label="等级变化列表">
              {rows.slice(0, LIST_LIMIT).map((c) => {
                const active = c.unitId === activeUnitId;
                const cls = changeClass(changeClassOf(c.direction));
                return (
                  <li key={c.unitId}>
                    <button type="button" className={active ? 'change-row active' : 'change-row'} onClick={() => onOpen(c)} title={c.reasons.join('\n')}>
                      <span className="change-mark" style={{ background: cls.color }} aria-hidden />
                      <span className="change-text">
                        <span className="row-name">
                          {c.name}
                          {isParcelUnit(c.unitId) ? <span className="tag tag-merged">合并评价</span> : null}
                        </span>
                        <span className="row-caption">{c.reasons[0] ?? DIRECTION_LABEL[c.direction]}</span>
                      </span>
                      <span className="change-grades" aria-label={`${c.from ?? '无'} 到 ${c.to ?? '无'}`}>
                        <GradeStep grade={c.from} />→<GradeStep grade={c.to} />
                      </span>
                    </button>
                  </li>
                );
              })}
            </ol>
            {rows.length > LIST_LIMIT ? <p className="muted empty">仅列出前 {LIST_LIMIT} 条，请用等级筛选缩小范围。</p> : null}
          </div>
        </>
      ) : null}
    </>
  );
}
