/**
 * Invented registry codes: 统一社会信用代码 with correct (or, for a few, deliberately wrong) check
 * characters, 不动产单元代码 for land-only units, and the ways people mistype both.
 */
import { orgCodeCheckChar, usccCheckChar } from '../../server/domain/codes.ts';
import type { Rng } from './random.ts';

/** GB 32100-2015 charset: digits and capitals without I, O, S, V, Z. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Registration areas: mostly the district itself and the neighbouring Chongqing districts. */
const AREA_CODES: readonly (readonly [string, number])[] = [
  ['500106', 60],
  ['500107', 10],
  ['500112', 8],
  ['500108', 5],
  ['500105', 5],
  ['500103', 4],
  ['500113', 2],
  ['500000', 2],
  ['110108', 1],
  ['310115', 1],
  ['440300', 1],
  ['320500', 1],
];

/**
 * A 统一社会信用代码 of an enterprise (registration authority 9 = 市场监管, type 1 = 企业). Newer
 * organisation codes start with MA as in real registries. With `validCheck` false, C18 is wrong.
 */
export function creditCode(rng: Rng, validCheck: boolean): string {
  const area = rng.weighted(AREA_CODES);
  let org8 = '';
  if (rng.chance(0.7)) {
    org8 = 'MA';
    while (org8.length < 8) org8 += USCC_CHARS[rng.int(0, USCC_CHARS.length - 1)];
  } else {
    while (org8.length < 8) org8 += String(rng.int(0, 9));
  }
  const first17 = `91${area}${org8}${orgCodeCheckChar(org8)}`;
  const check = usccCheckChar(first17);
  if (check === null) throw new Error(`bad credit code body ${first17}`);
  if (validCheck) return first17 + check;
  const wrong = USCC_CHARS[(USCC_CHARS.indexOf(check) + rng.int(1, USCC_CHARS.length - 1)) % USCC_CHARS.length]!;
  return first17 + wrong;
}

/** A land-only 不动产单元代码: county, 地籍区, 地籍子区, GB, 宗地顺序号, W00000000. */
export function landUnitCode(county: string, cadastralDistrict: number, subdistrict: number, seq: number): string {
  if (cadastralDistrict > 999 || subdistrict > 999 || seq > 99999) {
    throw new Error(`不动产单元代码 out of range: ${cadastralDistrict}/${subdistrict}/${seq}`);
  }
  return `${county}${pad(cadastralDistrict, 3)}${pad(subdistrict, 3)}GB${pad(seq, 5)}W00000000`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** Segment lengths of a 不动产单元代码 as written on certificates. */
const UNIT_SEGMENTS = [6, 3, 3, 2, 5, 9];

function segments(code: string, lengths: readonly number[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const len of lengths) {
    out.push(code.slice(at, at + len));
    at += len;
  }
  if (at < code.length) out.push(code.slice(at));
  return out;
}

/**
 * A code as a person types it into a spreadsheet: full-width characters from a Chinese input
 * method, lower case, spaces or dashes between segments. `normaliseCode` undoes all of them.
 */
export function typedByHand(rng: Rng, code: string, kind: 'unit' | 'credit'): string {
  const parts = segments(code, kind === 'unit' ? UNIT_SEGMENTS : [8, 10]);
  switch (rng.int(0, 5)) {
    case 0:
      // The letters typed with the input method still on: ＧＢ, Ｗ.
      return code.replace(/[A-Z]+/g, fullWidth);
    case 1:
      // A whole segment in full width, e.g. the county code ５００１０６.
      return parts.map((p, i) => (i === (kind === 'unit' ? 0 : 1) ? fullWidth(p) : p)).join('');
    case 2:
      return code.toLowerCase();
    case 3:
      return parts.join(' ');
    case 4:
      return parts.join('-');
    default:
      return ` ${parts.join('\u3000').toLowerCase()} `;
  }
}
