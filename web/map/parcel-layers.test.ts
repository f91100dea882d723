import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { CHANGE_CLASSES } from './compare.ts';
import { GRADE_CLASSES } from './grades.ts';
import { applyPatches } from './layer-patch.ts';
import { NO_FILTER } from './parcel-filter.ts';
import {
  CELL_FILL_LAYER,
  CELL_OPACITY,
  DEFAULT_PARCEL_THEME,
  FILL_OPACITY,
  PARCEL_FILL_LAYER,
  PARCEL_HOVER_LAYER,
  PARCEL_OUTLINE_LAYER,
  PARCEL_SELECTED_HALO_LAYER,
  PARCEL_SOURCE,
  parcelHoverLayer,
  parcelLayers,
  parcelPatches,
  parcelSelectionLayers,
  parcelTileSource,
  type ParcelTheme,
} from './parcel-layers.ts';
import { VALUE_CLASSES } from './tax-classes.ts';
import { css, evaluate, evaluateColor } from './test-expressions.ts';
import { tileJson } from './test-fixtures.ts';

const filtered: ParcelTheme = { ...DEFAULT_PARCEL_THEME, colorMode: 'tax', filter: { ...NO_FILTER, grades: ['C', 'D'], group: 'below' } };

function styleWith(theme: ParcelTheme = DEFAULT_PARCEL_THEME): StyleSpecification {
  return { version: 8, sources: { [PARCEL_SOURCE]: parcelTileSource(tileJson) }, layers: [...parcelLayers(theme), parcelHoverLayer(), ...parcelSelectionLayers()] };
}

const paintOf = (theme: ParcelTheme, id: string) => parcelPatches(theme)[id]!.paint!;

