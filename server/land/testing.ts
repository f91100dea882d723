/** Test helpers for the land services: a tiny delivery with low-tax land, and a method that grades everyone D. */
import { readPreset } from '../evaluation/presets.ts';
import { tinyCopy } from '../import/delivery-fixture.ts';

export const CODE = (n: number) => `500106001001GB${String(n).padStart(5, '0')}W00000000`;
export const JIA = '91500106MA5U1A2B9B'; // 甲: P1 and P2
export const YI = '91500106MA5U1C3D7B'; // 乙: P3, 专精特新"小巨人" and 链主企业 (exempt)
export const BING = '91500106MA5U1E4F5B'; // 丙: tenant on P3

/**
 * The tiny delivery with 甲's 2025 tax cut from 520 to 100 万元: P1 and P2 fall under 5 万元/亩,
 * and P2, whose floor-area ratio is also low, fails two low-efficiency tests (引导退还).
 */
export function lowTaxTiny(): string {
  return tinyCopy({ 'metrics-税务局.csv': (t) => t.replace(`${JIA},2025,520`, `${JIA},2025,100`) });
}

/** The default method with score lines no one reaches: every ranked unit is D. */
export function allDMethod(): Record<string, unknown> {
  const doc = structuredClone(readPreset('chongqing-default')) as Record<string, unknown>;
  return { ...doc, id: 'all-d', name: '全部 D 类（测试用）', version: '1', grading: { kind: 'thresholds', within: 'district', minScore: { A: 100_000, B: 90_000, C: 80_000 } } };
}
