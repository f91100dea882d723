/**
 * The parcel GeoJSON (full summaries: names, areas) of what the map shows, for the layers the
 * vector tiles cannot serve: the 3D extrusions, and names at street zoom. Fetched for the viewport
 * plus a margin, again only when the view leaves what was fetched; the server refuses a box with
 * more than 20,000 parcels, which is reported so the planner can zoom in.
 */
import type maplibregl from 'maplibre-gl';
import { useEffect, useState } from 'react';
import { ApiError, getParcels } from '../api/client.ts';
import type { BBox, Crs, ParcelCollection } from '../api/types.ts';
import { bboxFromDisplay } from './display-crs.ts';

/** Box of the visible map (`map.getBounds()`), grown by `margin` of its size on every side. */
export function grownBounds([w, s, e, n]: BBox, margin: number): BBox {
  const dx = (e - w) * margin;
  const dy = (n - s) * margin;
  return [Math.max(-180, w - dx), Math.max(-85, s - dy), Math.min(180, e + dx), Math.min(85, n + dy)];
}

export function containsBox(outer: BBox, inner: BBox): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

export interface ViewportParcels {
  parcels: ParcelCollection | null;
  error: string | null;
}

/**
 * While `enabled(zoom)` holds, keeps the viewport's parcels loaded, their geometry in the map's
 * `crs` (the boxes asked for and remembered are WGS 84, as the server takes them).
 */
export function useViewportParcels(map: maplibregl.Map | null, crs: Crs, enabled: (zoom: number) => boolean): ViewportParcels {
  const [state, setState] = useState<ViewportParcels & { bbox: BBox | null }>({ parcels: null, error: null, bbox: null });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!map) return;
    const onMove = () => setTick((t) => t + 1);
    map.on('moveend', onMove);
    return () => {
      map.off('moveend', onMove);
    };
  }, [map]);

  useEffect(() => {
    if (!map || !enabled(map.getZoom())) return;
    const b = map.getBounds();
    const view = bboxFromDisplay(crs, [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
    if (state.bbox && containsBox(state.bbox, view) && state.parcels) return;
    const bbox = grownBounds(view, 0.35);
    const controller = new AbortController();
    getParcels(bbox, crs, controller.signal).then(
      (parcels) => setState({ parcels, error: null, bbox }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const message =
          err instanceof ApiError && err.status === 400 ? '视野内宗地过多，请放大后查看' : err instanceof Error ? err.message : String(err);
        setState((s) => ({ ...s, error: message }));
      },
    );
    return () => controller.abort();
    // `enabled` is read at each move; the effect reruns on moves (tick) and when it changes identity.
  }, [map, crs, tick, enabled, state.bbox, state.parcels]);

  return { parcels: state.parcels, error: state.error };
}
