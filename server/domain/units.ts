/** Units the planners use. Areas are stored in m² and shown in 亩; money is in 万元. */

/** 1 亩 = 10000/15 m² ≈ 666.67 m². */
export const M2_PER_MU = 10000 / 15;

export function m2ToMu(areaM2: number): number {
  return areaM2 / M2_PER_MU;
}

export function muToM2(areaMu: number): number {
  return areaMu * M2_PER_MU;
}

/** Rounds for display and JSON, keeping `null` for "not known". */
export function round(value: number | null | undefined, digits = 2): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
