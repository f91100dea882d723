/**
 * What the address bar holds, so a shared link reproduces the view: camera, colour mode, the
 * chosen evaluation run and the one compared with, the filters, the region choropleth, the open
 * list, the selected parcel and the 3D mode.
 *
 *   ?c=106.29871,29.60034&z=13.25&color=tax&run=3&cmp=2&grade=C,D&group=below&region=500106-ZT07
 *    &industry=C36&tax=5-20&status=idle&rl=zone&rf=vaPerMuWan&tab=regions&ly=status,exit&parcel=5001…W00000000&view=3d
 *
 * Defaults are left out (latest run, grade colours, no filter, 组团 by 亩均税收, result list, 2D),
 * and parameters we do not own (e.g. `basemap`) are kept as they are. Decoding never throws: a
 * damaged value is ignored.
 */
import type { AggregateLevel, EvaluationGroup, Grade, RegionFigureKey } from '../api/evaluation-types.ts';
import { DEFAULT_AGGREGATE_LEVEL, DEFAULT_REGION_FIGURE, isAggregateLevel, isRegionFigure } from '../lib/region-figures.ts';
import { GRADE_IDS, isGrade } from '../map/grades.ts';
import type { TaxRange } from '../map/parcel-filter.ts';
import { OVERLAYS, type Overlay } from '../map/land-layers.ts';
import { COLOR_MODES, type ColorMode } from '../map/parcel-layers.ts';

/** The lists of the side panel. */
export type PanelTab = 'results' | 'regions' | 'compare' | 'candidates';
export const PANEL_TABS: readonly PanelTab[] = ['results', 'regions', 'compare', 'candidates'];

export interface UrlState {
  /** [lng, lat] in degrees; null → fit the district. */
  center: [number, number] | null;
  zoom: number | null;
  colorMode: ColorMode;
  /** Evaluation run whose grades are shown; null = the latest. */
  run: number | null;
  /** Year compare: the run compared with (the earlier one); null = no compare. */
  compareFrom: number | null;
  /** Grades kept bright, in A → T order; empty = all. */
  grades: Grade[];
  group: EvaluationGroup | null;
  /** A 片区 or 组团 code. */
  region: string | null;
  /** Prefix of a GB/T 4754 industry code, e.g. C36. */
  industry: string | null;
  /** 亩均税收 range in 万元/亩. */
  tax: TaxRange | null;
  /** Land-status flags kept bright. */
  statuses: string[];
  /** Region choropleth: level and figure. */
  regionLevel: AggregateLevel;
  regionFigure: RegionFigureKey;
  tab: PanelTab;
  /** Overlays over the parcels: land status, exit candidates, consolidation footprints. */
  overlays: Overlay[];
  /** 不动产单元代码 of the selected parcel. */
  parcel: string | null;
  view3d: boolean;
}

export const DEFAULT_URL_STATE: UrlState = Object.freeze({
  center: null,
  zoom: null,
  colorMode: 'grade',
  run: null,
  compareFrom: null,
  grades: [],
  group: null,
  region: null,
  industry: null,
  tax: null,
  statuses: [],
  regionLevel: DEFAULT_AGGREGATE_LEVEL,
  regionFigure: DEFAULT_REGION_FIGURE,
  tab: 'results',
  overlays: [],
  parcel: null,
  view3d: false,
}) as UrlState;

const OWN = ['c', 'z', 'color', 'run', 'cmp', 'grade', 'group', 'region', 'industry', 'tax', 'status', 'rl', 'rf', 'tab', 'ly', 'parcel', 'view'] as const;

/** Centre to 5 decimals (≈ 1 m), zoom to 2. */
const round = (x: number, digits: number) => Number(x.toFixed(digits));

function decodeCenter(raw: string | null): [number, number] | null {
  if (!raw) return null;
  const parts = raw.split(',');
  if (parts.length !== 2 || parts.some((p) => p.trim() === '')) return null;
  const [lng, lat] = parts.map(Number) as [number, number];
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 85.06) return null;
  return [lng, lat];
}

function decodeZoom(raw: string | null): number | null {
  if (raw === null || raw.trim() === '') return null;
  const z = Number(raw);
  return Number.isFinite(z) && z >= 0 && z <= 24 ? z : null;
}

function decodeId(raw: string | null): number | null {
  return raw !== null && /^[1-9]\d{0,9}$/.test(raw.trim()) ? Number(raw.trim()) : null;
}

/** Grades in A → T order, each once; unknown letters are dropped. */
export function normaliseGrades(grades: readonly string[]): Grade[] {
  const wanted = new Set(grades.map((g) => g.trim().toUpperCase()).filter(isGrade));
  return GRADE_IDS.filter((g) => wanted.has(g));
}

/** A 28-character 不动产单元代码 or 19-character 宗地代码: letters and digits only, upper case. */
function decodeParcel(raw: string | null): string | null {
  const code = raw?.trim().toUpperCase() ?? '';
  return /^[0-9A-Z]{19,28}$/.test(code) ? code : null;
}