describe('parcel layers', () => {
  it('validate against the style spec: plain, filtered, by region and in compare', () => {
    expect(validateStyleMin(styleWith())).toEqual([]);
    expect(validateStyleMin(styleWith(filtered))).toEqual([]);
    expect(validateStyleMin(styleWith({ ...DEFAULT_PARCEL_THEME, colorMode: 'region' }))).toEqual([]);
    const changes = [{ code: 'P1', unitId: 'u', name: 'n', from: 'C' as const, to: 'B' as const, direction: 'up' as const, reasons: [] }];
    expect(validateStyleMin(styleWith({ ...DEFAULT_PARCEL_THEME, changes }))).toEqual([]);
  });

  it('draw the parcel vector tiles: cells below zoom 12, parcels from 12, the ids as feature-state keys', () => {
    const source = parcelTileSource(tileJson);
    expect(source).toMatchObject({ type: 'vector', tiles: tileJson.tiles, minzoom: 6, maxzoom: 16 });
    const [cells, fill, outline] = parcelLayers();
    expect(cells).toMatchObject({ id: CELL_FILL_LAYER, 'source-layer': 'parcel_cells', maxzoom: 12 });
    expect(fill).toMatchObject({ id: PARCEL_FILL_LAYER, 'source-layer': 'parcels', minzoom: 12 });
    expect(outline).toMatchObject({ id: PARCEL_OUTLINE_LAYER, 'source-layer': 'parcels' });
  });

  it('colour parcels by grade by default and by tax class in 亩均税收 mode; cells always by tax', () => {
    const grade = paintOf(DEFAULT_PARCEL_THEME, PARCEL_FILL_LAYER)['fill-color'];
    for (const g of GRADE_CLASSES) expect(evaluateColor(grade, { grade: g.id })).toBe(css(g.color));
    const tax = paintOf(filtered, PARCEL_FILL_LAYER)['fill-color'];
    expect(evaluateColor(tax, { taxPerMuWan: 12 })).toBe(css(VALUE_CLASSES[2]!.color));
    const cells = (parcelLayers()[0] as { paint: Record<string, unknown> }).paint;
    expect(evaluateColor(cells['fill-color'], { taxPerMuWan: 3 })).toBe(css(VALUE_CLASSES[0]!.color));
    expect(cells['fill-opacity']).toBe(CELL_OPACITY);
  });

  it('colour by the chosen run where it differs from the tiles', () => {
    const theme: ParcelTheme = { ...DEFAULT_PARCEL_THEME, gradeOverrides: new Map([['P1', 'A']]) };
    const color = paintOf(theme, PARCEL_FILL_LAYER)['fill-color'];
    expect(evaluateColor(color, { code: 'P1', grade: 'D' })).toBe(css(GRADE_CLASSES[0]!.color));
    expect(evaluateColor(color, { code: 'P2', grade: 'D' })).toBe(css(GRADE_CLASSES[3]!.color));
  });

  it('colour by change in year compare, whatever the colour mode', () => {
    const changes = [
      { code: 'P1', unitId: 'a', name: 'a', from: 'C' as const, to: 'A' as const, direction: 'up' as const, reasons: [] },
      { code: 'P2', unitId: 'b', name: 'b', from: 'B' as const, to: 'D' as const, direction: 'down' as const, reasons: [] },
    ];
    const color = paintOf({ ...filtered, changes }, PARCEL_FILL_LAYER)['fill-color'];
    expect(evaluateColor(color, { code: 'P1' })).toBe(css(CHANGE_CLASSES[0]!.color));
    expect(evaluateColor(color, { code: 'P2' })).toBe(css(CHANGE_CLASSES[1]!.color));
    expect(evaluateColor(color, { code: 'P3' })).toBe(css(CHANGE_CLASSES[3]!.color));
  });

  it('dim parcels the filter does not keep, but never the selected one', () => {
    const opacity = paintOf(filtered, PARCEL_FILL_LAYER)['fill-opacity'];
    const kept = { grade: 'D', group: 'below' };
    const other = { grade: 'A', group: 'below' };
    expect(evaluate(opacity, 'number', kept)).toBe(FILL_OPACITY.normal);
    expect(evaluate(opacity, 'number', kept, { hover: true })).toBe(FILL_OPACITY.hover);
    expect(evaluate(opacity, 'number', other)).toBe(FILL_OPACITY.dimmed);
    expect(evaluate(opacity, 'number', other, { hover: true })).toBe(FILL_OPACITY.dimmed);
    expect(evaluate(opacity, 'number', other, { selected: true })).toBe(FILL_OPACITY.selected);
    expect(evaluate(opacity, 'number', {})).toBe(FILL_OPACITY.dimmed);
  });

  it('dim nothing without a filter', () => {
    const opacity = paintOf(DEFAULT_PARCEL_THEME, PARCEL_FILL_LAYER)['fill-opacity'];
    for (const grade of ['A', 'T', undefined]) expect(evaluate(opacity, 'number', { grade })).toBe(FILL_OPACITY.normal);
  });

  it('leave only outlines in region mode, so the choropleth shows through; hide the cells', () => {
    const region: ParcelTheme = { ...DEFAULT_PARCEL_THEME, colorMode: 'region' };
    expect(evaluate(paintOf(region, PARCEL_FILL_LAYER)['fill-opacity'], 'number', { grade: 'A' })).toBe(0);
    expect(evaluate(paintOf(region, PARCEL_FILL_LAYER)['fill-opacity'], 'number', {}, { selected: true })).toBeGreaterThan(0);
    expect(paintOf(region, CELL_FILL_LAYER)['fill-opacity']).toBe(0);
  });

  it('build the layers with their patches already applied', () => {
    const built = parcelLayers(filtered);
    const patched = applyPatches(parcelLayers(), parcelPatches(filtered));
    expect(built.map((l) => (l as { paint?: unknown }).paint)).toEqual(patched.map((l) => (l as { paint?: unknown }).paint));
  });

  it('show the selection halo only for the selected parcel', () => {
    const halo = parcelSelectionLayers().find((l) => l.id === PARCEL_SELECTED_HALO_LAYER) as { paint: Record<string, unknown> };
    expect(evaluate(halo.paint['line-width'], 'number', {}, { selected: true })).toBeGreaterThan(0);
    expect(evaluate(halo.paint['line-width'], 'number', {})).toBe(0);
    expect(evaluate(halo.paint['line-width'], 'number', {}, { hover: true })).toBe(0);
  });

  it('thicken the outline on hover', () => {
    const outline = parcelLayers().find((l) => l.id === PARCEL_OUTLINE_LAYER) as { paint: Record<string, unknown> };
    const plain = evaluate(outline.paint['line-width'], 'number', {}) as number;
    const hovered = evaluate(outline.paint['line-width'], 'number', {}, { hover: true }) as number;
    expect(hovered).toBeGreaterThan(plain);
  });

  it('draw the hover outline on its own layer, only for the hovered parcel, at every parcel zoom', () => {
    const hover = parcelHoverLayer();
    expect(hover).toMatchObject({ id: PARCEL_HOVER_LAYER, type: 'line', source: PARCEL_SOURCE, 'source-layer': 'parcels', minzoom: 12 });
    for (const zoom of [12, 14, 17]) {
      expect(evaluate(hover.paint!['line-width'], 'number', {}, { hover: true }, zoom)).toBeGreaterThanOrEqual(2);
      expect(evaluate(hover.paint!['line-width'], 'number', {}, {}, zoom)).toBe(0);
      expect(evaluate(hover.paint!['line-width'], 'number', {}, { selected: true }, zoom)).toBe(0);
    }
  });
});
