/**
 * The CRS the map draws in, and the conversions at its edge. Our data, the API and the address bar
 * are WGS 84; over a GCJ-02 basemap (Amap, Tencent) the parcels are shifted for display only
 * (the server shifts tiles and GeoJSON asked for with `crs=gcj02`). Every WGS 84 coordinate the app
 * hands the map goes through `toDisplay…`, and every map coordinate it keeps (the camera centre in
 * the URL, the viewport box it fetches parcels for) comes back through `fromDisplay…`, so a shared
 * link opens on the same ground with either basemap.
 */
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../server/domain/gcj02.ts';
import type { BBox, Crs } from '../api/types.ts';
import type { BasemapChoice } from './basemap.ts';

/**
 * GCJ-02 only when the server's configured basemap is in GCJ-02 and is the one drawn: not the
 * offline basemap (`?basemap=offline`, none configured, or the configured one failed to load and
 * we fell back) and not another style named in the address bar, whose CRS we do not know.
 */
export function chooseDisplayCrs(
  basemapCrs: Crs | undefined,
  configuredStyleUrl: string | null,
  choice: BasemapChoice,
  basemapLoaded: boolean,
): Crs {
  if (basemapCrs !== 'gcj02' || choice.kind !== 'remote' || !basemapLoaded) return 'wgs84';
  return choice.styleUrl === configuredStyleUrl?.trim() ? 'gcj02' : 'wgs84';
}

/** A WGS 84 [lng, lat] where the map draws it. */
export function toDisplay(crs: Crs, [lng, lat]: readonly [number, number]): [number, number] {
  return crs === 'gcj02' ? wgs84ToGcj02(lng, lat) : [lng, lat];
}

/** A map [lng, lat] as WGS 84. */
export function fromDisplay(crs: Crs, [lng, lat]: readonly [number, number]): [number, number] {
  return crs === 'gcj02' ? gcj02ToWgs84(lng, lat) : [lng, lat];
}

/** The box around the four corners of `bbox`, each converted by `f`. */
function convertBox([w, s, e, n]: BBox, f: (p: [number, number]) => [number, number]): BBox {
  const corners = [f([w, s]), f([e, s]), f([e, n]), f([w, n])];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** A WGS 84 [w, s, e, n] as the map draws it (the box around its shifted corners). */
export function bboxToDisplay(crs: Crs, bbox: BBox): BBox {
  return crs === 'gcj02' ? convertBox(bbox, (p) => toDisplay(crs, p)) : [...bbox];
}

/** A map [w, s, e, n] (e.g. the viewport) as WGS 84 (the box around its corners). */
export function bboxFromDisplay(crs: Crs, bbox: BBox): BBox {
  return crs === 'gcj02' ? convertBox(bbox, (p) => fromDisplay(crs, p)) : [...bbox];
}
