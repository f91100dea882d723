/**
 * The MapLibre map: opens on the district, highlights the parcel under the pointer, reports
 * clicks, marks the selected parcel and flies to what the app asks for. Style building lives in
 * the pure modules beside this one; this component only wires events and feature-state.
 */
import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import type { StyleSpecification } from 'maplibre-gl';
import type { BBox, ParcelCollection, ParcelFeatureProperties } from '../api/types.ts';
import { formatMu, withUnit } from '../lib/format.ts';
import type { Parcels3D } from './deck-overlay.ts';
import { gradeOf } from './grades.ts';
import {
  PARCEL_FILL_LAYER,
  PARCEL_LABEL_LAYER,
  PARCEL_SOURCE,
  parcelFillColor,
  parcelFillOpacity,
  parcelLabelOpacity,
  type ParcelStyle,
} from './parcel-layers.ts';
import { TAX_UNIT, classOf } from './tax-classes.ts';
import { useParcels3D } from './use-parcels-3d.ts';

declare global {
  interface Window {
    /** The map instance, exposed only so browser tests can wait for `idle`. */
    __mujunMap?: maplibregl.Map;
    /** The 3D extrusions while 3D is on, exposed so browser tests can pick what is drawn. */
    __mujun3d?: Parcels3D;
  }
}

export interface MapFocus {
  bbox: BBox;
  /** Changes on every request, so flying to the same place twice works. */
  seq: number;
}

/** Where the camera is: centre [lng, lat] in degrees and zoom. */
export interface MapCamera {
  center: [number, number];
  zoom: number;
}

export interface MapViewProps {
  style: StyleSpecification;
  initialBbox: BBox;
  /** Opens here instead of fitting `initialBbox` (a shared link). */
  initialCamera: MapCamera | null;
  /** Colour mode and evaluation filter of the parcels. */
  parcelStyle: ParcelStyle;
  /** The parcels, for the 3D extrusions (the 2D layers read them from the style). */
  parcels: ParcelCollection;
  /** 3D presentation mode: parcels extruded by 亩均税收, coloured by grade. */
  view3d: boolean;
  selectedParcelId: number | null;
  focus: MapFocus | null;
  onParcelClick: (parcel: ParcelFeatureProperties) => void;
  /** After every move, for the address bar. */
  onCameraChange?: (camera: MapCamera) => void;
}

export interface Hover {
  x: number;
  y: number;
  /** Canvas size in CSS pixels, to keep the card on screen. */
  width: number;
  height: number;
  parcel: ParcelFeatureProperties;
}

/** Properties as they come back from a rendered feature: nulls may have been dropped. */
function parcelProps(raw: Record<string, unknown>): ParcelFeatureProperties {
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const grade = gradeOf(typeof raw.grade === 'string' ? raw.grade : null).id;
  return {
    id: Number(raw.id),
    code: String(raw.code ?? ''),
    areaMu: Number(raw.areaMu ?? 0),
    landUse: String(raw.landUse ?? ''),
    landUseName: String(raw.landUseName ?? ''),
    enterpriseCount: Number(raw.enterpriseCount ?? 0),
    enterpriseNames: String(raw.enterpriseNames ?? ''),
    year: num(raw.year),
    taxWan: num(raw.taxWan),
    taxPerMuWan: num(raw.taxPerMuWan),
    grade: grade === 'none' ? null : grade,
    group: raw.group === 'above' || raw.group === 'below' ? raw.group : null,
  };
}

const FIT_PADDING = 32;

