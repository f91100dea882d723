import { describe, expect, it } from 'vitest';
import { legendModel, type LegendInput } from './legend-model.ts';

const base: LegendInput = {
  view3d: false,
  colorMode: 'grade',
  taxYear: 2025,
  runYear: 2025,
  gradeCounts: { A: 186, B: 653, C: 909, D: 152, T: 83 },
  selectedGrades: [],
  showingCells: false,
  choropleth: null,
  compare: null,
};

/** A row as the legend prints it. */
const line = (r: ReturnType<typeof legendModel>['rows'][number]) =>
  [r.dimmed ? '(dim)' : '', r.letter, r.label, r.note, r.count].filter(Boolean).join(' ');

describe('the legend model', () => {
  it('grade mode: one row per grade with its unit count, then 未评价, under the run year', () => {
    const m = legendModel(base);
    expect(m.heading).toBeNull();
    expect(m.caption).toBe('2025 年度评价 · 单位数');
    expect(m.rows.map(line)).toEqual(['A 优先发展 186 个', 'B 鼓励提升 653 个', 'C 调控帮扶 909 个', 'D 倒逼整治 152 个', 'T 不定等级 83 个', '未评价']);
    expect(m.rows.map((r) => r.grade)).toEqual(['A', 'B', 'C', 'D', 'T', null]);
    expect(m.boundaryLines).toBe(true);
  });

  it('a grade filter fades the other rows and marks the kept ones', () => {
    const m = legendModel({ ...base, selectedGrades: ['D'] });
    expect(m.rows.filter((r) => !r.dimmed).map((r) => r.id)).toEqual(['D']);
    expect(m.rows.find((r) => r.id === 'D')!.on).toBe(true);
  });

  it('tax mode: the classes high to low with their notes, and which grades are kept bright', () => {
    const m = legendModel({ ...base, colorMode: 'tax', selectedGrades: ['C', 'D'] });
    expect(m.caption).toBe('亩均税收（万元/亩） · 2025 年度');
    expect(m.rows.at(-1)!.label).toBe('无数据');
    expect(m.rows.every((r) => r.grade === null)).toBe(true);
    expect(m.hints).toEqual(['只突出 C、D 级宗地']);
  });

  it('year compare replaces the switch and counts parcels per change, and says when it is still comparing', () => {
    const m = legendModel({ ...base, compare: { title: '2024 → 2025', counts: { up: 12, down: 30, other: 4 } } });
    expect(m.heading).toBe('年度对比');
    expect(m.caption).toBe('2024 → 2025 · 按宗地');
    expect(m.rows.map((r) => r.count)).toEqual(['12 宗', '30 宗', '4 宗', null]);
    expect(legendModel({ ...base, compare: { title: 't', counts: null } }).hints).toEqual(['正在比较…']);
  });

  it('3D: heights keyed by 亩均税收, colours by grade, no boundary lines; the cell hint only in 2D', () => {
    const m = legendModel({ ...base, view3d: true, showingCells: true });
    expect(m.heading).toBe('三维展示');
    expect(m.heightKey?.text).toBe('高度 = 亩均税收');
    expect(m.caption).toBe('颜色 = 评价等级');
    expect(m.boundaryLines).toBe(false);
    expect(m.hints).toEqual([]);
    expect(legendModel({ ...base, showingCells: true }).hints).toEqual(['12 级以下为网格汇总，按亩均税收着色；放大查看宗地']);
  });
});
