/**
 * The MapLibre map: opens on the district, highlights the parcel under the pointer, reports
 * clicks, marks the selected parcel, applies the theme (colours, filter, choropleth, compare) and
 * flies to what the app asks for. Style and layer building live in the pure modules beside this
 * one; this component only wires events, feature-state and patches.
 */
import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { BBox, Crs, MapParcel, ParcelCellProperties } from '../api/types.ts';
import type { ParcelChange } from '../lib/parcel-changes.ts';
import type { Parcels3D } from './deck-overlay.ts';
import { HoverCard, type Hover, type HoverContext } from './HoverCard.tsx';
import { FOOTPRINT_SOURCE } from './land-layers.ts';
import type { LayerPatch } from './layer-patch.ts';
import { openingZoom } from './camera.ts';
import { bboxToDisplay, fromDisplay, toDisplay } from './display-crs.ts';
import { DistrictControl, FIT_PADDING } from './district-control.ts';
import { MAP_LOCALE_ZH } from './locale.ts';
import { addPatternImages } from './map-images.ts';
import { PARCEL_LABEL_MINZOOM, PARCEL_LABEL_SOURCE } from './parcel-labels.ts';
import { CELL_FILL_LAYER, PARCEL_FILL_LAYER, PARCEL_MINZOOM, PARCEL_SOURCE, PARCEL_SOURCE_LAYER } from './parcel-layers.ts';
import { anchorOnResize, type ResizeAnchor } from './resize-anchor.ts';
import { themePatches, type MapTheme } from './theme.ts';
import { mapParcel } from './tile-props.ts';
import { useParcelLabels } from './use-parcel-labels.ts';
import { useParcels3D } from './use-parcels-3d.ts';
import { useViewportParcels } from './use-viewport-parcels.ts';

declare global {
  interface Window {
    /** The map instance, exposed only so browser tests can wait for `idle`. */
    __mujunMap?: maplibregl.Map;
    /** The 3D extrusions while 3D is on, exposed so browser tests can pick what is drawn. */
    __mujun3d?: Parcels3D;
  }
}

export interface MapFocus {
  /** WGS 84. */
  bbox: BBox;
  /** Changes on every request, so flying to the same place twice works. */
  seq: number;
}

/** Where the camera is: centre [lng, lat] in WGS 84 degrees and zoom. */
export interface MapCamera {
  center: [number, number];
  zoom: number;
}

export interface MapViewProps {
  style: StyleSpecification;
  /** The theme `style` was built with. */
  styleTheme: MapTheme;
  /**
   * What the style's geometry is drawn in. Every coordinate in these props and in the callbacks is
   * WGS 84; the map converts at its edge. Fixed for the map's life (a new CRS comes with a new load).
   */
  displayCrs: Crs;
  initialBbox: BBox;
  /** Opens here instead of fitting `initialBbox` (a shared link). */
  initialCamera: MapCamera | null;
  theme: MapTheme;
  /** 3D presentation mode: parcels extruded by 亩均税收, coloured by grade. */
  view3d: boolean;
  selectedParcelId: number | null;
  focus: MapFocus | null;
  /** Region code → name, for the hover card. */
  regionNames: Readonly<Record<string, string>>;
  /** Consolidation footprints (merged sites), drawn while that overlay is on. */
  footprints: FeatureCollection<Polygon | MultiPolygon> | null;
  /** The footprint picked in the candidate list. */
  selectedFootprint: number | null;
  onParcelClick: (parcel: MapParcel) => void;
  /** The tile attributes of the selected parcel, once its tile is loaded (for a parcel not clicked). */
  onSelectedParcel?: (parcel: MapParcel) => void;
  /** After every move, for the address bar. */
  onCameraChange?: (camera: MapCamera) => void;
  /** The MapLibre map once its style has loaded (null when it goes), e.g. to export a picture of it. */
  onMapReady?: (map: maplibregl.Map | null) => void;
}

const featureKey = (id: number) => ({ source: PARCEL_SOURCE, sourceLayer: PARCEL_SOURCE_LAYER, id });

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies what differs from the patches applied before (`previous`). Map.setPaintProperty and its
 * kin repaint the map even for an equal value, and a repaint costs a good part of a second on a
 * software renderer, so unchanged values are not set again.
 */
function applyPatchSet(map: maplibregl.Map, patches: Record<string, LayerPatch>, previous: Record<string, LayerPatch>) {
  for (const [id, patch] of Object.entries(patches)) {
    if (!map.getLayer(id)) continue;
    const before = previous[id] ?? {};
    for (const [k, v] of Object.entries(patch.layout ?? {})) if (!same(before.layout?.[k], v)) map.setLayoutProperty(id, k, v);
    for (const [k, v] of Object.entries(patch.paint ?? {})) if (!same(before.paint?.[k], v)) map.setPaintProperty(id, k, v);
    if (patch.filter && !same(before.filter, patch.filter)) map.setFilter(id, patch.filter);
  }
}

