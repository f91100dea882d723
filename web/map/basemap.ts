/**
 * Which basemap to draw under the parcels, and the final map style.
 *
 * Default: the built-in offline basemap from our regions and roads. A deployment with a basemap
 * (e.g. a 天地图 or intranet vector style) configures its style URL on the server (`/api/meta` →
 * `basemapStyleUrl`); `?basemap=<url>` overrides it for one session and `?basemap=offline` forces
 * the built-in one. Over a configured basemap we add region outlines and names, parcels and their
 * labels on top, and leave roads and place names to the basemap.
 */
import type { LayerSpecification, StyleSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { RegionCollection, RoadCollection, TileJson } from '../api/types.ts';
import { LOCAL_FONTS, type LabelFonts } from './fonts.ts';
import { candidateLayers, FOOTPRINT_SOURCE, footprintSource, statusLayers } from './land-layers.ts';
import { applyPatches } from './layer-patch.ts';
import { basemapSources, buildOfflineStyle, outlineLayers, regionLabelLayers } from './offline-style.ts';
import { PARCEL_LABEL_SOURCE, parcelLabelLayer, parcelLabelSource } from './parcel-labels.ts';
import { PARCEL_SOURCE, parcelHoverLayer, parcelLayers, parcelSelectionLayers, parcelTileSource } from './parcel-layers.ts';
import { choroplethOverLayers, choroplethUnderLayers } from './region-layers.ts';
import { DEFAULT_MAP_THEME, themePatches, type MapTheme } from './theme.ts';

export type BasemapChoice = { kind: 'offline' } | { kind: 'remote'; styleUrl: string };

/** Accept absolute http(s) URLs and same-origin paths; anything else (javascript:, data:) is ignored. */
function usableStyleUrl(raw: string | null | undefined): string | null {
  const url = raw?.trim();
  if (!url) return null;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Choose the basemap from the page's query string (e.g. `?basemap=offline`) and the server's
 * configured `basemapStyleUrl`. The query string wins; an unusable URL falls back to offline.
 */
export function chooseBasemap(search: string, configuredStyleUrl: string | null): BasemapChoice {
  const param = new URLSearchParams(search).get('basemap');
  if (param !== null) {
    if (param.trim() === '' || param.trim().toLowerCase() === 'offline') return { kind: 'offline' };
    const fromParam = usableStyleUrl(param);
    if (fromParam) return { kind: 'remote', styleUrl: fromParam };
  }
  const configured = usableStyleUrl(configuredStyleUrl);
  return configured ? { kind: 'remote', styleUrl: configured } : { kind: 'offline' };
}

/**
 * Fonts for our labels over a remote basemap: its first literal `text-font` stack, which its glyph
 * server is sure to serve (Chinese characters are drawn locally by MapLibre either way). Falls back
 * to our local stacks when the basemap has no glyphs URL or no symbol layers.
 */
export function labelFontsFor(basemap: StyleSpecification): LabelFonts {
  if (!basemap.glyphs) return LOCAL_FONTS;
  for (const layer of basemap.layers) {
    if (layer.type !== 'symbol') continue;
    const font = (layer as SymbolLayerSpecification).layout?.['text-font'];
    if (Array.isArray(font) && font.length > 0 && font.every((f) => typeof f === 'string')) {
      return { regular: font as string[], bold: font as string[] };
    }
  }
  return LOCAL_FONTS;
}

export interface MapData {
  regions: RegionCollection;
  roads: RoadCollection;
  /** TileJSON of the parcel vector tiles. */
  parcelTiles: TileJson;
}

/** Our sources besides the basemap's: parcel tiles and the label points of the viewport's parcels. */
function parcelSources(data: MapData) {
  return {
    [PARCEL_SOURCE]: parcelTileSource(data.parcelTiles),
    [PARCEL_LABEL_SOURCE]: parcelLabelSource(),
    [FOOTPRINT_SOURCE]: footprintSource(),
  };
}

/**
 * The map's style. With `basemap` null: the offline style with parcels in it. With a fetched
 * remote style: that style, untouched, with our sources and layers appended on top.
 * `theme` sets the initial colours, filter and choropleth (later changes are applied as patches).
 */
export function buildMapStyle(data: MapData, basemap: StyleSpecification | null, theme: MapTheme = DEFAULT_MAP_THEME): StyleSpecification {
  const patches = themePatches(theme);
  if (!basemap) {
    const style = buildOfflineStyle({
      regions: data.regions,
      roads: data.roads,
      extraSources: parcelSources(data),
      under: [...choroplethUnderLayers(), ...parcelLayers(theme), ...statusLayers()],
      over: [parcelHoverLayer(), ...candidateLayers(), ...parcelSelectionLayers(), ...choroplethOverLayers()],
      top: [parcelLabelLayer(undefined, theme)],
    });
    return { ...style, layers: applyPatches(style.layers, patches) };
  }
  const fonts = labelFontsFor(basemap);
  const ours: LayerSpecification[] = [
    ...choroplethUnderLayers(),
    ...parcelLayers(theme),
    ...statusLayers(),
    parcelHoverLayer(),
    ...candidateLayers(fonts),
    ...parcelSelectionLayers(),
    ...outlineLayers(),
    ...choroplethOverLayers(fonts),
    parcelLabelLayer(fonts, theme),
    ...regionLabelLayers(fonts),
  ];
  const taken = new Set(basemap.layers.map((l) => l.id));
  const clash = ours.find((l) => taken.has(l.id));
  if (clash) throw new Error(`basemap style already has a layer named ${clash.id}`);
  return {
    ...basemap,
    sources: {
      ...basemap.sources,
      ...basemapSources(data.regions, null),
      ...parcelSources(data),
    },
    layers: [...basemap.layers, ...applyPatches(ours, patches)],
  };
}

/**
 * Fetch a remote basemap style. Rejects on network failure, a non-2xx answer, a timeout, or a
 * body that is not a version-8 style, so the caller can fall back to the offline basemap.
 */
export async function fetchBasemapStyle(styleUrl: string, timeoutMs = 8000): Promise<StyleSpecification> {
  const response = await fetch(styleUrl, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`basemap style ${styleUrl}: ${response.status}`);
  const style = (await response.json()) as Partial<StyleSpecification>;
  if (style.version !== 8 || !Array.isArray(style.layers) || typeof style.sources !== 'object') {
    throw new Error(`basemap style ${styleUrl} is not a MapLibre v8 style`);
  }
  return style as StyleSpecification;
}
