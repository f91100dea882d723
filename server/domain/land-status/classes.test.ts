import { describe, expect, it } from 'vitest';
import { assessParcel } from './assess.ts';
import { codes, parcel, producing, RULES } from './testing.ts';

describe('批而未供', () => {
  it('approved a full year ago and still unsupplied', () => {
    const s = assessParcel(parcel({ supply: { approvalDate: '2023-05-01', devStatus: '未供' } }), RULES);
    expect(s.stage).toBe('unsupplied');
    expect(codes(s)).toEqual(['approved_not_supplied']);
    expect(s.flags[0]?.reason).toBe('2023-05-01 批准用地，至 2025-12-31 已满 2 年仍未供地。');
  });
  it('not within the first year after approval, nor for land never approved', () => {
    expect(codes(assessParcel(parcel({ supply: { approvalDate: '2025-01-01', devStatus: '未供' } }), RULES))).toEqual([]);
    expect(codes(assessParcel(parcel({ supply: { devStatus: '未供' } }), RULES))).toEqual([]);
  });
  it('land supplied after asOf was still unsupplied at asOf', () => {
    const s = assessParcel(parcel({ supply: { approvalDate: '2022-01-01', supplyDate: '2026-03-01', devStatus: '未开工' } }), RULES);
    expect(codes(s)).toEqual(['approved_not_supplied']);
  });
});

describe('供而未用', () => {
  const s = (startDeadline: string) => assessParcel(parcel({ supply: { supplyDate: '2024-08-01', startDeadline, devStatus: '未开工' } }), RULES);
  it('supplied, past the agreed start date, not started — before it becomes idle', () => {
    const status = s('2025-06-30');
    expect(codes(status)).toEqual(['supplied_not_used']);
    expect(status.flags[0]?.facts).toMatchObject({ daysPastDeadline: 184 });
  });
  it('not on the agreed start date itself', () => {
    expect(codes(s('2025-12-31'))).toEqual([]);
  });
  it('together with idle once a full year has passed', () => {
    expect(codes(s('2024-12-31'))).toEqual(['idle', 'supplied_not_used']);
  });
});

describe('用而未尽', () => {
  const built = (developedAreaM2: number | null, areaM2 = 20000) =>
    assessParcel(producing(areaM2 / (10000 / 15), 600, { supply: { developedAreaM2 } }), RULES);
  it('a finished plant with a fifth of a 30-亩 parcel left undeveloped', () => {
    const s = built(16000);
    expect(codes(s)).toContain('used_not_fully');
    expect(s.flags.find((f) => f.code === 'used_not_fully')?.facts).toMatchObject({ undevelopedAreaMu: 6, undevelopedShare: 0.2 });
  });
  it('not when less than the share is left, nor when the left-over is under 2 亩', () => {
    expect(codes(built(16001))).not.toContain('used_not_fully');
    expect(codes(built(4000, 5000))).not.toContain('used_not_fully'); // 20% but 1.5 亩
  });
  it('notes that it could not be judged without the developed area', () => {
    const s = built(null);
    expect(codes(s)).not.toContain('used_not_fully');
    expect(s.notes).toContain('未登记已开发面积，未做用而未尽判断');
  });
});

describe('建而未投', () => {
  const s = (asOfDate: string, devStatus: '已竣工' | '已投产' = '已竣工') =>
    assessParcel(parcel({ asOfDate, supply: { supplyDate: '2021-01-01', actualStartDate: '2021-06-01', completionDate: '2023-09-30', devStatus } }), RULES);
  it('completed a full year ago and not producing', () => {
    expect(s('2024-09-29').stage).toBe('completed');
    expect(codes(s('2024-09-29'))).toEqual([]);
    expect(codes(s('2024-09-30'))).toEqual(['built_not_producing']);
  });
  it('not once in production', () => {
    expect(codes(s('2025-12-31', '已投产'))).toEqual([]);
  });
  it('a production date after asOf means not yet producing at asOf', () => {
    const p = parcel({ supply: { supplyDate: '2021-01-01', actualStartDate: '2021-06-01', completionDate: '2023-09-30', productionDate: '2026-02-01', devStatus: '已投产' } });
    expect(codes(assessParcel(p, RULES))).toEqual(['built_not_producing']);
  });
});

describe('投而未达标', () => {
  const terms = { investmentWanPerMu: null, farMin: null, farMax: null, taxPerMuWan: 20, vaPerTceWan: null, rdRatioPct: null, targetDate: '2024-10-01' };
  it('a producing 标准地 failing a commitment after its target date', () => {
    const s = assessParcel(producing(10, 123, { standardLand: terms }), RULES);
    expect(codes(s)).toEqual(['producing_below_target', 'standard_land_failed']);
    expect(s.flags[0]?.reason).toBe('已投产的标准地，达产日期 2024-10-01 后 1 项控制指标未达合同约定：亩均税收。');
  });
  it('not for a parcel meeting its commitments, nor for land without a 标准地 contract', () => {
    expect(codes(assessParcel(producing(10, 200, { standardLand: terms }), RULES))).toEqual([]);
    expect(codes(assessParcel(producing(10, 123), RULES))).toEqual([]);
  });
});
