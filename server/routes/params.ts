/** Request parameters, checked; a bad one is a 400 that names it. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { normaliseCode, PARCEL_CODE_LENGTH, parseUnitCode, toHalfWidth } from '../domain/codes.ts';

export function badRequest(message: string): never {
  throw new HTTPException(400, { message });
}

export function notFound(message: string): never {
  throw new HTTPException(404, { message });
}

/** `bbox=w,s,e,n` in degrees, [lng, lat] order. */
export function parseBbox(raw: string | undefined): [number, number, number, number] {
  if (raw === undefined || raw.trim() === '') badRequest('参数 bbox 缺失：应为 bbox=西,南,东,北（经纬度）');
  const parts = toHalfWidth(raw).split(',').map((s) => s.trim());
  const nums = parts.map(Number);
  if (parts.length !== 4 || parts.some((p) => p === '') || nums.some((n) => !Number.isFinite(n))) {
    badRequest(`参数 bbox 无效：“${raw}”应为 4 个以逗号分隔的数值 西,南,东,北`);
  }
  const [w, s, e, n] = nums as [number, number, number, number];
  if (w < -180 || e > 180 || s < -90 || n > 90) badRequest(`参数 bbox 超出经纬度范围：“${raw}”`);
  if (w >= e || s >= n) badRequest(`参数 bbox 无效：西 < 东 且 南 < 北，实为“${raw}”`);
  return [w, s, e, n];
}

/** A code path parameter, normalised (full-width, case, spaces). */
export function parseCodeParam(name: string, raw: string): string {
  const code = normaliseCode(decodeURIComponent(raw));
  if (code === '') badRequest(`参数 ${name} 为空`);
  return code;
}

export function parseLimit(raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) badRequest(`参数 limit 应为 1–${max} 的整数，实为“${raw}”`);
  return n;
}

/** A 28-character 不动产单元代码 or a 19-character 宗地代码, normalised and checked. */
export function parseParcelCodeParam(raw: string): string {
  const code = parseCodeParam('code', raw);
  if (code.length === PARCEL_CODE_LENGTH) {
    const asUnit = parseUnitCode(`${code}W00000000`);
    if (asUnit.ok) return code;
    badRequest(`参数 code 无效：“${code}”：${asUnit.message}`);
  }
  const parsed = parseUnitCode(code);
  if (!parsed.ok) badRequest(`参数 code 无效：“${code}”：${parsed.message}（或 19 位宗地代码）`);
  return code;
}

/** A JSON request body; anything else is a 400. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') badRequest('请求体为空：应为 JSON');
  try {
    return JSON.parse(text);
  } catch (err) {
    badRequest(`请求体不是有效的 JSON：${(err as Error).message}`);
  }
}

/** A four-digit year, from a query string or a JSON field. */
export function parseYear(name: string, raw: unknown): number {
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1990 || n > 2100) badRequest(`参数 ${name} 应为年度（如 2025），实为“${String(raw)}”`);
  return n;
}

/** A positive integer id path/query parameter. */
export function parseId(name: string, raw: string | undefined): number {
  const n = Number(raw);
  if (!raw || !Number.isInteger(n) || n < 1) badRequest(`参数 ${name} 应为正整数，实为“${raw ?? ''}”`);
  return n;
}

/**
 * `crs` of a map request: absent or `wgs84`, coordinates as stored; `gcj02`, shifted for display over
 * a basemap drawn in GCJ-02 (Amap, Tencent).
 */
export function parseCrs(raw: string | undefined): 'wgs84' | 'gcj02' {
  if (raw === undefined || raw === '' || raw === 'wgs84') return 'wgs84';
  if (raw === 'gcj02') return 'gcj02';
  badRequest(`参数 crs 应为 wgs84 或 gcj02，实为“${raw}”`);
}
