import { describe, expect, it } from 'vitest';
import { assessParcel } from './assess.ts';
import type { Flag, SupplyFacts } from './model.ts';
import { parcel, RULES } from './testing.ts';

const unstarted = (startDeadline: string | null, asOfDate: string, supply: Partial<SupplyFacts> = {}) =>
  assessParcel(parcel({ asOfDate, supply: { supplyDate: '2019-01-15', startDeadline, devStatus: '未开工', landPriceWan: 800, ...supply } }), RULES);

const flag = (flags: Flag[], code: string) => flags.find((f) => f.code === code);

describe('闲置土地: not started', () => {
  it('is idle at the end of the first anniversary of the agreed start date, not a day before', () => {
    expect(flag(unstarted('2024-12-31', '2025-12-30').flags, 'idle')).toBeUndefined();
    const idle = flag(unstarted('2024-12-31', '2025-12-31').flags, 'idle');
    expect(idle?.label).toBe('闲置土地（未动工满 1 年）');
    expect(idle?.facts).toMatchObject({ fullYearsIdle: 1, daysPastDeadline: 365, idleFeeWan: 160, recoverable: false, recoverableFromDate: '2026-12-31' });
    expect(idle?.consequence).toContain('土地闲置费 160 万元（价款 800 万元 × 20%）');
    expect(idle?.rule).toMatchObject({ rules: 'land-status-default@1', paths: ['idle.feeAfterFullYears', 'idle.feeShareOfLandPrice'] });
    expect(idle?.rule.sources[0]).toContain('第53号');
  });
  it('with a start date of 2020-02-29 is idle at the end of 2021-02-28', () => {
    expect(flag(unstarted('2020-02-29', '2021-02-27').flags, 'idle')).toBeUndefined();
    expect(flag(unstarted('2020-02-29', '2021-02-28').flags, 'idle')?.facts).toMatchObject({ fullYearsIdle: 1, idleFromDate: '2021-02-28' });
    expect(flag(unstarted('2020-02-29', '2022-02-27').flags, 'idle')?.facts.recoverable).toBe(false);
    expect(flag(unstarted('2020-02-29', '2022-02-28').flags, 'idle')?.facts.recoverable).toBe(true);
  });
  it('after two full years the parcel may be taken back without compensation', () => {
    const idle = flag(unstarted('2023-12-31', '2025-12-31').flags, 'idle');
    expect(idle?.label).toBe('闲置土地（未动工满 2 年）');
    expect(idle?.facts.recoverable).toBe(true);
    expect(idle?.consequence).toContain('无偿收回');
    expect(idle?.rule.paths).toContain('idle.recoverAfterFullYears');
    expect(flag(unstarted('2023-12-31', '2025-12-30').flags, 'idle')?.facts.recoverable).toBe(false);
  });
  it('says the fee cannot be computed when the land price is not registered', () => {
    const idle = flag(unstarted('2023-06-30', '2025-12-31', { landPriceWan: null }).flags, 'idle');
    expect(idle?.facts.idleFeeWan).toBeNull();
    expect(idle?.consequence).toContain('土地价款未登记');
  });
  it('without an agreed start date presumes one a full year after supply, and says so', () => {
    const idle = flag(unstarted(null, '2025-12-31', { supplyDate: '2023-11-15' }).flags, 'idle');
    expect(idle?.facts).toMatchObject({ startDeadline: '2024-11-15', startDeadlineSource: '供地日期推定', fullYearsIdle: 1 });
    expect(idle?.rule.paths).toContain('idle.assumedStartAfterSupplyFullYears');
  });
  it('without any date it is not judged, and a note says why', () => {
    const s = unstarted(null, '2025-12-31', { supplyDate: null });
    expect(s.flags).toEqual([]);
    expect(s.notes).toContain('已供地未开工，但无约定开工日期和供地日期，无法判断是否闲置');
  });
  it('a parcel that started by asOf is not idle, one that started later was idle at asOf', () => {
    expect(flag(unstarted('2022-06-30', '2025-12-31', { actualStartDate: '2025-12-31', devStatus: '在建' }).flags, 'idle')).toBeUndefined();
    expect(flag(unstarted('2022-06-30', '2024-12-31', { actualStartDate: '2025-03-01', devStatus: '在建' }).flags, 'idle')).toBeDefined();
  });
  it('unsupplied land is never idle', () => {
    expect(assessParcel(parcel({ supply: { devStatus: '未供', startDeadline: '2020-01-01' } }), RULES).flags.map((f) => f.code)).not.toContain('idle');
  });
});

