/** The attributes of the parcels in the loaded vector tiles, by parcel id. */
import type maplibregl from 'maplibre-gl';
import type { MapParcel, ParcelTileProperties } from '../api/types.ts';
import { PARCEL_SOURCE, PARCEL_SOURCE_LAYER } from './parcel-layers.ts';

/** A map feature of the parcel tiles as the app sees it; null for anything else. */
export function mapParcel(feature: { id?: string | number; properties: Record<string, unknown> }): MapParcel | null {
  const id = Number(feature.id);
  const code = feature.properties.code;
  if (!Number.isInteger(id) || typeof code !== 'string') return null;
  return { id, properties: feature.properties as unknown as ParcelTileProperties };
}

/** Every parcel in the loaded tiles (a parcel cut by tile edges appears once). */
export function loadedTileProps(map: maplibregl.Map): Map<number, ParcelTileProperties> {
  const out = new Map<number, ParcelTileProperties>();
  if (!map.getSource(PARCEL_SOURCE)) return out;
  for (const f of map.querySourceFeatures(PARCEL_SOURCE, { sourceLayer: PARCEL_SOURCE_LAYER })) {
    const p = mapParcel(f);
    if (p && !out.has(p.id)) out.set(p.id, p.properties);
  }
  return out;
}
