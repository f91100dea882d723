/**
 * Recomputes the derived land tables from the ledger and the evaluation runs, in one transaction
 * (a failure leaves the previous state): every parcel's status for every metrics year, the exit
 * candidates and the consolidation clusters of the latest year. Called at startup (when stale),
 * after an import and after each evaluation run.
 */
import type { Database, Queryable } from '../db/database.ts';
import { clearExitCandidates, insertExitCandidates } from '../db/queries/exit-candidates.ts';
import {
  clearStatuses,
  enterpriseGrades,
  enterpriseTags,
  insertStatuses,
  metricYears,
  parcelFactsRows,
  parcelGrades,
  type EnterpriseGradeRow,
  type StatusInsert,
} from '../db/queries/land.ts';
import { landDataVersion, landRefresh, lockLandRefresh, recordLandRefresh } from '../db/queries/land-rules.ts';
import { consolidationBasis } from '../domain/consolidation/basis.ts';
import { assessParcel } from '../domain/land-status/assess.ts';
import { exitCandidates, type EnterpriseExitFacts, type ExitResult } from '../domain/land-status/exit.ts';
import { industryMedians } from '../domain/land-status/figures.ts';
import type { Grade, GradeRecord } from '../domain/land-status/grades.ts';
import type { ParcelStatus } from '../domain/land-status/model.ts';
import { toStored } from './citations.ts';
import { consolidate, type ConsolidationCandidate, type ConsolidationOutcome } from './consolidate.ts';
import { parcelFacts } from './facts.ts';
import { activeRules } from './rules.ts';

export interface RefreshSummary {
  rules: string;
  dataVersion: string;
  years: number[];
  latestYear: number | null;
  parcels: number;
  /** Per year: parcels with at least one flag, and parcels per flag code. */
  byYear: { year: number; flagged: number; byFlag: Record<string, number> }[];
  exit: { candidates: number; keptOff: number; byPath: Record<string, number> };
  consolidation: ConsolidationOutcome | null;
  timingsMs: { read: number; statuses: number; exit: number; consolidation: number; total: number };
}

/**
 * Grade histories for the exit rules: each year's official grade, except that in the evaluation
 * year a D lifted by a protection counts as D and the protection is recorded, so the enterprise is
 * listed apart (kept off 倒逼退出, with the reason) rather than silently dropped.
 */
export function exitEnterprises(
  enterprises: readonly { uscc: string; name: string; tags: string[] }[],
  grades: readonly EnterpriseGradeRow[],
  evaluationYear: number,
): EnterpriseExitFacts[] {
  const history = new Map<string, GradeRecord[]>();
  const protections = new Map<string, string[]>();
  for (const g of grades) {
    const protectedD = g.year === evaluationYear && g.base_grade === 'D' && g.grade !== 'D' && g.protection !== null;
    const list = history.get(g.uscc) ?? [];
    list.push({ year: g.year, grade: (protectedD ? 'D' : g.grade) as Grade });
    history.set(g.uscc, list);
    if (protectedD) protections.set(g.uscc, [g.protection!.replace(/^保护：/, '').replace(/，不评 D.*$/, '')]);
  }
  return enterprises.map((e) => ({ uscc: e.uscc, name: e.name, tags: e.tags, grades: history.get(e.uscc) ?? [], protections: protections.get(e.uscc) ?? [] }));
}

function countFlags(statuses: readonly ParcelStatus[]) {
  const byFlag: Record<string, number> = {};
  let flagged = 0;
  for (const s of statuses) {
    const codes = new Set(s.flags.map((f) => f.code));
    if (codes.size > 0) flagged += 1;
    for (const c of codes) byFlag[c] = (byFlag[c] ?? 0) + 1;
  }
  return { flagged, byFlag };
}

