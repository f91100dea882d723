/**
 * Everything the map's look depends on, in one value, and the layer patches it gives. The app
 * builds a `MapTheme` from its state; the map applies `themePatches` whenever it changes.
 */
import type { Choropleth } from './choropleth.ts';
import { landPatches, NO_LAND, type LandTheme } from './land-layers.ts';
import { mergePatches, type LayerPatch } from './layer-patch.ts';
import { PARCEL_LABEL_LAYER } from './parcel-labels.ts';
import { DEFAULT_PARCEL_THEME, parcelLabelOpacity, parcelPatches, type ParcelTheme } from './parcel-layers.ts';
import { regionPaint } from './region-layers.ts';

export interface MapTheme extends ParcelTheme {
  /** The region choropleth, drawn in colour mode 'region' (null while its figures load). */
  choropleth: Choropleth | null;
  /** Land status and candidate overlays. */
  land: LandTheme;
}

export const DEFAULT_MAP_THEME: MapTheme = Object.freeze({ ...DEFAULT_PARCEL_THEME, choropleth: null, land: NO_LAND });

/** Whether the region choropleth is what the map shows (compare takes precedence). */
export function showsChoropleth(theme: MapTheme): boolean {
  return theme.colorMode === 'region' && !theme.changes;
}

export function themePatches(theme: MapTheme): Record<string, LayerPatch> {
  return mergePatches(
    parcelPatches(theme),
    { [PARCEL_LABEL_LAYER]: { paint: { 'text-opacity': parcelLabelOpacity(theme) } } },
    regionPaint(showsChoropleth(theme) ? theme.choropleth : null),
    landPatches(theme.land),
  );
}
