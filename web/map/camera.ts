/**
 * Where the map opens. Fitting the district is the natural first view, but the parcel tiles start
 * at zoom 12 (below it they hold grid cells): when the fit falls just short of 12, as the sample
 * district does at 1366×768, opening at 12 on the same centre shows the parcels themselves and
 * trims only the district's margins. A district much larger than the screen keeps its fit, cells
 * and all.
 */
import { PARCEL_MINZOOM } from './parcel-layers.ts';

/** How far below the parcel zoom a fit may fall and still be raised to it. */
export const RAISE_TO_PARCELS_WITHIN = 0.75;

export function openingZoom(fitZoom: number): number {
  return fitZoom < PARCEL_MINZOOM && fitZoom >= PARCEL_MINZOOM - RAISE_TO_PARCELS_WITHIN ? PARCEL_MINZOOM : fitZoom;
}
