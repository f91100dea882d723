/** Everything the first map needs, loaded together: meta, regions, roads, parcels and the basemap. */
import type { StyleSpecification } from 'maplibre-gl';
import { getMeta, getParcels, getRegions, getRoads } from '../api/client.ts';
import type { Meta } from '../api/types.ts';
import { buildMapStyle, chooseBasemap, fetchBasemapStyle, type MapData } from '../map/basemap.ts';
import type { ColorMode, ParcelStyle } from '../map/parcel-layers.ts';
import type { ParcelFilter } from '../map/parcel-filter.ts';

export interface LoadedMap {
  meta: Meta;
  data: MapData;
  style: StyleSpecification;
  /** Why the configured basemap is not shown, if it failed to load. */
  basemapNotice: string | null;
  /** Whether parcel features say 规上/规下, so the map can apply that filter too. */
  groupKnown: boolean;
}

/**
 * `initial` is how the parcels are first drawn (from the address bar); the style is built with it
 * so a shared link never flashes the default colours first.
 */
export async function loadMapData(
  search: string,
  initial: { colorMode: ColorMode; filter: ParcelFilter },
  signal: AbortSignal,
): Promise<LoadedMap> {
  const meta = await getMeta(signal);
  const choice = chooseBasemap(search, meta.basemapStyleUrl);
  const basemap =
    choice.kind === 'remote'
      ? fetchBasemapStyle(choice.styleUrl).then(
          (style) => ({ style, notice: null }),
          (err: unknown) => ({ style: null, notice: `底图加载失败，已改用离线底图（${err instanceof Error ? err.message : String(err)}）` }),
        )
      : Promise.resolve({ style: null, notice: null });
  const [regions, roads, parcels, base] = await Promise.all([
    getRegions(signal),
    getRoads(signal),
    getParcels(meta.bbox, signal),
    basemap,
  ]);
  const data = { regions, roads, parcels };
  const groupKnown = parcels.features.some((f) => f.properties.group !== undefined);
  const parcelStyle: ParcelStyle = { ...initial, filterOptions: { groupKnown } };
  return { meta, data, style: buildMapStyle(data, base.style, parcelStyle), basemapNotice: base.notice, groupKnown };
}
