import { describe, expect, it } from 'vitest';
import type { EvaluationItem, GradeHistoryEntry, UnitEvaluation } from '../../api/evaluation-types.ts';
import type { ParcelEnterprise } from '../../api/types.ts';
import { historyStrip, pointsText, scoreTable, unitGroup } from './evaluation-view.ts';

const BASIS = '西永高新区上年总体水平';

function item(over: Partial<EvaluationItem>): EvaluationItem {
  return Object.freeze({
    key: 'tax_per_mu', label: '亩均税收', unit: '万元/亩', value: 13.0925, benchmark: 23.8825, basis: BASIS,
    ratio: 0.5482, weight: 25, weightApplied: 25, score: 13.7051, capped: false, missing: null, ...over,
  });
}

const items: readonly EvaluationItem[] = Object.freeze([
  item({}),
  item({ key: 'va_per_mu', label: '亩均增加值', value: 315.7215, benchmark: 131.5379, ratio: 2.4002, score: 37.5, capped: true }),
  item({
    key: 'tax_per_kwh', label: '单位电耗税收', unit: '元/千瓦时', value: null, benchmark: 1.4809, ratio: null, weight: 30, weightApplied: 30,
    score: 0, missing: { rule: 'zero', why: '缺少 2025 年用电量数据；该项计 0 分' },
  }),
]);

describe('score table', () => {
  const table = scoreTable(items);

  it('shows value, benchmark, ratio and score over weight for each indicator', () => {
    expect(table.rows[0]).toMatchObject({ label: '亩均税收', unit: '万元/亩', value: '13.09', benchmark: '23.88', ratio: '55%', score: '13.71 / 25', notes: [] });
  });

  it('marks a capped item and keeps its true ratio', () => {
    expect(table.rows[1]).toMatchObject({ capped: true, value: '315.7', ratio: '240%', score: '37.50 / 25', notes: [] });
  });

  it('explains a missing item with its rule, and shows its value as a dash', () => {
    expect(table.rows[2]).toMatchObject({ value: '—', ratio: '—', score: '0.00 / 30', missing: true });
    expect(table.rows[2]!.notes).toEqual(['缺数计 0 分：缺少 2025 年用电量数据；该项计 0 分']);
  });

  it('notes a weight moved by the reweight rule', () => {
    const t = scoreTable([item({ weightApplied: 27.78 })]);
    expect(t.rows[0]!.score).toBe('13.71 / 27.8');
    expect(t.rows[0]!.notes).toEqual(['权重 25 → 27.8']);
  });

  it('prints a shared benchmark basis once', () => {
    expect(table.commonBasis).toBe(BASIS);
    expect(scoreTable([item({}), item({ basis: '固定基准' })]).commonBasis).toBeNull();
  });

  it('sums item scores and applied weights', () => {
    expect(table.itemsTotal).toBeCloseTo(51.2051, 6);
    expect(table.weightTotal).toBe(80);
  });
});

describe('evaluation words', () => {
  it('signs bonus and penalty points', () => {
    expect(pointsText(2)).toBe('+2.00 分');
    expect(pointsText(-3.5)).toBe('−3.50 分');
  });

  const ent = (uscc: string, scale: 'above' | 'below') => ({ uscc, scale }) as ParcelEnterprise;
  const merged = { members: ['A1', 'B2', 'C3'] } as UnitEvaluation;

  it('calls a merged unit 规上 when any member is, 规下 only when all are known to be', () => {
    expect(unitGroup(merged, [ent('A1', 'below'), ent('B2', 'above')])).toBe('above');
    expect(unitGroup(merged, [ent('A1', 'below'), ent('B2', 'below')])).toBeNull();
    expect(unitGroup(merged, [ent('A1', 'below'), ent('B2', 'below'), ent('C3', 'below')])).toBe('below');
  });
});

describe('grade history strip', () => {
  const h = (year: number, runId: number, grade: GradeHistoryEntry['grade'], over: Partial<GradeHistoryEntry> = {}): GradeHistoryEntry => ({
    runId, year, methodId: 'm', methodVersion: '1', createdAt: '', unitId: 'U', kind: 'enterprise', grade,
    total: 90.5, rank: 3, rankOf: 40, sharedResultFrom: null, reasons: [], ...over,
  });

  it('keeps one cell per year, oldest first, from the newest run of that year', () => {
    const strip = historyStrip([h(2025, 3, 'B'), h(2023, 1, 'D'), h(2025, 5, 'A'), h(2024, 2, 'C')]);
    expect(strip.map((c) => `${c.year}${c.grade}`)).toEqual(['2023D', '2024C', '2025A']);
  });

  it('says score, rank and sharing in the tooltip', () => {
    expect(historyStrip([h(2025, 1, 'B', { sharedResultFrom: 'parcel:X' })])[0]!.title).toBe('2025 年 B 级 · 90.50 分 · 第 3/40 名 · 共用宗地合并评价');
    expect(historyStrip([h(2025, 1, 'T', { total: null, rank: null, rankOf: null })])[0]!.title).toBe('2025 年 T 级');
  });
});
