/**
 * A GeoJSON FeatureCollection too large for one JavaScript string (V8 stops near 512 MB; a
 * 1M-parcel cadastre is ~700 MB) read feature by feature: one pass over the UTF-8 bytes finds the
 * top-level `type` and the elements of the top-level `features` array, and each element is parsed on
 * its own. JSON's structural characters are ASCII and UTF-8 never uses bytes below 0x80 inside a
 * multi-byte character, so scanning bytes is exact. Only the nesting is checked here; each feature
 * and the `type` value go through JSON.parse, which checks the rest.
 */

export type SplitResult =
  | { ok: true; features: unknown[] }
  | { ok: false; message: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Byte index just past the string starting at `i` (a quote). */
function skipString(bytes: Uint8Array, i: number): number {
  for (let j = i + 1; j < bytes.length; j++) {
    const b = bytes[j]!;
    if (b === BACKSLASH) j++;
    else if (b === QUOTE) return j + 1;
  }
  return -1;
}

/** Byte index just past the JSON value starting at `i` (not whitespace), by nesting only. */
function skipValue(bytes: Uint8Array, i: number): number {
  const first = bytes[i];
  if (first === QUOTE) return skipString(bytes, i);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let j = i;
    while (j < bytes.length && !isSpace(bytes[j]!) && bytes[j] !== 0x2c && bytes[j] !== CLOSE_BRACE && bytes[j] !== CLOSE_BRACKET) j++;
    return j;
  }
  let depth = 0;
  for (let j = i; j < bytes.length; j++) {
    const b = bytes[j]!;
    if (b === QUOTE) {
      j = skipString(bytes, j) - 1;
      if (j < 0) return -1;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
    else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      if (--depth === 0) return j + 1;
    }
  }
  return -1;
}

function skipSpace(bytes: Uint8Array, i: number): number {
  while (i < bytes.length && isSpace(bytes[i]!)) i++;
  return i;
}

const decoder = new TextDecoder('utf-8');
const text = (bytes: Uint8Array, start: number, end: number) => decoder.decode(bytes.subarray(start, end));

/** The features of a FeatureCollection given as UTF-8 bytes (a BOM is allowed). */
export function splitFeatureCollection(bytes: Uint8Array): SplitResult {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  i = skipSpace(bytes, i);
  if (bytes[i] !== OPEN_BRACE) return { ok: false, message: '应为 GeoJSON FeatureCollection（文件不以 { 开头）' };
  i++;
  let type: unknown;
  let features: unknown[] | null = null;
  for (let first = true; ; first = false) {
    i = skipSpace(bytes, i);
    if (bytes[i] === CLOSE_BRACE && first) break;
    if (!first) {
      if (bytes[i] === CLOSE_BRACE) break;
      if (bytes[i] !== 0x2c) return { ok: false, message: `不是有效的 JSON：第 ${i} 字节处应为逗号或 }` };
      i = skipSpace(bytes, i + 1);
    }
    if (bytes[i] !== QUOTE) return { ok: false, message: `不是有效的 JSON：第 ${i} 字节处应为属性名` };
    const keyEnd = skipString(bytes, i);
    if (keyEnd < 0) return { ok: false, message: '不是有效的 JSON：字符串没有结束' };
    const key = JSON.parse(text(bytes, i, keyEnd)) as string;
    i = skipSpace(bytes, keyEnd);
    if (bytes[i] !== COLON) return { ok: false, message: `不是有效的 JSON：第 ${i} 字节处应为冒号` };
    i = skipSpace(bytes, i + 1);
    if (key === 'features' && bytes[i] === OPEN_BRACKET) {
      const read = readArray(bytes, i);
      if (!read.ok) return read;
      features = read.features;
      i = read.end;
      continue;
    }
    const end = skipValue(bytes, i);
    if (end < 0) return { ok: false, message: `不是有效的 JSON：属性 ${key} 的值没有结束` };
    if (key === 'type') {
      try {
        type = JSON.parse(text(bytes, i, end));
      } catch (err) {
        return { ok: false, message: `不是有效的 JSON：属性 type：${(err as Error).message}` };
      }
    }
    i = end;
  }
  if (skipSpace(bytes, i + 1) !== bytes.length) return { ok: false, message: '不是有效的 JSON：FeatureCollection 之后还有内容' };
  if (type !== 'FeatureCollection' || features === null) return { ok: false, message: '应为 GeoJSON FeatureCollection' };
  return { ok: true, features };
}

function readArray(bytes: Uint8Array, start: number): { ok: true; features: unknown[]; end: number } | { ok: false; message: string } {
  const features: unknown[] = [];
  let i = start + 1;
  for (;;) {
    i = skipSpace(bytes, i);
    if (i >= bytes.length) return { ok: false, message: '不是有效的 JSON：features 数组没有结束' };
    if (bytes[i] === CLOSE_BRACKET) return { ok: true, features, end: i + 1 };
    if (features.length > 0) {
      if (bytes[i] !== 0x2c) return { ok: false, message: `不是有效的 JSON：第 ${features.length} 个要素之后应为逗号或 ]` };
      i = skipSpace(bytes, i + 1);
    }
    const end = skipValue(bytes, i);
    if (end < 0) return { ok: false, message: `不是有效的 JSON：第 ${features.length + 1} 个要素没有结束` };
    try {
      features.push(JSON.parse(text(bytes, i, end)));
    } catch (err) {
      return { ok: false, message: `不是有效的 JSON：第 ${features.length + 1} 个要素：${(err as Error).message}` };
    }
    i = end;
  }
}
