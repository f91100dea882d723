/**
 * Colour-vision-deficiency simulation and colour difference, to check palettes in tests.
 *
 * Simulation: Machado, Oliveira & Fernandes (2009), severity 1.0 matrices, applied to linear sRGB.
 * Difference: CIE 1976 ΔE in CIELAB (D65). Crude next to CIEDE2000, but enough to catch two
 * colours that collapse into one.
 */

export type Deficiency = 'deuteranopia' | 'protanopia' | 'tritanopia';

type Matrix = readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];

const MACHADO: Record<Deficiency, Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

export type Rgb = [number, number, number];

/** '#rrggbb' → [r, g, b] in 0–255. */
export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = Number.parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toLinear(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** Linear-light sRGB of a colour as someone with the deficiency sees it. */
function simulateLinear(hex: string, deficiency: Deficiency | null): Rgb {
  const lin = parseHex(hex).map(toLinear) as Rgb;
  if (!deficiency) return lin;
  const m = MACHADO[deficiency];
  return m.map((row) => clamp01(row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2])) as Rgb;
}

/** CIELAB (D65) of linear sRGB. */
function labOfLinear([r, g, b]: Rgb): Rgb {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIE76 ΔE between two colours, as seen with the given deficiency (null: typical vision). */
export function deltaE(a: string, b: string, deficiency: Deficiency | null = null): number {
  const la = labOfLinear(simulateLinear(a, deficiency));
  const lb = labOfLinear(simulateLinear(b, deficiency));
  return Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

/** Relative luminance (WCAG) of a colour, 0–1. */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map(toLinear) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
