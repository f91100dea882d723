/** Everything the first map needs, loaded together: meta, regions, roads, the parcel TileJSON and the basemap. */
import type { StyleSpecification } from 'maplibre-gl';
import { getMeta, getRegions, getRoads, getTileJson } from '../api/client.ts';
import type { Crs, Meta } from '../api/types.ts';
import { buildMapStyle, chooseBasemap, fetchBasemapStyle, type MapData } from '../map/basemap.ts';
import { chooseDisplayCrs } from '../map/display-crs.ts';
import type { MapTheme } from '../map/theme.ts';

export interface LoadedMap {
  meta: Meta;
  data: MapData;
  style: StyleSpecification;
  /** The theme `style` was built with: the map applies only what changed since. */
  styleTheme: MapTheme;
  /** What the map draws in: `data` is in it, and coordinates to and from the map convert through it. */
  displayCrs: Crs;
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
  // Asked for in the CRS of the basemap expected, alongside it; fetched again in WGS 84 in the rare
  // case a GCJ-02 basemap fails and the offline one (WGS 84) is drawn instead.
  const expectedCrs = chooseDisplayCrs(meta.basemapCrs, meta.basemapStyleUrl, choice, true);
  const fetchData = (crs: Crs) =>
    Promise.all([getRegions(crs, signal), getRoads(crs, signal), getTileJson('parcels', crs, signal)]).then(
      ([regions, roads, parcelTiles]): MapData => ({ regions, roads, parcelTiles }),
    );
  const [expectedData, base] = await Promise.all([fetchData(expectedCrs), basemap]);
  const displayCrs = chooseDisplayCrs(meta.basemapCrs, meta.basemapStyleUrl, choice, base.style !== null);
  const data = displayCrs === expectedCrs ? expectedData : await fetchData(displayCrs);
  const styleTheme = theme(data);
  return { meta, data, style: buildMapStyle(data, base.style, styleTheme), styleTheme, displayCrs, basemapNotice: base.notice };
}
