import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legendModel } from '../legend/legend-model.ts';
import { describeLayout, fitLines, metresPerPixel, pictureLayout, scaleBar, type Measure, type PictureInput } from './picture-layout.ts';

/** A stand-in for canvas text metrics: CJK a full em, the rest about half. */
const measure: Measure = (text, size) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? size : 0.55 * size), 0);

const input: PictureInput = {
  mapWidth: 1006,
  mapHeight: 716,
  title: '西永高新区 · 亩均效益评价等级',
  subtitle: '2025 年度评价 · 重庆市制造业企业亩均效益综合评价（默认）（2025.1） ｜ 筛选：D 级',
  legend: legendModel({
    view3d: false,
    colorMode: 'grade',
    taxYear: 2025,
    runYear: 2025,
    gradeCounts: { A: 186, B: 653, C: 909, D: 152, T: 83 },
    selectedGrades: ['D'],
    showingCells: false,
    choropleth: null,
    compare: null,
  }),
  overlayKeys: [{ label: '闲置土地', color: '#1c1917', glyph: 'dashed' }],
  scale: scaleBar(metresPerPixel(29.6, 14), 120),
  bearingDeg: 0,
  footerLeft: '数据：西永高新区宗地与企业台账 · 坐标系 WGS 84 · 数据版本 i1r2ld17799',
  footerRight: '导出于 2026-12-07 18:52 · 亩均论英雄 · 宗地一码关联',
};

describe('the exported picture', () => {
  it('lays out title band, map, legend with overlay keys, north arrow, scale bar and footer (golden)', async () => {
    await expect(describeLayout(pictureLayout(input, measure))).toMatchFileSnapshot('./golden/grade-filtered.txt');
  });

  it('leaves the scale bar out of a tilted (3D) view, where one bar cannot hold', () => {
    const ops = pictureLayout({ ...input, scale: null }, measure).ops;
    expect(ops.some((o) => o.op === 'line' && o.points.length === 4)).toBe(false);
  });

  it('keeps the legend inside the map, above its bottom edge, whatever it holds', () => {
    const { ops } = pictureLayout(input, measure);
    const map = ops.find((o) => o.op === 'map')!;
    const box = ops.find((o) => o.op === 'rect' && o.stroke)!;
    if (map.op !== 'map' || box.op !== 'rect') throw new Error('unreachable');
    expect(box.y).toBeGreaterThan(map.y);
    expect(box.y + box.h).toBeLessThan(map.y + map.h);
    expect(box.x + box.w).toBeLessThan(map.x + map.w);
  });
});

describe('the scale bar', () => {
  it('is the longest 1–2–5 length that fits, labelled in 米 or 公里', () => {
    // Chongqing at z14 (512 px tiles): 4.15 m per CSS pixel, so 120 px hold 498 m: 200 米.
    expect(metresPerPixel(29.6, 14)).toBeCloseTo(4.154, 3);
    expect(scaleBar(metresPerPixel(29.6, 14), 120)).toMatchObject({ metres: 200, label: '200 米' });
    expect(scaleBar(metresPerPixel(29.6, 11), 120)).toMatchObject({ metres: 2000, label: '2 公里' });
    expect(scaleBar(metresPerPixel(29.6, 17), 120)).toMatchObject({ metres: 50, label: '50 米' });
  });

  it('never runs past its room and never shrinks below 40 % of it (property)', () => {
    fc.assert(fc.property(fc.double({ min: 0.01, max: 10_000, noNaN: true }), fc.integer({ min: 40, max: 400 }), (mpp, maxPx) => {
      const bar = scaleBar(mpp, maxPx);
      expect(bar.px).toBeLessThanOrEqual(maxPx * (1 + 1e-9));
      expect(bar.px).toBeGreaterThanOrEqual(0.4 * maxPx * (1 - 1e-9));
      expect(bar.px * mpp).toBeCloseTo(bar.metres, 6);
    }));
  });
});

describe('a narrow map (both panels open at 1366 px)', () => {
  const narrow = { ...input, mapWidth: 586, subtitle: `${input.subtitle} · 规上 · 含谷片区 · 亩均税收 5–20 万元/亩` };

  it('wraps the subtitle after its separators and stacks the footer notes (golden)', async () => {
    await expect(describeLayout(pictureLayout(narrow, measure))).toMatchFileSnapshot('./golden/narrow.txt');
  });

  it('keeps every line of text inside the picture', () => {
    const { width, ops } = pictureLayout(narrow, measure);
    for (const o of ops) {
      if (o.op !== 'text') continue;
      const w = measure(o.text, o.size, !!o.bold);
      const [x0, x1] = o.align === 'left' ? [o.x, o.x + w] : o.align === 'right' ? [o.x - w, o.x] : [o.x - w / 2, o.x + w / 2];
      expect(x0, o.text).toBeGreaterThanOrEqual(0);
      expect(x1, o.text).toBeLessThanOrEqual(width);
    }
  });
});

describe('fitting text in lines', () => {
  it('breaks after separators first, then between characters, and loses nothing but line-end separators', () => {
    const words = (t: string) => t.replace(/[｜·\s]/g, '');
    fc.assert(fc.property(fc.array(fc.constantFrom('亩均', '税收', ' · ', ' ｜ ', 'A', '2025', '年度评价'), { maxLength: 30 }), fc.integer({ min: 30, max: 400 }), (parts, maxW) => {
      const text = parts.join('');
      const lines = fitLines(text, 13, maxW, measure);
      for (const l of lines) expect(measure(l, 13, false)).toBeLessThanOrEqual(maxW);
      expect(words(lines.join(''))).toBe(words(text));
    }));
    expect(fitLines('2025 年度评价 ｜ 筛选：D 级 · 规上', 13, 120, measure)).toEqual(['2025 年度评价', '筛选：D 级 · 规上']);
    expect(fitLines('2025 年度评价 ｜ 筛选：D 级 · 规上', 13, 100, measure)).toEqual(['2025 年度评价', '筛选：D 级', '规上']);
  });
});
