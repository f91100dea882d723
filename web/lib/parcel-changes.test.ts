import { describe, expect, it } from 'vitest';
import type { GradeChange } from '../api/evaluation-types.ts';
import { joinParcelChanges } from './parcel-changes.ts';


describe('joinParcelChanges', () => {
  it('names each parcel change after its unit, with the unit’s reasons, in code order', () => {
    const changes: GradeChange[] = [
      { unitId: '91500106MA5U000001', name: '甲公司', from: 'C', to: 'A', direction: 'up', totalFrom: 60, totalTo: 90, reasons: ['亩均税收升至基准的 150%'] },
    ];
    const joined = joinParcelChanges(
      [
        { id: 2, code: '500106001001GB00002W00000000', from: 'B', to: 'C', direction: 'down', unitId: '91500106MA5U000009' },
        { id: 1, code: '500106001001GB00001W00000000', from: 'C', to: 'A', direction: 'up', unitId: '91500106MA5U000001' },
      ],
      changes,
    );
    expect(joined.map((c) => [c.code, c.name, c.direction, c.reasons])).toEqual([
      ['500106001001GB00001W00000000', '甲公司', 'up', ['亩均税收升至基准的 150%']],
      ['500106001001GB00002W00000000', '91500106MA5U000009', 'down', []],
    ]);
  });
});
