/**
 * The map app: header with search and view switches, the evaluation results on the left, the
 * parcel map with its legend, and the 一码关联 panel on the right. The app owns selection, colour
 * mode and the evaluation filter; the map and the panels only report and display them, and the
 * address bar mirrors them (url-state.ts) so a shared link reproduces the view.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getEnterprise, getEvaluationRuns } from '../api/client.ts';
import type { EvaluationRun, ResultsFilter, UnitResult } from '../api/evaluation-types.ts';
import type { BBox, ParcelDetail, ParcelFeatureProperties, SearchResult } from '../api/types.ts';
import { EvaluationPanel } from '../features/evaluation/EvaluationPanel.tsx';
import { EMPTY_FILTER, toggleGrade } from '../features/evaluation/results-view.ts';
import { Legend } from '../features/legend/Legend.tsx';
import { ParcelDetailPanel } from '../features/parcel-detail/ParcelDetailPanel.tsx';
import { SearchBox } from '../features/search/SearchBox.tsx';
import { mergedParcelCode } from '../lib/evaluation-text.ts';
import { gradeOf, type GradeClass } from '../map/grades.ts';
import { MapView, type MapCamera, type MapFocus } from '../map/MapView.tsx';
import type { ColorMode, ParcelStyle } from '../map/parcel-layers.ts';
import { classOf, type TaxClass } from '../map/tax-classes.ts';
import { type LoadedMap, loadMapData } from './load-map-data.ts';
import { geometryBbox, mainParcel } from './open-unit.ts';
import { decodeUrlState } from './url-state.ts';
import { useUrlSync } from './use-url-sync.ts';

interface Selection {
  code: string;
  /** Known at once after a map click; otherwise from the loaded parcels or the detail. */
  id: number | null;
  focusUscc: string | null;
  /** The result row it was opened from, to mark it in the list. */
  unitId: string | null;
}

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; map: LoadedMap };
type RunState = { run: EvaluationRun | null; error: string | null; loading: boolean };

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function App() {
  const initialUrl = useMemo(() => decodeUrlState(window.location.search), []);
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [selection, setSelection] = useState<Selection | null>(
    initialUrl.parcel ? { code: initialUrl.parcel, id: null, focusUscc: null, unitId: null } : null,
  );
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [colorMode, setColorMode] = useState<ColorMode>(initialUrl.colorMode);
  const [filter, setFilter] = useState<ResultsFilter>({ ...EMPTY_FILTER, grades: initialUrl.grades, group: initialUrl.group });
  const [camera, setCamera] = useState<MapCamera | null>(
    initialUrl.center && initialUrl.zoom !== null ? { center: initialUrl.center, zoom: initialUrl.zoom } : null,
  );
  const [panelOpen, setPanelOpen] = useState(true);
  const [view3d, setView3d] = useState(initialUrl.view3d);
  const [runState, setRunState] = useState<RunState>({ run: null, error: null, loading: true });
  const initialStyle = useRef({ colorMode: initialUrl.colorMode, filter: { grades: initialUrl.grades, group: initialUrl.group } });
  const initialCamera = useRef(camera);

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    loadMapData(window.location.search, initialStyle.current, controller.signal).then(
      (map) => {
        setLoad({ status: 'ready', map });
        setNotice(map.basemapNotice);
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: 'error', message: errorText(err) });
      },
    );
    getEvaluationRuns(controller.signal).then(
      (r) => setRunState({ run: r.runs[0] ?? null, error: null, loading: false }),
      (err: unknown) => {
        if (!controller.signal.aborted) setRunState({ run: null, error: errorText(err), loading: false });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const ready = load.status === 'ready' ? load.map : null;

  const parcelsByCode = useMemo(() => {
    const byCode = new Map<string, NonNullable<typeof ready>['data']['parcels']['features'][number]>();
    for (const f of ready?.data.parcels.features ?? []) byCode.set(f.properties.code, f);
    return byCode;
  }, [ready]);

  const counts = useMemo(() => {
    const tax: Partial<Record<TaxClass['id'], number>> = {};
    const grade: Partial<Record<GradeClass['id'], number>> = {};
    for (const f of ready?.data.parcels.features ?? []) {
      const t = classOf(f.properties.taxPerMuWan).id;
      tax[t] = (tax[t] ?? 0) + 1;
      const g = gradeOf(f.properties.grade).id;
      grade[g] = (grade[g] ?? 0) + 1;
    }
    return { tax, grade };
  }, [ready]);

  const groupKnown = ready?.groupKnown ?? false;
  const parcelStyle = useMemo<ParcelStyle>(
    () => ({ colorMode, filter: { grades: filter.grades, group: filter.group }, filterOptions: { groupKnown } }),
    [colorMode, filter.grades, filter.group, groupKnown],
  );

  // A link with a parcel but no camera: fly to the parcel once the parcels are known.
  const flewToInitial = useRef(false);
  useEffect(() => {
    if (!ready || flewToInitial.current) return;
    flewToInitial.current = true;
    const feature = initialUrl.parcel ? parcelsByCode.get(initialUrl.parcel) : undefined;
    const bbox = feature ? geometryBbox(feature.geometry) : null;
    if (bbox && !initialCamera.current) setFocus({ bbox, seq: Date.now() });
  }, [ready, parcelsByCode, initialUrl.parcel]);

  useUrlSync({
    center: camera?.center ?? null,
    zoom: camera?.zoom ?? null,
    colorMode,
    grades: filter.grades,
    group: filter.group,
    parcel: selection?.code ?? null,
    view3d,
  });

  const selectedId = selection ? (selection.id ?? parcelsByCode.get(selection.code)?.properties.id ?? null) : null;

  const onParcelClick = useCallback((p: ParcelFeatureProperties) => {
    setSelection({ code: p.code, id: p.id, focusUscc: null, unitId: null });
  }, []);

  const onDetailLoaded = useCallback((detail: ParcelDetail) => {
    setSelection((s) => (s && s.code === detail.parcel.code && s.id !== detail.parcel.id ? { ...s, id: detail.parcel.id } : s));
  }, []);

  // Only the latest request to open something may move the map.
  const openSeq = useRef(0);
  const goTo = useCallback((bbox: BBox, next: Selection) => {
    setFocus({ bbox, seq: Date.now() });
    setSelection(next);
  }, []);

  const openEnterprise = useCallback(
    async (uscc: string, name: string, unitId: string | null) => {
      const seq = ++openSeq.current;
      try {
        const e = await getEnterprise(uscc);
        if (seq !== openSeq.current) return;
        const main = mainParcel(e.parcels);
        if (main) goTo(main.bbox, { code: main.code, id: null, focusUscc: uscc, unitId });
        else setNotice(`${name} 暂无关联宗地`);
      } catch (err) {
        if (seq === openSeq.current) setNotice(`读取企业失败：${errorText(err)}`);
      }
    },
    [goTo],
  );

  const onPick = useCallback(
    (r: SearchResult) => {
      setNotice(null);
      if (r.kind === 'parcel' || r.parcelCode) {
        openSeq.current++;
        goTo(r.bbox, { code: r.parcelCode ?? r.code, id: null, focusUscc: r.kind === 'enterprise' ? r.code : null, unitId: null });
        return;
      }
      void openEnterprise(r.code, r.name, null);
    },
    [goTo, openEnterprise],
  );

  const onOpenUnit = useCallback(
    (r: UnitResult) => {
      setNotice(null);
      const code = mergedParcelCode(r.unitId);
      if (!code) {
        void openEnterprise(r.unitId, r.name, r.unitId);
        return;
      }
      openSeq.current++;
      const feature = parcelsByCode.get(code);
      const bbox = feature ? geometryBbox(feature.geometry) : null;
      const next = { code, id: feature?.properties.id ?? null, focusUscc: null, unitId: r.unitId };
      if (bbox) goTo(bbox, next);
      else setSelection(next);
    },
    [goTo, openEnterprise, parcelsByCode],
  );

  const onToggleGrade = useCallback((g: NonNullable<ResultsFilter['grades'][number]>) => {
    setFilter((f) => ({ ...f, grades: toggleGrade(f.grades, g) }));
  }, []);

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
        <SearchBox onPick={onPick} />
        <nav className="header-tools" aria-label="视图">
          <button
            type="button"
            className={panelOpen ? 'tool active' : 'tool'}
            aria-pressed={panelOpen}
            onClick={() => setPanelOpen((o) => !o)}
          >
            评价结果
          </button>
          <button
            type="button"
            className={view3d ? 'tool active' : 'tool'}
            aria-pressed={view3d}
            title="三维展示：高度为亩均税收，颜色为评价等级"
            onClick={() => setView3d((v) => !v)}
          >
            三维
          </button>
        </nav>
        {ready ? (
          <div className="data-version" title="数据版本：导入批次 i · 评价运行 r">
            {ready.meta.latestYear} 年度 · 数据 {ready.meta.dataVersion}
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
            {panelOpen ? (
              <EvaluationPanel
                run={runState.run}
                runError={runState.error}
                runLoading={runState.loading}
                regions={ready.data.regions}
                filter={filter}
                onFilterChange={setFilter}
                activeUnitId={selection?.unitId ?? null}
                onOpenUnit={onOpenUnit}
                onClose={() => setPanelOpen(false)}
              />
            ) : null}
            <div className="map-area">
              <MapView
                style={ready.style}
                initialBbox={ready.meta.bbox}
                initialCamera={initialCamera.current}
                parcelStyle={parcelStyle}
                parcels={ready.data.parcels}
                view3d={view3d}
                selectedParcelId={selectedId}
                focus={focus}
                onParcelClick={onParcelClick}
                onCameraChange={setCamera}
              />
              <Legend
                view3d={view3d}
                colorMode={colorMode}
                onColorModeChange={setColorMode}
                taxYear={ready.meta.latestYear}
                runYear={runState.run?.year ?? null}
                gradeCounts={counts.grade}
                taxCounts={counts.tax}
                selectedGrades={filter.grades}
                onToggleGrade={onToggleGrade}
                groupNote={filter.group && !groupKnown ? '地图按等级筛选，暂未区分规上/规下' : null}
              />
              {notice ? (
                <div className="notice" role="status">
                  {notice}
                  <button type="button" className="icon-button" onClick={() => setNotice(null)} aria-label="关闭提示">
                    ×
                  </button>
                </div>
              ) : null}
            </div>
            {selection ? (
              <ParcelDetailPanel
                key={selection.code}
                code={selection.code}
                summary={parcelsByCode.get(selection.code)?.properties ?? null}
                focusUscc={selection.focusUscc}
                onLoaded={onDetailLoaded}
                onClose={() => setSelection(null)}
              />
            ) : null}
          </>
        ) : null}
      </main>
    </div>
  );
}
