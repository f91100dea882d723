/**
 * What changes on a layer when the view changes (colour mode, filter, choropleth, compare): paint
 * and layout properties and the filter. Builders return patches keyed by layer id; the map applies
 * them with setPaintProperty / setLayoutProperty / setFilter (each a no-op when the value is equal),
 * and the first style is built with them already applied, so a shared link never flashes defaults.
 */
import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';

export interface LayerPatch {
  paint?: Record<string, unknown>;
  layout?: Record<string, unknown>;
  filter?: FilterSpecification;
}

/** The layers with their patches applied (new objects; the input is not changed). */
export function applyPatches(layers: readonly LayerSpecification[], patches: Readonly<Record<string, LayerPatch>>): LayerSpecification[] {
  return layers.map((layer) => {
    const patch = patches[layer.id];
    if (!patch) return layer;
    const out = { ...layer } as LayerSpecification & { paint?: object; layout?: object; filter?: FilterSpecification };
    if (patch.paint) out.paint = { ...(layer as { paint?: object }).paint, ...patch.paint };
    if (patch.layout) out.layout = { ...(layer as { layout?: object }).layout, ...patch.layout };
    if (patch.filter) out.filter = patch.filter;
    return out;
  });
}

/** Patches of several builders together; a later patch of the same layer adds to an earlier one. */
export function mergePatches(...sets: Readonly<Record<string, LayerPatch>>[]): Record<string, LayerPatch> {
  const out: Record<string, LayerPatch> = {};
  for (const set of sets) {
    for (const [id, p] of Object.entries(set)) {
      const prev = out[id] ?? {};
      out[id] = {
        ...(prev.paint || p.paint ? { paint: { ...prev.paint, ...p.paint } } : {}),
        ...(prev.layout || p.layout ? { layout: { ...prev.layout, ...p.layout } } : {}),
        ...(p.filter ?? prev.filter ? { filter: p.filter ?? prev.filter } : {}),
      };
    }
  }
  return out;
}
