import { createExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  PARCEL_FILL_LAYER,
  PARCEL_SOURCE,
  parcelLabelLayer,
  parcelLayers,
  parcelSelectionLayers,
  parcelSource,
} from './parcel-layers.ts';
import { taxColorExpression } from './tax-classes.ts';
import { parcels } from './test-fixtures.ts';

function styleWithParcels(): StyleSpecification {
  return {
    version: 8,
    sources: { [PARCEL_SOURCE]: parcelSource(parcels) },
    layers: [...parcelLayers(), ...parcelSelectionLayers(), parcelLabelLayer()],
  };
}

/** Evaluate a paint expression for a given feature-state, as MapLibre would. */
function evaluatePaint(value: unknown, type: 'number' | 'color', state: Record<string, boolean>): unknown {
  const parsed = createExpression(value, {
    type,
    'property-type': 'data-driven',
    expression: { interpolated: true, parameters: ['zoom', 'feature', 'feature-state'] },
  } as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.evaluate({ zoom: 14 }, { type: 'Polygon', properties: {} } as never, state);
}

describe('parcel layers', () => {
  it('validate against the style spec', () => {
    expect(validateStyleMin(styleWithParcels())).toEqual([]);
  });

  it('key feature-state by the parcel id property', () => {
    expect(parcelSource(parcels).promoteId).toBe('id');
  });

  it('colour the fill with the tax class expression', () => {
    const fill = parcelLayers().find((l) => l.id === PARCEL_FILL_LAYER) as { paint: Record<string, unknown> };
    expect(fill.paint['fill-color']).toEqual(taxColorExpression('taxPerMuWan'));
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
