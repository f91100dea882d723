/** Road centre lines and the widths that keep parcels off them. */
import type { Xy } from './geometry.ts';

export type RoadGrade = '主干路' | '次干路' | '支路';

export interface RoadLine {
  name: string;
  grade: RoadGrade;
  /** Centre line, local metres. */
  path: Xy[];
}

/** Half of the red-line width (道路红线) in metres, by grade: 40–48 m, 24–28 m, 12–16 m. */
export const HALF_WIDTH_RANGE: Record<RoadGrade, readonly [number, number]> = {
  主干路: [20, 24],
  次干路: [12, 14],
  支路: [6, 8],
};
