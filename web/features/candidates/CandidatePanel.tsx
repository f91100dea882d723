/**
 * Exit and consolidation candidates (土地退出候选 / 连片开发候选) of the latest land-status
 * refresh: filtered by path, region (the app's) and size, paged, exportable. A row selects its
 * parcel or its merged site on the map.
 */
import { useEffect, useRef, useState } from 'react';
import { candidateExportUrl, getConsolidationCandidates, getExitCandidates } from '../../api/client.ts';
import type { ConsolidationCluster, ConsolidationPage, ExitCandidate, ExitPage, ExitPath } from '../../api/land-types.ts';
import { parseNumberInput } from '../../lib/filters.ts';
import { formatNumber } from '../../lib/format.ts';
import { useDebouncedText } from '../../lib/use-debounced-text.ts';
import { EXIT_PATH_CLASSES } from '../../map/land-layers.ts';
import { basisText, candidateQuery, CLUSTER_SORT_CHOICES, clusterCaption, clusterTitle, exitCaption, exitTitle, togglePath, type CandidateFilter } from './candidate-view.ts';
import './candidates.css';
import { Segmented } from '../../lib/Segmented.tsx';

const PAGE_SIZE = 50;
const PATHS = EXIT_PATH_CLASSES.map((c) => c.path);
const pathColor = (p: ExitPath) => EXIT_PATH_CLASSES.find((c) => c.path === p)?.color ?? '#555';

const KINDS = [
  { value: 'exit', label: '退出候选' },
  { value: 'consolidation', label: '连片开发' },
] as const;

export interface CandidatePanelProps {
  filter: CandidateFilter;
  onFilterChange: (filter: CandidateFilter) => void;
  region: string | null;
  onOpenExit: (candidate: ExitCandidate) => void;
  onOpenCluster: (cluster: ConsolidationCluster) => void;
  activeKey: string | null;
}

type Page = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; page: ExitPage | ConsolidationPage };

