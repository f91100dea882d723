/**
 * The map app: header with search and view switches, the side panel (filters, then results,
 * region ranking, year compare, candidates), the parcel map with its legend and overlay switches,
 * and the 一码关联 panel on the right. The app owns the view (view-state.ts) and derives the map
 * theme and the lists' queries from it (use-map-theme.ts); the map and the panels only report and
 * display, and the address bar mirrors the view (url-state.ts) so a shared link reproduces it.
 */
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GradeChange, UnitResult } from '../api/evaluation-types.ts';
import type { ConsolidationCluster, ExitCandidate } from '../api/land-types.ts';
import type { ParcelTileProperties } from '../api/types.ts';
import type { CandidateFilter } from '../features/candidates/candidate-view.ts';
import { defaultCompareRun } from '../features/compare/compare-view.ts';
import { Legend } from '../features/legend/Legend.tsx';
import { legendModel, type LegendInput } from '../features/legend/legend-model.ts';
import { OverlayPanel } from '../features/legend/OverlayPanel.tsx';
import type { ParcelSummary } from '../features/parcel-detail/ParcelDetailPanel.tsx';
import { SearchBox } from '../features/search/SearchBox.tsx';
import { pictureText } from '../features/picture/picture-text.ts';
import { usePictureExport } from '../features/picture/use-picture-export.ts';
import { describeFilters, toggleGrade } from '../lib/filters.ts';
import { runLabel, runTitle } from '../lib/run-label.ts';
import { regionBbox, regionNames, regionOptions } from '../lib/regions.ts';
import { changeCounts } from '../map/compare.ts';
import { bboxFromDisplay } from '../map/display-crs.ts';
import { effectiveGrade, type GradeOverrides } from '../map/grade-overrides.ts';
import { isGrade } from '../map/grades.ts';
import { OVERLAYS, type Overlay } from '../map/land-layers.ts';
import { MapView, type MapCamera } from '../map/MapView.tsx';
import { PARCEL_MINZOOM } from '../map/parcel-layers.ts';
import { ParcelDetailPanel, preloadPanels } from './lazy-panels.ts';
import { type LoadedMap, loadMapData } from './load-map-data.ts';
import { overlayToggles } from './overlay-toggles.ts';
import { SidePanel } from './SidePanel.tsx';
import { decodeUrlState, type PanelTab } from './url-state.ts';
import { useLandRules } from './use-land-data.ts';
import { useMapTheme } from './use-map-theme.ts';
import { useOpening } from './use-opening.ts';
import { useRuns } from './use-run-data.ts';
import { useUrlSync } from './use-url-sync.ts';
import { applyViewPatch, initialView, urlOf, type ViewPatch } from './view-state.ts';

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; map: LoadedMap };

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The detail panel's headline from the tiles: the grade drawn (of the chosen run) and 亩均税收. */
function summaryOf(p: ParcelTileProperties, overrides: GradeOverrides | null): ParcelSummary {
  const grade = effectiveGrade(p, overrides);
  return { grade: isGrade(grade) ? grade : null, taxPerMuWan: p.taxPerMuWan ?? null };
}

/** `list` with `o` switched on, in OVERLAYS order. */
const withOverlay = (list: readonly Overlay[], o: Overlay) => OVERLAYS.filter((x) => x === o || list.includes(x));

