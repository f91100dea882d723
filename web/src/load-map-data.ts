/** Everything the first map needs, loaded together: meta, regions, roads, the parcel TileJSON and the basemap. */
import type { StyleSpecification } from 'maplibre-gl';
import { getMeta, getRegions, getRoads, getTileJson } from '../api/client.ts';
import type { Meta } from '../api/types.ts';
import { buildMapStyle, chooseBasemap, fetchBasemapStyle, type MapData } from '../map/basemap.ts';
import type { MapTheme } from '../map/theme.ts';

export interface LoadedMap {
  meta: Meta;
  data: MapData;
  style: StyleSpecification;
  /** The theme `style` was built with: the map applies only what changed since. */
  styleTheme: MapTheme;
  /** Why the configured basemap is not shown, if it failed to load. */
  basemapNotice: string | null;
}

/**
 * `theme` is how the map is first drawn (from the address bar); the style is built with it so a
 * shared link never flashes the default colours first.
 */
export async function loadMapData(search: string, theme: (data: MapData) => MapTheme, signal: AbortSignal): Promise<LoadedMap> {
  const meta = await getMeta(signal);
  const choice = chooseBasemap(search, meta.basemapStyleUrl);
  const basemap =
    choice.kind === 'remote'
      ? fetchBasemapStyle(choice.styleUrl).then(
          (style) => ({ style, notice: null }),
          (err: unknown) => ({ style: null, notice: `底图加载失败，已改用离线底图（${err instanceof Error ? err.message : String(err)}）` }),
        )
      : Promise.resolve({ style: null, notice: null });
  const [regions, roads, parcelTiles, base] = await Promise.all([getRegions(signal), getRoads(signal), getTileJson('parcels', signal), basemap]);
  const data: MapData = { regions, roads, parcelTiles };
  const styleTheme = theme(data);
  return { meta, data, style: buildMapStyle(data, base.style, styleTheme), styleTheme, basemapNotice: base.notice };
}
