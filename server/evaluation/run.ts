/**
 * Running an evaluation: read the year's ledger, call the pure engine, and store the run with its
 * results in one transaction. Runs are immutable; a run on corrected data is a new run.
 */
import type { Database, Queryable } from '../db/database.ts';
import { districtMeta, latestImportBatchId } from '../db/queries/catalogue.ts';
import { assignParcelGrades, getMethod, insertMethod, insertResults, insertRun, snapshotRows, type MethodRow } from '../db/queries/evaluation.ts';
import { evaluate } from '../domain/evaluation/evaluate.ts';
import type { Method } from '../domain/evaluation/method.ts';
import type { EvaluationResult } from '../domain/evaluation/result.ts';
import { validateMethod } from '../domain/evaluation/validate-method.ts';
import { refreshLandStatus } from '../land/refresh.ts';
import { DEFAULT_PRESET, readPreset } from './presets.ts';
import { toSnapshot } from './snapshot.ts';

export class MethodNotFound extends Error {}
export class InvalidStoredMethod extends Error {}

export async function loadMethod(db: Queryable, id: string, version: string | null): Promise<{ row: MethodRow; method: Method }> {
  const row = await getMethod(db, id, version);
  if (!row) throw new MethodNotFound(version ? `评价办法 ${id} 版本 ${version} 不存在` : `评价办法 ${id} 不存在`);
  const checked = validateMethod(row.document);
  if (!checked.ok) throw new InvalidStoredMethod(`已存的评价办法 ${id}@${row.version} 无效：${checked.errors[0]?.path} ${checked.errors[0]?.message}`);
  return { row, method: checked.method };
}

export async function evaluateYear(db: Queryable, method: Method, year: number): Promise<EvaluationResult> {
  return evaluate(toSnapshot(year, await snapshotRows(db, year)), method);
}

export interface StoredRun {
  runId: number;
  result: EvaluationResult;
}

export async function runEvaluation(
  db: Database, methodId: string, methodVersion: string | null, year: number, options: { refreshLand?: boolean } = {},
): Promise<StoredRun> {
  const { row, method } = await loadMethod(db, methodId, methodVersion);
  const lastBatch = await latestImportBatchId(db);
  const snapshot = toSnapshot(year, await snapshotRows(db, year));
  const result = evaluate(snapshot, method);
  const regionsOf = new Map(snapshot.enterprises.map((e) => [e.uscc, e.regions.map((r) => r.code)]));
  const runId = await db.transaction(async (tx) => {
    const id = await insertRun(tx, {
      methodId: row.id, methodVersion: row.version, year, asOfDate: result.asOfDate, dataVersion: `i${lastBatch}`,
      summary: result.summary, outOfScope: result.outOfScope,
    });
    await insertResults(tx, id, result.units.map((u) => ({
      unit_id: u.unitId, kind: u.kind, members: u.members, name: u.name, grp: u.group, pool: u.pool, industry_code: u.industryCode,
      grade: u.grade, base_grade: u.baseGrade, total: u.total, rank: u.rank, rank_of: u.rankOf, land_area_m2: u.landAreaM2,
      shared_result_from: u.sharedResultFrom, region_codes: regionsOf.get(u.members[0] ?? '') ?? [], detail: u,
    })));
    await assignParcelGrades(tx, id);
    return id;
  });
  // Exit candidates (倒逼退出) and consolidation read the grades: recompute them from this run.
  if (options.refreshLand ?? true) await refreshLandStatus(db);
  return { runId, result };
}

/** Stores a preset as a method (id = preset name) unless that version is already there. */
export async function installPreset(db: Queryable, preset: string): Promise<{ id: string; version: string }> {
  const doc = readPreset(preset);
  if (!doc) throw new MethodNotFound(`没有预置办法 ${preset}`);
  const checked = validateMethod(doc);
  if (!checked.ok) throw new InvalidStoredMethod(`预置办法 ${preset} 无效：${checked.errors.map((e) => `${e.path} ${e.message}`).join('；')}`);
  await insertMethod(db, { id: checked.method.id, version: checked.method.version, name: checked.method.name, document: doc, preset });
  return { id: checked.method.id, version: checked.method.version };
}

/**
 * First start: a newcomer sees grades at once — the latest year evaluated with the default preset,
 * and the year before it too (when the ledger has it), so that year-over-year views and the exit path
 * for enterprises graded D two years running (倒逼退出) have something to show. The earlier year is run
 * first, so the latest run is the latest year's either way.
 */
export async function ensureFirstEvaluation(db: Database): Promise<StoredRun | null> {
  const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM evaluation_run')) as [{ n: number }];
  if (n > 0) return null;
  const meta = await districtMeta(db);
  const years = meta.years.slice(-FIRST_START_YEARS);
  if (years.length === 0) return null;
  const { id, version } = await installPreset(db, DEFAULT_PRESET);
  let last: StoredRun | null = null;
  for (const year of years) last = await runEvaluation(db, id, version, year, { refreshLand: false });
  await refreshLandStatus(db);
  return last;
}

/** How many of the latest years the first start evaluates. */
const FIRST_START_YEARS = 2;
