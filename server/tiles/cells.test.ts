import { describe, expect, it } from 'vitest';
import { cellFeatures, type CellRow } from './cells.ts';

const MU = 10_000 / 15;
const row = (i: number, j: number, extra: Partial<CellRow> = {}): CellRow =>
  ({ i, j, count: 2, area_m2: 20 * MU, tax_wan: 300, taxed_area_m2: 10 * MU, ...extra });

describe('cellFeatures', () => {
  it('draws each cell as a clockwise square in tile units, id in row order', () => {
    const [f] = cellFeatures([row(1, 2)], 64, 4096);
    expect(f).toEqual({
      id: 2 * 64 + 1,
      properties: { count: 2, areaMu: 20, taxPerMuWan: 30 },
      geometry: { type: 'Polygon', coordinates: [[[64, 128], [128, 128], [128, 192], [64, 192], [64, 128]]] },
    });
  });

  it('weighs 亩均税收 by the land that pays tax, leaves it out when none does, and drops cells off the tile', () => {
    const features = cellFeatures([row(0, 0, { tax_wan: null, taxed_area_m2: null }), row(-1, 3), row(64, 0), row(3, 64), row(5, 5)], 64, 4096);
    expect(features.map((f) => f.id)).toEqual([0, 5 * 64 + 5]);
    expect(features[0]!.properties.taxPerMuWan).toBeNull();
  });
});