export function MapView({
  style,
  styleTheme,
  displayCrs,
  initialBbox,
  initialCamera,
  theme,
  view3d,
  selectedParcelId,
  focus,
  regionNames,
  footprints,
  selectedFootprint,
  onParcelClick,
  onSelectedParcel,
  onCameraChange,
  onMapReady,
}: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const onClickRef = useRef(onParcelClick);
  onClickRef.current = onParcelClick;
  const onCameraRef = useRef(onCameraChange);
  onCameraRef.current = onCameraChange;
  const onMapReadyRef = useRef(onMapReady);
  onMapReadyRef.current = onMapReady;
  const onSelectedRef = useRef(onSelectedParcel);
  onSelectedRef.current = onSelectedParcel;
  const initial = useRef({ style, crs: displayCrs, initialBbox, initialCamera });
  const anchorRef = useRef<ResizeAnchor | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const { initialCamera: camera, crs } = initial.current;
    const districtBbox = bboxToDisplay(crs, initial.current.initialBbox);
    const m = new maplibregl.Map({
      container,
      style: initial.current.style,
      ...(camera
        ? { center: toDisplay(crs, camera.center), zoom: camera.zoom }
        : { bounds: districtBbox, fitBoundsOptions: { padding: FIT_PADDING } }),
      // The drawing buffer is kept so the canvas can be captured (browser-test screenshots, planners
      // saving a picture). No multisampling (MapLibre's default): fills and lines smooth their own
      // edges, and 4× samples doubled the cost of a frame on a software renderer (map ready
      // 3.7 s → 1.8 s in headless Chromium).
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
      attributionControl: { compact: true },
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 19,
      // Labels appear at once rather than fading in: a fade is a string of extra frames, and a
      // frame costs a good part of a second on a software renderer (headless, old office PCs).
      fadeDuration: 0,
      locale: MAP_LOCALE_ZH,
    });
    if (!camera) m.jumpTo({ zoom: openingZoom(m.getZoom()) });
    m.touchZoomRotate.disableRotation();
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    m.addControl(new DistrictControl(districtBbox), 'top-left');
    // Full screen for the whole app, not the canvas alone: the legend, lists and search come along
    // to the meeting-room projector.
    m.addControl(new maplibregl.FullscreenControl({ container: document.documentElement }), 'top-left');
    m.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-right');
    window.__mujunMap = m;
    addPatternImages(m);
    const anchor = anchorOnResize(m);
    anchorRef.current = anchor;

    let hoveredId: number | null = null;
    const setHovered = (id: number | null) => {
      if (hoveredId === id) return;
      if (hoveredId !== null) m.setFeatureState(featureKey(hoveredId), { hover: false });
      hoveredId = id;
      if (id !== null) m.setFeatureState(featureKey(id), { hover: true });
    };
    const card = (point: { x: number; y: number }, target: Hover['target']) => {
      const canvas = m.getCanvas();
      setHover({ x: point.x, y: point.y, width: canvas.clientWidth, height: canvas.clientHeight, target });
    };

    m.on('load', () => {
      setMap(m);
      onMapReadyRef.current?.(m);
    });
    // The card was placed for the old canvas size (e.g. before a panel opened).
    m.on('resize', () => setHover(null));
    m.on('moveend', () => {
      const c = m.getCenter();
      onCameraRef.current?.({ center: fromDisplay(crs, [c.lng, c.lat]), zoom: m.getZoom() });
    });
    m.on('mousemove', PARCEL_FILL_LAYER, (ev) => {
      const parcel = ev.features?.[0] ? mapParcel(ev.features[0]) : null;
      if (!parcel) return;
      setHovered(parcel.id);
      m.getCanvas().style.cursor = 'pointer';
      card(ev.point, { kind: 'parcel', parcel });
    });
    m.on('mousemove', CELL_FILL_LAYER, (ev) => {
      const f = ev.features?.[0];
      if (!f) return;
      m.getCanvas().style.cursor = 'zoom-in';
      card(ev.point, { kind: 'cell', cell: f.properties as unknown as ParcelCellProperties });
    });
    for (const layer of [PARCEL_FILL_LAYER, CELL_FILL_LAYER]) {
      m.on('mouseleave', layer, () => {
        setHovered(null);
        m.getCanvas().style.cursor = '';
        setHover(null);
      });
    }
    m.on('click', PARCEL_FILL_LAYER, (ev) => {
      const parcel = ev.features?.[0] ? mapParcel(ev.features[0]) : null;
      if (parcel) onClickRef.current(parcel);
    });
    // A cell is a summary: a click zooms in to where its parcels are drawn.
    m.on('click', CELL_FILL_LAYER, (ev) => {
      m.easeTo({ center: ev.lngLat, zoom: PARCEL_MINZOOM + 0.6, duration: 700 });
    });

    return () => {
      if (window.__mujunMap === m) delete window.__mujunMap;
      anchor.remove();
      anchorRef.current = null;
      m.remove();
      setMap(null);
      onMapReadyRef.current?.(null);
    };
  }, []);

  // What the map's layers hold: at first the theme the style was built with, so that only what
  // changed since is set (each set repaints, and the first frames are the slow ones).
  const applied = useRef<Record<string, LayerPatch> | null>(null);
  applied.current ??= themePatches(styleTheme);

  // A new style (e.g. falling back from a remote basemap to the offline one).
  useEffect(() => {
    if (map && style !== initial.current.style) {
      applied.current = themePatches(styleTheme);
      map.setStyle(style);
    }
    // `styleTheme` comes with `style`.
  }, [map, style]);

  // Colours, filter, choropleth, compare: patched in place (no new style, no reload of the tiles).
  const patches = useMemo(() => themePatches(theme), [theme]);
  useEffect(() => {
    if (!map) return;
    applyPatchSet(map, patches, applied.current ?? {});
    applied.current = patches;
  }, [map, patches]);

  const previousSelection = useRef<number | null>(null);
  useEffect(() => {
    if (!map) return;
    const previous = previousSelection.current;
    // On the tiles (fill, outline) and on the labels, so a selected parcel a filter dims keeps its name legible.
    const keys = (id: number) => [featureKey(id), ...(map.getSource(PARCEL_LABEL_SOURCE) ? [{ source: PARCEL_LABEL_SOURCE, id }] : [])];
    if (previous !== null && previous !== selectedParcelId) for (const k of keys(previous)) map.setFeatureState(k, { selected: false });
    if (selectedParcelId !== null) for (const k of keys(selectedParcelId)) map.setFeatureState(k, { selected: true });
    previousSelection.current = selectedParcelId;
    if (selectedParcelId === null) return;
    // Report what the tiles say about it, as soon as a tile holding it is loaded.
    const report = () => {
      const f = map.querySourceFeatures(PARCEL_SOURCE, { sourceLayer: PARCEL_SOURCE_LAYER, filter: ['==', ['id'], selectedParcelId] })[0];
      const parcel = f ? mapParcel(f) : null;
      if (!parcel) return false;
      onSelectedRef.current?.(parcel);
      map.off('idle', onIdle);
      return true;
    };
    const onIdle = () => void report();
    if (!report()) map.on('idle', onIdle);
    return () => {
      map.off('idle', onIdle);
    };
  }, [map, selectedParcelId]);

  // The style starts with no footprints: nothing to set (and repaint) until some arrive.
  const footprintsShown = useRef(false);
  useEffect(() => {
    if (!map || (!footprints && !footprintsShown.current)) return;
    map.getSource<GeoJSONSource>(FOOTPRINT_SOURCE)?.setData(footprints ?? { type: 'FeatureCollection', features: [] });
    footprintsShown.current = footprints !== null;
  }, [map, footprints]);
  useEffect(() => {
    if (!map || selectedFootprint === null || !map.getSource(FOOTPRINT_SOURCE)) return;
    const key = { source: FOOTPRINT_SOURCE, id: selectedFootprint };
    map.setFeatureState(key, { selected: true });
    return () => {
      if (map.getSource(FOOTPRINT_SOURCE)) map.setFeatureState(key, { selected: false });
    };
  }, [map, selectedFootprint, footprints]);

  // The viewport's GeoJSON: for the extrusions in 3D, and for names at street zoom.
  const wantViewport = useCallback((zoom: number) => view3d || zoom >= PARCEL_LABEL_MINZOOM - 0.3, [view3d]);
  const viewport = useViewportParcels(map, initial.current.crs, wantViewport);
  useParcelLabels(map, view3d ? null : viewport.parcels, theme.gradeOverrides);

  const failed3d = useParcels3D({
    map,
    view3d,
    parcels: viewport.parcels,
    filter: theme.filter,
    gradeOverrides: theme.gradeOverrides,
    selectedParcelId,
    onClick: (p) => onClickRef.current(p),
    onHover: (h) => setHover(h ? { ...h, target: { kind: 'parcel', parcel: h.parcel, summary: h.summary } } : null),
  });

  useEffect(() => {
    if (!map || !focus) return;
    const [w, s, e, n] = bboxToDisplay(initial.current.crs, focus.bbox);
    // The detail panel may have opened in this same render: fit to the map's size as it is now.
    anchorRef.current?.sync();
    // Keep the tilt and rotation of the 3D mode while flying.
    map.fitBounds([w, s, e, n], { padding: 100, maxZoom: 16.5, duration: 900, bearing: map.getBearing(), pitch: map.getPitch() });
  }, [map, focus]);

  const changesByCode = useMemo(
    () => (theme.changes ? new Map<string, ParcelChange>(theme.changes.map((c) => [c.code, c])) : null),
    [theme.changes],
  );
  const context: HoverContext = { colorMode: theme.colorMode, gradeOverrides: theme.gradeOverrides, changes: changesByCode, regionNames };
  const notice = view3d ? (failed3d ? `三维模式加载失败：${failed3d}` : viewport.error) : null;

  return (
    <div className="map-wrap">
      <div ref={containerRef} className="map" data-testid="map" />
      {hover ? <HoverCard hover={hover} context={context} /> : null}
      {notice ? (
        <div className="notice" role="status">
          {notice}
        </div>
      ) : null}
    </div>
  );
}
