/**
 * The 3D presentation mode as a hook: while `view3d` is on, the viewport's parcels are drawn as
 * deck.gl extrusions over the map (deck-overlay.ts, loaded the first time 3D is asked for) and
 * follow the filter, the chosen run and the selection. Returns an error message if deck.gl failed.
 */
import type maplibregl from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MapParcel, ParcelCollection, ParcelFeatureProperties } from '../api/types.ts';
import type { Parcels3D } from './deck-overlay.ts';
import { extrusionData } from './extrusion.ts';
import type { GradeOverrides } from './grade-overrides.ts';
import type { ParcelFilter } from './parcel-filter.ts';
import { loadedTileProps } from './tile-props.ts';

export interface Parcels3DOptions {
  /** The map once it has loaded; null before. */
  map: maplibregl.Map | null;
  view3d: boolean;
  /** The viewport's parcels; null until loaded. */
  parcels: ParcelCollection | null;
  filter: ParcelFilter;
  gradeOverrides: GradeOverrides | null;
  selectedParcelId: number | null;
  onClick: (parcel: MapParcel) => void;
  /** The parcel under the pointer (canvas CSS pixels), or null. */
  onHover: (hover: { x: number; y: number; width: number; height: number; parcel: MapParcel; summary: ParcelFeatureProperties } | null) => void;
}

export function useParcels3D(options: Parcels3DOptions): string | null {
  const { map, view3d, parcels, filter, gradeOverrides, selectedParcelId } = options;
  const events = useRef(options);
  events.current = options;
  const handle = useRef<Parcels3D | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const data = useMemo(
    () => (view3d && parcels && map ? extrusionData(parcels, filter, gradeOverrides, loadedTileProps(map)) : []),
    [view3d, parcels, filter, gradeOverrides, map],
  );
  const input = useRef({ data, selectedParcelId });
  input.current = { data, selectedParcelId };

  useEffect(() => {
    if (!map || !view3d) return;
    let cancelled = false;
    events.current.onHover(null);
    import('./deck-overlay.ts').then(
      ({ addParcels3D }) => {
        if (cancelled) return;
        handle.current = addParcels3D(map, input.current, {
          onClick: (p) => events.current.onClick(p),
          onHover: (h) => {
            const canvas = map.getCanvas();
            events.current.onHover(h ? { ...h, width: canvas.clientWidth, height: canvas.clientHeight } : null);
          },
        });
        window.__mujun3d = handle.current;
        setFailed(null);
      },
      (err: unknown) => {
        if (!cancelled) setFailed(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      cancelled = true;
      handle.current?.remove();
      handle.current = null;
      delete window.__mujun3d;
      events.current.onHover(null);
    };
  }, [map, view3d]);

  useEffect(() => {
    handle.current?.update(input.current);
  }, [data, selectedParcelId]);

  return view3d ? failed : null;
}
