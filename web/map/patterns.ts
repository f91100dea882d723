/**
 * Fill patterns drawn in code (no sprite sheet to serve): diagonal hatching as raw RGBA pixels for
 * `map.addImage`. Hatching lets a second fact (a land status, low evaluation coverage) lie over a
 * colour fill without hiding it. A pattern tiles seamlessly: the lines run at 45° and the tile's
 * side is a whole number of line spacings.
 */

export interface HatchOptions {
  /** Line colour, '#rrggbb'. */
  color: string;
  /** Line opacity, 0–1. */
  alpha?: number;
  /** Distance between lines along an edge, in image pixels. */
  spacing: number;
  /** Line thickness across the line, in image pixels. */
  width: number;
  /** '/' rising to the right (default) or '\' falling. */
  direction?: 'rising' | 'falling';
  /** Tiles per side; the image is `spacing × repeat` pixels square. */
  repeat?: number;
}

export interface PatternImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Diagonal hatching, antialiased by the distance of each pixel centre to the nearest line. */
export function hatchPattern({ color, alpha = 1, spacing, width, direction = 'rising', repeat = 2 }: HatchOptions): PatternImage {
  if (!(spacing >= 2) || !(width > 0) || !Number.isInteger(spacing) || !Number.isInteger(repeat) || repeat < 1) {
    throw new Error(`hatch pattern needs an integer spacing ≥ 2 and repeat ≥ 1, and a positive width (got ${spacing}, ${repeat}, ${width})`);
  }
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) throw new Error(`hatch colour must be #rrggbb, got ${color}`);
  const n = Number.parseInt(m[1]!, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  const size = spacing * repeat;
  const data = new Uint8ClampedArray(size * size * 4);
  const half = width / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Lines x ± y ≡ 0 (mod spacing); distance across a 45° line is the offset / √2.
      const t = direction === 'rising' ? x + y + 1 : x - y;
      const offset = (((t % spacing) + spacing) % spacing);
      const d = Math.min(offset, spacing - offset) / Math.SQRT2;
      const coverage = Math.max(0, Math.min(1, half + 0.5 - d));
      const i = (y * size + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = Math.round(255 * alpha * coverage);
    }
  }
  return { width: size, height: size, data };
}
