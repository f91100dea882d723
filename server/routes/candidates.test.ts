import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing.ts';
import { importDelivery } from '../import/load.ts';
import { refreshLandStatus } from '../land/refresh.ts';
import { readDefaultLandRules } from '../land/rules.ts';
import { allDMethod, BING, CODE, JIA, lowTaxTiny, YI } from '../land/testing.ts';

describe('candidates API on the tiny delivery (甲 low tax; everyone graded D in 2024 and 2025)', () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await openTestDatabase();
    await importDelivery(db, lowTaxTiny());
    await refreshLandStatus(db);
    app = createApp({ db });
  });
  afterAll(() => db?.close());

  const send = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, type, headers: res.headers, body: type.includes('json') ? ((await res.json()) as any) : await res.arrayBuffer() };
  };
  const get = (path: string) => send('GET', path);

  it('names the bad parameter', async () => {
    const cases: [string, string][] = [
      ['/api/candidates', '参数 kind 缺失'],
      ['/api/candidates?kind=idle', '参数 kind 应为 exit'],
      ['/api/candidates?kind=exit&path=强制退出', '参数 path 应为 依规回收、倒逼退出、引导退还、规范转让'],
      ['/api/candidates?kind=consolidation&path=依规回收', '参数 path 只适用于 kind=exit'],
      ['/api/candidates?kind=consolidation&sort=size', '参数 sort 应为 area（面积大者在前）、uplift（增收潜力大者在前）或 taxPerMu'],
      ['/api/candidates?kind=exit&sort=uplift', '参数 sort 只适用于 kind=consolidation'],
      ['/api/candidates?kind=exit&minMu=-1', '参数 minMu'],
      ['/api/candidates?kind=exit&minMu=10&maxMu=5', '参数 minMu（10）不应大于 maxMu（5）'],
      ['/api/candidates?kind=exit&page=0', '参数 page 应为 1–1000000 的整数'],
      ['/api/candidates?kind=exit&pageSize=501', '参数 pageSize 应为 1–500 的整数'],
      ['/api/candidates?kind=exit&keptOff=maybe', '参数 keptOff'],
      ['/api/candidates/export?kind=exit&format=pdf', '参数 format'],
      ['/api/candidates/consolidation.geojson?maxMu=many', '参数 maxMu'],
    ];
    for (const [url, message] of cases) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error, url).toContain(message);
    }
  });

  it('lists exit candidates from land status alone before any evaluation: 引导退还 for P2', async () => {
    const res = await get('/api/candidates?kind=exit');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'exit', year: 2025, rules: { id: 'land-status-default', version: 1 }, dataVersion: 'i1.e0', total: 1, keptOff: false });
    const [p2] = res.body.candidates;
    expect(p2).toMatchObject({ path: '引导退还', subject: `parcel:${CODE(2)}`, subjectKind: 'parcel', unitCodes: [CODE(2)], flags: ['low_tax_per_mu', 'low_far'], keptOff: false });
    expect(p2.landReleasedMu).toBeCloseTo(16.11, 1); // geodesic area of 0.001° × 0.001°
    expect(p2.reasons.join('')).toContain('2 项低效用地检验不合格');
    expect(p2.regionCodes).toContain('500106-ZT01');
  });

  it('after two years of D: 倒逼退出 for 甲 and its tenant-free land, 丙 as a tenant, and 乙 listed apart as exempt', async () => {
    expect((await send('POST', '/api/methods', allDMethod())).status).toBe(201);
    for (const year of [2024, 2025]) expect((await send('POST', '/api/evaluations', { methodId: 'all-d', year })).status).toBe(201);

    const forced = await get('/api/candidates?kind=exit&path=倒逼退出');
    expect(forced.body.dataVersion).toBe('i1.e2');
    expect(forced.body.candidates.map((c: any) => c.subject)).toEqual([`enterprise:${JIA}`, `enterprise:${BING}`]);
    const [jia, bing] = forced.body.candidates;
    expect(jia.reasons[0]).toBe('综合评价 2024–2025 年连续 2 年为 D 类（倒逼整治），达到 2 年');
    expect(jia.landReleasedMu).toBeCloseTo(32.22, 1); // P1 + P2, which it holds
    expect(bing).toMatchObject({ enterprises: [{ uscc: BING, role: 'tenant' }], landReleasedMu: 0 });

    const apart = await get('/api/candidates?kind=exit&keptOff=true');
    expect(apart.body.candidates.map((c: any) => [c.path, c.subject, c.keptOff])).toEqual([['倒逼退出', `enterprise:${YI}`, true]]);
    expect(apart.body.candidates[0].keptOffBecause.join('')).toContain('专精特新"小巨人"');
    expect(forced.body.counts).toEqual(expect.arrayContaining([{ path: '倒逼退出', keptOff: true, count: 1, landReleasedMu: expect.any(Number) }]));
  });

  it('filters by region and size', async () => {
    expect((await get('/api/candidates?kind=exit&region=500106-ZT02')).body.total).toBe(0);
    expect((await get('/api/candidates?kind=exit&region=500106-zt01')).body.total).toBe(3);
    const big = await get('/api/candidates?kind=exit&minMu=20');
    expect(big.body.candidates.map((c: any) => c.subject)).toEqual([`enterprise:${JIA}`]);
    // Paths in order (依规回收, 倒逼退出, 引导退还, 规范转让): 丙's 倒逼退出 on page 1, P2's 引导退还 on page 2.
    expect((await get('/api/candidates?kind=exit&maxMu=20&pageSize=1&page=2')).body).toMatchObject({ total: 2, page: 2, pageSize: 1, candidates: [{ path: '引导退还' }] });
  });

  it('gives each parcel its status by year with the rules cited, its exit path and grade', async () => {
    const res = await get(`/api/parcels/${CODE(2)}/status`);
    expect(res.status).toBe(200);
    expect(res.body.years.map((y: any) => [y.year, y.stage, y.grade, y.flags.map((f: any) => f.code)])).toEqual([
      [2024, 'producing', 'D', ['low_far']],
      [2025, 'producing', 'D', ['low_tax_per_mu', 'low_far']],
    ]);
    const lowTax = res.body.years[1].flags[0];
    expect(lowTax.rule).toMatchObject({ rules: 'land-status-default@1', paths: ['lowEfficiency.taxPerMuBelowWan'] });
    expect(lowTax.rule.sources[0]).toContain('东阳市');
    expect(lowTax.facts).toMatchObject({ thresholdWanPerMu: 5 });
    expect(res.body.years[1].consolidationBasis.map((b: any) => b.code)).toEqual(['low_tax_per_mu', 'low_far', 'grade:D']);
    expect(res.body.exit.map((e: any) => e.path)).toEqual(['倒逼退出', '引导退还']);
    expect(res.body.consolidation).toBeNull();
    expect((await get('/api/parcels/500106001001GB99999W00000000/status')).status).toBe(404);
  });

  it('serves the JSON Schema of land-status rules documents, which the default names', async () => {
    const res = await app.request('/api/land-rules/schema');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/schema+json; charset=utf-8');
    const schema = JSON.parse(await res.text());
    expect(schema).toMatchObject({ $id: 'urn:mujun:schema:land-status-rules', title: expect.stringContaining('地块状态规则') });
    expect(schema).toEqual(JSON.parse(readFileSync('data/rules/land-status-rules.schema.json', 'utf8')));
    expect((await get('/api/land-rules/default')).body.$schema).toBe('./land-status-rules.schema.json');
  });

  it('validates and stores land rules; a new version is applied at once', async () => {
    const doc = readDefaultLandRules() as any;
    const bad = structuredClone(doc);
    bad.consolidation.maxGapM.value = 'twenty';
    expect((await send('POST', '/api/land-rules/validate', bad)).body).toMatchObject({ ok: false, errors: [{ path: 'consolidation.maxGapM.value' }] });
    const refused = await send('POST', '/api/land-rules', bad);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toContain('consolidation.maxGapM.value');
    expect((await send('POST', '/api/land-rules', doc)).status).toBe(409);

    // Wider gap and smaller minimum: P1, P2 (low tax, D) and P3 (D) 19–22 m apart form one cluster.
    const v2 = structuredClone(doc);
    v2.version = 2;
    v2.consolidation.maxGapM.value = 25;
    v2.consolidation.minCombinedAreaMu.value = 30;
    const stored = await send('POST', '/api/land-rules', v2);
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ id: 'land-status-default', version: 2, refresh: { rules: 'land-status-default@2', consolidation: { clusters: 1 } } });
    const list = await get('/api/land-rules');
    expect(list.body.rules.map((r: any) => r.version)).toEqual([1, 2]);
    expect(list.body.active).toMatchObject({ version: 2 });
    expect((await get('/api/land-rules/land-status-default?version=1')).body.document.consolidation.maxGapM.value).toBe(20);
    expect((await get('/api/land-rules/nowhere')).status).toBe(404);
  });

  it('lists consolidation clusters with owners, tax and potential', async () => {
    const res = await get('/api/candidates?kind=consolidation');
    expect(res.body).toMatchObject({ kind: 'consolidation', year: 2025, rules: { version: 2 }, total: 1 });
    const [c] = res.body.clusters;
    expect(c).toMatchObject({ id: 1, key: CODE(1), unitCodes: [CODE(1), CODE(2), CODE(3)], parcelCount: 3, targetTaxPerMuWan: 20 });
    expect(c.areaMu).toBeCloseTo(64.43, 1);
    expect(c.footprintAreaMu).toBeGreaterThan(c.areaMu); // the gaps between them are closed
    expect(c.currentTaxWan).toBeCloseTo(100 + 1428, 0); // 甲's 100 over P1 and P2, 乙's 1400 and 丙's 28 on P3
    expect(c.potentialTaxWan).toBeCloseTo(20 * c.areaMu, -1); // from the unrounded area
    expect(c.owners.map((o: any) => [o.uscc, o.roles])).toEqual([[JIA, ['holder', 'owner']], [YI, ['holder', 'owner']], [BING, ['tenant']]]);
    expect(c.notes[0]).toContain('协商时注意');
    expect(c.members.find((m: any) => m.unitCode === CODE(3)).basis).toEqual(['grade:D']);
    expect((await get('/api/candidates?kind=consolidation&minMu=65')).body.total).toBe(0);
    expect((await get(`/api/parcels/${CODE(3)}/status`)).body.consolidation).toMatchObject({ id: 1, key: CODE(1) });
  });

  it('serves the footprints as GeoJSON', async () => {
    const res = await get('/api/candidates/consolidation.geojson');
    expect(res.type).toContain('application/geo+json');
    expect(res.body.type).toBe('FeatureCollection');
    expect(res.body.features).toHaveLength(1);
    expect(res.body.features[0]).toMatchObject({ id: 1, geometry: { type: 'MultiPolygon' }, properties: { id: 1, parcelCount: 3, unitCodes: [CODE(1), CODE(2), CODE(3)] } });
    expect((await get('/api/candidates/consolidation.geojson?region=500106-ZT02')).body.features).toEqual([]);
  });

  it('exports both lists as CSV and XLSX with Chinese headers', async () => {
    const csv = await get('/api/candidates/export?kind=exit&format=csv');
    expect(csv.headers.get('content-disposition')).toContain(encodeURIComponent('土地退出候选-2025.csv'));
    const text = new TextDecoder().decode(csv.body as ArrayBuffer);
    expect(new Uint8Array(csv.body as ArrayBuffer).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf])); // BOM, for Excel
    expect(text.startsWith('年度,退出路径,是否另列,另列原因')).toBe(true);
    expect(text).toContain('另列（不列入）');
    expect(text.trim().split('\r\n')).toHaveLength(1 + 4);

    const xlsx = await get('/api/candidates/export?kind=consolidation&format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['合计面积（亩）', '潜在税收（万元）', '权利人及使用企业']));
    expect(sheet.rowCount).toBe(2);
  });
});