export function CandidatePanel({ filter, onFilterChange, region, onOpenExit, onOpenCluster, activeKey }: CandidatePanelProps) {
  const key = JSON.stringify([filter, region]);
  const [paging, setPaging] = useState({ key, page: 1 });
  const pageNo = paging.key === key ? paging.page : 1;
  const [page, setPage] = useState<Page>({ status: 'loading' });
  const latest = useRef(filter);
  latest.current = filter;
  const setSize = (k: 'minMu' | 'maxMu') => (text: string | null) => onFilterChange({ ...latest.current, [k]: text === null ? null : parseNumberInput(text) });
  const [minMu, setMinMu] = useDebouncedText(filter.minMu === null ? null : String(filter.minMu), setSize('minMu'));
  const [maxMu, setMaxMu] = useDebouncedText(filter.maxMu === null ? null : String(filter.maxMu), setSize('maxMu'));

  useEffect(() => {
    const controller = new AbortController();
    const [f, r] = JSON.parse(key) as [CandidateFilter, string | null];
    const query = candidateQuery(f, r, pageNo, PAGE_SIZE);
    const load = f.kind === 'exit' ? getExitCandidates(query, controller.signal) : getConsolidationCandidates(query, controller.signal);
    load.then(
      (p) => setPage({ status: 'ready', page: p }),
      (err: unknown) => !controller.signal.aborted && setPage({ status: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => controller.abort();
  }, [key, pageNo]);

  const ready = page.status === 'ready' && page.page.kind === filter.kind ? page.page : null;
  const pages = ready ? Math.max(1, Math.ceil(ready.total / ready.pageSize)) : 1;
  const goTo = (n: number) => setPaging({ key, page: Math.min(Math.max(1, n), pages) });
  const exportQuery = { region, minMu: filter.minMu, maxMu: filter.maxMu, paths: filter.paths, sort: filter.sort };

  return (
    <>
      <div className="candidate-controls">
        <Segmented label="候选类型" options={KINDS} value={filter.kind} onChange={(kind) => onFilterChange({ ...filter, kind })} />
        <span className="size-range" role="group" aria-label="面积范围">
          <input inputMode="decimal" aria-label="最小面积" placeholder="最小" value={minMu} onChange={(ev) => setMinMu(ev.target.value)} />
          <span aria-hidden>–</span>
          <input inputMode="decimal" aria-label="最大面积" placeholder="最大" value={maxMu} onChange={(ev) => setMaxMu(ev.target.value)} />
          <small>亩</small>
        </span>
      </div>
      {filter.kind === 'exit' ? (
        <div className="candidate-paths" role="group" aria-label="退出路径">
          {PATHS.map((p) => {
            const on = filter.paths.includes(p);
            const count = ready && ready.kind === 'exit' ? ready.counts.filter((c) => c.path === p && !c.keptOff).reduce((s, c) => s + c.count, 0) : null;
            return (
              <button
                key={p}
                type="button"
                aria-pressed={on}
                className={on ? 'path-chip on' : 'path-chip'}
                style={on ? { background: pathColor(p), borderColor: pathColor(p) } : { borderColor: pathColor(p) }}
                onClick={() => onFilterChange({ ...filter, paths: togglePath(filter.paths, p, PATHS) })}
              >
                {p}
                {count !== null ? <small>{count}</small> : null}
              </button>
            );
          })}
        </div>
      ) : (
        <div className="candidate-sort">
          <span className="candidate-sort-label" aria-hidden>
            排序
          </span>
          <Segmented label="排序" options={CLUSTER_SORT_CHOICES} value={filter.sort} onChange={(sort) => onFilterChange({ ...filter, sort })} />
        </div>
      )}
      <div className="result-head">
        <span>
          <span title={ready?.rules ? `${ready.rules.name}（${ready.rules.id}@${ready.rules.version}），数据 ${ready.dataVersion}` : undefined}>
            {ready ? `${ready.year ?? ''} 年度 · 共 ${ready.total} 条` : page.status === 'error' ? '' : '读取中…'}
          </span>
        </span>
        <span className="export" title="导出符合条件的全部候选">
          <a href={candidateExportUrl(filter.kind, 'csv', exportQuery)} download>
            CSV
          </a>
          <a href={candidateExportUrl(filter.kind, 'xlsx', exportQuery)} download>
            Excel
          </a>
        </span>
      </div>
      <div className="result-scroll">
        {page.status === 'error' ? <p className="error empty">读取失败：{page.message}</p> : null}
        {ready && ready.total === 0 ? <p className="muted empty">没有符合条件的候选。</p> : null}
        <ol className="candidate-list" aria-label={filter.kind === 'exit' ? '退出候选列表' : '连片开发候选列表'}>
          {ready?.kind === 'exit'
            ? ready.candidates.map((c) => {
                const active = activeKey === `exit:${c.id}`;
                return (
                  <li key={c.id}>
                    <button type="button" className={active ? 'candidate-row active' : 'candidate-row'} title={c.reasons.join('\n')} onClick={() => onOpenExit(c)}>
                      <span className="path-badge" style={{ background: pathColor(c.path) }}>
                        {c.path}
                      </span>
                      <span className="candidate-text">
                        <span className="row-name">{exitTitle(c)}</span>
                        <span className="row-caption">{exitCaption(c)}</span>
                        <span className="candidate-reason">{c.reasons[0]}</span>
                      </span>
                    </button>
                  </li>
                );
              })
            : null}
          {ready?.kind === 'consolidation'
            ? ready.clusters.map((c) => {
                const active = activeKey === `cluster:${c.id}`;
                return (
                  <li key={c.id}>
                    <button type="button" className={active ? 'candidate-row active' : 'candidate-row'} title={c.reasons.join('\n')} onClick={() => onOpenCluster(c)}>
                      <span className="cluster-badge" aria-hidden>
                        {formatNumber(c.parcelCount, 0)}
                        <small>宗</small>
                      </span>
                      <span className="candidate-text">
                        <span className="row-name">{clusterTitle(c)}</span>
                        <span className="row-caption">{clusterCaption(c)}</span>
                        <span className="candidate-reason">{basisText(c.basisCounts)}</span>
                      </span>
                    </button>
                  </li>
                );
              })
            : null}
        </ol>
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
