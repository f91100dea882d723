import { describe, expect, it } from 'vitest';
import { assessParcel } from './assess.ts';
import { exitCandidates, type EnterpriseExitFacts } from './exit.ts';
import { consecutiveYearsInGrade, type GradeRecord } from './grades.ts';
import type { ParcelInput } from './model.ts';
import { owner, parcel, producing, RULES } from './testing.ts';

const A = '91500106MA5U1A2B9B';
const B = '91500106MA5U1C3D7B';
const history = (grades: string): GradeRecord[] =>
  [...grades].map((g, i) => ({ year: 2021 + i, grade: g as GradeRecord['grade'] })).filter((g) => (g.grade as string) !== '-');
const ent = (uscc: string, name: string, grades = '', tags: string[] = [], protections?: string[]): EnterpriseExitFacts => ({
  uscc,
  name,
  tags,
  grades: history(grades),
  ...(protections ? { protections } : {}),
});
const run = (parcels: ParcelInput[], enterprises: EnterpriseExitFacts[]) =>
  exitCandidates({ evaluationYear: 2025, parcels: parcels.map((p) => assessParcel(p, RULES)), enterprises }, RULES);

describe('consecutiveYearsInGrade', () => {
  it('counts the run of D ending with the evaluation year', () => {
    expect(consecutiveYearsInGrade(history('BCCDD'), 'D', 2025)).toBe(2);
    expect(consecutiveYearsInGrade(history('DDDDC'), 'D', 2025)).toBe(0);
    expect(consecutiveYearsInGrade(history('DDDDD'), 'D', 2025)).toBe(5);
  });
  it('a year without an evaluation breaks the run', () => {
    expect(consecutiveYearsInGrade(history('DDD-D'), 'D', 2025)).toBe(1);
    expect(consecutiveYearsInGrade(history('DDDD'), 'D', 2025)).toBe(0);
  });
  it('does not depend on the order of the history', () => {
    expect(consecutiveYearsInGrade([...history('CDDD')].reverse(), 'D', 2024)).toBe(3);
  });
  it('refuses two grades for one year', () => {
    expect(() => consecutiveYearsInGrade([{ year: 2025, grade: 'D' }, { year: 2025, grade: 'C' }], 'D', 2025)).toThrow('2025 年有两个不同的评价等级');
  });
});

describe('倒逼退出', () => {
  const lowParcel = producing(12, 30, { occupants: [owner(A, '甲', 8000, { taxWan: 30 })], holderUscc: A });
  it('an enterprise graded D for two years running, with the land it holds', () => {
    const result = run([lowParcel], [ent(A, '重庆甲精密机械有限公司', 'BCCDD')]);
    const c = result.candidates.find((x) => x.path === '倒逼退出');
    expect(c).toMatchObject({ subject: `enterprise:${A}`, unitCodes: [lowParcel.unitCode], affectedAreaMu: 12, landReleasedMu: 12 });
    expect(c?.reasons[0]).toBe('综合评价 2024–2025 年连续 2 年为 D 类（倒逼整治），达到 2 年');
  });
  it('not after a gap in the evaluations', () => {
    expect(run([lowParcel], [ent(A, '甲', 'CCD-D')]).candidates.filter((x) => x.path === '倒逼退出')).toEqual([]);
  });
  it('a tenant forced out releases no land: the land stays with its holder', () => {
    const shared = producing(30, null, {
      holderUscc: A,
      occupants: [owner(A, '甲', 12000, { taxWan: 500 }), { ...owner(B, '乙', 8000, { taxWan: 10 }), role: 'tenant' }],
    });
    const c = run([shared], [ent(A, '甲', 'AAAAA'), ent(B, '乙', 'DDDDD')]).candidates.find((x) => x.path === '倒逼退出');
    expect(c).toMatchObject({ affectedAreaMu: 12, landReleasedMu: 0, enterprises: [{ uscc: B, role: 'tenant' }] });
  });
  it('exempt and protected enterprises are kept apart, with why', () => {
    const result = run([lowParcel], [ent(A, '甲', 'DDDDD', ['链主企业']), ent(B, '乙', 'DDDDD', [], ['重大项目建设期'])]);
    expect(result.candidates.filter((x) => x.path === '倒逼退出')).toEqual([]);
    expect(result.keptOff.map((k) => [k.subject, k.keptOffBecause])).toEqual([
      [`enterprise:${A}`, [`甲（${A}）带有“链主企业”标签，属豁免企业（exit.exemptTags），不列入倒逼退出`]],
      [`enterprise:${B}`, [`乙（${B}）处于保护情形：重大项目建设期，不列入倒逼退出`]],
    ]);
  });
});

