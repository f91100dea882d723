/** The committed sample's codes, headers and joins (一码关联). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUscc, normaliseCode, parseUnitCode } from '../../server/domain/codes.ts';
import { readCsv, readDelivery } from './read-delivery.ts';

const SAMPLE = join(import.meta.dirname, '../../data/sample');
const d = readDelivery(SAMPLE);
const parcelCodes = d.parcels.features.map((f) => String(f.properties['不动产单元代码']));
const parcelSet = new Set(parcelCodes);
const enterpriseSet = new Set(d.enterprises.map((e) => e['统一社会信用代码']!));

describe('data/sample files', () => {
  it('has the headers of data/README.md, with a BOM', () => {
    const expected: Record<string, string[]> = {
      'enterprises.csv': ['统一社会信用代码', '企业名称', '行业代码', '规模', '标签', '公用事业', '投产日期', '重大项目建设期'],
      'occupancy.csv': ['统一社会信用代码', '不动产单元代码', '使用方式', '使用面积'],
      'buildings.csv': ['不动产单元代码', '建筑名称', '建筑面积', '层数', '空置面积'],
      'standard-land.csv': ['不动产单元代码', '固定资产投资强度', '容积率下限', '容积率上限', '亩均税收', '单位能耗增加值', '研发经费占比', '达产日期'],
      'metrics-统计局.csv': ['统一社会信用代码', '年度', '营业收入', '工业增加值', '综合能耗', '研发经费', '年平均职工人数'],
      'metrics-税务局.csv': ['统一社会信用代码', '年度', '实缴税收'],
      'metrics-供电公司.csv': ['统一社会信用代码', '年度', '用电量'],
      'metrics-生态环境局.csv': ['统一社会信用代码', '年度', '主要污染物排放量'],
    };
    for (const [file, header] of Object.entries(expected)) {
      const csv = readCsv(join(SAMPLE, file));
      expect(csv.header, file).toEqual(header);
      expect(csv.raw.startsWith('\uFEFF'), file).toBe(true);
    }
  });

  it('lists every file in the manifest', () => {
    expect(d.manifest.countyCode).toBe('500106');
    expect(d.manifest.files).toHaveLength(12);
    for (const f of d.manifest.files) expect(() => readFileSync(join(SAMPLE, f.path))).not.toThrow();
  });

  it('quotes the tag with double quotes so it survives a CSV round trip', () => {
    expect(d.enterprises.some((e) => e['标签']!.split(';').includes('专精特新"小巨人"'))).toBe(true);
    expect(readFileSync(join(SAMPLE, 'enterprises.csv'), 'utf8')).toContain('"专精特新""小巨人""');
  });
});

describe('不动产单元代码', () => {
  it('parses, is a GB land-only unit of county 500106, and is unique', () => {
    for (const code of parcelCodes) {
      const parsed = parseUnitCode(normaliseCode(code));
      expect(parsed.ok, code).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.parts.countyCode).toBe('500106');
      expect(parsed.parts.parcelFeature).toBe('GB');
      expect(parsed.parts.fixtureFeature + parsed.parts.fixtureSeq).toBe('W00000000');
    }
    expect(parcelSet.size).toBe(parcelCodes.length);
  });

  it('is typed dirty in about 3% of occupancy rows, and normalises back to a known parcel', () => {
    const dirty = d.occupancy.filter((o) => o['不动产单元代码'] !== normaliseCode(o['不动产单元代码']!));
    expect(dirty.length / d.occupancy.length).toBeGreaterThan(0.015);
    expect(dirty.length / d.occupancy.length).toBeLessThan(0.05);
    expect(dirty.some((o) => /[\uFF10-\uFF5A]/.test(o['不动产单元代码']!))).toBe(true);
    expect(dirty.some((o) => /gb/.test(o['不动产单元代码']!))).toBe(true);
    expect(dirty.some((o) => / /.test(o['不动产单元代码']!))).toBe(true);
    for (const o of d.occupancy) expect(parcelSet.has(normaliseCode(o['不动产单元代码']!)), o['不动产单元代码']).toBe(true);
  });
});

describe('统一社会信用代码', () => {
  it('has a valid structure everywhere, unique per enterprise', () => {
    for (const code of enterpriseSet) expect(checkUscc(code).ok, code).toBe(true);
    expect(enterpriseSet.size).toBe(d.enterprises.length);
  });

  it('fails the check digit for about 0.5% of enterprises, never the organisation-code check', () => {
    const warned = [...enterpriseSet].map((c) => checkUscc(c)).filter((c) => c.ok && c.warnings.length > 0);
    expect(warned.length / enterpriseSet.size).toBeGreaterThan(0.001);
    expect(warned.length / enterpriseSet.size).toBeLessThan(0.015);
    for (const w of warned) if (w.ok) expect(w.warnings.every((m) => m.startsWith('统一社会信用代码校验位'))).toBe(true);
  });

  it('joins occupancy, holders and metrics to known enterprises', () => {
    for (const o of d.occupancy) expect(enterpriseSet.has(normaliseCode(o['统一社会信用代码']!))).toBe(true);
    for (const f of d.parcels.features) {
      const holder = f.properties['权利人统一社会信用代码'];
      if (holder !== null) expect(enterpriseSet.has(String(holder))).toBe(true);
    }
    for (const rows of [d.statistics, d.tax, d.power, d.environment]) {
      for (const r of rows) expect(enterpriseSet.has(r['统一社会信用代码']!)).toBe(true);
    }
    for (const b of d.buildings) expect(parcelSet.has(b['不动产单元代码']!)).toBe(true);
    for (const s of d.standardLand) expect(parcelSet.has(s['不动产单元代码']!)).toBe(true);
  });

  it('gives every enterprise a unique name', () => {
    expect(new Set(d.enterprises.map((e) => e['企业名称'])).size).toBe(d.enterprises.length);
  });
});
