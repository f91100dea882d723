/**
 * A map button that brings back the whole district (the opening view), under the zoom buttons:
 * after flying to a parcel or a search hit, one click returns to the overview.
 */
import type { IControl, Map as MaplibreMap } from 'maplibre-gl';
import type { BBox } from '../api/types.ts';
import { openingZoom } from './camera.ts';

/** Padding around the district when fitted, in pixels. */
export const FIT_PADDING = 32;

/** Fits `bbox` as the map opens: the fit, raised to the parcel zoom when it falls just short. */
export function fitDistrict(map: MaplibreMap, bbox: BBox, durationMs: number): void {
  const [w, s, e, n] = bbox;
  const camera = map.cameraForBounds([w, s, e, n], { padding: FIT_PADDING });
  if (!camera) return;
  map.easeTo({ center: camera.center, zoom: openingZoom(camera.zoom ?? map.getZoom()), bearing: map.getBearing(), pitch: map.getPitch(), duration: durationMs });
}

export class DistrictControl implements IControl {
  private container: HTMLDivElement | null = null;

  constructor(private readonly bbox: BBox) {}

  onAdd(map: MaplibreMap): HTMLElement {
    const div = document.createElement('div');
    div.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'mujun-ctrl-district';
    button.textContent = '全区';
    button.title = '回到全区视图';
    button.setAttribute('aria-label', '回到全区视图');
    button.addEventListener('click', () => fitDistrict(map, this.bbox, 700));
    div.appendChild(button);
    this.container = div;
    return div;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = null;
  }
}
