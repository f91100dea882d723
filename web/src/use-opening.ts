/**
 * Opening things on the map: the selected parcel, where the map should fly, and the notice when
 * something cannot be opened. A parcel clicked is known at once; one opened from a list or a link
 * is selected first and flown to once its detail (and so its extent) has loaded. Only the latest
 * request to open something may move the map.
 */
import { useCallback, useRef, useState } from 'react';
import { getEnterprise } from '../api/client.ts';
import type { BBox, MapParcel, ParcelDetail, SearchResult } from '../api/types.ts';
import { mergedParcelCode } from '../lib/evaluation-text.ts';
import type { MapFocus } from '../map/MapView.tsx';
import { mainParcel } from './open-unit.ts';

export interface Selection {
  code: string;
  /** Known at once after a map click; otherwise once the detail has loaded. */
  id: number | null;
  focusUscc: string | null;
  /** The list row it was opened from ('unit:<id>', 'exit:<id>'), to mark it in the list. */
  from: string | null;
  /** Fly to the parcel once its detail (and so its extent) is known. */
  flyOnLoad: boolean;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function useOpening(initialParcel: string | null, flyToInitial: boolean) {
  const [selection, setSelection] = useState<Selection | null>(
    initialParcel ? { code: initialParcel, id: null, focusUscc: null, from: null, flyOnLoad: flyToInitial } : null,
  );
  /** What the tiles say about the selected parcel, once known. */
  const [selectedTile, setSelectedTile] = useState<MapParcel | null>(null);
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const seq = useRef(0);

  const flyTo = useCallback((bbox: BBox) => setFocus({ bbox, seq: Date.now() }), []);

  /** Select a parcel by code; fly to it once loaded. */
  const openParcel = useCallback((code: string, from: string | null = null, focusUscc: string | null = null) => {
    seq.current++;
    setNotice(null);
    setSelection({ code, id: null, focusUscc, from, flyOnLoad: true });
  }, []);

  const onParcelClick = useCallback((p: MapParcel) => {
    seq.current++;
    setSelection({ code: p.properties.code, id: p.id, focusUscc: null, from: null, flyOnLoad: false });
    setSelectedTile(p);
  }, []);

  const onDetailLoaded = useCallback((detail: ParcelDetail) => {
    setSelection((s) => {
      if (!s || s.code !== detail.parcel.code) return s;
      if (s.flyOnLoad) setFocus({ bbox: detail.parcel.bbox, seq: Date.now() });
      return s.id === detail.parcel.id && !s.flyOnLoad ? s : { ...s, id: detail.parcel.id, flyOnLoad: false };
    });
  }, []);

  const openEnterprise = useCallback(async (uscc: string, name: string, from: string | null) => {
    const mine = ++seq.current;
    setNotice(null);
    try {
      const e = await getEnterprise(uscc);
      if (mine !== seq.current) return;
      const main = mainParcel(e.parcels);
      if (!main) {
        setNotice(`${name} 暂无关联宗地`);
        return;
      }
      setFocus({ bbox: main.bbox, seq: Date.now() });
      setSelection({ code: main.code, id: null, focusUscc: uscc, from, flyOnLoad: false });
    } catch (err) {
      if (mine === seq.current) setNotice(`读取企业失败：${errorText(err)}`);
    }
  }, []);

  /** A search hit: a parcel (or an enterprise's parcel) at once, else through the enterprise. */
  const onPick = useCallback(
    (r: SearchResult) => {
      setNotice(null);
      if (r.kind === 'parcel' || r.parcelCode) {
        seq.current++;
        setFocus({ bbox: r.bbox, seq: Date.now() });
        setSelection({ code: r.parcelCode ?? r.code, id: null, focusUscc: r.kind === 'enterprise' ? r.code : null, from: null, flyOnLoad: false });
        return;
      }
      void openEnterprise(r.code, r.name, null);
    },
    [openEnterprise],
  );

  /** An evaluation unit (a result or a grade change): a merged parcel directly, an enterprise through its main parcel. */
  const openUnit = useCallback(
    (unitId: string, name: string) => {
      const code = mergedParcelCode(unitId);
      if (code) openParcel(code, `unit:${unitId}`);
      else void openEnterprise(unitId, name, `unit:${unitId}`);
    },
    [openEnterprise, openParcel],
  );

  const close = useCallback(() => setSelection(null), []);

  return { selection, selectedTile, setSelectedTile, focus, flyTo, notice, setNotice, onParcelClick, onDetailLoaded, onPick, openUnit, openParcel, close };
}
