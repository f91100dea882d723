/**
 * The chosen evaluation run: what method and year, counts per grade, and the filtered, paged list
 * of results with export. The filters are the app's (they also dim the map and live in the
 * address bar); the name search and paging are this list's own.
 */
import { useEffect, useRef, useState } from 'react';
import { getRunResults, runExportUrl } from '../../api/client.ts';
import type { EvaluationGroup, EvaluationRun, Grade, ResultsFilter, RunResultsPage, UnitResult } from '../../api/evaluation-types.ts';
import { useDebouncedText } from '../../lib/use-debounced-text.ts';
import { ResultList } from './ResultList.tsx';
import { RunSummary } from './RunSummary.tsx';
import { pageCount } from './results-view.ts';
import './evaluation-panel.css';

const PAGE_SIZE = 50;

export interface EvaluationPanelProps {
  /** The run to show; null while loading or when there is none. */
  run: EvaluationRun | null;
  runError: string | null;
  runLoading: boolean;
  filter: ResultsFilter;
  /** Filters the server cannot apply to this list, named for a note above it. */
  onQueryChange: (q: string | null) => void;
  /** A count in the summary: show only that grade of that group. */
  onPick: (grade: Grade, group: EvaluationGroup) => void;
  activeUnitId: string | null;
  onOpenUnit: (result: UnitResult) => void;
}

type Page = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; page: RunResultsPage };

export function EvaluationPanel(props: EvaluationPanelProps) {
  const { run, runError, runLoading, filter, onQueryChange, onPick, activeUnitId, onOpenUnit } = props;
  const filterKey = JSON.stringify(filter);
  // Back to page 1 whenever the filter changes.
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const pageNo = paging.filterKey === filterKey ? paging.page : 1;
  const [page, setPage] = useState<Page>({ status: 'loading' });
  // While a new page loads the old one stays, faded, so the list does not jump.
  const [busy, setBusy] = useState(false);
  const runId = run?.id ?? null;
  const onQuery = useRef(onQueryChange);
  onQuery.current = onQueryChange;
  const [q, setQ] = useDebouncedText(filter.q, (text) => onQuery.current(text));

  useEffect(() => {
    if (runId === null) return;
    const controller = new AbortController();
    setBusy(true);
    getRunResults(runId, { ...(JSON.parse(filterKey) as ResultsFilter), page: pageNo, pageSize: PAGE_SIZE }, controller.signal).then(
      (r) => {
        setPage({ status: 'ready', page: r });
        setBusy(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setPage({ status: 'error', message: err instanceof Error ? err.message : String(err) });
        setBusy(false);
      },
    );
    return () => controller.abort();
  }, [runId, filterKey, pageNo]);

  const ready = page.status === 'ready' ? page.page : null;
  const pages = ready ? pageCount(ready.total, ready.pageSize) : 1;
  const goTo = (n: number) => setPaging({ filterKey, page: Math.min(Math.max(1, n), pages) });

  if (!run) {
    return (
      <div className="tab-message">
        {runError ? <p className="error">读取评价运行失败：{runError}</p> : null}
        {!runError ? <p className="muted">{runLoading ? '正在读取评价结果…' : '尚无评价结果：运行一次年度评价后在此查看。'}</p> : null}
      </div>
    );
  }

  return (
    <>
      <div className="eval-top">
        <div className="run-info">
          <div className="run-name" title={`${run.methodName}（${run.methodId} 版本 ${run.methodVersion}）`}>
            {run.year} 年度 · {run.methodName}
          </div>
          <small title={`运行 #${run.id}，创建于 ${run.createdAt}`}>
            版本 {run.methodVersion} · 截至 {run.asOfDate} · 参评 {run.summary.counts.ranked} 个单位
            {run.summary.counts.mergedParcels ? `（含合并宗地 ${run.summary.counts.mergedParcels}）` : ''}
          </small>
        </div>
        <RunSummary run={run} selectedGrades={filter.grades} selectedGroup={filter.group} onPick={onPick} />
        <input
          type="search"
          className="q-input"
          aria-label="企业名称或统一社会信用代码"
          placeholder="在结果中查找企业名称或统一社会信用代码"
          value={q}
          onChange={(ev) => setQ(ev.target.value)}
        />
      </div>
      <div className="result-head">
        <span data-testid="result-total">
          {ready ? `共 ${ready.total} 条` : page.status === 'error' ? '' : '读取中…'}
        </span>
        <span className="export" title="导出本次评价的全部结果（不受筛选影响）">
          导出
          <a href={runExportUrl(run.id, 'csv')} download>
            CSV
          </a>
          <a href={runExportUrl(run.id, 'xlsx')} download>
            Excel
          </a>
        </span>
      </div>
      <div className={busy ? 'result-scroll busy' : 'result-scroll'} aria-busy={busy}>
        {page.status === 'error' ? <p className="error">读取失败：{page.message}</p> : null}
        {ready && ready.results.length === 0 ? <p className="muted empty">没有符合条件的评价结果。</p> : null}
        {ready ? <ResultList results={ready.results} activeUnitId={activeUnitId} onOpen={onOpenUnit} /> : null}
      </div>
      {ready && pages > 1 ? (
        <nav className="pager" aria-label="翻页">
          <button type="button" onClick={() => goTo(pageNo - 1)} disabled={pageNo <= 1}>
            上一页
          </button>
          <span>
            第 {pageNo} / {pages} 页
          </span>
          <button type="button" onClick={() => goTo(pageNo + 1)} disabled={pageNo >= pages}>
            下一页
          </button>
        </nav>
      ) : null}
    </>
  );
}
