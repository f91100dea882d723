/** An enterprise's grade across the years, as a strip of coloured cells (year → grade). */
import { useEffect, useState } from 'react';
import { getEnterpriseEvaluations } from '../../api/client.ts';
import { gradeOf } from '../../map/grades.ts';
import { historyStrip, type HistoryCell } from './evaluation-view.ts';

type State = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; cells: HistoryCell[] };

export function GradeHistory({ uscc }: { uscc: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    getEnterpriseEvaluations(uscc, controller.signal).then(
      (r) => setState({ status: 'ready', cells: historyStrip(r.history) }),
      () => {
        if (!controller.signal.aborted) setState({ status: 'failed' });
      },
    );
    return () => controller.abort();
  }, [uscc]);

  return (
    <div className="grade-history" aria-label="历年等级">
      <span className="grade-history-label">历年等级</span>
      {state.status === 'loading' ? <small>读取中…</small> : null}
      {state.status === 'failed' ? <small>读取失败</small> : null}
      {state.status === 'ready' && state.cells.length === 0 ? <small>暂无评价记录</small> : null}
      {state.status === 'ready'
        ? state.cells.map((c) => {
            const g = gradeOf(c.grade);
            return (
              <span key={c.year} className="history-cell" title={c.title}>
                <span className="history-year">{c.year}</span>
                <span className="history-grade" style={{ background: g.color, color: g.ink }}>
                  {g.letter}
                </span>
              </span>
            );
          })
        : null}
    </div>
  );
}
