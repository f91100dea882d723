import { featureCollection } from './geojson.ts';
import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { metricsOf, enterprisesOnParcel } from '../db/queries/enterprises.ts';
import { latestResultsFor } from '../db/queries/evaluation.ts';
import type { UnitResult } from '../domain/evaluation/result.ts';
import { buildingsOf, MAX_FEATURES_PER_REQUEST, parcelByCode, parcelFeaturesInBbox, parcelRegions, standardLandOf } from '../db/queries/parcels.ts';
import { industryName } from '../domain/industries.ts';
import { m2ToMu, round } from '../domain/units.ts';
import { groupMetrics } from './metrics-view.ts';
import { badRequest, notFound, parseBbox, parseParcelCodeParam } from './params.ts';

export function parcelRoutes(db: Database) {
  return new Hono()
    .get('/', async (c) => {
      const bbox = parseBbox(c.req.query('bbox'));
      const { count, featuresJson } = await parcelFeaturesInBbox(db, bbox, MAX_FEATURES_PER_REQUEST + 1);
      if (count > MAX_FEATURES_PER_REQUEST) {
        badRequest(`参数 bbox 范围内宗地超过 ${MAX_FEATURES_PER_REQUEST} 宗，请缩小范围`);
      }
      return featureCollection(c, featuresJson);
    })
    .get('/:code', async (c) => {
      const code = parseParcelCodeParam(c.req.param('code'));
      const p = await parcelByCode(db, code);
      if (!p) notFound(`不动产单元代码 ${code} 未找到`);
      const [regions, standardLand, occupants, buildings] = await Promise.all([
        parcelRegions(db, p.id), standardLandOf(db, p.id), enterprisesOnParcel(db, p.id), buildingsOf(db, p.id),
      ]);
      const [metrics, results] = await Promise.all([
        occupants.length ? metricsOf(db, occupants.map((o) => o.id)) : Promise.resolve([]),
        latestResultsFor(db, occupants.map((o) => o.uscc), p.unit_code),
      ]);
      const resultOf = new Map(results.map((r) => [r.unit_id, r]));
      const evaluationView = (unitId: string) => {
        const r = resultOf.get(unitId);
        if (!r) return null;
        const d = r.detail as UnitResult;
        return {
          runId: r.run_id, year: r.year, unitId: r.unit_id, group: r.grp, grade: r.grade, total: r.total, rank: r.rank, rankOf: r.rank_of,
          sharedResultFrom: r.shared_result_from, members: r.members, reasons: d.reasons, items: d.items,
          bonus: d.bonus, penalty: d.penalty, toNextGrade: d.toNextGrade, exemptions: d.exemptions,
        };
      };
      return c.json({
        parcel: {
          id: p.id,
          code: p.unit_code,
          areaM2: round(p.area_m2),
          areaMu: round(m2ToMu(p.area_m2)),
          registryAreaM2: p.registry_area_m2,
          landUse: p.land_use,
          landUseName: p.land_use_name,
          far: p.far,
          floorAreaM2: p.floor_area_m2,
          holderUscc: p.holder_uscc,
          holderName: p.holder_name,
          regions,
          supply: {
            approvalDate: p.approval_date, supplyDate: p.supply_date, supplyMethod: p.supply_method,
            startDeadline: p.start_deadline, actualStartDate: p.actual_start_date, completionDate: p.completion_date,
            landPriceWan: p.land_price_wan, status: p.dev_status, developedAreaM2: p.developed_area_m2,
            investedWan: p.invested_wan, haltedDate: p.halted_date,
          },
          standardLand: standardLand && {
            investmentWanPerMu: standardLand.investment_wan_per_mu, farMin: standardLand.far_min, farMax: standardLand.far_max,
            taxPerMuWan: standardLand.tax_per_mu_wan, vaPerTceWan: standardLand.va_per_tce_wan,
            rdRatioPct: standardLand.rd_ratio_pct, targetDate: standardLand.target_date,
          },
          bbox: p.bbox,
        },
        enterprises: occupants.map((o) => ({
          uscc: o.uscc,
          name: o.name,
          industryCode: o.industry_code,
          industryName: industryName(o.industry_code),
          scale: o.scale,
          tags: o.tags,
          role: o.role,
          areaUsedM2: round(o.area_used_m2),
          areaUsedMu: round(m2ToMu(o.area_used_m2)),
          metrics: groupMetrics(metrics.filter((m) => m.enterprise_id === o.id)),
          evaluation: evaluationView(o.uscc),
        })),
        mergedEvaluation: evaluationView(`parcel:${p.unit_code}`),
        buildings: buildings.map((b) => ({ name: b.name, floorAreaM2: b.floor_area_m2, floors: b.floors, vacantFloorAreaM2: b.vacant_floor_area_m2 })),
      });
    });
}
