import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { allResults, getRun, listRuns, parcelGradeChanges, resultsPage, type ResultFilter } from '../db/queries/evaluation.ts';
import { diffRuns, gradeDirection, type GradeChange } from '../domain/evaluation/diff.ts';
import type { Grade, UnitResult } from '../domain/evaluation/result.ts';
import type { RankBy } from '../domain/evaluation/aggregate.ts';
import type { RegionLevel } from '../domain/evaluation/types.ts';
import { m2ToMu, round } from '../domain/units.ts';
import { industryAggregates, regionAggregates } from '../evaluation/aggregates.ts';
import { resultsTable, toCsv, toXlsx } from '../evaluation/export.ts';
import { MethodNotFound, runEvaluation } from '../evaluation/run.ts';
import { badRequest, notFound, parseId, parseLimit, parseYear, readJsonBody } from './params.ts';
import { normaliseCode, toHalfWidth } from '../domain/codes.ts';
import { FLAG_CODES } from '../domain/land-status/validate-rules.ts';

const GRADES = ['A', 'B', 'C', 'D', 'T'];
const RANK_BY: readonly RankBy[] = ['taxPerMuWan', 'vaPerMuWan', 'revenuePerMuWan'];
const REGION_LEVELS: readonly RegionLevel[] = ['district', 'zone', 'cluster', 'town', 'park'];
const isRankBy = (s: string): s is RankBy => (RANK_BY as readonly string[]).includes(s);
const isLevel = (s: string): s is RegionLevel => (REGION_LEVELS as readonly string[]).includes(s);

function runView(r: Awaited<ReturnType<typeof listRuns>>[number]) {
  return {
    id: r.id, methodId: r.method_id, methodVersion: r.method_version, methodName: r.method_name, year: r.year,
    asOfDate: r.as_of_date, dataVersion: r.data_version, createdAt: r.created_at, summary: r.summary,
  };
}

function parseFilter(q: (name: string) => string | undefined): ResultFilter {
  const gradeRaw = q('grade');
  const grades = gradeRaw ? gradeRaw.split(',').map((g) => g.trim().toUpperCase()) : null;
  if (grades?.some((g) => !GRADES.includes(g))) badRequest(`参数 grade 应为 A/B/C/D/T（可用逗号分隔多个），实为“${gradeRaw}”`);
  const group = q('group') ?? null;
  if (group !== null && group !== 'above' && group !== 'below') badRequest(`参数 group 应为 above（规上）或 below（规下），实为“${group}”`);
  const industry = q('industry') ? normaliseCode(q('industry')!) : null;
  const text = q('q') ? toHalfWidth(q('q')!).trim() : null;
  const flagsRaw = q('status');
  const flags = flagsRaw ? flagsRaw.split(',').map((f) => f.trim()) : null;
  const unknown = flags?.find((f) => !Object.hasOwn(FLAG_CODES, f));
  if (unknown !== undefined) badRequest(`参数 status 应为用地状态标记代码（${Object.keys(FLAG_CODES).join('、')}，可用逗号分隔多个），实为“${unknown}”`);
  const taxPerMuMinWan = parseOptionalNumber('taxPerMuMin', q('taxPerMuMin'));
  const taxPerMuMaxWan = parseOptionalNumber('taxPerMuMax', q('taxPerMuMax'));
  return {
    grades, group, region: q('region') ?? null, industry, q: text ? (/^[0-9A-Z]{18}$/i.test(text) ? text.toUpperCase() : text) : null,
    flags, taxPerMuMinWan, taxPerMuMaxWan,
  };
}

function parseOptionalNumber(name: string, raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  const value = Number(toHalfWidth(raw).trim());
  if (!Number.isFinite(value)) badRequest(`参数 ${name} 应为数字（万元/亩），实为“${raw}”`);
  return value;
}

