import { describe, expect, it } from 'vitest';
import type { ParcelStatusResponse, StatusFlag, YearStatus } from '../../api/land-types.ts';
import { historySummary, latestYear, orderedFlags, statusHistory } from './land-status-view.ts';

const flag = (code: StatusFlag['code'], label: string): StatusFlag => ({ code, label, reason: label, rule: { rules: 'r@1', paths: [], threshold: '', sources: [] }, facts: {} });
const year = (y: number, flags: StatusFlag[], grade: string | null = null): YearStatus => ({
  year: y, asOfDate: `${y}-12-31`, rules: { id: 'r', version: 1, name: null }, stage: 'notStarted', stageLabel: '已供地未开工', grade, flags, measures: {}, notes: [], consolidationBasis: [],
});
const status: ParcelStatusResponse = {
  code: 'P1', areaMu: 10, dataVersion: null, computedAt: null, exit: [], consolidation: null,
  years: [year(2023, []), year(2024, [flag('supplied_not_used', '供而未用')]), year(2025, [flag('low_far', '容积率偏低'), flag('idle', '闲置土地')], 'D')],
};

describe('land status in the detail', () => {
  it('take the latest year and order its flags idle, supply, low efficiency', () => {
    expect(latestYear(status)!.year).toBe(2025);
    expect(orderedFlags(latestYear(status)!.flags).map((f) => f.code)).toEqual(['idle', 'low_far']);
    expect(latestYear({ ...status, years: [] })).toBeNull();
  });

  it('give a row a year with the map’s status classes', () => {
    expect(statusHistory(status).map((r) => [r.year, r.grade, r.classes])).toEqual([
      [2023, null, []],
      [2024, null, ['supply']],
      [2025, 'D', ['idle', 'low']],
    ]);
    expect(historySummary(statusHistory(status))).toBe('3 个年度中 2 个有认定');
    expect(historySummary([])).toBeNull();
  });
});
