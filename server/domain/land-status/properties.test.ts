import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessParcel } from './assess.ts';
import { dayNumber } from './dates.ts';
import { exitCandidates, type EnterpriseExitFacts } from './exit.ts';
import { industryMedians } from './figures.ts';
import type { GradeRecord } from './grades.ts';
import type { DevStatus, OccupantYear, ParcelFacts, ParcelInput, StandardLandTerms, SupplyFacts } from './model.ts';
import { deepFreeze, RULES } from './testing.ts';

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const dateIn = (from: string, to: string) => fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map(iso);
const date = dateIn('2005-01-01', '2030-12-31');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const amount = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });
const USCCS = ['91500106MA5U1A2B9B', '91500106MA5U1C3D7B', '91500106MA5U1E4F5B', '91500106MA5U1G5H3B'] as const;
const STATUSES: DevStatus[] = ['未供', '未开工', '在建', '停建', '已竣工', '已投产'];

const supplyArb: fc.Arbitrary<SupplyFacts> = fc.record({
  approvalDate: maybe(date),
  supplyDate: maybe(date),
  supplyMethod: maybe(fc.constantFrom('出让' as const, '划拨' as const, '租赁' as const)),
  startDeadline: maybe(date),
  actualStartDate: maybe(date),
  completionDate: maybe(date),
  productionDate: maybe(date),
  landPriceWan: maybe(amount(5000)),
  devStatus: maybe(fc.constantFrom(...STATUSES)),
  developedAreaM2: maybe(amount(50_000)),
  investedWan: maybe(amount(50_000)),
  plannedInvestmentWan: maybe(amount(50_000)),
  haltedDate: maybe(date),
});

const occupantArb: fc.Arbitrary<OccupantYear> = fc
  .record({
    uscc: fc.constantFrom(...USCCS),
    role: fc.constantFrom('owner' as const, 'tenant' as const),
    areaUsedM2: fc.double({ min: 1, max: 50_000, noNaN: true }),
    extraM2: amount(50_000),
    figures: fc.record(
      { taxWan: maybe(amount(5000)), valueAddedWan: maybe(amount(20_000)), energyTce: maybe(amount(5000)), rdWan: maybe(amount(500)), revenueWan: maybe(amount(50_000)) },
      { requiredKeys: [] },
    ),
  })
  .map(({ extraM2, ...o }) => ({ ...o, name: `企业${o.uscc.slice(-4)}`, totalAreaUsedM2: o.areaUsedM2 + extraM2 }));

const termsArb: fc.Arbitrary<StandardLandTerms> = fc.record({
  investmentWanPerMu: maybe(amount(500)),
  farMin: maybe(fc.double({ min: 0.5, max: 1.5, noNaN: true })),
  farMax: maybe(fc.double({ min: 1.5, max: 3, noNaN: true })),
  taxPerMuWan: maybe(amount(50)),
  vaPerTceWan: maybe(amount(10)),
  rdRatioPct: maybe(amount(5)),
  targetDate: maybe(date),
});

const parcelArb = (unitCode: string): fc.Arbitrary<ParcelFacts> =>
  fc.record({
    unitCode: fc.constant(unitCode),
    areaM2: fc.double({ min: 100, max: 200_000, noNaN: true }),
    far: maybe(fc.double({ min: 0, max: 4, noNaN: true })),
    floorAreaM2: maybe(amount(400_000)),
    holderUscc: maybe(fc.constantFrom(...USCCS)),
    supply: supplyArb,
    buildings: fc.array(fc.record({ name: fc.constant('厂房'), floorAreaM2: maybe(amount(40_000)), vacantFloorAreaM2: maybe(amount(40_000)) }), { maxLength: 3 }),
    standardLand: maybe(termsArb),
    industryCode: maybe(fc.constantFrom('C3489', 'C3411', 'C3982', '2929', 'X')),
    occupants: fc.uniqueArray(occupantArb, { maxLength: 3, selector: (o) => o.uscc }),
    asOfDate: date,
  });

const districtArb = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => parcelArb(`500106001001GB${String(i + 1).padStart(5, '0')}W00000000`))),
);

