/**
 * A parcel's land status (土地状态): the latest year's findings with their reasons, consequences and
 * the rules they rest on; the status and grade in every year; and, if the parcel is a candidate,
 * its exit path or consolidation cluster with why.
 */
import { useEffect, useState } from 'react';
import { ApiError, getParcelStatus } from '../../api/client.ts';
import type { ParcelStatusResponse } from '../../api/land-types.ts';
import { formatNumber } from '../../lib/format.ts';
import { gradeOf } from '../../map/grades.ts';
import { EXIT_PATH_CLASSES } from '../../map/land-layers.ts';
import { statusClass } from '../../map/land-status.ts';
import { classLabel, historySummary, latestYear, orderedFlags, statusHistory } from './land-status-view.ts';

type State = { status: 'loading' } | { status: 'absent' } | { status: 'failed'; message: string } | { status: 'ready'; data: ParcelStatusResponse };

export function LandStatusSection({ code }: { code: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    getParcelStatus(code, controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        // A server without land status answers 404 for the route: say nothing rather than fail.
        if (err instanceof ApiError && err.status === 404 && !err.message.includes(code)) setState({ status: 'absent' });
        else setState({ status: 'failed', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => controller.abort();
  }, [code]);

  if (state.status === 'absent') return null;
  if (state.status === 'loading') {
    return (
      <section className="land-status">
        <h3>土地状态</h3>
        <p className="muted">正在读取土地状态…</p>
      </section>
    );
  }
  if (state.status === 'failed') {
    return (
      <section className="land-status">
        <h3>土地状态</h3>
        <p className="error">读取失败：{state.message}</p>
      </section>
    );
  }
  const data = state.data;
  const latest = latestYear(data);
  const rows = statusHistory(data);
  const flags = latest ? orderedFlags(latest.flags) : [];
  return (
    <section className="land-status" aria-label="土地状态">
      <h3>
        土地状态{latest ? `（${latest.year} 年末）` : ''}
        {latest ? <span className="tag">{latest.stageLabel}</span> : null}
      </h3>
      {!latest ? <p className="muted">尚无土地状态认定。</p> : null}
      {latest && flags.length === 0 ? <p className="muted">未认定为闲置、低效或“五未”土地。</p> : null}
      {flags.length > 0 ? (
        <ul className="status-flags">
          {flags.map((f) => (
            <li key={f.code}>
              <div className="flag-head">
                <span className="tag tag-status">{f.label}</span>
              </div>
              <div className="flag-reason">{f.reason}</div>
              {f.consequence ? <div className="flag-consequence">处置：{f.consequence}</div> : null}
              <details className="flag-rule">
                <summary>依据：{f.rule.threshold}</summary>
                <ul>
                  {f.rule.sources.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
                <small>
                  规则 {f.rule.rules} · {f.rule.paths.join('、')}
                </small>
              </details>
            </li>
          ))}
        </ul>
      ) : null}
      {data.exit.length > 0 ? (
        <div className="candidate-box exit-box">
          <div className="box-title">土地退出{data.exit.some((e) => !e.keptOff) ? '候选' : '（另列）'}</div>
          {data.exit.map((e) => (
            <div key={e.id} className="exit-entry">
              <span className="path-pill" style={{ background: EXIT_PATH_CLASSES.find((c) => c.path === e.path)?.color }}>
                {e.path}
              </span>
              <span className="exit-area">
                涉及 {formatNumber(e.affectedAreaMu, 1)} 亩{e.landReleasedMu > 0 ? ` · 可腾退 ${formatNumber(e.landReleasedMu, 1)} 亩` : ''}
              </span>
              <ul className="candidate-reasons">
                {e.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
                {e.keptOffBecause.map((r) => (
                  <li key={r} className="kept-off">
                    另列：{r}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
      {data.consolidation ? (
        <div className="candidate-box consolidation-box">
          <div className="box-title">
            连片开发候选 #{data.consolidation.id} · {data.consolidation.parcelCount} 宗 · {formatNumber(data.consolidation.footprintAreaMu, 1)} 亩
          </div>
          <div className="exit-area">
            税收 {formatNumber(data.consolidation.currentTaxWan, 0)} 万元 → 潜在 {formatNumber(data.consolidation.potentialTaxWan, 0)} 万元（按{' '}
            {formatNumber(data.consolidation.targetTaxPerMuWan, 1)} 万元/亩）
          </div>
          <ul className="candidate-reasons">
            {data.consolidation.reasons.slice(0, 3).map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {rows.length > 0 ? (
        <table className="mini-table status-history" aria-label="历年土地状态">
          <caption>历年状态 · {historySummary(rows)}</caption>
          <thead>
            <tr>
              <th>年度</th>
              <th>等级</th>
              <th>开发阶段</th>
              <th>认定</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const g = gradeOf(r.grade);
              return (
                <tr key={r.year}>
                  <td>{r.year}</td>
                  <td>
                    <span className="mini-grade" style={{ background: g.color, color: g.ink }}>
                      {g.letter}
                    </span>
                  </td>
                  <td>{r.stageLabel}</td>
                  <td title={r.labels.join('、')}>
                    {r.classes.length === 0 ? <span className="muted">—</span> : null}
                    {r.classes.map((c) => (
                      <span key={c} className={`status-pill status-${statusClass(c).glyph}`}>
                        {classLabel(c)}
                      </span>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
