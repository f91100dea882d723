import { describe, expect, it } from 'vitest';
import { ImportError, type ImportIssue } from './issues.ts';
import { readDelivery } from './read-delivery.ts';
import { TINY, tinyCopy } from './delivery-fixture.ts';

function issuesOf(folder: string): ImportIssue[] {
  try {
    readDelivery(folder);
  } catch (err) {
    if (err instanceof ImportError) return err.issues;
    throw err;
  }
  throw new Error('expected the delivery to be refused');
}

describe('readDelivery on the hand-made tiny delivery', () => {
  const { delivery, warnings } = readDelivery(TINY);

  it('reads every file, normalising dirty codes', () => {
    expect(delivery.parcels.map((p) => p.unitCode)).toEqual([1, 2, 3, 4, 5].map((n) => `500106001001GB0000${n}W00000000`));
    const dirty = delivery.occupancy.find((o) => o.origin.row === 3)!;
    expect(dirty).toMatchObject({ uscc: '91500106MA5U1A2B9B', unitCode: '500106001001GB00002W00000000', role: 'owner', areaUsedM2: 10700 });
    expect(delivery.enterprises[1]!.tags).toEqual(['专精特新"小巨人"', '链主企业']);
  });

  it('decodes the GBK tax file and tags each value with its department', () => {
    const tax = delivery.metrics.filter((m) => m.metric === 'tax_wan');
    expect(tax).toHaveLength(7);
    expect(new Set(tax.map((m) => m.source))).toEqual(new Set(['税务局']));
    const revenue = delivery.metrics.find((m) => m.metric === 'revenue_wan' && m.year === 2024 && m.uscc === '91500106MA5U1A2B9B');
    expect(revenue).toMatchObject({ value: 12000, source: '统计局' });
  });

  it('stores a blank metric cell as missing, not zero', () => {
    const rd = delivery.metrics.filter((m) => m.uscc === '91500106MA5U1E4F5B' && m.metric === 'rd_wan');
    expect(rd).toEqual([]);
  });

  it('has no warnings of its own (the building-unit code is resolved later)', () => {
    expect(warnings).toEqual([]);
  });

  it('the content hash is stable', () => {
    expect(readDelivery(TINY).delivery.contentHash).toBe(delivery.contentHash);
  });
});

describe('readDelivery refuses bad input, naming file, row and field', () => {
  it('a malformed 不动产单元代码 in a parcel', () => {
    const dir = tinyCopy({ 'parcels.geojson': (t) => t.replace('500106001001GB00002W00000000', '500106001001GB0002W00000000') });
    expect(issuesOf(dir)).toEqual([
      { file: 'parcels.geojson', row: 2, field: '不动产单元代码', message: expect.stringContaining('应为 28 位，实为 27 位') },
    ]);
  });

  it('coordinates in [lat, lng] order', () => {
    const dir = tinyCopy({
      'parcels.geojson': (t) => t.replace(/\[\s*106\.303,\s*29\.6012\s*\]/g, '[29.6012, 106.303]'),
    });
    expect(issuesOf(dir)).toEqual([
      { file: 'parcels.geojson', row: 5, field: 'geometry', message: expect.stringContaining('[纬度, 经度]') },
    ]);
  });

  it('projected coordinates', () => {
    const dir = tinyCopy({ 'parcels.geojson': (t) => t.replace(/106\.3012,/g, '35512345.1,') });
    expect(issuesOf(dir)[0]).toMatchObject({ file: 'parcels.geojson', row: 2, field: 'geometry', message: expect.stringContaining('投影坐标') });
  });

  it('a credit code with a forbidden character, and a bad number, in one pass', () => {
    const dir = tinyCopy({
      'occupancy.csv': (t) => t.replace('91500106MA5U1G5H3B,', '91500106MA5U1G5HOB,'),
      'metrics-统计局.csv': (t) => t.replace('30000,9000', '30000,九千'),
    });
    const issues = issuesOf(dir);
    expect(issues).toContainEqual({ file: 'occupancy.csv', row: 6, field: '统一社会信用代码', message: expect.stringContaining('“O”') });
    expect(issues).toContainEqual({ file: 'metrics-统计局.csv', row: 4, field: '工业增加值', message: '“九千”不是数字' });
  });

  it('a missing required column', () => {
    const dir = tinyCopy({ 'enterprises.csv': (t) => t.replace('行业代码', '行业') });
    expect(issuesOf(dir)).toEqual([{ file: 'enterprises.csv', row: 1, field: '行业代码', message: '缺少必填列' }]);
  });

  it('the same metric twice', () => {
    const dir = tinyCopy({ 'metrics-统计局.csv': (t) => `${t}91500106MA5U1A2B9B,2025,1,1,1,1,1\r\n` });
    const issues = issuesOf(dir);
    expect(issues[0]).toMatchObject({ file: 'metrics-统计局.csv', row: 8, message: expect.stringContaining('已见于 metrics-统计局.csv 第 3 行') });
  });

  it('a manifest naming an unknown kind', () => {
    const dir = tinyCopy({ 'manifest.json': (t) => t.replace('"kind": "roads"', '"kind": "streets"') });
    expect(issuesOf(dir)).toEqual([{ file: 'manifest.json', row: null, field: 'files[1].kind', message: expect.stringContaining('streets') }]);
  });
});