describe('闲置土地: started but halted (第二条第二款)', () => {
  // 9,000 m² parcel; total investment 1,000 万元 from the contract.
  const halted = (developedAreaM2: number | null, investedWan: number | null, asOfDate = '2025-12-31', haltedDate: string | null = '2024-06-30') =>
    assessParcel(
      parcel({
        areaM2: 9000,
        asOfDate,
        supply: {
          supplyDate: '2021-01-10',
          startDeadline: '2021-07-01',
          actualStartDate: '2021-08-01',
          devStatus: '停建',
          haltedDate,
          developedAreaM2,
          investedWan,
          plannedInvestmentWan: 1000,
          landPriceWan: 300,
        },
      }),
      RULES,
    );

  it('exactly one third developed is not "不足三分之一"; a little less is', () => {
    expect(flag(halted(3000, 900).flags, 'idle_halted')).toBeUndefined();
    const f = flag(halted(2999.99, 900).flags, 'idle_halted');
    expect(f?.facts).toMatchObject({ developedBelowShare: true, investedBelowShare: false, fullYearsHalted: 1, idleFeeWan: 60 });
    expect(f?.reason).toContain('不足 1/3');
  });
  it('exactly 25% invested is not "不足百分之二十五"; a little less is', () => {
    expect(flag(halted(9000, 250).flags, 'idle_halted')).toBeUndefined();
    expect(flag(halted(9000, 249.99).flags, 'idle_halted')?.facts).toMatchObject({ developedBelowShare: false, investedBelowShare: true });
  });
  it('counts the halt from its date: one full year idle, two full years recoverable', () => {
    expect(flag(halted(1000, 100, '2025-06-29').flags, 'idle_halted')).toBeUndefined();
    expect(flag(halted(1000, 100, '2025-06-30').flags, 'idle_halted')?.label).toBe('闲置土地（停建满 1 年）');
    const two = flag(halted(1000, 100, '2026-06-30').flags, 'idle_halted');
    expect(two?.label).toBe('闲置土地（停建满 2 年）');
    expect(two?.facts.recoverable).toBe(true);
  });
  it('takes the total investment from the 标准地 intensity when the contract total is missing', () => {
    const s = assessParcel(
      parcel({
        areaM2: 10000,
        standardLand: { investmentWanPerMu: 300, farMin: null, farMax: null, taxPerMuWan: null, vaPerTceWan: null, rdRatioPct: null, targetDate: '2027-01-01' },
        supply: { supplyDate: '2021-01-10', actualStartDate: '2021-08-01', devStatus: '停建', haltedDate: '2023-05-01', developedAreaM2: 8000, investedWan: 1000 },
      }),
      RULES,
    );
    expect(flag(s.flags, 'idle_halted')?.facts).toMatchObject({ totalInvestmentWan: 4500, totalInvestmentSource: '标准地投资强度×面积', investedShare: 0.2222 });
  });
  it('is not judged without a halt date, and says so', () => {
    const s = halted(1000, 100, '2025-12-31', null);
    expect(s.stage).toBe('halted');
    expect(flag(s.flags, 'idle_halted')).toBeUndefined();
    expect(s.notes.join()).toContain('停建日期未登记');
  });
  it('a halted project developed and funded beyond the thresholds is not idle', () => {
    expect(halted(4500, 500).flags.map((f) => f.code)).toEqual([]);
  });
});
