import { describe, expect, it } from 'vitest';
import { PRESET_IDS, readPresetDoc } from './fixtures/load.ts';
import { edit, edits, minimal, REMOVE } from './fixtures/method-docs.ts';
import { validateMethod } from './validate-method.ts';

function errorsOf(doc: unknown) {
  const v = validateMethod(doc);
  if (v.ok) throw new Error('expected errors');
  return v.errors;
}

describe('validateMethod', () => {
  it.each(PRESET_IDS)('accepts the preset %s', (id) => {
    const v = validateMethod(readPresetDoc(id));
    expect(v.ok ? [] : v.errors).toEqual([]);
  });

  it('fills the documented defaults', () => {
    const v = validateMethod(minimal());
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    expect(v.method.scope).toEqual({
      belowMinLandMu: 3, mergeSharedParcels: true, classT: { utilities: true, productionYearsUnder: 2, majorConstruction: true },
    });
    const va = v.method.groups.above.indicators[1]!;
    expect(va.multiplier).toBe(1);
    expect(va.scoring).toEqual({
      kind: 'ratio', cap: 1.5, benchmark: { kind: 'mean', year: 'previous', factor: 1, within: 'all', average: 'ratioOfSums' },
    });
    expect(v.method.groups.below.indicators[0]!.scoring).toEqual({ kind: 'minMax', floorPct: 20, within: 'all' });
    expect(v.method.grading).toEqual({ kind: 'quotas', within: 'all', rounding: 'cumulativeNearest', sharesPct: { A: 20, B: 40, C: 35, D: 5 } });
    expect([v.method.adjustments, v.method.vetoes, v.method.exemptionTags, v.method.notes]).toEqual([[], [], [], []]);
    expect(v.method.protections).toEqual({ newEnterpriseYears: null, tags: [], majorConstruction: false });
  });

  it('names a wrongly typed weight by its path', () => {
    const doc = edit(minimal(), 'groups.above.indicators[1].weight', '40');
    expect(errorsOf(doc)).toEqual([{ path: 'groups.above.indicators[1].weight', message: '应为数字，实为 "40"' }]);
  });

  it('reports a misspelt field as unknown, and the field it should have been as missing', () => {
    const doc = edits(minimal(), [['groups.below.indicators[0].wieght', 100], ['groups.below.indicators[0].weight', REMOVE]]);
    expect(errorsOf(doc).map((e) => e.path)).toEqual(['groups.below.indicators[0].wieght', 'groups.below.indicators[0].weight']);
    expect(errorsOf(doc)[1]!.message).toBe('缺少必填字段');
  });

  it('checks that weights add up to 100 and quotas to 100', () => {
    const doc = edits(minimal(), [['groups.above.indicators[0].weight', 55], ['grading.sharesPct.D', 10]]);
    expect(errorsOf(doc)).toEqual([
      { path: 'groups.above.indicators', message: '各指标权重之和应为 100，实为 95' },
      { path: 'grading.sharesPct', message: 'A、B、C、D 配额之和应为 100，实为 105' },
    ]);
  });

  it('rejects unknown metrics, a denominator equal to the numerator and duplicate keys', () => {
    const doc = edits(minimal(), [
      ['groups.above.indicators[0].numerator', 'profit_wan'],
      ['groups.above.indicators[1].key', 'tax_per_mu'],
      ['groups.below.indicators[0].denominator', 'tax_wan'],
    ]);
    const errors = errorsOf(doc);
    expect(errors.map((e) => e.path)).toEqual([
      'groups.above.indicators[0].numerator',
      'groups.above.indicators[1].key',
      'groups.below.indicators[0].denominator',
    ]);
    expect(errors[0]!.message).toMatch(/^应为以下之一：revenue_wan、.*land_mu，实为 "profit_wan"$/);
    expect(errors[1]!.message).toBe('与 indicators[0] 的 key “tax_per_mu” 重复');
  });

  it('checks benchmarks, caps and scoring kinds', () => {
    const doc = edits(minimal(), [
      ['groups.above.indicators[0].scoring.benchmark.value', 0],
      ['groups.above.indicators[1].scoring.cap', -1],
      ['groups.below.indicators[0].scoring', { kind: 'minMax', floorPct: 120, cap: 1.5 }],
    ]);
    expect(errorsOf(doc)).toEqual([
      { path: 'groups.above.indicators[0].scoring.benchmark.value', message: '应大于 0，实为 0' },
      { path: 'groups.above.indicators[1].scoring.cap', message: '应大于 0，实为 -1' },
      { path: 'groups.below.indicators[0].scoring.cap', message: 'minMax 计分不使用此字段' },
      { path: 'groups.below.indicators[0].scoring.floorPct', message: '应不大于 100，实为 120' },
    ]);
  });

  it('checks vetoes, adjustments, protections and thresholds', () => {
    const doc = edits(minimal(), [
      ['vetoes', [{ eventKinds: [], effect: 'toD' }]],
      ['adjustments', [{ label: '加分', when: { tag: '小巨人', eventKind: '环保事故' }, points: 0 }]],
      ['protections', { newEnterpriseYears: 2.5 }],
      ['grading', { kind: 'thresholds', minScore: { A: 90, B: 90, C: 60 } }],
    ]);
    expect(errorsOf(doc)).toEqual([
      { path: 'adjustments[0].points', message: '加减分不能为 0' },
      { path: 'adjustments[0].when', message: '应有且只有 tag 或 eventKind 之一' },
      { path: 'vetoes[0].eventKinds', message: '至少应有 1 项' },
      { path: 'vetoes[0].effect', message: '应为以下之一：cannotBeAOrB、straightToD，实为 "toD"' },
      { path: 'protections.newEnterpriseYears', message: '应为整数，实为 2.5' },
      { path: 'grading.minScore.B', message: '应低于 A 档分数线 90' },
    ]);
  });

  it('names missing top-level fields and refuses documents that are not objects', () => {
    const doc = edits(minimal(), [['id', REMOVE], ['version', '']]);
    expect(errorsOf(doc)).toEqual([
      { path: 'id', message: '缺少必填字段' },
      { path: 'version', message: '不能为空' },
    ]);
    expect(errorsOf([])).toEqual([{ path: '(文档)', message: '应为对象，实为 数组' }]);
    expect(errorsOf(edit(minimal(), 'id', 'Huangyan 2022'))[0]!.path).toBe('id');
  });
});
