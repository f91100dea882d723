import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import type { Database } from './db/database.ts';
import { openTestDatabase } from './db/testing.ts';
import { TINY } from './import/delivery-fixture.ts';
import { importDelivery } from './import/load.ts';

describe('API on the tiny delivery', () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await openTestDatabase();
    await importDelivery(db, TINY);
    app = createApp({ db, basemapStyleUrl: null });
  });
  afterAll(() => db?.close());

  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, body: (await res.json()) as any };
  };

  it('GET /api/health', async () => {
    expect(await get('/api/health')).toEqual({ status: 200, body: { ok: true, database: db.kind } });
  });

  it('GET /api/meta gives the district, its extent, years and a data version', async () => {
    const { body } = await get('/api/meta');
    expect(body).toEqual({
      districtName: '样例区', bbox: [106.299, 29.599, 106.305, 29.603], years: [2024, 2025], latestYear: 2025,
      basemapStyleUrl: null, basemapCrs: 'wgs84', latestRunId: null, dataVersion: 'i1r0',
    });
  });

  it('GET /api/parcels?bbox= returns the parcels meeting the box, with 亩均税收 shared by land used', async () => {
    const { status, body } = await get('/api/parcels?bbox=106.2995,29.5995,106.3015,29.6015');
    expect(status).toBe(200);
    expect(body.type).toBe('FeatureCollection');
    const byCode = Object.fromEntries(body.features.map((f: any) => [f.properties.code, f]));
    expect(Object.keys(byCode).sort()).toEqual(['500106001001GB00001W00000000', '500106001001GB00002W00000000', '500106001001GB00003W00000000']);
    const p1 = byCode['500106001001GB00001W00000000'];
    expect(p1.id).toBe(p1.properties.id);
    expect(p1.geometry.type).toBe('MultiPolygon');
    // 重庆甲 paid 520 万元 in 2025 on two parcels of 10 700 m² used each: 260 万元 here.
    expect(p1.properties).toMatchObject({ enterpriseCount: 1, enterpriseNames: '重庆甲精密机械有限公司', year: 2025, taxWan: 260, landUseName: '工业用地' });
    expect(p1.properties.taxPerMuWan).toBeCloseTo(260 / p1.properties.areaMu, 1);
    // Owner and tenant on P3: 1400 + 28.
    expect(byCode['500106001001GB00003W00000000'].properties).toMatchObject({ enterpriseCount: 2, taxWan: 1428 });
  });

  it('a parcel without enterprises has no tax, not zero tax', async () => {
    const { body } = await get('/api/parcels?bbox=106.3031,29.6013,106.3039,29.6021');
    expect(body.features).toHaveLength(1);
    expect(body.features[0].properties).toMatchObject({ code: '500106001001GB00005W00000000', enterpriseCount: 0, taxWan: null, taxPerMuWan: null });
  });

  it.each([
    ['', '参数 bbox 缺失'],
    ['?bbox=1,2,3', '参数 bbox 无效'],
    ['?bbox=106.31,29.59,106.30,29.61', '西 < 东'],
    ['?bbox=a,b,c,d', '参数 bbox 无效'],
    ['?bbox=-200,0,10,10', '超出经纬度范围'],
  ])('GET /api/parcels%s → 400 naming bbox', async (query, fragment) => {
    const { status, body } = await get(`/api/parcels${query}`);
    expect(status).toBe(400);
    expect(body.error).toContain(fragment);
  });

  it('GET /api/parcels/:code is the 一码关联 view, tolerant of dirty input', async () => {
    const { status, body } = await get(`/api/parcels/${encodeURIComponent('500106 001001 ＧＢ00003w00000000')}`);
    expect(status).toBe(200);
    expect(body.parcel).toMatchObject({
      code: '500106001001GB00003W00000000', landUse: '0601', far: 1.5, holderName: '重庆乙电子科技有限公司',
      supply: { supplyMethod: '出让', startDeadline: '2020-10-01', actualStartDate: '2020-09-15' },
      standardLand: { investmentWanPerMu: 300, taxPerMuWan: 20, targetDate: '2023-10-01' },
    });
    expect(body.parcel.regions.map((r: any) => r.level)).toEqual(['district', 'zone', 'cluster']);
    expect(body.enterprises.map((e: any) => [e.name, e.role])).toEqual([['重庆乙电子科技有限公司', 'owner'], ['重庆丙塑料制品有限公司', 'tenant']]);
    const tenant = body.enterprises[1];
    expect(tenant.metrics).toEqual([
      { year: 2024, values: { revenue_wan: 1500, value_added_wan: 300, tax_wan: 30, energy_tce: 90, electricity_wan_kwh: null, emission_t: null, rd_wan: null, employees: 25 },
        sources: { revenue_wan: '统计局', value_added_wan: '统计局', tax_wan: '税务局', energy_tce: '统计局', employees: '统计局' } },
      { year: 2025, values: { revenue_wan: 1600, value_added_wan: 320, tax_wan: 28, energy_tce: 95, electricity_wan_kwh: null, emission_t: null, rd_wan: null, employees: 26 },
        sources: { revenue_wan: '统计局', value_added_wan: '统计局', tax_wan: '税务局', energy_tce: '统计局', employees: '统计局' } },
    ]);
    expect(body.buildings).toHaveLength(2);
  });

  it('GET /api/parcels/:code finds a parcel by its 宗地代码 or a building unit on it', async () => {
    expect((await get('/api/parcels/500106001001GB00003')).body.parcel.code).toBe('500106001001GB00003W00000000');
    expect((await get('/api/parcels/500106001001GB00003F00010001')).body.parcel.code).toBe('500106001001GB00003W00000000');
  });

  it('GET /api/parcels/:code → 400 for a malformed code, 404 for an unknown one', async () => {
    const bad = await get('/api/parcels/XYZ');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('参数 code 无效');
    const unknown = await get('/api/parcels/500106001001GB00077W00000000');
    expect(unknown).toEqual({ status: 404, body: { error: '不动产单元代码 500106001001GB00077W00000000 未找到' } });
  });

  it('GET /api/enterprises/:uscc gives its parcels (一企多地) and metrics', async () => {
    const { status, body } = await get('/api/enterprises/91500106ma5u1a2b9b');
    expect(status).toBe(200);
    expect(body.enterprise).toMatchObject({ name: '重庆甲精密机械有限公司', industryName: '其他通用零部件制造', scale: 'above' });
    expect(body.parcels.map((p: any) => p.code)).toEqual(['500106001001GB00001W00000000', '500106001001GB00002W00000000']);
    expect(body.metrics.map((m: any) => [m.year, m.values.tax_wan])).toEqual([[2024, 480], [2025, 520]]);
    expect((await get('/api/enterprises/123')).status).toBe(400);
    expect((await get('/api/enterprises/91500106MA5U1A2B8B')).status).toBe(404);
  });

  it('GET /api/search finds enterprises by name and parcels by code, full-width input included', async () => {
    const byName = await get(`/api/search?q=${encodeURIComponent('乙电子')}`);
    expect(byName.body.results).toEqual([
      { kind: 'enterprise', code: '91500106MA5U1C3D7B', name: '重庆乙电子科技有限公司', parcelCode: '500106001001GB00003W00000000', bbox: [106.3, 29.6012, 106.302, 29.6022] },
    ]);
    const byCode = await get(`/api/search?q=${encodeURIComponent('５００１０６００１００１ｇｂ00004')}`);
    expect(byCode.body.results.map((r: any) => [r.kind, r.code])).toEqual([['parcel', '500106001001GB00004W00000000']]);
    const byCredit = await get('/api/search?q=91500106MA5U1E4F');
    expect(byCredit.body.results.map((r: any) => r.name)).toEqual(['重庆丙塑料制品有限公司']);
    expect((await get('/api/search?q=%20')).status).toBe(400);
  });

  it('unknown API paths are JSON 404s', async () => {
    expect(await get('/api/nothing')).toEqual({ status: 404, body: { error: '没有这个接口：GET /api/nothing' } });
  });
});
