/** The committed sample's land records, occupancy mix and metrics look like a real district's. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseCode } from '../../server/domain/codes.ts';
import { readDelivery, type Row } from './read-delivery.ts';

const d = readDelivery(join(import.meta.dirname, '../../data/sample'));
const parcels = d.parcels.features.map((f) => f.properties);
const N = parcels.length;
const share = (n: number, of = N) => n / of;
const count = <T>(items: readonly T[], test: (x: T) => boolean) => items.filter(test).length;

describe('parcels', () => {
  it('number about 3,000 and are mostly 工业用地', () => {
    expect(Math.abs(N - 3000)).toBeLessThanOrEqual(150);
    expect(share(count(parcels, (p) => p['土地用途'] === '0601'))).toBeGreaterThan(0.8);
    expect(count(parcels, (p) => p['土地用途'] === '0604')).toBeGreaterThan(0);
    expect(count(parcels, (p) => p['土地用途'] === '0602')).toBeGreaterThan(0);
  });

  it('are sized like industrial land: median near 20 亩, mostly 5–150 亩, a few tiny and a few huge', () => {
    const mu = parcels.map((p) => Number(p['宗地面积']) / (10000 / 15)).sort((a, b) => a - b);
    const median = mu[mu.length >> 1]!;
    expect(median).toBeGreaterThan(15);
    expect(median).toBeLessThan(26);
    expect(share(count(mu, (m) => m >= 5 && m <= 150))).toBeGreaterThan(0.85);
    expect(count(mu, (m) => m < 5)).toBeGreaterThan(0);
    expect(count(mu, (m) => m > 200)).toBeGreaterThan(0);
  });

  it('keep supply dates in order: 批准 ≤ 供地 ≤ 约定开工 ≤ 实际开工 ≤ 竣工', () => {
    const keys = ['批准日期', '供地日期', '约定开工日期', '实际开工日期', '竣工日期'];
    for (const p of parcels) {
      const dates = keys.map((k) => p[k]).filter((v): v is string => typeof v === 'string');
      expect([...dates].sort(), String(p['不动产单元代码'])).toEqual(dates);
    }
  });

  it('include idle land past its start date, halted sites, 批而未供 and 建而未投', () => {
    const idle = parcels.filter((p) => p['开发状态'] === '未开工' && p['实际开工日期'] === null && String(p['约定开工日期']) < '2024-12-31');
    const veryLate = idle.filter((p) => String(p['约定开工日期']) < '2023-12-31');
    expect(share(idle.length)).toBeGreaterThan(0.02);
    expect(veryLate.length).toBeGreaterThan(0);
    expect(idle.length - veryLate.length).toBeGreaterThan(0);
    const halted = parcels.filter((p) => p['开发状态'] === '停建');
    expect(halted.length).toBeGreaterThan(0);
    for (const p of halted) {
      expect(String(p['停建日期']) < '2024-12-31').toBe(true);
      expect(Number(p['已开发面积'])).toBeLessThan(Number(p['宗地面积']) / 3);
    }
    const unsupplied = parcels.filter((p) => p['开发状态'] === '未供');
    expect(unsupplied.length).toBeGreaterThan(0);
    for (const p of unsupplied) expect(p['权利人统一社会信用代码']).toBeNull();
    expect(count(unsupplied, (p) => p['批准日期'] !== null)).toBeGreaterThan(0);
    expect(count(parcels, (p) => p['开发状态'] === '已竣工')).toBeGreaterThan(0);
  });

  it('are priced like Chongqing industrial land, 12–45 万元/亩', () => {
    for (const p of parcels) {
      if (p['出让价款'] === null) continue;
      const perMu = Number(p['出让价款']) / (Number(p['宗地面积']) / (10000 / 15));
      expect(perMu).toBeGreaterThanOrEqual(11.9);
      expect(perMu).toBeLessThanOrEqual(45);
    }
  });

  it('sell about 8% as 标准地 from 2019 on', () => {
    const byCode = new Map(parcels.map((p) => [String(p['不动产单元代码']), p]));
    expect(share(d.standardLand.length)).toBeGreaterThan(0.04);
    expect(share(d.standardLand.length)).toBeLessThan(0.12);
    for (const s of d.standardLand) expect(String(byCode.get(s['不动产单元代码']!)!['供地日期']) >= '2019-01-01').toBe(true);
  });

  it('has 标准地 that falls short of its contract: floor-area ratio or tax per 亩 below the commitment', () => {
    const byCode = new Map(parcels.map((p) => [String(p['不动产单元代码']), p]));
    const tax2025 = new Map(d.tax.filter((r) => r['年度'] === '2025' && r['实缴税收'] !== '').map((r) => [r['统一社会信用代码']!, Number(r['实缴税收'])]));
    const heldMu = new Map<string, number>();
    for (const p of parcels) {
      const holder = p['权利人统一社会信用代码'];
      if (holder !== null) heldMu.set(String(holder), (heldMu.get(String(holder)) ?? 0) + Number(p['宗地面积']) / (10000 / 15));
    }
    let lowFar = 0;
    let lowTax = 0;
    let metTax = 0;
    for (const s of d.standardLand) {
      const p = byCode.get(s['不动产单元代码']!)!;
      if (p['容积率'] !== null && Number(p['容积率']) < Number(s['容积率下限'])) lowFar++;
      const holder = String(p['权利人统一社会信用代码']);
      const tax = tax2025.get(holder);
      if (tax === undefined) continue;
      if (tax / heldMu.get(holder)! < Number(s['亩均税收'])) lowTax++;
      else metTax++;
    }
    expect(lowFar).toBeGreaterThan(0);
    expect(lowTax).toBeGreaterThan(0);
    expect(metTax).toBeGreaterThan(0);
  });
});

describe('occupancy (一码关联)', () => {
  const byParcel = new Map<string, Row[]>();
  const byEnterprise = new Map<string, Set<string>>();
  for (const o of d.occupancy) {
    const parcel = normaliseCode(o['不动产单元代码']!);
    const firm = normaliseCode(o['统一社会信用代码']!);
    byParcel.set(parcel, [...(byParcel.get(parcel) ?? []), o]);
    byEnterprise.set(firm, (byEnterprise.get(firm) ?? new Set()).add(parcel));
  }

  it('has one owner per held parcel and never uses more land than the parcel has', () => {
    for (const p of parcels) {
      const rows = byParcel.get(String(p['不动产单元代码'])) ?? [];
      const owners = rows.filter((o) => o['使用方式'] === '自有');
      expect(owners.length).toBe(p['权利人统一社会信用代码'] === null ? 0 : 1);
      const used = rows.reduce((s, o) => s + Number(o['使用面积']), 0);
      expect(used).toBeLessThanOrEqual(Number(p['宗地面积']) + 0.05);
    }
  });

  it('mixes 一地一企, 一地多企 (tenants) and 一企多地', () => {
    const multiTenant = [...byParcel.values()].filter((rows) => rows.some((o) => o['使用方式'] === '租赁'));
    expect(share(multiTenant.length)).toBeGreaterThan(0.06);
    expect(share(multiTenant.length)).toBeLessThan(0.15);
    const single = [...byParcel.values()].filter((rows) => rows.length === 1);
    expect(share(single.length)).toBeGreaterThan(0.7);
    const multiParcel = [...byEnterprise.values()].filter((s) => s.size >= 2);
    expect(share(multiParcel.length, d.enterprises.length)).toBeGreaterThan(0.05);
    expect(Math.max(...[...byEnterprise.values()].filter((s) => s.size < 20).map((s) => s.size))).toBeGreaterThanOrEqual(4);
  });
});

describe('enterprises and metrics', () => {
  it('count roughly 0.8–0.95 per parcel, with about four 规下 for every 规上', () => {
    expect(share(d.enterprises.length)).toBeGreaterThan(0.8);
    expect(share(d.enterprises.length)).toBeLessThan(0.95);
    const above = count(d.enterprises, (e) => e['规模'] === '规上');
    const below = count(d.enterprises, (e) => e['规模'] === '规下');
    expect(below / above).toBeGreaterThan(3.5);
    expect(below / above).toBeLessThan(4.5);
  });

  it('tag and flag a few: 小巨人, 链主, utilities, recent starts, major projects', () => {
    const tagged = (t: string) => count(d.enterprises, (e) => e['标签']!.split(';').includes(t));
    expect(share(tagged('专精特新"小巨人"'), d.enterprises.length)).toBeGreaterThan(0.01);
    expect(share(tagged('专精特新"小巨人"'), d.enterprises.length)).toBeLessThan(0.04);
    expect(tagged('链主企业')).toBeGreaterThan(0);
    expect(tagged('专精特新')).toBeGreaterThan(0);
    expect(count(d.enterprises, (e) => e['公用事业'] === '是')).toBeGreaterThanOrEqual(3);
    const recent = share(count(d.enterprises, (e) => e['投产日期']! >= '2024-01-01'), d.enterprises.length);
    expect(recent).toBeGreaterThan(0.015);
    expect(recent).toBeLessThan(0.06);
    expect(count(d.enterprises, (e) => e['重大项目建设期'] === '是')).toBeGreaterThan(0);
  });

  it('keeps 规模 consistent with 2025 营业收入 (规上 ⇔ ≥ 2000 万元)', () => {
    const scale = new Map(d.enterprises.map((e) => [e['统一社会信用代码']!, e['规模']]));
    const rows = d.statistics.filter((r) => r['年度'] === '2025' && r['营业收入'] !== '');
    expect(rows.length).toBeGreaterThan(1000);
    for (const r of rows) {
      expect(Number(r['营业收入']) >= 2000, r['统一社会信用代码']).toBe(scale.get(r['统一社会信用代码']!) === '规上');
    }
  });

  it('has metrics only for years in production, with gaps: empty cells and 规下 firms missing from 统计局', () => {
    const start = new Map(d.enterprises.map((e) => [e['统一社会信用代码']!, e['投产日期']!]));
    for (const r of d.tax) expect(start.get(r['统一社会信用代码']!)!.slice(0, 4) <= r['年度']!).toBe(true);
    const inStats = new Set(d.statistics.map((r) => r['统一社会信用代码']));
    const belowProducing = d.enterprises.filter((e) => e['规模'] === '规下' && e['投产日期'] !== '' && e['行业代码']!.startsWith('C'));
    const missing = count(belowProducing, (e) => !inStats.has(e['统一社会信用代码']));
    expect(share(missing, belowProducing.length)).toBeGreaterThan(0.02);
    expect(share(missing, belowProducing.length)).toBeLessThan(0.09);
    expect(count(d.environment, (r) => r['主要污染物排放量'] === '')).toBeGreaterThan(100);
    expect(count(d.statistics, (r) => r['研发经费'] === '')).toBeGreaterThan(0);
  });

  it('puts 规上 median 亩均税收 at 15–25 万元/亩 and 规下 at 5–10', () => {
    const landMu = new Map<string, number>();
    for (const o of d.occupancy) {
      const firm = normaliseCode(o['统一社会信用代码']!);
      landMu.set(firm, (landMu.get(firm) ?? 0) + Number(o['使用面积']) / (10000 / 15));
    }
    const scale = new Map(d.enterprises.map((e) => [e['统一社会信用代码']!, e]));
    const perMu: Record<string, number[]> = { 规上: [], 规下: [] };
    for (const r of d.tax) {
      const e = scale.get(r['统一社会信用代码']!)!;
      if (r['年度'] !== '2025' || r['实缴税收'] === '' || e['公用事业'] === '是') continue;
      perMu[e['规模']!]!.push(Number(r['实缴税收']) / landMu.get(e['统一社会信用代码']!)!);
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
    expect(median(perMu['规上']!)).toBeGreaterThan(15);
    expect(median(perMu['规上']!)).toBeLessThan(25);
    expect(median(perMu['规下']!)).toBeGreaterThan(5);
    expect(median(perMu['规下']!)).toBeLessThan(10);
    expect(count(perMu['规上']!, (x) => x < 5)).toBeGreaterThan(0);
  });

  it('has buildings on most built parcels, some with vacant floor space', () => {
    const built = parcels.filter((p) => p['开发状态'] === '已投产' || p['开发状态'] === '已竣工');
    const withBuildings = new Set(d.buildings.map((b) => b['不动产单元代码']));
    expect(share(count(built, (p) => withBuildings.has(String(p['不动产单元代码']))), built.length)).toBeGreaterThan(0.95);
    const vacant = count(d.buildings, (b) => Number(b['空置面积']) > 0);
    expect(share(vacant, d.buildings.length)).toBeGreaterThan(0.02);
    expect(share(vacant, d.buildings.length)).toBeLessThan(0.12);
    for (const b of d.buildings) expect(Number(b['空置面积'])).toBeLessThanOrEqual(Number(b['建筑面积']));
  });
});
