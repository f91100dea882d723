import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { enterpriseByUscc, metricsOf, parcelsOfEnterprise } from '../db/queries/enterprises.ts';
import { enterpriseHistory } from '../db/queries/evaluation.ts';
import type { UnitResult } from '../domain/evaluation/result.ts';
import { checkUscc } from '../domain/codes.ts';
import { industryName } from '../domain/industries.ts';
import { m2ToMu, round } from '../domain/units.ts';
import { groupMetrics } from './metrics-view.ts';
import { badRequest, notFound, parseCodeParam } from './params.ts';

export function enterpriseRoutes(db: Database) {
  const load = async (raw: string) => {
    const uscc = parseCodeParam('uscc', raw);
    const check = checkUscc(uscc);
    if (!check.ok) badRequest(`参数 uscc 无效：${check.message}`);
    const e = await enterpriseByUscc(db, uscc);
    if (!e) notFound(`统一社会信用代码 ${uscc} 未找到`);
    return e;
  };
  return new Hono()
  .get('/:uscc/evaluations', async (c) => {
    const e = await load(c.req.param('uscc'));
    const rows = await enterpriseHistory(db, e.uscc);
    return c.json({
      uscc: e.uscc,
      name: e.name,
      history: rows.map((r) => ({
        runId: r.run_id, year: r.year, methodId: r.method_id, methodVersion: r.method_version, createdAt: r.created_at,
        unitId: r.unit_id, kind: r.kind, grade: r.grade, total: r.total, rank: r.rank, rankOf: r.rank_of,
        sharedResultFrom: r.shared_result_from, reasons: (r.detail as UnitResult).reasons,
      })),
    });
  })
  .get('/:uscc', async (c) => {
    const e = await load(c.req.param('uscc'));
    const [parcels, metrics] = await Promise.all([parcelsOfEnterprise(db, e.id), metricsOf(db, [e.id])]);
    return c.json({
      enterprise: {
        uscc: e.uscc, name: e.name, industryCode: e.industry_code, industryName: industryName(e.industry_code), scale: e.scale,
        tags: e.tags, isUtility: e.is_utility, productionStartDate: e.production_start_date,
        inMajorConstruction: e.in_major_construction, usccWarnings: e.uscc_warnings,
      },
      parcels: parcels.map((p) => ({ code: p.code, role: p.role, areaUsedM2: round(p.area_used_m2), areaUsedMu: round(m2ToMu(p.area_used_m2)), bbox: p.bbox })),
      metrics: groupMetrics(metrics),
    });
  });
}
