/** The aggregated parcel layer of shallow zooms: one square feature per grid cell holding parcels. */
import { M2_PER_MU, round } from '../domain/units.ts';
import type { TileFeature } from './mvt-encode.ts';
import type { TileAttribute } from './tilejson.ts';

export const CELL_LAYER = 'parcel_cells';

/** One cell's sums; `i` counts cells from the tile's west edge, `j` from its north edge. */
export interface CellRow {
  i: number;
  j: number;
  count: number;
  area_m2: number;
  /** Tax of the parcels in the cell that have any, in 万元, and their area in m² (null when none). */
  tax_wan: number | null;
  taxed_area_m2: number | null;
}

/** Attributes of a cell, for TileJSON. */
export const CELL_ATTRIBUTES = [
  { name: 'count', description: '宗地数' },
  { name: 'areaMu', description: '宗地面积合计（亩）' },
  { name: 'taxPerMuWan', description: '亩均税收（万元/亩）：有税收宗地的税收合计 ÷ 其面积合计；无则缺省' },
] as const satisfies readonly TileAttribute[];

/** Cells as squares in tile units, clockwise (y down); the id is the cell's index in row order. */
export function cellFeatures(rows: readonly CellRow[], cellsPerSide: number, extent: number): TileFeature[] {
  const size = extent / cellsPerSide;
  return rows
    .filter((r) => r.i >= 0 && r.j >= 0 && r.i < cellsPerSide && r.j < cellsPerSide && r.count > 0)
    .sort((a, b) => a.j - b.j || a.i - b.i)
    .map((r) => {
      const [x0, y0, x1, y1] = [r.i * size, r.j * size, (r.i + 1) * size, (r.j + 1) * size];
      const taxed = r.tax_wan !== null && r.taxed_area_m2 ? r.tax_wan / (r.taxed_area_m2 / M2_PER_MU) : null;
      return {
        id: r.j * cellsPerSide + r.i,
        properties: { count: r.count, areaMu: round(r.area_m2 / M2_PER_MU, 1), taxPerMuWan: round(taxed) },
        geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
      };
    });
}
