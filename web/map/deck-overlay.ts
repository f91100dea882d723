/**
 * The 3D presentation mode: the parcels as deck.gl extrusions (height = 亩均税收, colour = grade),
 * drawn interleaved into the MapLibre canvas (deck.gl 9.4 with maplibre-gl 5.24, see
 * NOTES-STACK.md). Loaded on demand, so the 2D map does not pay for deck.gl.
 * The data comes from extrusion.ts; this module only builds the layer and wires it to the map.
 */
import { PathLayer, PolygonLayer } from '@deck.gl/layers';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type maplibregl from 'maplibre-gl';
import type { MapParcel, ParcelFeatureProperties } from '../api/types.ts';
import { selectionOutline, type ExtrudedParcel, type OutlinePath } from './extrusion.ts';
import { PARCEL_LABEL_LAYER } from './parcel-labels.ts';
import {
  CELL_FILL_LAYER,
  PARCEL_FILL_LAYER,
  PARCEL_HOVER_LAYER,
  PARCEL_OUTLINE_LAYER,
  PARCEL_SELECTED_HALO_LAYER,
  PARCEL_SELECTED_LAYER,
} from './parcel-layers.ts';

/** MapLibre parcel layers the extrusions replace while 3D is on. */
const HIDDEN_IN_3D = [CELL_FILL_LAYER, PARCEL_FILL_LAYER, PARCEL_OUTLINE_LAYER, PARCEL_HOVER_LAYER, PARCEL_LABEL_LAYER, PARCEL_SELECTED_HALO_LAYER, PARCEL_SELECTED_LAYER];

const SELECTED_LINE: [number, number, number, number] = [194, 24, 91, 255];

export const PITCH_3D = 55;
export const BEARING_3D = -18;

export interface Parcels3DInput {
  data: ExtrudedParcel[];
  selectedParcelId: number | null;
}

export interface Parcels3DEvents {
  onClick: (parcel: MapParcel) => void;
  onHover: (hover: { x: number; y: number; parcel: MapParcel; summary: ParcelFeatureProperties } | null) => void;
}

/** A picked extrusion, as the map reports parcels: id and tile attributes, with the GeoJSON summary. */
export interface Picked3D extends MapParcel {
  summary: ParcelFeatureProperties;
}

const picked = (d: ExtrudedParcel): Picked3D => ({ id: d.id, properties: d.tile, summary: d.properties });

export interface Parcels3D {
  update(input: Parcels3DInput): void;
  remove(): void;
  /** The parcel drawn at a canvas point (CSS pixels), for tests and tools. */
  pick(x: number, y: number): Picked3D | null;
}

function layers(input: Parcels3DInput, events: Parcels3DEvents): [PolygonLayer<ExtrudedParcel>, PathLayer<OutlinePath>] {
  const { selectedParcelId } = input;
  const parcels = new PolygonLayer<ExtrudedParcel>({
    id: 'mujun-parcel-extrusion',
    data: input.data,
    extruded: true,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 90],
    getPolygon: (d) => d.polygon,
    getElevation: (d) => d.elevationM,
    getFillColor: (d) => d.color,
    material: { ambient: 0.45, diffuse: 0.6, shininess: 16, specularColor: [40, 40, 40] },
    transitions: { getElevation: 500 },
    onHover: (info) => {
      const p = info.object ? picked(info.object) : null;
      events.onHover(p ? { x: info.x, y: info.y, parcel: p, summary: p.summary } : null);
    },
  });
  const selection = new PathLayer<OutlinePath>({
    id: 'mujun-parcel-extrusion-selected',
    data: selectionOutline(input.data, selectedParcelId),
    getPath: (d) => d.path,
    getColor: SELECTED_LINE,
    getWidth: 3,
    widthUnits: 'pixels',
    jointRounded: true,
    parameters: { depthCompare: 'always' },
  });
  return [parcels, selection];
}

function setParcelLayersVisible(map: maplibregl.Map, visible: boolean): void {
  for (const id of HIDDEN_IN_3D) {
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }
}

/** Adds the extrusions, tilts the map and lets it rotate; `remove()` undoes all of it. */
export function addParcels3D(map: maplibregl.Map, input: Parcels3DInput, events: Parcels3DEvents): Parcels3D {
  const overlay = new MapboxOverlay({
    interleaved: true,
    layers: layers(input, events),
    // Tilt only once deck.gl is ready: it follows the map's camera from its first `move` after
    // loading, so a tilt that ended earlier would leave picking (clicks) on the untilted view.
    // The timeout lets @deck.gl/mapbox subscribe to `move` right after this callback.
    onLoad: () => setTimeout(() => map.easeTo({ pitch: PITCH_3D, bearing: BEARING_3D, duration: 900 }), 0),
    getCursor: ({ isHovering, isDragging }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
  });
  map.addControl(overlay as unknown as maplibregl.IControl);
  const pick = (x: number, y: number) => {
    const object = (overlay.pickObject({ x, y, radius: 2 }) as { object?: ExtrudedParcel } | null)?.object;
    return object ? picked(object) : null;
  };
  // Clicks through MapLibre (deck.gl's own click did not fire in interleaved mode under a drag-pan map).
  const onMapClick = (ev: maplibregl.MapMouseEvent) => {
    const parcel = pick(ev.point.x, ev.point.y);
    if (parcel) events.onClick(parcel);
  };
  map.on('click', onMapClick);
  setParcelLayersVisible(map, false);
  map.dragRotate.enable();
  map.touchZoomRotate.enableRotation();
  return {
    update: (next) => overlay.setProps({ layers: layers(next, events) }),
    remove: () => {
      map.off('click', onMapClick);
      map.removeControl(overlay as unknown as maplibregl.IControl);
      setParcelLayersVisible(map, true);
      map.dragRotate.disable();
      map.touchZoomRotate.disableRotation();
      map.easeTo({ pitch: 0, bearing: 0, duration: 700 });
    },
    pick,
  };
}
