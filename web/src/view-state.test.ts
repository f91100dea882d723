import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, decodeUrlState, type UrlState } from './url-state.ts';
import { applyViewPatch, initialView, urlOf } from './view-state.ts';

describe('view state', () => {
  it('is made from the address bar and gives it back, the selected parcel included', () => {
    const url: UrlState = decodeUrlState('?c=106.3,29.6&z=13&color=region&run=3&cmp=2&grade=D&region=R1&tax=5-&status=idle&rl=zone&tab=compare&ly=exit&view=3d');
    const view = initialView(url);
    expect(view.camera).toEqual({ center: [106.3, 29.6], zoom: 13 });
    expect(view.filters).toMatchObject({ grades: ['D'], region: 'R1', tax: { min: 5, max: null }, statuses: ['idle'], q: null });
    expect(urlOf(view, null)).toEqual(url);
    expect(urlOf(view, 'X').parcel).toBe('X');
  });

  it('opens without a camera when the link has none', () => {
    expect(initialView(DEFAULT_URL_STATE).camera).toBeNull();
    expect(initialView(decodeUrlState('?c=106.3,29.6')).camera).toBeNull();
  });

  it('patches with a value or a function of the view, returning a new view', () => {
    const view = initialView(DEFAULT_URL_STATE);
    const next = applyViewPatch(view, (v) => ({ filters: { ...v.filters, grades: ['A'] } }));
    expect(next.filters.grades).toEqual(['A']);
    expect(view.filters.grades).toEqual([]);
    expect(applyViewPatch(view, { view3d: true }).view3d).toBe(true);
  });
});