const gradesArb: fc.Arbitrary<GradeRecord[]> = fc
  .uniqueArray(fc.integer({ min: 2019, max: 2025 }), { maxLength: 7 })
  .chain((years) => fc.tuple(...years.map((year) => fc.constantFrom('A', 'B', 'C', 'D', 'D', 'T').map((grade) => ({ year, grade: grade as GradeRecord['grade'] })))));

const enterprisesArb: fc.Arbitrary<EnterpriseExitFacts[]> = fc.tuple(
  ...USCCS.map((uscc) =>
    fc.record({
      uscc: fc.constant(uscc),
      name: fc.constant(`企业${uscc.slice(-4)}`),
      tags: fc.subarray(['链主企业', '有意转让', '民生保障企业']),
      grades: gradesArb,
      protections: fc.option(fc.constant(['重大项目建设期']), { nil: undefined }),
    }),
  ),
).map((list) => list.map(({ protections, ...e }) => (protections ? { ...e, protections } : e)));

function assessAll(parcels: readonly ParcelFacts[]) {
  const medians = industryMedians(parcels, RULES);
  return parcels.map((p) => assessParcel({ ...p, industryMedians: medians }, RULES));
}

describe('properties', () => {
  it('assessParcel and exitCandidates never mutate their input (deep-frozen)', () => {
    fc.assert(
      fc.property(districtArb, enterprisesArb, (parcels, enterprises) => {
        const expected = assessAll(structuredClone(parcels));
        const medians = deepFreeze(industryMedians(deepFreeze(parcels), deepFreeze(RULES)));
        const statuses = parcels.map((p) => assessParcel(deepFreeze({ ...p, industryMedians: medians }), RULES));
        expect(statuses).toEqual(expected);
        const exitInput = deepFreeze({ evaluationYear: 2025, parcels: statuses, enterprises });
        expect(exitCandidates(exitInput, RULES)).toEqual(exitCandidates(structuredClone(exitInput), RULES));
      }),
      { numRuns: 150 },
    );
  });

  it('exitCandidates does not depend on the order of parcels, enterprises or grade histories', () => {
    const arb = fc.tuple(districtArb, enterprisesArb).chain(([parcels, enterprises]) => {
      const statuses = assessAll(parcels);
      return fc.record({
        statuses: fc.constant(statuses),
        enterprises: fc.constant(enterprises),
        shuffledStatuses: fc.shuffledSubarray(statuses, { minLength: statuses.length }),
        shuffledEnterprises: fc
          .shuffledSubarray(enterprises, { minLength: enterprises.length })
          .chain((list) => fc.tuple(...list.map((e) => fc.shuffledSubarray([...e.grades], { minLength: e.grades.length }).map((grades) => ({ ...e, grades }))))),
      });
    });
    fc.assert(
      fc.property(arb, ({ statuses, enterprises, shuffledStatuses, shuffledEnterprises }) => {
        const a = exitCandidates({ evaluationYear: 2025, parcels: statuses, enterprises }, RULES);
        const b = exitCandidates({ evaluationYear: 2025, parcels: shuffledStatuses, enterprises: shuffledEnterprises }, RULES);
        expect(b).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });

  it('moving asOfDate later never removes an idle flag, nor recoverability, from a parcel that stays unstarted', () => {
    const arb = fc.record({
      parcel: parcelArb('500106001001GB00001W00000000'),
      asOf: dateIn('2005-01-01', '2030-12-31'),
      laterByDays: fc.nat(3000),
      startsAfter: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ parcel, asOf, laterByDays, startsAfter }) => {
        const later = iso(dayNumber(asOf) + laterByDays);
        // Unstarted through `later`: no start date, or one after it.
        const actualStartDate = startsAfter ? iso(dayNumber(later) + 1) : null;
        const base: ParcelInput = {
          ...parcel,
          supply: { ...parcel.supply, devStatus: '未开工', actualStartDate },
          industryMedians: { grouping: 'division', byIndustry: {} },
        };
        const idle = (asOfDate: string) => assessParcel({ ...base, asOfDate }, RULES).flags.find((f) => f.code === 'idle');
        const before = idle(asOf);
        const after = idle(later);
        if (before) {
          expect(after).toBeDefined();
          if (before.facts.recoverable === true) expect(after?.facts.recoverable).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
