/**
 * One evaluation result in words a planner reads: grade, score and rank, the server's reasons,
 * the score breakdown, bonus and penalty, what it takes to reach the next grade, exemptions.
 */
import type { EvaluationGroup, UnitEvaluation } from '../../api/evaluation-types.ts';
import { GROUP_LABEL, rankText, totalText } from '../../lib/evaluation-text.ts';
import { formatMeasure, formatNumber } from '../../lib/format.ts';
import { gradeOf } from '../../map/grades.ts';
import { pointsText, scoreTable } from './evaluation-view.ts';
import './evaluation.css';

export function GradeBadge({ grade, size = 'md' }: { grade: string | null; size?: 'sm' | 'md' | 'lg' }) {
  const g = gradeOf(grade);
  return (
    <span className={`grade-badge grade-badge-${size}`} style={{ background: g.color, color: g.ink }} title={`${g.letter} ${g.name}`}>
      {g.letter}
    </span>
  );
}

export interface EvaluationBlockProps {
  evaluation: UnitEvaluation;
  /** 规上/规下 the unit was ranked in, when known. */
  group: EvaluationGroup | null;
  /** Open the score breakdown at once (a parcel with one enterprise, or the merged unit). */
  breakdownOpen: boolean;
}

export function EvaluationBlock({ evaluation: ev, group, breakdownOpen }: EvaluationBlockProps) {
  const g = gradeOf(ev.grade);
  const table = scoreTable(ev.items);
  const shared = ev.sharedResultFrom !== null;
  const adjustments = [...ev.bonus.map((l) => ({ ...l, kind: '加分' })), ...ev.penalty.map((l) => ({ ...l, kind: '减分' }))];
  return (
    <div className="evaluation" data-testid="evaluation">
      <div className="evaluation-head">
        <GradeBadge grade={ev.grade} size="lg" />
        <div className="evaluation-head-text">
          <div className="evaluation-grade">
            {g.letter} 级 · {g.name}
            {shared ? <span className="tag tag-shared">共享合并评价结果</span> : null}
          </div>
          <div className="evaluation-facts">
            {ev.year} 年度
            {ev.total !== null ? (
              <>
                {' · '}
                {shared ? '自身得分 ' : '综合得分 '}
                <strong>{totalText(ev.total)}</strong>
                {shared ? '（仅供参考）' : null}
              </>
            ) : null}
            {ev.rank !== null ? (
              <>
                {' · '}
                <strong>{rankText(ev.rank, ev.rankOf)}</strong>
                {group ? `（${GROUP_LABEL[group]}）` : null}
              </>
            ) : null}
          </div>
        </div>
      </div>

      {ev.reasons.length > 0 ? (
        <ul className="reasons" aria-label="评价理由">
          {ev.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}

      {ev.toNextGrade ? (
        <div className="next-grade">
          <div className="next-grade-title">
            升至 <GradeBadge grade={ev.toNextGrade.grade} size="sm" /> 级还差 <strong>{formatNumber(ev.toNextGrade.scoreGap, 2)} 分</strong>
          </div>
          <ul>
            {ev.toNextGrade.hints.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {adjustments.length > 0 ? (
        <ul className="adjustments" aria-label="加减分">
          {adjustments.map((a) => (
            <li key={`${a.kind}-${a.label}-${a.because}`} className={a.points >= 0 ? 'bonus' : 'penalty'}>
              <span className="adjust-points">{pointsText(a.points)}</span>
              <span>
                {a.kind}：{a.label}
                <small className="block">{a.because}</small>
              </span>
            </li>
          ))}
        </ul>
      ) : null}

      {ev.exemptions.length > 0 ? (
        <div className="exemptions">
          豁免：
          {ev.exemptions.map((x) => (
            <span key={x} className="tag tag-honour">
              {x}
            </span>
          ))}
          <small className="block">不列入低效用地整治名单，不影响等级</small>
        </div>
      ) : null}

      {table.rows.length > 0 ? (
        <details className="score-details" open={breakdownOpen}>
          <summary>
            得分明细（{table.rows.length} 项指标，合计 {formatMeasure(table.itemsTotal)} / {formatNumber(table.weightTotal, 0)}）
          </summary>
          <table className="score-table">
            <thead>
              <tr>
                <th>指标</th>
                <th className="num">值</th>
                <th className="num">基准</th>
                <th className="num">比值</th>
                <th className="num">得分/权重</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key} className={row.missing ? 'missing' : undefined}>
                  <th scope="row">
                    {row.label}
                    <small className="unit block">{row.unit}</small>
                    {row.notes.map((n) => (
                      <small key={n} className={row.missing ? 'note note-missing' : 'note'}>
                        {n}
                      </small>
                    ))}
                  </th>
                  <td className="num">{row.value}</td>
                  <td className="num" title={row.basis}>
                    {row.benchmark}
                    {table.commonBasis === null ? <small className="block">{row.basis}</small> : null}
                  </td>
                  <td className="num">
                    {row.ratio}
                    {row.capped ? <span className="cap-mark" title="按上限计分">封顶</span> : null}
                  </td>
                  <td className="num">{row.score}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {table.commonBasis ? <div className="basis">基准：{table.commonBasis}</div> : null}
        </details>
      ) : null}
    </div>
  );
}
