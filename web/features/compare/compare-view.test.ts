import { describe, expect, it } from 'vitest';
import type { GradeChange } from '../../api/evaluation-types.ts';
import { changeRows, defaultCompareRun, directionCounts, steps } from './compare-view.ts';

const c = (unitId: string, name: string, from: GradeChange['from'], to: GradeChange['to'], direction: GradeChange['direction']): GradeChange => ({
  unitId, name, from, to, direction, totalFrom: null, totalTo: null, reasons: [],
});

const changes = [c('1', '乙', 'C', 'B', 'up'), c('2', '甲', 'A', 'D', 'down'), c('3', '丙', null, 'C', 'new'), c('4', '丁', 'T', 'A', 'fromT'), c('5', '戊', 'D', 'A', 'up')];

describe('year compare list', () => {
  it('count up, down and other changes', () => {
    expect(directionCounts(changes)).toEqual({ all: 5, up: 2, down: 1, other: 2 });
  });

  it('show the biggest moves first and filter by direction and grade', () => {
    expect(steps(changes[1]!)).toBe(-3);
    expect(changeRows(changes, { direction: 'all', grades: [] }).map((x) => x.unitId).slice(0, 2).sort()).toEqual(['2', '5']);
    expect(changeRows(changes, { direction: 'up', grades: [] }).map((x) => x.unitId)).toEqual(['5', '1']);
    expect(changeRows(changes, { direction: 'all', grades: ['C'] }).map((x) => x.unitId).sort()).toEqual(['1', '3']);
  });

  it('compare with the latest run of an earlier year by default', () => {
    const runs = [{ id: 3, year: 2025 }, { id: 2, year: 2024 }, { id: 1, year: 2025 }, { id: 4, year: 2023 }];
    expect(defaultCompareRun(runs, 3)).toBe(2);
    expect(defaultCompareRun(runs, 4)).toBe(3);
    expect(defaultCompareRun([{ id: 1, year: 2025 }], 1)).toBeNull();
    expect(defaultCompareRun(runs, 99)).toBeNull();
  });
});
