import { describe, expect, it } from 'vitest';
import type { GradeChange } from '../api/evaluation-types.ts';
import type { EnterpriseParcel } from '../api/types.ts';
import { enterpriseParcelCodes, enterpriseUnits, parcelChanges } from './parcel-changes.ts';

const change = (unitId: string, from: GradeChange['from'], to: GradeChange['to'], direction: GradeChange['direction']): GradeChange => ({
  unitId, name: unitId, from, to, direction, totalFrom: null, totalTo: null, reasons: [`${unitId} 原因`],
});
const parcel = (code: string, role: 'owner' | 'tenant', areaUsedM2: number): EnterpriseParcel => ({ code, role, areaUsedM2, areaUsedMu: areaUsedM2 / 666.67, bbox: [0, 0, 1, 1] });

describe('placing grade changes on parcels', () => {
  it('draw an enterprise on the parcels it owns, or else on the largest it uses', () => {
    expect(enterpriseParcelCodes([parcel('B', 'owner', 10), parcel('A', 'owner', 5), parcel('C', 'tenant', 99)])).toEqual(['A', 'B']);
    expect(enterpriseParcelCodes([parcel('B', 'tenant', 10), parcel('A', 'tenant', 50)])).toEqual(['A']);
    expect(enterpriseParcelCodes([])).toEqual([]);
  });

  it('look up only enterprise units (merged parcels carry their code)', () => {
    expect(enterpriseUnits([change('91X', 'C', 'B', 'up'), change('parcel:P1', 'D', 'C', 'up'), change('91X', 'C', 'B', 'up')])).toEqual(['91X']);
  });

  it('let a merged unit keep its parcel, and leave out enterprises that could not be looked up', () => {
    const changes = [change('91A', 'A', 'C', 'down'), change('parcel:P1', 'D', 'B', 'up'), change('91B', null, 'C', 'new')];
    const out = parcelChanges(changes, new Map([['91A', ['P1', 'P2']]]));
    expect(out.map((c) => [c.code, c.unitId, c.direction])).toEqual([
      ['P1', 'parcel:P1', 'up'],
      ['P2', '91A', 'down'],
    ]);
    expect(out[1]!.reasons).toEqual(['91A 原因']);
  });
});