export function App() {
  const initialUrl = useMemo(() => decodeUrlState(window.location.search), []);
  const [view, setView] = useState(() => initialView(initialUrl));
  const patch = useCallback((p: ViewPatch) => setView((v) => applyViewPatch(v, p)), []);
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const initialCamera = useRef(view.camera);
  const open = useOpening(initialUrl.parcel, initialUrl.center === null);
  const runs = useRuns(attempt);
  const land = useLandRules(attempt);
  const ready = load.status === 'ready' ? load.map : null;
  const shown = useMapTheme(view, ready, runs.runs, land.available);
  const themeRef = useRef(shown.theme);
  themeRef.current = shown.theme;
  const { setNotice, flyTo } = open;

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    // The first style is drawn with the view from the address bar (no flash of the defaults).
    loadMapData(window.location.search, () => themeRef.current, controller.signal).then(
      (map) => {
        setLoad({ status: 'ready', map });
        setNotice(map.basemapNotice);
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: 'error', message: errorText(err) });
      },
    );
    return () => controller.abort();
  }, [attempt, setNotice]);

  useUrlSync(urlOf(view, open.selection?.code ?? null));

  // The panels first paint does without, once the browser has a moment.
  useEffect(() => {
    if (!ready) return;
    const id = requestIdleCallback(preloadPanels, { timeout: 5_000 });
    return () => cancelIdleCallback(id);
  }, [ready]);

  // ---- lists → map ----
  const regions = ready?.data.regions ?? null;
  const displayCrs = ready?.displayCrs ?? 'wgs84';
  const onPickRegion = useCallback(
    (code: string | null) => {
      patch((v) => ({ filters: { ...v.filters, region: code } }));
      // The outlines were fetched in the map's CRS; the map flies to WGS 84 boxes.
      const bbox = code && regions ? regionBbox(regions, code) : null;
      if (bbox) flyTo(bboxFromDisplay(displayCrs, bbox));
    },
    [regions, displayCrs, patch, flyTo],
  );
  const [activeCluster, setActiveCluster] = useState<number | null>(null);
  const onTabChange = (tab: PanelTab) =>
    patch((v) => ({ tab, ...(tab === 'candidates' ? { overlays: withOverlay(v.overlays, v.candidates.kind === 'exit' ? 'exit' : 'consolidation') } : {}) }));
  const onCandidateFilter = (candidates: CandidateFilter) =>
    patch((v) => ({ candidates, overlays: withOverlay(v.overlays, candidates.kind === 'exit' ? 'exit' : 'consolidation') }));
  const onOpenExit = (c: ExitCandidate) => {
    setActiveCluster(null);
    if (c.unitCodes[0]) open.openParcel(c.unitCodes[0], `exit:${c.id}`);
  };
  const onOpenCluster = (c: ConsolidationCluster) => {
    setActiveCluster(c.id);
    patch((v) => ({ overlays: withOverlay(v.overlays, 'consolidation') }));
    flyTo(c.bbox);
  };
  const onOpenResult = (r: UnitResult) => open.openUnit(r.unitId, r.name);
  const onOpenChange = (c: GradeChange) => open.openUnit(c.unitId, c.name);
  const toggleCompare = () =>
    patch((v) => (v.compareFrom !== null ? { compareFrom: null } : { compareFrom: defaultCompareRun(runs.runs, shown.runId), tab: 'compare', panelOpen: true }));
  const toggleOverlay = (id: string) => patch((v) => ({ overlays: OVERLAYS.filter((x) => (x === id ? !v.overlays.includes(x) : v.overlays.includes(x))) }));

  // ---- derived for display ----
  const regionChoices = useMemo(() => (regions ? regionOptions(regions) : []), [regions]);
  const names = useMemo(() => (regions ? regionNames(regions) : {}), [regions]);
  const run = shown.run;
  const gradeCounts = useMemo(() => {
    const out: Record<string, number> = {};
    for (const group of ['above', 'below'] as const) {
      if (view.filters.group && view.filters.group !== group) continue;
      for (const [g, n] of Object.entries(run?.summary.byGrade[group] ?? {})) out[g] = (out[g] ?? 0) + n;
    }
    return out;
  }, [run, view.filters.group]);
  const fromRun = runs.runs.find((r) => r.id === view.compareFrom) ?? null;
  const compareTitle = fromRun && run ? `${runLabel(fromRun, runs.runs)} → ${runLabel(run, runs.runs)}` : '年度对比';
  const status = open.notice ?? (shown.recolouring ? `正在按 ${run?.year ?? ''} 年度评价着色…` : null);
  const selection = open.selection;
  const onCameraChange = useCallback((camera: MapCamera) => patch({ camera }), [patch]);
  const legendInput: LegendInput = {
    view3d: view.view3d,
    colorMode: view.colorMode,
    taxYear: ready?.meta.latestYear ?? null,
    runYear: run?.year ?? null,
    gradeCounts,
    selectedGrades: view.filters.grades,
    showingCells: (view.camera?.zoom ?? PARCEL_MINZOOM) < PARCEL_MINZOOM,
    choropleth: shown.choropleth,
    compare: view.compareFrom !== null ? { title: compareTitle, counts: shown.changes ? changeCounts(shown.changes) : null } : null,
  };
  const overlays = overlayToggles(view.overlays, shown.statusAvailable, shown.exit, shown.footprintsFetch);

  // The overlay switches and their keys show beside the legend, not in 3D.
  const overlaysShown = land.available && !view.view3d;

  // ---- 导出图片 ----
  const picture = usePictureExport(setNotice);
  const exportPicture = () =>
    picture.exportPicture(() => ({
      legend: legendModel(legendInput),
      // The overlays drawn: on and loaded.
      overlayKeys: overlaysShown ? overlays.filter((o) => o.on && !o.loading && !o.failed).flatMap((o) => o.keys) : [],
      text: pictureText({
        districtName: ready?.meta.districtName ?? '',
        view3d: view.view3d,
        colorMode: view.colorMode,
        compareTitle: view.compareFrom !== null ? compareTitle : null,
        run,
        filters: describeFilters(view.filters, (code) => names[code] ?? code),
        dataVersion: ready?.meta.dataVersion ?? '',
        gcj02: displayCrs === 'gcj02',
        now: new Date(),
      }),
    }));

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden>
            亩
          </span>
          <h1>亩均论英雄 · 宗地一码关联</h1>
          {ready ? <span className="district">{ready.meta.districtName}</span> : null}
        </div>
        <SearchBox onPick={open.onPick} />
        <nav className="header-tools" aria-label="视图">
          <button type="button" className={view.panelOpen ? 'tool active' : 'tool'} aria-pressed={view.panelOpen} onClick={() => patch((v) => ({ panelOpen: !v.panelOpen }))}>
            分析面板
          </button>
          <button
            type="button"
            className={view.compareFrom !== null ? 'tool active' : 'tool'}
            aria-pressed={view.compareFrom !== null}
            title="按两次评价之间的等级升降着色"
            onClick={toggleCompare}
            disabled={runs.runs.length < 2}
          >
            年度对比
          </button>
          <button
            type="button"
            className={view.view3d ? 'tool active' : 'tool'}
            aria-pressed={view.view3d}
            title="三维展示：高度为亩均税收，颜色为评价等级"
            onClick={() => patch((v) => ({ view3d: !v.view3d }))}
          >
            三维
          </button>
          <button
            type="button"
            className="tool"
            aria-busy={picture.exporting}
            disabled={!ready || picture.exporting}
            title="把当前地图连同标题、图例、比例尺和数据来源导出为 PNG 图片，用于汇报"
            onClick={() => void exportPicture()}
          >
            {picture.exporting ? '正在导出…' : '导出图片'}
          </button>
        </nav>
        {ready ? (
          <div className="data-version" title={`数据版本 ${ready.meta.dataVersion}（导入批次 i · 评价运行 r · 用地规则 l）`}>
            {run ? `${run.year} 年度评价` : '尚未评价'}
          </div>
        ) : null}
      </header>
      <main className="app-main">
        {load.status === 'loading' ? <div className="screen-message">正在加载地图数据…</div> : null}
        {load.status === 'error' ? (
          <div className="screen-message error">
            <p>无法读取地图数据：{load.message}</p>
            <button type="button" onClick={() => setAttempt((a) => a + 1)}>
              重试
            </button>
          </div>
        ) : null}
        {ready ? (
          <>
            {view.panelOpen ? (
              <SidePanel
                view={view}
                patch={patch}
                runs={runs}
                run={run}
                runId={shown.runId}
                regions={regionChoices}
                aggregates={shown.aggregates}
                compareState={shown.compareState}
                statusAvailable={shown.statusAvailable}
                landAvailable={land.available}
                activeFrom={activeCluster !== null ? `cluster:${activeCluster}` : (selection?.from ?? null)}
                onOpenResult={onOpenResult}
                onOpenChange={onOpenChange}
                onPickRegion={onPickRegion}
                onTabChange={onTabChange}
                onCandidateFilter={onCandidateFilter}
                onOpenExit={onOpenExit}
                onOpenCluster={onOpenCluster}
              />
            ) : null}
            <div className="map-area">
              <MapView
                style={ready.style}
                styleTheme={ready.styleTheme}
                displayCrs={ready.displayCrs}
                initialBbox={ready.meta.bbox}
                initialCamera={initialCamera.current}
                theme={shown.theme}
                view3d={view.view3d}
                selectedParcelId={selection?.id ?? null}
                focus={open.focus}
                regionNames={names}
                footprints={shown.footprints}
                selectedFootprint={activeCluster}
                onParcelClick={open.onParcelClick}
                onSelectedParcel={open.setSelectedTile}
                onCameraChange={onCameraChange}
                onMapReady={picture.onMapReady}
              />
              <Legend
                {...legendInput}
                onColorModeChange={(colorMode) => patch({ colorMode })}
                onToggleGrade={(g) => patch((v) => ({ filters: { ...v.filters, grades: toggleGrade(v.filters.grades, g) } }))}
              />
              {overlaysShown ? (
                <OverlayPanel
                  overlays={overlays}
                  onToggle={toggleOverlay}
                  onRetry={(id) => (id === 'exit' ? shown.exit.retry() : shown.footprintsFetch.retry())}
                />
              ) : null}
              {status ? (
                <div className="notice" role="status">
                  {status}
                  {open.notice ? (
                    <button type="button" className="icon-button" onClick={() => setNotice(null)} aria-label="关闭提示">
                      ×
                    </button>
                  ) : null}
                </div>
              ) : null}
            </div>
            {selection ? (
              // Until its chunk is in, an empty panel holds its place, so the map narrows once.
              <Suspense fallback={<aside className="detail-panel" aria-label="宗地详情" aria-busy />}>
                <ParcelDetailPanel
                  key={selection.code}
                  code={selection.code}
                  summary={open.selectedTile?.properties.code === selection.code ? summaryOf(open.selectedTile.properties, shown.theme.gradeOverrides) : null}
                  focusUscc={selection.focusUscc}
                  onLoaded={open.onDetailLoaded}
                  onClose={open.close}
                  printHeading={[ready.meta.districtName, runTitle(run), `数据版本 ${ready.meta.dataVersion}`].join(' · ')}
                />
              </Suspense>
            ) : null}
          </>
        ) : null}
      </main>
    </div>
  );
}
