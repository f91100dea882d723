/**
 * Registry codes: 不动产单元代码 (GB/T 37346-2019) and 统一社会信用代码 (GB 32100-2015).
 * Codes arrive dirty (full-width letters and brackets, spaces, lower case); everything that
 * matches or stores a code goes through `normaliseCode` first.
 */

/** Full-width ASCII (U+FF01–U+FF5E) → half-width, ideographic space → space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Half-width, upper case, no whitespace or separators people type (spaces, dashes, dots). */
export function normaliseCode(raw: string): string {
  return toHalfWidth(raw)
    .normalize('NFKC')
    .replace(/[\s\-_.·]/g, '')
    .toUpperCase();
}

export type CodeIssue = { field: string; message: string };

// ---------- 不动产单元代码 ----------

export const UNIT_CODE_LENGTH = 28;
/** Length of the 宗地代码 prefix (county 6 + 地籍区 3 + 地籍子区 3 + 特征码 2 + 顺序号 5). */
export const PARCEL_CODE_LENGTH = 19;

const UNIT_CODE_PATTERN = /^(\d{6})(\d{3})(\d{3})([GJZ][A-Z])(\d{5})([WFLQ])(\d{8})$/;

export interface UnitCodeParts {
  countyCode: string;
  cadastralDistrict: string;
  cadastralSubdistrict: string;
  /** 宗地特征码, e.g. GB = 国有建设用地使用权 (地表). */
  parcelFeature: string;
  parcelSeq: string;
  /** 定着物特征码: W none, F building, L, Q. */
  fixtureFeature: string;
  fixtureSeq: string;
  /** First 19 characters: the 宗地代码 shared by the land unit and its buildings. */
  parcelCode: string;
}

/**
 * Parses a normalised 28-character 不动产单元代码. Returns the parts, or an issue explaining which
 * segment is wrong (the message is shown to the person who sent the file).
 */
export function parseUnitCode(code: string): { ok: true; parts: UnitCodeParts } | { ok: false; message: string } {
  if (code.length !== UNIT_CODE_LENGTH) {
    return { ok: false, message: `不动产单元代码应为 28 位，实为 ${code.length} 位` };
  }
  const m = UNIT_CODE_PATTERN.exec(code);
  if (!m) {
    const segments: [RegExp, string][] = [
      [/^\d{6}/, '第 1–6 位县级行政区划代码应为数字'],
      [/^\d{12}/, '第 7–12 位地籍区/地籍子区应为数字'],
      [/^\d{12}[GJZ]/, '第 13 位宗地特征码应为 G/J/Z'],
      [/^\d{12}[GJZ][A-Z]/, '第 14 位宗地特征码应为字母'],
      [/^\d{12}[GJZ][A-Z]\d{5}/, '第 15–19 位宗地顺序号应为数字'],
      [/^\d{12}[GJZ][A-Z]\d{5}[WFLQ]/, '第 20 位定着物特征码应为 W/F/L/Q'],
    ];
    const failed = segments.find(([re]) => !re.test(code));
    return { ok: false, message: failed ? failed[1] : '第 21–28 位定着物单元编号应为数字' };
  }
  return {
    ok: true,
    parts: {
      countyCode: m[1]!,
      cadastralDistrict: m[2]!,
      cadastralSubdistrict: m[3]!,
      parcelFeature: m[4]!,
      parcelSeq: m[5]!,
      fixtureFeature: m[6]!,
      fixtureSeq: m[7]!,
      parcelCode: code.slice(0, PARCEL_CODE_LENGTH),
    },
  };
}

// ---------- 统一社会信用代码 ----------

export const USCC_LENGTH = 18;
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Check character C18 for the first 17 characters, or null if a character is outside the charset. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Check character of a 9-character 组织机构代码 body (first 8 characters). */
export function orgCodeCheckChar(first8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i] ?? '';
    const v = /[0-9]/.test(ch) ? Number(ch) : /[A-Z]/.test(ch) ? ch.charCodeAt(0) - 55 : -1;
    if (v < 0) return null;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export type UsccCheck =
  | { ok: true; warnings: string[] }
  | { ok: false; message: string };

/**
 * Validates a normalised 统一社会信用代码. Structure (length, charset) is an error; a failed check
 * digit is only a warning because real registries hold a few such codes.
 */
export function checkUscc(code: string): UsccCheck {
  if (code.length !== USCC_LENGTH) return { ok: false, message: `统一社会信用代码应为 18 位，实为 ${code.length} 位` };
  const bad = [...code].findIndex((ch) => !USCC_CHARSET.includes(ch));
  if (bad >= 0) return { ok: false, message: `统一社会信用代码第 ${bad + 1} 位“${code[bad]}”不在允许字符集内（不含 I O S V Z）` };
  const warnings: string[] = [];
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code[17]) warnings.push(`统一社会信用代码校验位应为 ${expected}，实为 ${code[17]}`);
  const org = code.slice(8, 17);
  const orgExpected = orgCodeCheckChar(org.slice(0, 8));
  if (orgExpected !== null && orgExpected !== org[8]) {
    warnings.push(`组织机构代码（第 9–17 位）校验位应为 ${orgExpected}，实为 ${org[8]}`);
  }
  return { ok: true, warnings };
}
