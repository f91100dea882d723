import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { clusterOfParcel } from '../db/queries/consolidation.ts';
import { exitForParcel } from '../db/queries/exit-candidates.ts';
import { statusHistory } from '../db/queries/land.ts';
import { landRefresh } from '../db/queries/land-rules.ts';
import { parcelByCode } from '../db/queries/parcels.ts';
import { basisCategory } from '../domain/consolidation/basis.ts';
import type { Stage } from '../domain/land-status/model.ts';
import type { LandRules } from '../domain/land-status/rules.ts';
import { STAGE_LABELS } from '../domain/land-status/stage.ts';
import { m2ToMu, round } from '../domain/units.ts';
import { withSources, type StoredYearStatus } from '../land/citations.ts';
import { clusterViews } from '../land/clusters-view.ts';
import { exitView } from '../land/exit-view.ts';
import { loadLandRules, rulesOfLastRefresh } from '../land/rules.ts';
import { notFound, parseParcelCodeParam } from './params.ts';

/** A parcel's land status by year (每年的认定结果), with its exit path and consolidation cluster, if any. */
export function parcelStatusRoutes(db: Database) {
  return new Hono().get('/:code/status', async (c) => {
    const code = parseParcelCodeParam(c.req.param('code'));
    const p = await parcelByCode(db, code);
    if (!p) notFound(`不动产单元代码 ${code} 未找到`);
    const [history, last, exits, cluster] = [await statusHistory(db, p.id), await landRefresh(db), await exitForParcel(db, p.id), await clusterOfParcel(db, p.id)];
    // Each year's citations take their sources from the rules that year was computed with.
    const rulesBy = new Map<string, { id: string; version: number; name: string; rules: LandRules } | null>();
    for (const h of history) {
      const key = `${h.rules_id}@${h.rules_version}`;
      if (rulesBy.has(key)) continue;
      const loaded = await loadLandRules(db, h.rules_id, h.rules_version).catch(() => null);
      rulesBy.set(key, loaded && { id: loaded.row.id, version: loaded.row.version, name: loaded.row.name, rules: loaded.rules });
    }
    const clusterView = cluster ? (await clusterViews(db, [cluster], (await rulesOfLastRefresh(db)).rules))[0]! : null;
    return c.json({
      code: p.unit_code,
      areaMu: round(m2ToMu(p.area_m2)),
      dataVersion: last?.data_version ?? null,
      computedAt: last?.computed_at ?? null,
      years: history.map((h) => {
        const d = h.detail as StoredYearStatus;
        const rules = rulesBy.get(`${h.rules_id}@${h.rules_version}`) ?? null;
        return {
          year: h.year,
          asOfDate: `${h.year}-12-31`,
          rules: { id: h.rules_id, version: h.rules_version, name: rules?.name ?? null },
          stage: h.stage,
          stageLabel: STAGE_LABELS[h.stage as Stage] ?? h.stage,
          grade: h.grade,
          flags: withSources(d.flags, rules?.rules ?? null),
          measures: d.measures,
          standardLand: d.standardLand,
          notes: d.notes,
          consolidationBasis: h.consolidation_basis.map((b) => ({ code: b, label: basisCategory(b) })),
        };
      }),
      exit: exits.map(exitView),
      consolidation: clusterView,
    });
  });
}
