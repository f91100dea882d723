/**
 * What the address bar holds, so a shared link reproduces the view: map centre and zoom, colour
 * mode, the evaluation filter (grades, 规上/规下), the selected parcel and the 3D mode.
 *
 *   ?c=106.29871,29.60034&z=13.25&color=tax&grade=C,D&group=below&parcel=500106…W00000000&view=3d
 *
 * Defaults are left out (grade colours, no filter, 2D), and parameters we do not own (e.g.
 * `basemap`) are kept as they are. Decoding never throws: a damaged value is ignored.
 */
import type { EvaluationGroup, Grade } from '../api/evaluation-types.ts';
import { GRADE_IDS, isGrade } from '../map/grades.ts';
import type { ColorMode } from '../map/parcel-layers.ts';

export interface UrlState {
  /** [lng, lat] in degrees; null → fit the district. */
  center: [number, number] | null;
  zoom: number | null;
  colorMode: ColorMode;
  /** Grades kept bright, in A → T order; empty = all. */
  grades: Grade[];
  group: EvaluationGroup | null;
  /** 不动产单元代码 of the selected parcel. */
  parcel: string | null;
  view3d: boolean;
}

export const DEFAULT_URL_STATE: UrlState = Object.freeze({
  center: null,
  zoom: null,
  colorMode: 'grade',
  grades: [],
  group: null,
  parcel: null,
  view3d: false,
}) as UrlState;

const OWN = ['c', 'z', 'color', 'grade', 'group', 'parcel', 'view'] as const;

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

export function decodeUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const group = p.get('group');
  return {
    center: decodeCenter(p.get('c')),
    zoom: decodeZoom(p.get('z')),
    colorMode: p.get('color') === 'tax' ? 'tax' : 'grade',
    grades: normaliseGrades((p.get('grade') ?? '').split(',')),
    group: group === 'above' || group === 'below' ? group : null,
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
  const grades = normaliseGrades(state.grades);
  if (grades.length > 0) p.set('grade', grades.join(','));
  if (state.group) p.set('group', state.group);
  if (state.parcel) p.set('parcel', state.parcel);
  if (state.view3d) p.set('view', '3d');
  // Commas and letters read better unescaped in a shared link; URLSearchParams escapes commas.
  const text = p.toString().replace(/%2C/gi, ',');
  return text ? `?${text}` : '';
}
