import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { enterpriseByUscc, metricsOf, parcelsOfEnterprise } from '../db/queries/enterprises.ts';
import { checkUscc } from '../domain/codes.ts';
import { industryName } from '../domain/industries.ts';
import { m2ToMu, round } from '../domain/units.ts';
import { groupMetrics } from './metrics-view.ts';
import { badRequest, notFound, parseCodeParam } from './params.ts';

export function enterpriseRoutes(db: Database) {
  return new Hono().get('/:uscc', async (c) => {
    const uscc = parseCodeParam('uscc', c.req.param('uscc'));
    const check = checkUscc(uscc);
    if (!check.ok) badRequest(`参数 uscc 无效：${check.message}`);
    const e = await enterpriseByUscc(db, uscc);
    if (!e) notFound(`统一社会信用代码 ${uscc} 未找到`);
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
