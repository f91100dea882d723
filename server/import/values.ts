/** Cell parsers. Each returns a value, or a string explaining why the cell is not acceptable. */
import { toHalfWidth } from '../domain/codes.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });

export function isBlank(cell: string | undefined | null): boolean {
  return cell === undefined || cell === null || toHalfWidth(String(cell)).trim() === '';
}

/** Non-negative number; accepts thousands separators and full-width digits. Blank → null. */
export function parseAmount(cell: string | undefined): Parsed<number | null> {
  if (isBlank(cell)) return ok(null);
  const text = toHalfWidth(String(cell)).trim().replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return bad(`“${cell}”不是数字`);
  const value = Number(text);
  if (!Number.isFinite(value)) return bad(`“${cell}”不是有限数值`);
  if (value < 0) return bad(`不能为负数（${cell}）`);
  return ok(value);
}

export function parseInteger(cell: string | undefined): Parsed<number | null> {
  const parsed = parseAmount(cell);
  if (!parsed.ok || parsed.value === null) return parsed;
  return Number.isInteger(parsed.value) ? parsed : bad(`“${cell}”应为整数`);
}

/** Accepts 2024-03-05, 2024/3/5, 2024.3.5 and 2024年3月5日; checks the day exists. Blank → null. */
export function parseDate(cell: string | undefined): Parsed<string | null> {
  if (isBlank(cell)) return ok(null);
  const text = toHalfWidth(String(cell)).trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return bad(`“${cell}”不是日期（应为 YYYY-MM-DD）`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return bad(`日期“${cell}”不存在`);
  }
  return ok(`${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

/** 是/否 and the usual spellings. Blank → false. */
export function parseYesNo(cell: string | undefined): Parsed<boolean> {
  const text = toHalfWidth(String(cell ?? '')).trim().toLowerCase();
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return bad(`“${cell}”应为“是”或“否”`);
}

/** Picks one of the allowed spellings, mapped to a stored value. */
export function parseChoice<T extends string>(cell: string | undefined, choices: Record<string, T>, label: string): Parsed<T | null> {
  if (isBlank(cell)) return ok(null);
  const text = toHalfWidth(String(cell)).trim();
  const hit = choices[text] ?? choices[text.toLowerCase()];
  if (hit !== undefined) return ok(hit);
  const allowed = [...new Set(Object.keys(choices).filter((k) => /[^\x00-\x7f]/.test(k)))].join('、');
  return bad(`“${cell}”不是有效的${label}（可选：${allowed}）`);
}

/** `;`, `；`, `,`, `，` or `、` separated list, trimmed, without blanks. */
export function parseList(cell: string | undefined): string[] {
  if (isBlank(cell)) return [];
  return String(cell)
    .split(/[;；,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
