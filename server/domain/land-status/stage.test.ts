import { describe, expect, it } from 'vitest';
import { progressAsOf } from './stage.ts';
import { BLANK_SUPPLY } from './testing.ts';
import type { SupplyFacts } from './model.ts';

const stage = (s: Partial<SupplyFacts>, asOf = '2025-12-31') => progressAsOf({ ...BLANK_SUPPLY, ...s }, asOf).stage;

describe('progressAsOf', () => {
  it('reads the stage from the dates when they are there', () => {
    const s = { supplyDate: '2020-01-01', actualStartDate: '2020-06-01', completionDate: '2021-06-01', devStatus: '已投产' as const };
    expect(stage(s, '2019-12-31')).toBe('unsupplied');
    expect(stage(s, '2020-05-31')).toBe('notStarted');
    expect(stage(s, '2020-06-01')).toBe('underConstruction');
    expect(stage(s, '2021-06-01')).toBe('producing');
  });
  it('falls back on the status snapshot when a date is missing', () => {
    expect(stage({ devStatus: '未供' })).toBe('unsupplied');
    expect(stage({ devStatus: '未开工' })).toBe('notStarted');
    expect(stage({ devStatus: '停建' })).toBe('halted');
    expect(stage({ devStatus: '已竣工' })).toBe('completed');
    expect(stage({ devStatus: null })).toBe('unsupplied');
  });
  it('a halt before asOf holds, unless the snapshot says construction resumed', () => {
    const s = { supplyDate: '2020-01-01', actualStartDate: '2020-06-01', haltedDate: '2022-01-01' };
    expect(stage({ ...s, devStatus: '停建' }, '2021-12-31')).toBe('underConstruction');
    expect(stage({ ...s, devStatus: '停建' })).toBe('halted');
    expect(stage({ ...s, devStatus: '在建' })).toBe('underConstruction');
  });
  it('a completed plant is producing only from its production date, when known', () => {
    const s = { supplyDate: '2020-01-01', actualStartDate: '2020-06-01', completionDate: '2021-06-01', productionDate: '2022-03-01', devStatus: '已投产' as const };
    expect(stage(s, '2022-02-28')).toBe('completed');
    expect(stage(s, '2022-03-01')).toBe('producing');
  });
});
