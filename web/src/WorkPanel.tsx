/**
 * The side panel: the filters on top, then one list at a time — evaluation results, region
 * ranking, year compare, exit and consolidation candidates. A shell: the app passes the panels in.
 */
import { Suspense, type ReactNode } from 'react';
import type { PanelTab } from './url-state.ts';
import './work-panel.css';

const TAB_LABEL: Record<PanelTab, string> = {
  results: '评价结果',
  regions: '区域排名',
  compare: '年度对比',
  candidates: '退出与归宗',
};

export interface WorkPanelProps {
  filters: ReactNode;
  tab: PanelTab;
  /** The tabs on offer, in order, with their content (only the open one is rendered). */
  tabs: Partial<Record<PanelTab, () => ReactNode>>;
  onTabChange: (tab: PanelTab) => void;
  onClose: () => void;
}

export function WorkPanel({ filters, tab, tabs, onTabChange, onClose }: WorkPanelProps) {
  const offered = (Object.keys(TAB_LABEL) as PanelTab[]).filter((t) => tabs[t]);
  const open = tabs[tab] ? tab : offered[0]!;
  return (
    <aside className="work-panel" aria-label="分析面板">
      <header className="work-header">
        <h2>筛选</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="收起分析面板" title="收起">
          ‹
        </button>
      </header>
      {filters}
      <div className="work-tabs" role="tablist" aria-label="列表">
        {offered.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`tab-${t}`}
            aria-selected={t === open}
            aria-controls="work-tab-body"
            className={t === open ? 'work-tab active' : 'work-tab'}
            onClick={() => onTabChange(t)}
          >
            {TAB_LABEL[t]}
          </button>
        ))}
      </div>
      <div className="work-tab-body" id="work-tab-body" role="tabpanel" aria-labelledby={`tab-${open}`}>
        {/* Lists other than the first come in chunks of their own (lazy-panels.ts). */}
        <Suspense fallback={<p className="empty">正在加载…</p>}>{tabs[open]!()}</Suspense>
      </div>
    </aside>
  );
}
