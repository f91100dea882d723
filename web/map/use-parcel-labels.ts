/**
 * Keeps the parcel name labels in step with the viewport's parcels: label points are rebuilt when
 * new parcels arrive or the chosen run changes, and cleared when there are none (3D, low zoom).
 */
import type maplibregl from 'maplibre-gl';
import type { GeoJSONSource } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import type { ParcelCollection } from '../api/types.ts';
import type { GradeOverrides } from './grade-overrides.ts';
import { EMPTY_LABELS, PARCEL_LABEL_SOURCE, parcelLabelPoints } from './parcel-labels.ts';
import { loadedTileProps } from './tile-props.ts';

export function useParcelLabels(map: maplibregl.Map | null, parcels: ParcelCollection | null, overrides: GradeOverrides | null): void {
  // The style starts without labels: nothing to clear (and repaint) until some were set.
  const shown = useRef(false);
  useEffect(() => {
    const source = map?.getSource<GeoJSONSource>(PARCEL_LABEL_SOURCE);
    if (!map || !source || (!parcels && !shown.current)) return;
    source.setData(parcels ? parcelLabelPoints(parcels, loadedTileProps(map), overrides) : EMPTY_LABELS);
    shown.current = parcels !== null;
  }, [map, parcels, overrides]);
}
