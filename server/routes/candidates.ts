import { featureCollection } from './geojson.ts';
import { Hono, type Context } from 'hono';
import type { Database } from '../db/database.ts';
import { allClusters, clusterFeatures, clustersPage, type ClusterFilter } from '../db/queries/consolidation.ts';
import { allExit, exitCounts, exitPage, type ExitFilter } from '../db/queries/exit-candidates.ts';
import { landRefresh } from '../db/queries/land-rules.ts';
import { M2_PER_MU } from '../domain/units.ts';
import { toCsv, toXlsx, type Table } from '../evaluation/export.ts';
import { clusterViews } from '../land/clusters-view.ts';
import { exitView } from '../land/exit-view.ts';
import { consolidationTable, exitTable } from '../land/export.ts';
import { rulesOfLastRefresh } from '../land/rules.ts';
import { parseBool, parseClusterSort, parseIntParam, parseKind, parsePaths, parseRegion, parseSizeRange } from './candidate-params.ts';
import { badRequest } from './params.ts';

function clusterFilter(c: Context): ClusterFilter {
  if (c.req.query('path') !== undefined) badRequest('参数 path 只适用于 kind=exit（退出路径），连片开发候选没有路径');
  if (c.req.query('keptOff') !== undefined) badRequest('参数 keptOff 只适用于 kind=exit');
  return { region: parseRegion(c.req.query('region')), ...parseSizeRange(c.req.query('minMu'), c.req.query('maxMu')) };
}

function exitFilter(c: Context): ExitFilter {
  if (c.req.query('sort') !== undefined) badRequest('参数 sort 只适用于 kind=consolidation；退出候选按退出路径和面积排列');
  return {
    keptOff: parseBool('keptOff', c.req.query('keptOff')),
    region: parseRegion(c.req.query('region')),
    paths: parsePaths(c.req.query('path')),
    ...parseSizeRange(c.req.query('minMu'), c.req.query('maxMu')),
  };
}

export function candidateRoutes(db: Database) {
  /** Which refresh the lists come from: year, rules, data version. */
  const provenance = async () => {
    const last = await landRefresh(db);
    if (!last) return { year: null, rules: null, dataVersion: null, computedAt: null };
    const { row } = await rulesOfLastRefresh(db);
    return { year: last.latest_year, rules: { id: row.id, version: row.version, name: row.name }, dataVersion: last.data_version, computedAt: last.computed_at };
  };

  return new Hono()
    .get('/', async (c) => {
      const kind = parseKind(c.req.query('kind'));
      const page = parseIntParam('page', c.req.query('page'), 1, 1, 1_000_000);
      const pageSize = parseIntParam('pageSize', c.req.query('pageSize'), 50, 1, 500);
      const offset = (page - 1) * pageSize;
      if (kind === 'exit') {
        const f = exitFilter(c);
        const [{ total, rows }, counts, meta] = [await exitPage(db, f, pageSize, offset), await exitCounts(db, f.region), await provenance()];
        return c.json({
          kind: 'exit' as const, ...meta, keptOff: f.keptOff, total, page, pageSize,
          counts: counts.map((x) => ({ path: x.path, keptOff: x.kept_off, count: x.n, landReleasedMu: Math.round(x.land_released_mu * 100) / 100 })),
          candidates: rows.map(exitView),
        });
      }
      const f = clusterFilter(c);
      const sort = parseClusterSort(c.req.query('sort'));
      const [{ total, rows }, meta, { rules }] = [await clustersPage(db, f, sort, M2_PER_MU, pageSize, offset), await provenance(), await rulesOfLastRefresh(db)];
      return c.json({ kind: 'consolidation' as const, ...meta, total, page, pageSize, clusters: await clusterViews(db, rows, rules) });
    })
    .get('/consolidation.geojson', async (c) => {
      const { featuresJson } = await clusterFeatures(db, clusterFilter(c), M2_PER_MU);
      return featureCollection(c, featuresJson);
    })
    .get('/export', async (c) => {
      const kind = parseKind(c.req.query('kind'));
      const format = c.req.query('format') ?? 'csv';
      if (format !== 'csv' && format !== 'xlsx') badRequest(`参数 format 应为 csv 或 xlsx，实为“${format}”`);
      const meta = await provenance();
      let table: Table;
      let title: string;
      if (kind === 'exit') {
        // Candidates and, after them, those kept apart: one table, a column says which.
        if (c.req.query('keptOff') !== undefined) badRequest('参数 keptOff 不适用于导出：导出表包含列入和另列的全部条目');
        const f = exitFilter(c);
        const rows = [...(await allExit(db, { ...f, keptOff: false })), ...(await allExit(db, { ...f, keptOff: true }))];
        table = exitTable(rows.map(exitView));
        title = '土地退出候选';
      } else {
        const { rules } = await rulesOfLastRefresh(db);
        table = consolidationTable(await clusterViews(db, await allClusters(db, clusterFilter(c), parseClusterSort(c.req.query('sort')), M2_PER_MU), rules));
        title = '连片开发候选';
      }
      const base = `${title}-${meta.year ?? '无'}`;
      const disposition = (ext: string) => `attachment; filename="${kind}-candidates.${ext}"; filename*=UTF-8''${encodeURIComponent(`${base}.${ext}`)}`;
      if (format === 'csv') return c.body(toCsv(table), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition('csv') });
      const bytes = await toXlsx(table, `${meta.year ?? ''} 年${title}`);
      return c.body(bytes.buffer as ArrayBuffer, 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': disposition('xlsx'),
      });
    });
}