export function MapView({
  style,
  initialBbox,
  initialCamera,
  parcelStyle,
  parcels,
  view3d,
  selectedParcelId,
  focus,
  onParcelClick,
  onCameraChange,
}: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [hover, setHover] = useState<Hover | null>(null);
  const onClickRef = useRef(onParcelClick);
  onClickRef.current = onParcelClick;
  const onCameraRef = useRef(onCameraChange);
  onCameraRef.current = onCameraChange;
  const initial = useRef({ style, initialBbox, initialCamera, parcelStyle });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const { initialCamera: camera } = initial.current;
    const map = new maplibregl.Map({
      container,
      style: initial.current.style,
      ...(camera
        ? { center: camera.center, zoom: camera.zoom }
        : { bounds: initial.current.initialBbox, fitBoundsOptions: { padding: FIT_PADDING } }),
      // Kept so the canvas can be captured: browser-test screenshots, and planners saving a picture.
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      attributionControl: { compact: true },
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 19,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-right');
    mapRef.current = map;
    window.__mujunMap = map;

    let hoveredId: number | null = null;
    const setHovered = (id: number | null) => {
      if (hoveredId === id) return;
      if (hoveredId !== null) map.setFeatureState({ source: PARCEL_SOURCE, id: hoveredId }, { hover: false });
      hoveredId = id;
      if (id !== null) map.setFeatureState({ source: PARCEL_SOURCE, id }, { hover: true });
    };

    map.on('load', () => setLoaded(true));
    // The card was placed for the old canvas size (e.g. before a panel opened).
    map.on('resize', () => setHover(null));
    map.on('moveend', () => {
      const c = map.getCenter();
      onCameraRef.current?.({ center: [c.lng, c.lat], zoom: map.getZoom() });
    });
    map.on('mousemove', PARCEL_FILL_LAYER, (ev) => {
      const feature = ev.features?.[0];
      if (!feature) return;
      const parcel = parcelProps(feature.properties);
      setHovered(parcel.id);
      map.getCanvas().style.cursor = 'pointer';
      const canvas = map.getCanvas();
      setHover({ x: ev.point.x, y: ev.point.y, width: canvas.clientWidth, height: canvas.clientHeight, parcel });
    });
    map.on('mouseleave', PARCEL_FILL_LAYER, () => {
      setHovered(null);
      map.getCanvas().style.cursor = '';
      setHover(null);
    });
    map.on('click', PARCEL_FILL_LAYER, (ev) => {
      const feature = ev.features?.[0];
      if (feature) onClickRef.current(parcelProps(feature.properties));
    });

    return () => {
      if (window.__mujunMap === map) delete window.__mujunMap;
      map.remove();
      mapRef.current = null;
    };
  }, []);

  // A new style (e.g. falling back from a remote basemap to the offline one).
  useEffect(() => {
    const map = mapRef.current;
    if (map && style !== initial.current.style) map.setStyle(style);
  }, [style]);

  // Colour mode and filter: repaint the parcels in place (no new style, no reload of the data).
  const { colorMode, filter, filterOptions } = parcelStyle;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || !map.getLayer(PARCEL_FILL_LAYER)) return;
    map.setPaintProperty(PARCEL_FILL_LAYER, 'fill-color', parcelFillColor(colorMode));
  }, [colorMode, loaded]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || !map.getLayer(PARCEL_FILL_LAYER)) return;
    map.setPaintProperty(PARCEL_FILL_LAYER, 'fill-opacity', parcelFillOpacity(filter, filterOptions));
    if (map.getLayer(PARCEL_LABEL_LAYER)) map.setPaintProperty(PARCEL_LABEL_LAYER, 'text-opacity', parcelLabelOpacity(filter, filterOptions));
  }, [filter, filterOptions, loaded]);

  const previousSelection = useRef<number | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    const previous = previousSelection.current;
    if (previous !== null && previous !== selectedParcelId) {
      map.setFeatureState({ source: PARCEL_SOURCE, id: previous }, { selected: false });
    }
    if (selectedParcelId !== null) map.setFeatureState({ source: PARCEL_SOURCE, id: selectedParcelId }, { selected: true });
    previousSelection.current = selectedParcelId;
  }, [selectedParcelId, loaded]);

  const failed3d = useParcels3D({
    map: loaded ? mapRef.current : null,
    view3d,
    parcels,
    filter,
    filterOptions,
    selectedParcelId,
    onClick: (p) => onClickRef.current(p),
    onHover: setHover,
  });

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !focus) return;
    const [w, s, e, n] = focus.bbox;
    // Keep the tilt and rotation of the 3D mode while flying.
    map.fitBounds([w, s, e, n], { padding: 100, maxZoom: 16.5, duration: 900, bearing: map.getBearing(), pitch: map.getPitch() });
  }, [focus]);

  return (
    <div className="map-wrap">
      <div ref={containerRef} className="map" data-testid="map" />
      {hover ? <HoverCard hover={hover} colorMode={view3d ? 'grade' : colorMode} /> : null}
      {failed3d && view3d ? (
        <div className="notice" role="status">
          三维模式加载失败：{failed3d}
        </div>
      ) : null}
    </div>
  );
}

function HoverCard({ hover, colorMode }: { hover: Hover; colorMode: ParcelStyle['colorMode'] }) {
  const { parcel, x, y, width, height } = hover;
  const cls = classOf(parcel.taxPerMuWan);
  const g = gradeOf(parcel.grade);
  const gradeLine = (
    <div key="grade">
      <span className="swatch" style={{ background: g.color }} aria-hidden />
      {parcel.grade ? `${g.letter} 级 · ${g.name}` : '未评价'}
    </div>
  );
  const taxLine = (
    <div key="tax">
      <span className="swatch" style={{ background: cls.color }} aria-hidden />
      亩均税收 {withUnit(parcel.taxPerMuWan, TAX_UNIT, 2)}
      {parcel.year ? ` · ${parcel.year}` : ''}
      {cls.note ? ` · ${cls.note}` : ''}
    </div>
  );
  // Open towards the larger free side, so the card never runs off the map.
  const position = {
    ...(x < width - 320 ? { left: x + 14 } : { right: width - x + 14 }),
    ...(y < height - 140 ? { top: y + 14 } : { bottom: height - y + 14 }),
  };
  return (
    <div className="hover-card" style={position} role="tooltip">
      <div className="hover-title">
        {parcel.enterpriseNames || '无关联企业'}
        {parcel.enterpriseCount > 3 ? ` 等 ${parcel.enterpriseCount} 家` : ''}
      </div>
      <div className="mono hover-code">{parcel.code}</div>
      <div>
        {formatMu(parcel.areaMu)} · {parcel.landUseName}
      </div>
      {colorMode === 'grade' ? [gradeLine, taxLine] : [taxLine, gradeLine]}
    </div>
  );
}
