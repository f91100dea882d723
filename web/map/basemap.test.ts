import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { buildMapStyle, chooseBasemap, labelFontsFor } from './basemap.ts';
import { LOCAL_FONTS } from './fonts.ts';
import type { RegionAggregate } from '../api/evaluation-types.ts';
import { buildChoropleth } from './choropleth.ts';
import { NO_FILTER } from './parcel-filter.ts';
import { PARCEL_FILL_LAYER, PARCEL_HOVER_LAYER, PARCEL_OUTLINE_LAYER, PARCEL_SELECTED_HALO_LAYER, PARCEL_SOURCE } from './parcel-layers.ts';
import { DEFAULT_MAP_THEME, type MapTheme } from './theme.ts';
import { NO_TOTALS } from './test-aggregates.ts';
import { regions, roads, tileJson } from './test-fixtures.ts';

const data = { regions, roads, parcelTiles: tileJson };

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

function aggregate(code: string, tax: number, lowCoverage = false): RegionAggregate {
  return {
    code, name: code, level: 'cluster', units: 1, byGrade: { A: 1, B: 0, C: 0, D: 0, T: 0 }, gradedAreaMu: 1, classTAreaMu: 0,
    industrialAreaMu: 1, coveragePct: lowCoverage ? 50 : 100, coverageBelowMin: lowCoverage,
    current: { totals: NO_TOTALS, figures: { taxPerMuWan: tax, vaPerMuWan: null, revenuePerMuWan: null, vaPerTceWan: null, vaPerEmissionWan: null, productivityWanPerPerson: null, rdRatioPct: null } },
    previous: { totals: NO_TOTALS, figures: { taxPerMuWan: null, vaPerMuWan: null, revenuePerMuWan: null, vaPerTceWan: null, vaPerEmissionWan: null, productivityWanPerPerson: null, rdRatioPct: null } },
    targets: [], rank: 1, rankOf: 1,
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
  it('builds a valid offline style with the parcel tiles in it', () => {
    const style = buildMapStyle(data, null);
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources[PARCEL_SOURCE]).toMatchObject({ type: 'vector', tiles: tileJson.tiles });
    expect(style.glyphs).toBeUndefined();
  });

  it('stays valid in every view: filtered, by region, in compare, with every overlay', () => {
    const choropleth = buildChoropleth([aggregate('C1', 10, true)], 'cluster', 'taxPerMuWan', 2025);
    const themes: MapTheme[] = [
      { ...DEFAULT_MAP_THEME, filter: { ...NO_FILTER, grades: ['A'], regions: ['C1'], industry: 'C3', taxPerMuWan: { min: 1, max: 9 }, statuses: ['idle'] } },
      { ...DEFAULT_MAP_THEME, colorMode: 'region', choropleth },
      { ...DEFAULT_MAP_THEME, changes: [{ code: 'P1', unitId: 'u', name: 'n', from: 'C', to: 'B', direction: 'up', reasons: [] }] },
      { ...DEFAULT_MAP_THEME, land: { overlays: ['status', 'exit', 'consolidation'], statusAvailable: true, exitParcels: [{ code: 'P1', path: '依规回收' }] } },
    ];
    for (const theme of themes) {
      expect(validateStyleMin(buildMapStyle(data, null, theme))).toEqual([]);
      expect(validateStyleMin(buildMapStyle(data, remoteStyle(), theme))).toEqual([]);
    }
  });

  it('draws the layers in reading order: choropleth, parcels, status under the roads; candidates and selection over them', () => {
    const ids = buildMapStyle(data, null).layers.map((l) => l.id);
    const at = (id: string) => ids.indexOf(id);
    expect(at('mujun-choropleth-fill')).toBeLessThan(at(PARCEL_FILL_LAYER));
    expect(at(PARCEL_FILL_LAYER)).toBeLessThan(at('mujun-status-low-hatch'));
    expect(at('mujun-status-idle-outline')).toBeLessThan(at('mujun-road-arterial'));
    expect(at('mujun-road-arterial')).toBeLessThan(at('mujun-exit-outline'));
    expect(at('mujun-exit-outline')).toBeLessThan(at('mujun-parcel-selected-outline'));
    expect(at('mujun-parcel-selected-outline')).toBeLessThan(at('mujun-parcel-label'));
  });

  it('draws the hover outline over every road, under the selection and under every label, offline and over a remote basemap', () => {
    const offline = buildMapStyle(data, null).layers;
    const ids = offline.map((l) => l.id);
    const at = (id: string) => ids.indexOf(id);
    const hover = at(PARCEL_HOVER_LAYER);
    const roadLines = offline.filter((l) => l.id.startsWith('mujun-road') && l.type === 'line');
    expect(roadLines.length).toBeGreaterThan(0);
    for (const road of roadLines) expect(hover).toBeGreaterThan(at(road.id));
    expect(hover).toBeGreaterThan(at(PARCEL_OUTLINE_LAYER));
    expect(hover).toBeLessThan(at(PARCEL_SELECTED_HALO_LAYER));
    const labels = offline.filter((l) => l.type === 'symbol');
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(hover).toBeLessThan(at(label.id));

    const remote = buildMapStyle(data, remoteStyle()).layers;
    const rat = (id: string) => remote.findIndex((l) => l.id === id);
    expect(rat(PARCEL_HOVER_LAYER)).toBeGreaterThan(rat(PARCEL_OUTLINE_LAYER));
    expect(rat(PARCEL_HOVER_LAYER)).toBeLessThan(rat(PARCEL_SELECTED_HALO_LAYER));
    for (const label of remote.filter((l) => l.type === 'symbol' && l.id.startsWith('mujun-'))) {
      expect(rat(PARCEL_HOVER_LAYER)).toBeLessThan(rat(label.id));
    }
  });

  it('puts our layers on top of a remote basemap and keeps its layers first and unchanged', () => {
    const base = remoteStyle();
    const style = buildMapStyle(data, base);
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.layers.slice(0, 2)).toEqual(base.layers);
    expect(style.layers[2]!.id).toBe('mujun-choropleth-fill');
    expect(style.layers.findIndex((l) => l.id === PARCEL_FILL_LAYER)).toBeGreaterThan(2);
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
