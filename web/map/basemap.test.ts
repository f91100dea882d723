import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { buildMapStyle, chooseBasemap, labelFontsFor } from './basemap.ts';
import { LOCAL_FONTS } from './fonts.ts';
import { PARCEL_FILL_LAYER, PARCEL_SOURCE } from './parcel-layers.ts';
import { parcels, regions, roads } from './test-fixtures.ts';

const data = { regions, roads, parcels };

/** A stand-in for a third-party vector basemap (like an intranet 天地图 style). */
function remoteStyle(): StyleSpecification {
  return {
    version: 8,
    glyphs: 'https://tiles.example.cn/fonts/{fontstack}/{range}.pbf',
    sources: { osm: { type: 'vector', tiles: ['https://tiles.example.cn/{z}/{x}/{y}.pbf'] } },
    layers: [
      { id: 'bg', type: 'background', paint: { 'background-color': '#fff' } },
      {
        id: 'place',
        type: 'symbol',
        source: 'osm',
        'source-layer': 'place',
        layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans Regular'] },
      },
    ],
  };
}

describe('chooseBasemap', () => {
  it('uses the offline basemap when nothing is configured', () => {
    expect(chooseBasemap('', null)).toEqual({ kind: 'offline' });
  });

  it('uses the server-configured style URL', () => {
    expect(chooseBasemap('', 'https://tiles.example.cn/style.json')).toEqual({
      kind: 'remote',
      styleUrl: 'https://tiles.example.cn/style.json',
    });
  });

  it('lets ?basemap= override the configured URL, and ?basemap=offline force offline', () => {
    expect(chooseBasemap('?basemap=/styles/local.json', 'https://a.cn/s.json')).toEqual({
      kind: 'remote',
      styleUrl: '/styles/local.json',
    });
    expect(chooseBasemap('?basemap=offline', 'https://a.cn/s.json')).toEqual({ kind: 'offline' });
  });

  it('ignores URLs that are not http(s) or same-origin paths', () => {
    expect(chooseBasemap('?basemap=javascript:alert(1)', null)).toEqual({ kind: 'offline' });
    expect(chooseBasemap('?basemap=//evil.example/s.json', null)).toEqual({ kind: 'offline' });
    expect(chooseBasemap('', 'ftp://a.cn/s.json')).toEqual({ kind: 'offline' });
  });
});

describe('buildMapStyle', () => {
  it('builds a valid offline style with the parcels in it', () => {
    const style = buildMapStyle(data, null);
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources[PARCEL_SOURCE]).toBeDefined();
    expect(style.glyphs).toBeUndefined();
  });

  it('puts our layers on top of a remote basemap and keeps its layers first and unchanged', () => {
    const base = remoteStyle();
    const style = buildMapStyle(data, base);
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.layers.slice(0, 2)).toEqual(base.layers);
    expect(style.layers.findIndex((l) => l.id === PARCEL_FILL_LAYER)).toBe(2);
    expect(style.glyphs).toBe(base.glyphs);
    expect(style.sources.osm).toEqual(base.sources.osm);
  });

  it('leaves roads to the remote basemap', () => {
    const style = buildMapStyle(data, remoteStyle());
    expect(style.layers.some((l) => l.id.startsWith('mujun-road'))).toBe(false);
    expect(Object.keys(style.sources)).not.toContain('mujun-roads');
  });

  it('labels over a remote basemap with a font stack its glyph server serves', () => {
    const style = buildMapStyle(data, remoteStyle());
    const ours = style.layers.filter((l): l is SymbolLayerSpecification => l.type === 'symbol' && l.id.startsWith('mujun-'));
    expect(ours.length).toBeGreaterThan(0);
    for (const l of ours) expect(l.layout?.['text-font']).toEqual(['Noto Sans Regular']);
  });
});

describe('labelFontsFor', () => {
  it('falls back to local fonts for a basemap without glyphs', () => {
    const { glyphs: _glyphs, ...noGlyphs } = remoteStyle();
    expect(labelFontsFor(noGlyphs)).toEqual(LOCAL_FONTS);
  });
});
