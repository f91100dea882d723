/**
 * The latest evaluation run: what method and year, counts per grade, and the filterable, paged list
 * of results with export. The grade and 规上/规下 filters are the app's (they also dim the map and
 * live in the address bar); paging is this panel's own.
 */
import { useEffect, useMemo, useState } from 'react';
import { getRunResults, runExportUrl } from '../../api/client.ts';
import type { EvaluationRun, ResultsFilter, RunResultsPage, UnitResult } from '../../api/evaluation-types.ts';
import type { RegionCollection } from '../../api/types.ts';
import { ResultFilters } from './ResultFilters.tsx';
import { ResultList } from './ResultList.tsx';
import { RunSummary } from './RunSummary.tsx';
import { pageCount, regionOptions } from './results-view.ts';
import './evaluation-panel.css';

const PAGE_SIZE = 50;

export interface EvaluationPanelProps {
  /** The run to show; null while loading or when there is none. */
  run: EvaluationRun | null;
  runError: string | null;
  runLoading: boolean;
  regions: RegionCollection;
  filter: ResultsFilter;
  onFilterChange: (filter: ResultsFilter) => void;
  activeUnitId: string | null;
  onOpenUnit: (result: UnitResult) => void;
  onClose: () => void;
}

type Page = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; page: RunResultsPage };

export function EvaluationPanel(props: EvaluationPanelProps) {
  const { run, runError, runLoading, regions, filter, onFilterChange, activeUnitId, onOpenUnit, onClose } = props;
  const regionChoices = useMemo(() => regionOptions(regions), [regions]);
  const filterKey = JSON.stringify(filter);
  // Back to page 1 whenever the filter changes.
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const pageNo = paging.filterKey === filterKey ? paging.page : 1;
  const [page, setPage] = useState<Page>({ status: 'loading' });
  // While a new page loads the old one stays, faded, so the list does not jump.
  const [busy, setBusy] = useState(false);
  const runId = run?.id ?? null;

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

  return (
    <aside className="eval-panel" aria-label="评价结果">
      <header className="eval-header">
        <div className="eval-title-row">
          <h2>评价结果</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="收起评价结果" title="收起">
            ‹
          </button>
        </div>
        {run ? (
          <div className="run-info">
            <div className="run-name" title={`${run.methodName}（${run.methodId} 版本 ${run.methodVersion}）`}>
              {run.year} 年度 · {run.methodName}
            </div>
            <small title={`运行 #${run.id}，创建于 ${run.createdAt}`}>
              版本 {run.methodVersion} · 截至 {run.asOfDate} · 参评 {run.summary.counts.ranked} 个单位
              {run.summary.counts.mergedParcels ? `（含合并宗地 ${run.summary.counts.mergedParcels}）` : ''}
            </small>
          </div>
        ) : runError ? (
          <p className="error">读取评价运行失败：{runError}</p>
        ) : (
          <p className="muted">{runLoading ? '正在读取评价结果…' : '尚无评价结果：运行一次年度评价后在此查看。'}</p>
        )}
      </header>
      {run ? (
        <>
          <div className="eval-top">
            <RunSummary
              run={run}
              selectedGrades={filter.grades}
              selectedGroup={filter.group}
              onPick={(grade, group) => onFilterChange({ ...filter, grades: [grade], group })}
            />
            <ResultFilters filter={filter} regions={regionChoices} onChange={onFilterChange} />
          </div>
          <div className="result-head">
            <span data-testid="result-total">
              {ready ? `共 ${ready.total} 条` : page.status === 'error' ? '' : '读取中…'}
            </span>
            <span className="export" title="导出本次评价的全部结果（不受筛选影响）">
              导出全部
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
      ) : null}
    </aside>
  );
}
