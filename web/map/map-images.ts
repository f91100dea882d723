/**
 * The fill patterns our layers name, added to a map: at once, and again whenever a style change
 * drops them (MapLibre asks through `styleimagemissing`).
 */
import type maplibregl from 'maplibre-gl';
import { hatchPattern, type PatternImage } from './patterns.ts';
import { LOW_EFFICIENCY_PATTERN } from './land-layers.ts';
import { LOW_COVERAGE_PATTERN } from './region-layers.ts';

/** Pattern id → image, drawn at twice the CSS pixel size for sharp lines. */
export const PATTERNS: Readonly<Record<string, () => PatternImage>> = {
  [LOW_COVERAGE_PATTERN]: () => hatchPattern({ color: '#3b3355', alpha: 0.55, spacing: 12, width: 2, repeat: 2 }),
  // Dark lines, dense enough to read at a glance, open enough that the grade colour still shows.
  [LOW_EFFICIENCY_PATTERN]: () => hatchPattern({ color: '#2a2420', alpha: 0.7, spacing: 10, width: 2.2, direction: 'falling', repeat: 2 }),
};

export function addPatternImages(map: maplibregl.Map): void {
  const add = (id: string) => {
    const make = PATTERNS[id];
    if (make && !map.hasImage(id)) map.addImage(id, make(), { pixelRatio: 2 });
  };
  for (const id of Object.keys(PATTERNS)) add(id);
  map.on('styleimagemissing', (ev: { id: string }) => add(ev.id));
}
