import { describe, expect, it } from 'vitest';
import { pictureText, type PictureContext } from './picture-text.ts';

const base: PictureContext = {
  districtName: '西永高新区',
  view3d: false,
  colorMode: 'grade',
  compareTitle: null,
  run: { year: 2025, methodName: '重庆市制造业企业亩均效益综合评价（默认）', methodVersion: '2025.1' },
  filters: [],
  dataVersion: 'i1r2ld17799',
  gcj02: false,
  now: new Date(2026, 11, 7, 18, 52, 30),
};

describe('what the picture says about itself', () => {
  it('names the district, what the colours show, the run and its method, the source and when', () => {
    expect(pictureText(base)).toEqual({
      title: '西永高新区 · 亩均效益评价等级',
      subtitle: '2025 年度评价 · 重庆市制造业企业亩均效益综合评价（默认）（2025.1）',
      footerLeft: '数据：西永高新区宗地与企业台账 · 坐标系 WGS 84 · 数据版本 i1r2ld17799',
      footerRight: '导出于 2026-12-07 18:52 · 亩均论英雄 · 宗地一码关联',
      fileName: '西永高新区-亩均效益评价等级-2025年度-20261207-1852.png',
    });
  });

  it('says what is filtered, and the compared runs while comparing', () => {
    const t = pictureText({ ...base, compareTitle: '2024 年度 → 2025 年度', filters: ['D 级', '规上'] });
    expect(t.title).toBe('西永高新区 · 评价等级升降');
    expect(t.subtitle).toBe('2024 年度 → 2025 年度 ｜ 筛选：D 级 · 规上');
    expect(t.fileName).toBe('西永高新区-评价等级升降-20261207-1852.png');
  });

  it('names the 3D and the other colourings, says when parcels are shifted for GCJ-02, and keeps file names safe', () => {
    expect(pictureText({ ...base, view3d: true }).title).toBe('西永高新区 · 亩均税收三维视图');
    expect(pictureText({ ...base, colorMode: 'tax' }).title).toBe('西永高新区 · 亩均税收分布');
    expect(pictureText({ ...base, colorMode: 'region' }).title).toBe('西永高新区 · 区域亩均效益汇总');
    expect(pictureText({ ...base, gcj02: true }).footerLeft).toContain('WGS 84（按 GCJ-02 底图偏移显示）');
    expect(pictureText({ ...base, districtName: 'A/B 区', run: null }).fileName).toBe('A_B_区-亩均效益评价等级-20261207-1852.png');
  });
});