/** Region codes are letters, digits and '-' (e.g. 500106-ZT07). */
function decodeRegion(raw: string | null): string | null {
  const code = raw?.trim() ?? '';
  return /^[0-9A-Za-z-]{1,40}$/.test(code) ? code : null;
}

/** An industry prefix: a section letter and up to 4 digits (C, C3, C36, C3670). */
export function normaliseIndustry(raw: string | null | undefined): string | null {
  const code = raw?.trim().toUpperCase() ?? '';
  return /^[A-T]\d{0,4}$/.test(code) ? code : null;
}

/** 'min-max', 'min-' or '-max' in 万元/亩; a range with min > max is swapped. */
export function decodeTaxRange(raw: string | null): TaxRange | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)?\s*[-~]\s*(-?\d+(?:\.\d+)?)?\s*$/.exec(raw ?? '');
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const lo = m[1] === undefined ? null : Number(m[1]);
  const hi = m[2] === undefined ? null : Number(m[2]);
  if (lo !== null && hi !== null && lo > hi) return { min: hi, max: lo };
  return { min: lo, max: hi };
}

export function encodeTaxRange(range: TaxRange | null): string | null {
  if (!range || (range.min === null && range.max === null)) return null;
  return `${range.min ?? ''}-${range.max ?? ''}`;
}

function decodeList(raw: string | null): string[] {
  return [...new Set((raw ?? '').split(',').map((s) => s.trim()).filter((s) => /^[A-Za-z]{1,32}$/.test(s)))].sort();
}

export function decodeUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const group = p.get('group');
  const color = p.get('color');
  const tab = p.get('tab');
  const rl = p.get('rl');
  const rf = p.get('rf');
  return {
    center: decodeCenter(p.get('c')),
    zoom: decodeZoom(p.get('z')),
    colorMode: COLOR_MODES.includes(color as ColorMode) ? (color as ColorMode) : 'grade',
    run: decodeId(p.get('run')),
    compareFrom: decodeId(p.get('cmp')),
    grades: normaliseGrades((p.get('grade') ?? '').split(',')),
    group: group === 'above' || group === 'below' ? group : null,
    region: decodeRegion(p.get('region')),
    industry: normaliseIndustry(p.get('industry')),
    tax: decodeTaxRange(p.get('tax')),
    statuses: decodeList(p.get('status')),
    regionLevel: isAggregateLevel(rl) ? rl : DEFAULT_AGGREGATE_LEVEL,
    regionFigure: isRegionFigure(rf) ? rf : DEFAULT_REGION_FIGURE,
    tab: PANEL_TABS.includes(tab as PanelTab) ? (tab as PanelTab) : 'results',
    overlays: OVERLAYS.filter((o) => (p.get('ly') ?? '').split(',').includes(o)),
    parcel: decodeParcel(p.get('parcel')),
    view3d: p.get('view') === '3d',
  };
}

/**
 * The query string for `state`, starting with '?' (or '' when nothing is set), keeping the
 * parameters of `currentSearch` that are not ours.
 */
export function encodeUrlState(state: UrlState, currentSearch = ''): string {
  const p = new URLSearchParams(currentSearch);
  for (const key of OWN) p.delete(key);
  if (state.center) p.set('c', `${round(state.center[0], 5)},${round(state.center[1], 5)}`);
  if (state.zoom !== null) p.set('z', String(round(state.zoom, 2)));
  if (state.colorMode !== 'grade') p.set('color', state.colorMode);
  if (state.run !== null) p.set('run', String(state.run));
  if (state.compareFrom !== null) p.set('cmp', String(state.compareFrom));
  const grades = normaliseGrades(state.grades);
  if (grades.length > 0) p.set('grade', grades.join(','));
  if (state.group) p.set('group', state.group);
  if (state.region) p.set('region', state.region);
  const industry = normaliseIndustry(state.industry);
  if (industry) p.set('industry', industry);
  const tax = encodeTaxRange(state.tax);
  if (tax) p.set('tax', tax);
  if (state.statuses.length > 0) p.set('status', [...state.statuses].sort().join(','));
  if (state.regionLevel !== DEFAULT_AGGREGATE_LEVEL) p.set('rl', state.regionLevel);
  if (state.regionFigure !== DEFAULT_REGION_FIGURE) p.set('rf', state.regionFigure);
  if (state.tab !== 'results') p.set('tab', state.tab);
  const overlays = OVERLAYS.filter((o) => state.overlays.includes(o));
  if (overlays.length > 0) p.set('ly', overlays.join(','));
  if (state.parcel) p.set('parcel', state.parcel);
  if (state.view3d) p.set('view', '3d');
  // Commas and letters read better unescaped in a shared link; URLSearchParams escapes commas.
  const text = p.toString().replace(/%2C/gi, ',');
  return text ? `?${text}` : '';
}
