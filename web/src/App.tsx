/**
 * The first map: header with search, the parcel map with its legend, and the 一码关联 panel.
 * The app owns selection; the map and the panels only report and display it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { getEnterprise } from '../api/client.ts';
import type { ParcelDetail, ParcelFeatureProperties, SearchResult } from '../api/types.ts';
import { Legend } from '../features/legend/Legend.tsx';
import { ParcelDetailPanel } from '../features/parcel-detail/ParcelDetailPanel.tsx';
import { SearchBox } from '../features/search/SearchBox.tsx';
import { MapView, type MapFocus } from '../map/MapView.tsx';
import { classOf, type TaxClass } from '../map/tax-classes.ts';
import { type LoadedMap, loadMapData } from './load-map-data.ts';

interface Selection {
  code: string;
  /** Known at once after a map click; after a search, once the detail has loaded. */
  id: number | null;
  focusUscc: string | null;
}

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; map: LoadedMap };

export function App() {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    loadMapData(window.location.search, controller.signal).then(
      (map) => {
        setLoad({ status: 'ready', map });
        setNotice(map.basemapNotice);
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const ready = load.status === 'ready' ? load.map : null;

  const parcelsByCode = useMemo(() => {
    const byCode = new Map<string, ParcelFeatureProperties>();
    for (const f of ready?.data.parcels.features ?? []) byCode.set(f.properties.code, f.properties);
    return byCode;
  }, [ready]);

  const counts = useMemo(() => {
    const c: Partial<Record<TaxClass['id'], number>> = {};
    for (const f of ready?.data.parcels.features ?? []) {
      const id = classOf(f.properties.taxPerMuWan).id;
      c[id] = (c[id] ?? 0) + 1;
    }
    return c;
  }, [ready]);

  const onParcelClick = useCallback((p: ParcelFeatureProperties) => {
    setSelection({ code: p.code, id: p.id, focusUscc: null });
  }, []);

  const onDetailLoaded = useCallback((detail: ParcelDetail) => {
    setSelection((s) => (s && s.code === detail.parcel.code && s.id !== detail.parcel.id ? { ...s, id: detail.parcel.id } : s));
  }, []);

  const onPick = useCallback(async (r: SearchResult) => {
    setNotice(null);
    setFocus({ bbox: r.bbox, seq: Date.now() });
    if (r.kind === 'parcel') {
      setSelection({ code: r.code, id: null, focusUscc: null });
      return;
    }
    if (r.parcelCode) {
      setSelection({ code: r.parcelCode, id: null, focusUscc: r.code });
      return;
    }
    try {
      const e = await getEnterprise(r.code);
      const first = e.parcels[0];
      if (first) {
        setFocus({ bbox: first.bbox, seq: Date.now() });
        setSelection({ code: first.code, id: null, focusUscc: r.code });
      } else {
        setNotice(`${r.name} 暂无关联宗地`);
      }
    } catch (err) {
      setNotice(`读取企业失败：${err instanceof Error ? err.message : String(err)}`);
    }
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
        {ready ? (
          <div className="data-version" title="数据版本">
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
            <div className="map-area">
              <MapView
                style={ready.style}
                initialBbox={ready.meta.bbox}
                selectedParcelId={selection?.id ?? null}
                focus={focus}
                onParcelClick={onParcelClick}
              />
              <Legend year={ready.meta.latestYear} counts={counts} />
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
                summary={parcelsByCode.get(selection.code) ?? null}
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