describe('依规回收', () => {
  const idle2 = parcel({ holderUscc: A, supply: { supplyDate: '2021-06-01', startDeadline: '2022-05-01', devStatus: '未开工', landPriceWan: 600 } });
  it('idle land past two full years, the whole parcel released', () => {
    const c = run([idle2], [ent(A, '甲')]).candidates;
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ path: '依规回收', flags: ['idle'], affectedAreaMu: 15, landReleasedMu: 15, enterprises: [{ uscc: A, role: 'holder', name: '甲' }] });
  });
  it('not while idle for less than two years (the fee stage)', () => {
    const idle1 = parcel({ supply: { supplyDate: '2024-06-01', startDeadline: '2024-12-01', devStatus: '未开工' } });
    expect(run([idle1], []).candidates).toEqual([]);
  });
  it('is not waived by an exempt tag, but says so for the meeting', () => {
    const c = run([idle2], [ent(A, '甲', '', ['专精特新"小巨人"'])]);
    expect(c.keptOff).toEqual([]);
    expect(c.candidates[0]?.notes).toEqual([`甲（${A}）带有“专精特新"小巨人"”标签；依规回收不因企业标签豁免，建议会商`]);
  });
  it('a 标准地 failing its commitments after the target date', () => {
    const terms = { investmentWanPerMu: null, farMin: null, farMax: null, taxPerMuWan: 20, vaPerTceWan: null, rdRatioPct: null, targetDate: '2024-10-01' };
    const c = run([producing(10, 123, { standardLand: terms })], []).candidates;
    expect(c.map((x) => [x.path, x.flags])).toEqual([['依规回收', ['standard_land_failed']]]);
  });
});

describe('规范转让 and 引导退还', () => {
  const builtIdle = (tags: string[]) => [
    parcel({ holderUscc: A, supply: { supplyDate: '2019-01-01', actualStartDate: '2019-06-01', completionDate: '2022-06-30', devStatus: '已竣工' } }),
    ent(A, '甲', '', tags),
  ] as const;
  it('built but not producing, with a holder willing to transfer: the whole parcel', () => {
    const [p, e] = builtIdle(['有意转让']);
    expect(run([p], [e]).candidates[0]).toMatchObject({ path: '规范转让', landReleasedMu: 15, flags: ['built_not_producing'] });
  });
  it('no candidate without the willing tag', () => {
    const [p, e] = builtIdle([]);
    expect(run([p], [e]).candidates).toEqual([]);
  });
  it('used but not fully: only the undeveloped part is released', () => {
    const p = producing(30, 600, { holderUscc: A, supply: { developedAreaM2: 12000 } });
    expect(run([p], [ent(A, '甲', '', ['有意转让'])]).candidates[0]).toMatchObject({ path: '规范转让', affectedAreaMu: 30, landReleasedMu: 12 });
  });
  it('a parcel failing two low-efficiency tests is guided to return, unless an occupant is exempt', () => {
    const p = producing(10, 30, { holderUscc: A, far: 0.4 });
    expect(run([p], [ent(A, '甲')]).candidates[0]).toMatchObject({ path: '引导退还', flags: ['low_tax_per_mu', 'low_far'], landReleasedMu: 10 });
    const kept = run([p], [ent(A, '甲', '', ['民生保障企业'])]);
    expect(kept.candidates).toEqual([]);
    expect(kept.keptOff[0]?.keptOffBecause).toEqual([`甲（${A}）带有“民生保障企业”标签，属豁免企业（exit.exemptTags），不列入引导退还`]);
  });
  it('one low-efficiency test alone is not enough', () => {
    expect(run([producing(10, 30, { far: 1.2 })], []).candidates).toEqual([]);
  });
  it('a halted project that Order 53 cannot recover for free is guided to return', () => {
    const p = parcel({ supply: { supplyDate: '2021-01-01', actualStartDate: '2021-06-01', devStatus: '停建', haltedDate: '2025-03-01', developedAreaM2: 5000 } });
    const c = run([p], []).candidates[0];
    expect(c).toMatchObject({ path: '引导退还', flags: [] });
    expect(c?.reasons).toEqual(['项目停建（停建日期 2025-03-01），未达到无偿收回条件，引导协议退还并给予补偿']);
  });
});

describe('input checks', () => {
  it('refuses the same parcel or enterprise twice', () => {
    const p = parcel();
    expect(() => run([p, p], [])).toThrow('宗地“500106001001GB00001W00000000”重复');
    expect(() => run([], [ent(A, '甲'), ent(A, '甲')])).toThrow(`企业“${A}”重复`);
  });
});
