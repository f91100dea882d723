import { createExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { gradeColorExpression } from './grades.ts';
import type { FilterOptions } from './parcel-filter.ts';
import {
  DEFAULT_PARCEL_STYLE,
  FILL_OPACITY,
  PARCEL_FILL_LAYER,
  PARCEL_LABEL_LAYER,
  PARCEL_SOURCE,
  parcelFillOpacity,
  parcelLabelLayer,
  parcelLayers,
  parcelSelectionLayers,
  parcelSource,
  type ParcelStyle,
} from './parcel-layers.ts';
import { taxColorExpression } from './tax-classes.ts';
import { parcels } from './test-fixtures.ts';

const filtered: ParcelStyle = {
  colorMode: 'tax',
  filter: { grades: ['C', 'D'], group: 'below' },
  filterOptions: { groupKnown: true },
};

function styleWithParcels(style: ParcelStyle = DEFAULT_PARCEL_STYLE): StyleSpecification {
  return {
    version: 8,
    sources: { [PARCEL_SOURCE]: parcelSource(parcels) },
    layers: [...parcelLayers(style), ...parcelSelectionLayers(), parcelLabelLayer(undefined, style)],
  };
}

/** Evaluate a paint expression for a given feature-state and properties, as MapLibre would. */
function evaluatePaint(
  value: unknown,
  type: 'number' | 'color',
  state: Record<string, boolean>,
  properties: Record<string, unknown> = {},
): unknown {
  const parsed = createExpression(value, {
    type,
    'property-type': 'data-driven',
    expression: { interpolated: true, parameters: ['zoom', 'feature', 'feature-state'] },
  } as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.evaluate({ zoom: 14 }, { type: 'Polygon', properties } as never, state);
}

function fillPaint(style?: ParcelStyle): Record<string, unknown> {
  return (parcelLayers(style).find((l) => l.id === PARCEL_FILL_LAYER) as { paint: Record<string, unknown> }).paint;
}

describe('parcel layers', () => {
  it('validate against the style spec, plain and filtered', () => {
    expect(validateStyleMin(styleWithParcels())).toEqual([]);
    expect(validateStyleMin(styleWithParcels(filtered))).toEqual([]);
  });

  it('key feature-state by the parcel id property', () => {
    expect(parcelSource(parcels).promoteId).toBe('id');
  });

  it('colour the fill by grade by default, and by the tax class in 亩均税收 mode', () => {
    expect(fillPaint()['fill-color']).toEqual(gradeColorExpression('grade'));
    expect(fillPaint(filtered)['fill-color']).toEqual(taxColorExpression('taxPerMuWan'));
  });

  it('dim parcels the filter does not keep, but never the selected one', () => {
    const opacity = fillPaint(filtered)['fill-opacity'];
    const kept = { grade: 'D', group: 'below' };
    const other = { grade: 'A', group: 'below' };
    expect(evaluatePaint(opacity, 'number', {}, kept)).toBe(FILL_OPACITY.normal);
    expect(evaluatePaint(opacity, 'number', { hover: true }, kept)).toBe(FILL_OPACITY.hover);
    expect(evaluatePaint(opacity, 'number', {}, other)).toBe(FILL_OPACITY.dimmed);
    expect(evaluatePaint(opacity, 'number', { hover: true }, other)).toBe(FILL_OPACITY.dimmed);
    expect(evaluatePaint(opacity, 'number', { selected: true }, other)).toBe(FILL_OPACITY.selected);
    expect(evaluatePaint(opacity, 'number', {}, { grade: null })).toBe(FILL_OPACITY.dimmed);
  });

  it('dim nothing without a filter', () => {
    const opacity = parcelFillOpacity({ grades: [], group: null }, { groupKnown: true });
    for (const grade of ['A', 'T', null]) expect(evaluatePaint(opacity, 'number', {}, { grade })).toBe(FILL_OPACITY.normal);
  });

  it('ignore the group on the map when parcels do not carry it', () => {
    const unknown: FilterOptions = { groupKnown: false };
    const opacity = parcelFillOpacity({ grades: ['A'], group: 'above' }, unknown);
    expect(evaluatePaint(opacity, 'number', {}, { grade: 'A' })).toBe(FILL_OPACITY.normal);
  });

  it('fade the labels of dimmed parcels', () => {
    const label = parcelLabelLayer(undefined, filtered) as { id: string; paint: Record<string, unknown> };
    expect(label.id).toBe(PARCEL_LABEL_LAYER);
    expect(evaluatePaint(label.paint['text-opacity'], 'number', {}, { grade: 'C', group: 'below' })).toBe(1);
    expect(evaluatePaint(label.paint['text-opacity'], 'number', {}, { grade: 'B', group: 'below' })).toBeLessThan(0.5);
    expect(evaluatePaint(label.paint['text-opacity'], 'number', { selected: true }, { grade: 'B', group: 'below' })).toBe(1);
  });

  it('show the selection halo only for the selected parcel', () => {
    const halo = parcelSelectionLayers().find((l) => l.id === 'mujun-parcel-selected-halo') as { paint: Record<string, unknown> };
    expect(evaluatePaint(halo.paint['line-opacity'], 'number', { selected: true })).toBe(1);
    expect(evaluatePaint(halo.paint['line-opacity'], 'number', {})).toBe(0);
    expect(evaluatePaint(halo.paint['line-opacity'], 'number', { hover: true })).toBe(0);
  });

  it('thicken the outline on hover', () => {
    const outline = parcelLayers().find((l) => l.id === 'mujun-parcel-outline') as { paint: Record<string, unknown> };
    const plain = evaluatePaint(outline.paint['line-width'], 'number', {}) as number;
    const hovered = evaluatePaint(outline.paint['line-width'], 'number', { hover: true }) as number;
    expect(hovered).toBeGreaterThan(plain);
  });

  it('do not touch the parcels they are given', () => {
    expect(parcelSource(parcels).data).toBe(parcels);
  });
});