async function storeExit(tx: Queryable, exit: ExitResult) {
  await clearExitCandidates(tx);
  const rows = [...exit.candidates.map((c) => ({ c, keptOff: false })), ...exit.keptOff.map((c) => ({ c, keptOff: true }))].map(({ c, keptOff }) => ({
    path: c.path,
    subject: c.subject,
    kept_off: keptOff,
    affected_area_mu: c.affectedAreaMu,
    land_released_mu: c.landReleasedMu,
    unit_codes: c.unitCodes,
    usccs: c.enterprises.map((e) => e.uscc),
    detail: c,
  }));
  await insertExitCandidates(tx, exit.evaluationYear, rows);
  const byPath: Record<string, number> = {};
  for (const c of exit.candidates) byPath[c.path] = (byPath[c.path] ?? 0) + 1;
  return { candidates: exit.candidates.length, keptOff: exit.keptOff.length, byPath };
}

async function refreshIn(tx: Queryable, started: number): Promise<RefreshSummary> {
  await lockLandRefresh(tx);
  const { row, rules } = await activeRules(tx);
  const dataVersion = await landDataVersion(tx);
  const years = await metricYears(tx);
  const latestYear = years.at(-1) ?? null;
  const [parcels, eGrades, pGrades, enterprises] = [await parcelFactsRows(tx), await enterpriseGrades(tx), await parcelGrades(tx), await enterpriseTags(tx)];
  const read = performance.now();

  await clearStatuses(tx);
  const byYear: RefreshSummary['byYear'] = [];
  let latest: ParcelStatus[] = [];
  let candidates: ConsolidationCandidate[] = [];
  for (const year of years) {
    const facts = parcels.map((p) => parcelFacts(p, year));
    const medians = industryMedians(facts, rules);
    const statuses = facts.map((f) => assessParcel({ ...f, industryMedians: medians }, rules));
    const gradeOf = new Map(pGrades.filter((g) => g.year === year).map((g) => [g.parcel_id, g.grade as Grade]));
    const grades = parcels.map((p) => gradeOf.get(p.id) ?? null);
    const bases = statuses.map((s, i) => consolidationBasis(s, grades[i] ?? null, rules));
    const rows = statuses.map((s, i): StatusInsert => ({
      parcel_id: parcels[i]!.id, stage: s.stage, flags: [...new Set(s.flags.map((f) => f.code))], grade: grades[i] ?? null, basis: bases[i]?.codes ?? [], detail: toStored(s),
    }));
    await insertStatuses(tx, { year, rulesId: row.id, rulesVersion: row.version, dataVersion }, rows);
    byYear.push({ year, ...countFlags(statuses) });
    if (year === latestYear) {
      latest = statuses;
      candidates = bases.flatMap((basis, i) => (basis ? [{ parcelId: parcels[i]!.id, basis }] : []));
    }
  }
  const statusesDone = performance.now();

  let exit: RefreshSummary['exit'] = { candidates: 0, keptOff: 0, byPath: {} };
  if (latestYear !== null) {
    const result = exitCandidates({ evaluationYear: latestYear, parcels: latest, enterprises: exitEnterprises(enterprises, eGrades, latestYear) }, rules);
    exit = await storeExit(tx, result);
  } else await clearExitCandidates(tx);
  const exitDone = performance.now();

  const consolidation = await consolidate(tx, candidates, rules, latestYear);
  const done = performance.now();
  const summary: RefreshSummary = {
    rules: `${row.id}@${row.version}`,
    dataVersion,
    years,
    latestYear,
    parcels: parcels.length,
    byYear,
    exit,
    consolidation,
    timingsMs: {
      read: Math.round(read - started),
      statuses: Math.round(statusesDone - read),
      exit: Math.round(exitDone - statusesDone),
      consolidation: Math.round(done - exitDone),
      total: Math.round(done - started),
    },
  };
  await recordLandRefresh(tx, { rulesId: row.id, rulesVersion: row.version, dataVersion, years, latestYear, summary });
  return summary;
}

export async function refreshLandStatus(db: Database): Promise<RefreshSummary> {
  const started = performance.now();
  return db.transaction((tx) => refreshIn(tx, started));
}

/** Refreshes only when the rules in force or the data changed since the last refresh. */
export async function ensureLandStatus(db: Database): Promise<RefreshSummary | null> {
  const last = await landRefresh(db);
  const { row } = await activeRules(db);
  if (last && last.rules_id === row.id && last.rules_version === row.version && last.data_version === (await landDataVersion(db))) return null;
  return refreshLandStatus(db);
}

