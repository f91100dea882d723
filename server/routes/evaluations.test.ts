import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing.ts';
import { TINY, tinyCopy } from '../import/delivery-fixture.ts';
import { importDelivery } from '../import/load.ts';
import { readPreset } from '../evaluation/presets.ts';

describe('evaluation API on the tiny delivery', () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await openTestDatabase();
    await importDelivery(db, TINY);
    app = createApp({ db });
  });
  afterAll(() => db?.close());

  const send = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, type, body: type.includes('json') ? ((await res.json()) as any) : await res.arrayBuffer() };
  };

  it('validates a method document and names the bad field', async () => {
    const doc = structuredClone(readPreset('huaian-2024')) as any;
    doc.groups.above.indicators[1].weight = 'heavy';
    const checked = await send('POST', '/api/methods/validate', doc);
    expect(checked.status).toBe(200);
    expect(checked.body.ok).toBe(false);
    expect(checked.body.errors.map((e: any) => e.path)).toContain('groups.above.indicators[1].weight');
    const stored = await send('POST', '/api/methods', doc);
    expect(stored.status).toBe(400);
    expect(stored.body.error).toContain('groups.above.indicators[1].weight');
    expect((await send('POST', '/api/methods', '{not json')).status).toBe(400);
  });

  it('serves the JSON Schema of method documents, which the presets name', async () => {
    const res = await app.request('/api/methods/schema');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/schema+json; charset=utf-8');
    const schema = JSON.parse(await res.text());
    expect(schema).toMatchObject({ $id: 'urn:mujun:schema:method', title: '亩均效益综合评价办法' });
    expect(schema).toEqual(JSON.parse(readFileSync('data/methods/method.schema.json', 'utf8')));
    expect((await send('GET', '/api/methods/presets/huaian-2024')).body.$schema).toBe('./method.schema.json');
  });

  it('creates a method from a preset, refuses to overwrite a version, and lists it', async () => {
    const created = await send('POST', '/api/methods/from-preset', { preset: 'chongqing-default', id: 'sample-county', name: '样例区 2025 办法', version: '2025.1' });
    expect(created).toMatchObject({ status: 201, body: { id: 'sample-county', version: '2025.1', preset: 'chongqing-default' } });
    expect((await send('POST', '/api/methods/from-preset', { preset: 'chongqing-default', id: 'sample-county', version: '2025.1' })).status).toBe(409);
    expect((await send('POST', '/api/methods/from-preset', { preset: 'nowhere' })).body.error).toContain('字段 preset 无效');
    const list = await send('GET', '/api/methods');
    expect(list.body.methods.map((m: any) => m.id)).toContain('sample-county');
    expect(list.body.presets).toEqual(['chongqing-default', 'huaian-2024', 'huangyan-2022']);
  });

  it('a dry run gives the grade distribution and stores nothing', async () => {
    const dry = await send('POST', '/api/methods/sample-county/dry-run', { year: 2025 });
    expect(dry.status).toBe(200);
    expect(dry.body.stored).toBe(false);
    expect(dry.body.summary.counts.enterprises).toBe(4);
    expect((await send('GET', '/api/evaluations')).body.runs).toEqual([]);
    expect((await send('POST', '/api/methods/sample-county/dry-run', { year: 'last' })).body.error).toContain('参数 year');
  });

  it('runs, stores and explains: T for the utility, a veto for the polluter, a merged parcel shared by its tenants', async () => {
    const run = await send('POST', '/api/evaluations', { methodId: 'sample-county', year: 2025 });
    expect(run.status).toBe(201);
    expect(run.body.runId).toBe(1);
    const all = await send('GET', '/api/evaluations/1/results?pageSize=100');
    const byId = Object.fromEntries(all.body.results.map((r: any) => [r.unitId, r]));
    const utility = byId['91500106MA5U1G5H3B'];
    expect(utility.grade).toBe('T');
    expect(utility.rank).toBeNull();
    expect(utility.reasons.join('')).toContain('公用事业');
    const merged = byId['parcel:500106001001GB00003W00000000'];
    expect(merged).toMatchObject({ kind: 'mergedParcel', members: ['91500106MA5U1C3D7B', '91500106MA5U1E4F5B'] });
    const tenant = byId['91500106MA5U1E4F5B'];
    expect(tenant.sharedResultFrom).toBe('parcel:500106001001GB00003W00000000');
    expect(tenant.reasons[0]).toContain('共享评价结果');
    // The tenant's accident vetoes the merged unit it shares: not A or B.
    expect(merged.reasons.join('')).toMatch(/否决：2025 年环保事故（重庆丙塑料制品有限公司）/);
    expect(['C', 'D']).toContain(merged.grade);
    expect(tenant.grade).toBe(merged.grade);
    // The parcel on the map shows the merged unit's grade.
    const parcels = await send('GET', '/api/parcels?bbox=106.2995,29.6011,106.3025,29.6025');
    const p3 = parcels.body.features.find((f: any) => f.properties.code === '500106001001GB00003W00000000');
    expect(p3.properties.grade).toBe(merged.grade);
    const meta = await send('GET', '/api/meta');
    expect(meta.body).toMatchObject({ latestRunId: 1, dataVersion: expect.stringMatching(/^i1r1l[0-9a-f]{6}$/) });
  });

  it('filters and pages results', async () => {
    const page = await send('GET', '/api/evaluations/1/results?group=above&pageSize=1&page=1');
    expect(page.body).toMatchObject({ page: 1, pageSize: 1 });
    expect(page.body.results).toHaveLength(1);
    expect(page.body.results.every((r: any) => r.group === 'above')).toBe(true);
    expect((await send('GET', '/api/evaluations/1/results?grade=Z')).body.error).toContain('参数 grade');
    expect((await send('GET', '/api/evaluations/9/results')).status).toBe(404);
    const byName = await send('GET', `/api/evaluations/1/results?q=${encodeURIComponent('甲精密')}`);
    expect(byName.body.results.map((r: any) => r.unitId)).toEqual(['91500106MA5U1A2B9B']);
  });

  it('filters by 亩均税收 range and by land status, as the map filters do', async () => {
    const all = (await send('GET', '/api/evaluations/1/results?pageSize=500')).body.results as any[];
    const tax = (r: any) => r.items.find((i: any) => i.key === 'tax_per_mu')?.value as number | null | undefined;
    const ids = (rs: any[]) => rs.map((r) => r.unitId).sort();
    const filtered = async (bounds: string, keep: (taxPerMu: number) => boolean) => {
      const res = await send('GET', `/api/evaluations/1/results?pageSize=500&${bounds}`);
      expect(ids(res.body.results)).toEqual(ids(all.filter((r) => tax(r) != null && keep(tax(r)!))));
      return res.body.results.length as number;
    };
    const inRange = await filtered('taxPerMuMin=10&taxPerMuMax=40', (t) => t >= 10 && t <= 40);
    expect(inRange).toBeGreaterThan(0);
    expect(inRange).toBeLessThan(all.length);
    expect(await filtered('taxPerMuMin=10', (t) => t >= 10)).toBeGreaterThan(inRange);
    expect(await filtered('taxPerMuMax=40', (t) => t <= 40)).toBeGreaterThan(inRange);
    const some = all.map(tax).find((t) => t != null)!;
    expect(await filtered(`taxPerMuMin=${some}&taxPerMuMax=${some}`, (t) => t === some)).toBeGreaterThan(0); // both bounds inclusive
    expect((await send('GET', '/api/evaluations/1/results?taxPerMuMin=abc')).body.error).toContain('参数 taxPerMuMin');

    const flagged = await db.query<{ code: string; flags: string[] }>(
      `SELECT p.unit_code AS code, s.flags FROM parcel_status AS s JOIN parcel AS p ON p.id = s.parcel_id
       WHERE s.year = (SELECT year FROM evaluation_run WHERE id = 1) AND cardinality(s.flags) > 0`);
    const flag = flagged[0]!.flags[0]!;
    const codes = new Set(flagged.filter((f) => f.flags.includes(flag)).map((f) => f.code));
    const byStatus = await send('GET', `/api/evaluations/1/results?pageSize=500&status=${flag}`);
    const details = (await db.query<{ unit_id: string; detail: { parcels: string[] } }>('SELECT unit_id, detail FROM evaluation_result WHERE run_id = 1'));
    expect(ids(byStatus.body.results)).toEqual(details.filter((d) => d.detail.parcels.some((c) => codes.has(c))).map((d) => d.unit_id).sort());
    expect(byStatus.body.results.length).toBeGreaterThan(0);
    expect((await send('GET', '/api/evaluations/1/results?status=lazy')).body.error).toContain('参数 status');
  });

  it('keeps runs immutable: the database refuses to change a stored result', async () => {
    await expect(db.query(`UPDATE evaluation_result SET grade = 'A' WHERE run_id = 1`)).rejects.toThrow(/不可修改/);
    await expect(db.query(`DELETE FROM evaluation_run WHERE id = 1`)).rejects.toThrow(/不可修改/);
  });

  it('a run on corrected data is a new run, and the diff says who changed and why', async () => {
    // Corrected 2025 figures for 重庆乙 (tax 14 万元, not 1 400; revenue and value added a hundredth):
    // the merged parcel falls behind 重庆甲, which moves up (of two 规上 units, quotas give the first B).
    await importDelivery(db, tinyCopy({
      'metrics-税务局.csv': (t) => t.replace('91500106MA5U1C3D7B,2025,1400', '91500106MA5U1C3D7B,2025,14'),
      'metrics-统计局.csv': (t) => t.replace('91500106MA5U1C3D7B,2025,34000,10200,1550,1800,280', '91500106MA5U1C3D7B,2025,340,102,1550,18,280'),
    }));
    const second = await send('POST', '/api/evaluations', { methodId: 'sample-county', year: 2025 });
    expect(second.body.runId).toBe(2);
    const diff = await send('GET', '/api/evaluations/diff?from=1&to=2');
    expect(diff.status).toBe(200);
    const change = diff.body.changed.find((c: any) => c.unitId === '91500106MA5U1A2B9B');
    expect(change).toMatchObject({ from: 'C', to: 'B', direction: 'up' });
    expect(change.reasons).toEqual(['综合得分 65.79 → 65.79', '排名 2/2 → 1/2']);
    expect(diff.body.counts.unchanged + diff.body.changed.length).toBeGreaterThanOrEqual(4);
    const history = await send('GET', '/api/enterprises/91500106MA5U1A2B9B/evaluations');
    expect(history.body.history.map((h: any) => h.runId)).toEqual([1, 2]);
    const first = (await send('GET', '/api/evaluations/1/results?q=91500106MA5U1A2B9B')).body.results[0];
    const again = (await send('GET', '/api/evaluations/2/results?q=91500106MA5U1A2B9B')).body.results[0];
    expect(again.rank).toBe(1);
    expect(first.rank).toBe(2);
  });

  it('exports results as CSV and XLSX with Chinese headers', async () => {
    const csv = await app.request('/api/evaluations/1/export?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so Excel reads it as UTF-8
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toContain('组别,排名,参评数,等级');
    expect(text).toContain('重庆甲精密机械有限公司');
    const xlsx = await app.request('/api/evaluations/1/export?format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(4).value).toBe('等级');
    expect(sheet.rowCount).toBe(text.trim().split('\r\n').length);
    expect((await send('GET', '/api/evaluations/1/export?format=pdf')).status).toBe(400);
  });

  it('aggregates by region and industry', async () => {
    const byRegion = await send('GET', '/api/evaluations/1/aggregates?by=region&level=cluster');
    expect(byRegion.status).toBe(200);
    const codes = byRegion.body.regions.map((r: any) => r.code).sort();
    expect(codes).toEqual(['500106-ZT01', '500106-ZT02']);
    for (const r of byRegion.body.regions) {
      expect(r.coveragePct === null || (r.coveragePct >= 0 && r.coveragePct <= 100.5)).toBe(true);
      expect(r.targets.map((t: any) => t.label)).toContain('亩均税收增速');
    }
    const byIndustry = await send('GET', '/api/evaluations/1/aggregates?by=industry&industryLevel=division&top=3');
    expect(byIndustry.body.industries.length).toBeGreaterThan(0);
    expect((await send('GET', '/api/evaluations/1/aggregates?by=planet')).status).toBe(400);
  });
});
