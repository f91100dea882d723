/** The side panel as the app fills it: the filter bar, then the result, region, compare and candidate lists. */
import type { EvaluationRun, GradeChange, UnitResult } from '../api/evaluation-types.ts';
import type { ConsolidationCluster, ExitCandidate } from '../api/land-types.ts';
import type { CandidateFilter } from '../features/candidates/candidate-view.ts';
import type { CompareState } from '../features/compare/ComparePanel.tsx';
import { EvaluationPanel } from '../features/evaluation/EvaluationPanel.tsx';
import { FilterBar } from '../features/filters/FilterBar.tsx';
import { toResultsFilter } from '../lib/filters.ts';
import type { RegionOption } from '../lib/regions.ts';
import { STATUS_CLASSES } from '../map/land-status.ts';
import type { Runs, Aggregates, ChangesState } from './use-run-data.ts';
import { CandidatePanel, ComparePanel, RegionRanking } from './lazy-panels.ts';
import type { PanelTab } from './url-state.ts';
import type { ViewPatch, ViewState } from './view-state.ts';
import { WorkPanel } from './WorkPanel.tsx';

export interface SidePanelProps {
  view: ViewState;
  patch: (p: ViewPatch) => void;
  runs: Runs;
  run: EvaluationRun | null;
  runId: number | null;
  regions: readonly RegionOption[];
  aggregates: Aggregates;
  compareState: ChangesState;
  statusAvailable: boolean;
  landAvailable: boolean;
  /** The list row the selection came from. */
  activeFrom: string | null;
  onOpenResult: (r: UnitResult) => void;
  onOpenChange: (c: GradeChange) => void;
  onPickRegion: (code: string | null) => void;
  onTabChange: (tab: PanelTab) => void;
  onCandidateFilter: (f: CandidateFilter) => void;
  onOpenExit: (c: ExitCandidate) => void;
  onOpenCluster: (c: ConsolidationCluster) => void;
}

function compareView(state: ChangesState): CompareState {
  if (state.status !== 'ready') return state;
  return { status: 'ready', diff: state.result.diff, parcels: state.result.parcels.length };
}

export function SidePanel(props: SidePanelProps) {
  const { view, patch, runs, run, runId, aggregates, activeFrom } = props;
  const unitFrom = activeFrom?.startsWith('unit:') ? activeFrom.slice(5) : null;
  return (
    <WorkPanel
      tab={view.tab}
      onTabChange={props.onTabChange}
      onClose={() => patch({ panelOpen: false })}
      filters={
        <FilterBar
          runs={runs.runs}
          runId={runId}
          onRunChange={(id) => patch({ run: id === runs.runs[0]?.id ? null : id })}
          filters={view.filters}
          regions={props.regions}
          statusOptions={props.statusAvailable ? STATUS_CLASSES.map((c) => ({ id: c.id, label: c.label, color: c.color })) : null}
          onChange={(filters) => patch({ filters })}
        />
      }
      tabs={{
        results: () => (
          <EvaluationPanel
            run={run}
            runError={runs.error}
            runLoading={runs.loading}
            filter={toResultsFilter(view.filters)}
            onQueryChange={(q) => patch((v) => ({ filters: { ...v.filters, q } }))}
            onPick={(grade, group) => patch((v) => ({ filters: { ...v.filters, grades: [grade], group } }))}
            activeUnitId={unitFrom}
            onOpenUnit={props.onOpenResult}
          />
        ),
        regions: () => (
          <RegionRanking
            aggregates={aggregates.data}
            loading={aggregates.loading}
            error={aggregates.error}
            level={view.regionLevel}
            figure={view.regionFigure}
            onLevelChange={(regionLevel) => patch({ regionLevel })}
            onFigureChange={(regionFigure) => patch({ regionFigure })}
            onMap={view.colorMode === 'region'}
            onShowOnMap={(show) => patch({ colorMode: show ? 'region' : 'grade' })}
            selectedRegion={view.filters.region}
            onPickRegion={props.onPickRegion}
          />
        ),
        compare: () => (
          <ComparePanel
            runs={runs.runs}
            toRun={run}
            fromRunId={view.compareFrom}
            onFromChange={(compareFrom) => patch({ compareFrom })}
            state={compareView(props.compareState)}
            grades={view.filters.grades}
            onOpen={props.onOpenChange}
            activeUnitId={unitFrom}
          />
        ),
        ...(props.landAvailable
          ? {
              candidates: () => (
                <CandidatePanel
                  filter={view.candidates}
                  onFilterChange={props.onCandidateFilter}
                  region={view.filters.region}
                  onOpenExit={props.onOpenExit}
                  onOpenCluster={props.onOpenCluster}
                  activeKey={activeFrom}
                />
              ),
            }
          : {}),
      }}
    />
  );
}
