import { describe, expect, it } from 'vitest';
import { sourceAt } from './rules.ts';
import { changed, RULES } from './testing.ts';
import { validateLandRules } from './validate-rules.ts';

const errorsOf = (doc: unknown) => {
  const result = validateLandRules(doc);
  return result.ok ? [] : result.errors;
};

describe('validateLandRules', () => {
  it('accepts the default document, with a source for every threshold', () => {
    expect(RULES).toMatchObject({ id: 'land-status-default', version: 1 });
    expect(RULES.idle.feeShareOfLandPrice.value).toBe(0.2);
    expect(RULES.idle.haltedDevelopedShareBelow.value).toEqual({ numerator: 1, denominator: 3 });
    expect(RULES.consolidation).toMatchObject({ maxGapM: { value: 20 }, minCombinedAreaMu: { value: 50 } });
    expect(sourceAt(RULES, 'idle.recoverAfterFullYears')).toContain('无偿收回');
    expect(sourceAt(RULES, 'lowEfficiency.farMinimum')).toContain('地方惯例默认值');
  });

  it.each([
    ['idle.feeShareOfLandPrice.value', 1.2, '应不大于 1，实为 1.2'],
    ['idle.feeAfterFullYears.value', 1.5, '应为整数，实为 1.5'],
    ['idle.feeAfterFullYears.value', '1', '应为数字，实为 文字“1”'],
    ['version', 0, '应不小于 1，实为 0'],
    ['id', 'Land Status', '应由小写字母、数字和连字符组成，实为“Land Status”'],
    ['exit.forcedExitConsecutiveDYears.value', 0, '应不小于 1，实为 0'],
    ['lowEfficiency.industryGrouping.value', 'section', '应为 "division"（大类）或 "class"（小类），实为 文字“section”'],
    ['consolidation.minCombinedAreaMu.value', 0, '应大于 0，实为 0'],
  ])('%s = %j → %s', (path, value, message) => {
    expect(errorsOf(changed(path, value))).toEqual([{ path, message }]);
  });

  it('names a missing field by its full path, once', () => {
    expect(errorsOf(changed('idle.haltedFullYears.source', undefined))).toEqual([{ path: 'idle.haltedFullYears.source', message: '缺少此项' }]);
    expect(errorsOf(changed('exit.exemptTags', undefined))).toEqual([{ path: 'exit.exemptTags', message: '缺少此项' }]);
    expect(errorsOf(changed('idle', undefined))).toEqual([{ path: 'idle', message: '缺少此项' }]);
    expect(errorsOf(changed('lowEfficiency.farMinimum.value', { default: 0.8 }))).toEqual([
      { path: 'lowEfficiency.farMinimum.value.byDivision', message: '缺少此项' },
    ]);
  });

  it('lets a `$schema` line name the schema file for editors', () => {
    expect(errorsOf(changed('$schema', './land-status-rules.schema.json'))).toEqual([]);
  });

  it('rejects a misspelt field rather than ignoring it', () => {
    const doc = changed('lowEfficiency.taxPerMuBelowWann', { value: 3, unit: '万元/亩', source: 'x' });
    expect(errorsOf(doc)).toEqual([{ path: 'lowEfficiency.taxPerMuBelowWann', message: '未知字段“taxPerMuBelowWann”，请检查拼写' }]);
  });

  it('allows optional tests to be switched off with null, but not required thresholds', () => {
    expect(errorsOf(changed('lowEfficiency.taxPerMuBelowWan.value', null))).toEqual([]);
    expect(errorsOf(changed('lowEfficiency.farMinimum.value', null))).toEqual([]);
    expect(errorsOf(changed('idle.recoverAfterFullYears.value', null))).toEqual([{ path: 'idle.recoverAfterFullYears.value', message: '应为数字，实为 null' }]);
  });

  it('checks fractions, tag lists, exit paths and the division table element by element', () => {
    expect(errorsOf(changed('idle.haltedDevelopedShareBelow.value', { numerator: 3, denominator: 3 }))).toEqual([
      { path: 'idle.haltedDevelopedShareBelow.value', message: '分子应小于分母，实为 3/3' },
    ]);
    expect(errorsOf(changed('exit.exemptTags.value', ['链主企业', '', '链主企业']))).toEqual([
      { path: 'exit.exemptTags.value[1]', message: '应为非空文字，实为 文字“”' },
      { path: 'exit.exemptTags.value[2]', message: '标签“链主企业”重复' },
    ]);
    expect(errorsOf(changed('exit.exemptionAppliesTo.value', ['倒逼退出', '强制退出']))).toEqual([
      { path: 'exit.exemptionAppliesTo.value[1]', message: '应为 依规回收、倒逼退出、引导退还、规范转让 之一，实为“强制退出”' },
    ]);
    expect(errorsOf(changed('lowEfficiency.farMinimum.value', { default: 0.8, byDivision: { C36: 0.7, '39': -1 } }))).toEqual([
      { path: 'lowEfficiency.farMinimum.value.byDivision.39', message: '应大于 0，实为 -1' },
      { path: 'lowEfficiency.farMinimum.value.byDivision.C36', message: '大类代码应为 2 位数字（GB/T 4754-2017），实为“C36”' },
    ]);
  });

  it('checks the consolidation candidates: known flag codes, grades, a positive benchmark', () => {
    expect(RULES.consolidation.targetTaxPerMuWan.value).toBe(20);
    expect(RULES.consolidation.candidateFlags.value).not.toContain('used_not_fully');
    expect(errorsOf(changed('consolidation.candidateFlags.value', ['idle', 'idel']))).toEqual([
      { path: 'consolidation.candidateFlags.value[1]', message: expect.stringContaining('应为地块状态标记代码') },
    ]);
    expect(errorsOf(changed('consolidation.candidateGrades.value', ['D', 'E']))).toEqual([
      { path: 'consolidation.candidateGrades.value[1]', message: '应为评价等级 A/B/C/D/T 之一，实为“E”' },
    ]);
    expect(errorsOf(changed('consolidation.targetTaxPerMuWan.value', 0))).toEqual([{ path: 'consolidation.targetTaxPerMuWan.value', message: '应大于 0，实为 0' }]);
  });

  it('requires recovery to come no sooner than the idle fee', () => {
    const doc = changed('idle.feeAfterFullYears.value', 3);
    expect(errorsOf(doc)).toEqual([{ path: 'idle.recoverAfterFullYears.value', message: '应不小于 idle.feeAfterFullYears（3 年）：先征闲置费，后收回' }]);
  });

  it('reports every error at once', () => {
    const doc = changed('idle.feeShareOfLandPrice.value', -1);
    (doc as { version: unknown }).version = 'v1';
    expect(errorsOf(doc).map((e) => e.path)).toEqual(['version', 'idle.feeShareOfLandPrice.value']);
  });

  it('rejects something that is not a document', () => {
    expect(errorsOf(undefined)).toEqual([{ path: '', message: '应为对象，实为 undefined' }]);
    expect(errorsOf(null)[0]).toEqual({ path: '', message: '应为对象，实为 null' });
    expect(errorsOf([])[0]).toEqual({ path: '', message: '应为对象，实为 数组' });
  });
});