export function evaluationRoutes(db: Database) {
  const loadRun = async (raw: string | undefined) => {
    const id = parseId('runId', raw);
    const run = await getRun(db, id);
    if (!run) notFound(`评价运行 ${id} 不存在`);
    return run;
  };
  return new Hono()
    .get('/', async (c) => c.json({ runs: (await listRuns(db)).map(runView) }))
    .post('/', async (c) => {
      const body = (await readJsonBody(c)) as { methodId?: unknown; methodVersion?: unknown; year?: unknown };
      if (typeof body.methodId !== 'string' || body.methodId === '') badRequest('字段 methodId 缺失：应为评价办法的 id');
      if (body.methodVersion !== undefined && typeof body.methodVersion !== 'string') badRequest('字段 methodVersion 应为字符串');
      const year = parseYear('year', body.year);
      try {
        const { runId, result } = await runEvaluation(db, body.methodId, (body.methodVersion as string | undefined) ?? null, year);
        return c.json({ runId, methodId: result.methodId, methodVersion: result.methodVersion, year, summary: result.summary }, 201);
      } catch (err) {
        if (err instanceof MethodNotFound) notFound(err.message);
        throw err;
      }
    })
    .get('/diff', async (c) => {
      const [from, to] = [await loadRun(c.req.query('from')), await loadRun(c.req.query('to'))];
      const [a, b] = await Promise.all([allResults(db, from.id), allResults(db, to.id)]);
      const diff = diffRuns(a.map((r) => r.detail as UnitResult), b.map((r) => r.detail as UnitResult));
      return c.json({ from: runView(from), to: runView(to), ...diff });
    })
    // The map's year compare: each parcel whose grade differs between the runs, with the direction.
    .get('/parcel-changes', async (c) => {
      const [from, to] = [await loadRun(c.req.query('from')), await loadRun(c.req.query('to'))];
      const rows = await parcelGradeChanges(db, from.id, to.id);
      const counts: Record<GradeChange['direction'], number> = { up: 0, down: 0, new: 0, gone: 0, toT: 0, fromT: 0 };
      const parcels = rows.map((r) => {
        const direction = gradeDirection(r.grade_from as Grade | null, r.grade_to as Grade | null);
        counts[direction]++;
        return { id: r.id, code: r.code, from: r.grade_from, to: r.grade_to, direction, unitId: r.unit_id };
      });
      return c.json({ from: runView(from), to: runView(to), counts, parcels });
    })
    .get('/:runId', async (c) => c.json(runView(await loadRun(c.req.param('runId')))))
    .get('/:runId/results', async (c) => {
      const run = await loadRun(c.req.param('runId'));
      const filter = parseFilter((n) => c.req.query(n));
      const pageSize = parseLimit(c.req.query('pageSize'), 50, 500);
      const page = c.req.query('page') === undefined ? 1 : parseId('page', c.req.query('page'));
      const { total, rows } = await resultsPage(db, run.id, filter, pageSize, (page - 1) * pageSize);
      return c.json({
        runId: run.id, total, page, pageSize,
        results: rows.map((r) => ({
          unitId: r.unit_id, kind: r.kind, members: r.members, name: r.name, group: r.grp, pool: r.pool, industryCode: r.industry_code,
          grade: r.grade, baseGrade: r.base_grade, total: r.total, rank: r.rank, rankOf: r.rank_of,
          landAreaMu: round(m2ToMu(r.land_area_m2)), sharedResultFrom: r.shared_result_from, regionCodes: r.region_codes,
          reasons: (r.detail as UnitResult).reasons, items: (r.detail as UnitResult).items, toNextGrade: (r.detail as UnitResult).toNextGrade,
        })),
      });
    })
    .get('/:runId/aggregates', async (c) => {
      const run = await loadRun(c.req.param('runId'));
      const rankBy = c.req.query('rankBy') ?? 'taxPerMuWan';
      if (!isRankBy(rankBy)) badRequest(`参数 rankBy 应为 ${RANK_BY.join(' / ')}，实为“${rankBy}”`);
      const by = c.req.query('by') ?? 'region';
      if (by === 'region') {
        const level = c.req.query('level') ?? 'cluster';
        if (!isLevel(level)) badRequest(`参数 level 应为 ${REGION_LEVELS.join(' / ')}，实为“${level}”`);
        const regions = await regionAggregates(db, run, level, rankBy);
        return c.json({ runId: run.id, year: run.year, by, level, rankBy, regions });
      }
      if (by === 'industry') {
        const level = c.req.query('industryLevel') ?? 'division';
        if (level !== 'class' && level !== 'division') badRequest(`参数 industryLevel 应为 class（四位小类）或 division（两位大类），实为“${level}”`);
        const top = parseLimit(c.req.query('top'), 20, 100);
        const industries = await industryAggregates(db, run, level, top, rankBy);
        return c.json({ runId: run.id, year: run.year, by, industryLevel: level, rankBy, industries });
      }
      badRequest(`参数 by 应为 region 或 industry，实为“${by}”`);
    })
    .get('/:runId/export', async (c) => {
      const run = await loadRun(c.req.param('runId'));
      const format = c.req.query('format') ?? 'csv';
      if (format !== 'csv' && format !== 'xlsx') badRequest(`参数 format 应为 csv 或 xlsx，实为“${format}”`);
      const table = resultsTable((await allResults(db, run.id)).map((r) => r.detail as UnitResult));
      const base = `亩均评价-${run.year}-运行${run.id}`;
      const disposition = (ext: string) => `attachment; filename="run-${run.id}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${base}.${ext}`)}`;
      if (format === 'csv') {
        return c.body(toCsv(table), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition('csv') });
      }
      const bytes = await toXlsx(table, `${run.year} 年评价结果`);
      return c.body(bytes.buffer as ArrayBuffer, 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': disposition('xlsx'),
      });
    });
}
