/**
 * Numbers as planners read them: grouped, fixed decimals, with units; '—' for "not reported".
 * Shared by the panels (features/ may not import each other, so this lives below them).
 */

/** 1 亩 = 10000/15 m² ≈ 666.67 m². */
export const M2_PER_MU = 10000 / 15;

export const MISSING = '—';

export function muFromM2(areaM2: number): number {
  return areaM2 / M2_PER_MU;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${minDigits}:${maxDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
    formatters.set(key, f);
  }
  return f;
}

/** A number with thousands separators and exactly `digits` decimals; null/NaN → '—'. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return formatter(digits, digits).format(value);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Local date and time to the minute, "2026-12-07 18:52". */
export function formatDateTime(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/**
 * A change with its sign, '+6,581' or '−8,954' (a true minus sign, U+2212, as Chinese typesetting
 * uses); zero as it rounds, '0'; null/NaN → '—'.
 */
export function formatSigned(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const text = formatNumber(Math.abs(value), digits);
  if (Number(text.replace(/,/g, '')) === 0) return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}

/** A number followed by its unit, e.g. "12.34 亩"; the unit is dropped when the value is missing. */
export function withUnit(value: number | null | undefined, unit: string, digits = 2): string {
  const text = formatNumber(value, digits);
  return text === MISSING ? MISSING : `${text} ${unit}`;
}

/** Area given in 亩, shown with 2 decimals. */
export function formatMu(areaMu: number | null | undefined): string {
  return withUnit(areaMu, '亩', 2);
}

/** Area given in m², shown in 亩 with 2 decimals. */
export function formatMuFromM2(areaM2: number | null | undefined): string {
  return formatMu(areaM2 === null || areaM2 === undefined ? null : muFromM2(areaM2));
}

/** 'YYYY-MM-DD' as is, or '—'. */
export function formatDate(date: string | null | undefined): string {
  return date ? date : MISSING;
}

/** Tax per mu in 万元/亩, or null when there is no tax figure or no area. */
export function perMu(valueWan: number | null | undefined, areaMu: number | null | undefined): number | null {
  if (valueWan === null || valueWan === undefined || !areaMu || !Number.isFinite(areaMu) || areaMu <= 0) return null;
  return valueWan / areaMu;
}

/**
 * A measured figure with as many decimals as it needs to be read: 1 decimal from 100, 2 from 1,
 * else 3 significant digits (0.0254). '—' when missing.
 */
export function formatMeasure(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const abs = Math.abs(value);
  if (abs >= 100) return formatNumber(value, 1);
  if (abs >= 1 || abs === 0) return formatNumber(value, 2);
  return formatter(0, 6).format(Number(value.toPrecision(3)));
}

/** A ratio as a whole percentage: 0.548 → '55%'. */
export function formatPct(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return MISSING;
  return `${Math.round(ratio * 100)}%`;
}
