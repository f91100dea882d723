/** Evaluating MapLibre expressions in tests, as MapLibre would, without a map or a GPU. */
import { createExpression, featureFilter } from '@maplibre/maplibre-gl-style-spec';

type Kind = 'number' | 'color' | 'boolean' | 'string';

/** A paint or layout value for a feature's properties, feature-state and zoom. */
export function evaluate(
  value: unknown,
  type: Kind,
  properties: Record<string, unknown> = {},
  state: Record<string, unknown> = {},
  zoom = 14,
): unknown {
  const parsed = createExpression(value, {
    type,
    'property-type': 'data-driven',
    expression: { interpolated: true, parameters: ['zoom', 'feature', 'feature-state'] },
  } as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.evaluate({ zoom }, { type: 'Polygon', properties } as never, state);
}

/** A colour value as 'rgba(r,g,b,a)'. */
export function evaluateColor(value: unknown, properties: Record<string, unknown> = {}, state: Record<string, unknown> = {}): string {
  return (evaluate(value, 'color', properties, state) as { toString(): string }).toString();
}

/** '#rrggbb' as MapLibre prints it. */
export function css(hex: string, alpha = 1): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/** Whether a layer filter keeps a feature. */
export function passes(filter: unknown, properties: Record<string, unknown>, zoom = 14): boolean {
  return featureFilter(filter as never).filter({ zoom }, { type: 3, properties } as never);
}
