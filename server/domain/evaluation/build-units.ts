/**
 * From the ledger to evaluation units: who is out of scope, who is class T (listed, not ranked), and
 * which enterprises sharing a parcel are merged into one unit (共享评价结果). Enterprises are handled
 * in credit-code order, so the outcome does not depend on the order of the input.
 */
import { normaliseCode } from '../codes.ts';
import { industryName, isUtilityIndustry } from '../industries.ts';
import { m2ToMu } from '../units.ts';
import type { Method } from './method.ts';
import type { OutOfScope } from './result.ts';
import {
  EvaluationInputError, METRIC_INFO, type EnterpriseInput, type LedgerSnapshot, type MetricKey, type MetricValues, type RegionRef, type Scale,
} from './types.ts';

/**
 * A unit's metrics of one year by `METRIC_KEYS` index, NaN when not reported (for a merged unit:
 * when any member did not report it). A plain array of doubles: cheaper to make than a typed
 * array at this size, and as fast to read.
 */
export type MetricArray = number[];

export interface UnitEvent {
  uscc: string;
  name: string;
  kind: string;
  note?: string;
}

export interface EvalUnit {
  id: string;
  kind: 'enterprise' | 'mergedParcel';
  /** Sorted by credit code. */
  members: readonly EnterpriseInput[];
  name: string;
  group: Scale;
  /** Of the member using the most land (ties: lowest credit code). */
  industryCode: string;
  regions: readonly RegionRef[];
  parcels: string[];
  landAreaM2: number;
  landMu: number;
  /** Evaluation year. */
  year: number;
  current: MetricArray;
  previous: MetricArray;
  tags: readonly string[];
  /** Events of the evaluation year. */
  events: readonly UnitEvent[];
}

export interface UnitPlan {
  ranked: EvalUnit[];
  /** Each member of a merged unit, evaluated on its own figures; it shares the merged unit's grade. */
  tenants: { unit: EvalUnit; sharedFrom: string }[];
  classT: { unit: EvalUnit; why: string[] }[];
  outOfScope: OutOfScope[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `date` ('YYYY-MM-DD') moved by whole years. */
function shiftYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

/** True when `start` plus `years` is later than `asOf` (both 'YYYY-MM-DD'): fewer than `years` in production. */
export function inProductionUnder(start: string | null, years: number, asOf: string): boolean {
  return start !== null && start > shiftYears(asOf, -years);
}

function landM2(e: EnterpriseInput): number {
  let m2 = 0;
  for (const p of e.parcels) m2 += p.areaUsedM2;
  return m2;
}

const num = (v: number | null | undefined): number => (typeof v === 'number' && Number.isFinite(v) ? v : NaN);

/**
 * Adds one enterprise's metrics of a year into `out`, in `METRIC_KEYS` order (NaN when missing).
 * Written out key by key: named reads are several times faster than `m[key]` over 10⁶ reads.
 */
export function addMetrics(m: MetricValues | undefined, out: MetricArray): void {
  if (m === undefined) {
    for (let k = 0; k < out.length; k++) out[k] = NaN;
    return;
  }
  out[0] = out[0]! + num(m.revenue_wan);
  out[1] = out[1]! + num(m.value_added_wan);
  out[2] = out[2]! + num(m.tax_wan);
  out[3] = out[3]! + num(m.energy_tce);
  out[4] = out[4]! + num(m.electricity_wan_kwh);
  out[5] = out[5]! + num(m.emission_t);
  out[6] = out[6]! + num(m.rd_wan);
  out[7] = out[7]! + num(m.employees);
}

function reported(e: EnterpriseInput, year: number, key: MetricKey): number {
  return num(e.metrics[year]?.[key]);
}

function metricsOf(members: readonly EnterpriseInput[], year: number): MetricArray {
  const out = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const e of members) addMetrics(e.metrics[year], out);
  return out;
}

/** Why a unit's metric is not there, in Chinese (asked only for missing ones). */
export function metricWhy(unit: EvalUnit, which: 'current' | 'previous', key: MetricKey): string {
  const year = which === 'current' ? unit.year : unit.year - 1;
  const what = `缺少 ${year} 年${METRIC_INFO[key].label}数据`;
  if (unit.members.length === 1) return what;
  return `成员${unit.members.filter((e) => Number.isNaN(reported(e, year, key))).map((e) => e.name).join('、')}${what}`;
}

/** Parcel codes as stored are usually clean already; only dirty ones go through `normaliseCode`. */
function parcelCode(raw: string): string {
  return /^[0-9A-Z]+$/.test(raw) ? raw : normaliseCode(raw);
}

/** Shared by every unit without events of the year (never handed out in results). */
const NO_EVENTS: readonly UnitEvent[] = Object.freeze([]);

function sortedUnique(items: string[]): string[] {
  return items.length <= 1 ? items : [...new Set(items)].sort();
}

function makeUnit(id: string, kind: EvalUnit['kind'], members: readonly EnterpriseInput[], year: number): EvalUnit {
  let lead = members[0]!;
  let leadM2 = landM2(lead);
  let landAreaM2 = 0;
  for (const e of members) {
    const m2 = landM2(e);
    landAreaM2 += m2;
    if (m2 > leadM2) (lead = e), (leadM2 = m2);
  }
  let events: UnitEvent[] | null = null;
  for (const e of members) {
    for (const ev of e.events) {
      if (ev.year !== year) continue;
      (events ??= []).push(ev.note ? { uscc: e.uscc, name: e.name, kind: ev.kind, note: ev.note } : { uscc: e.uscc, name: e.name, kind: ev.kind });
    }
  }
  return {
    id,
    kind,
    members,
    name: members.length === 1 ? lead.name : members.map((e) => e.name).join('、'),
    group: members.some((e) => e.scale === 'above') ? 'above' : 'below',
    industryCode: lead.industryCode,
    regions: lead.regions,
    parcels: sortedUnique(members.length === 1 ? lead.parcels.map((p) => parcelCode(p.code)) : members.flatMap((e) => e.parcels.map((p) => parcelCode(p.code)))),
    landAreaM2,
    landMu: m2ToMu(landAreaM2),
    year,
    current: metricsOf(members, year),
    previous: metricsOf(members, year - 1),
    tags: members.length === 1 && lead.tags.length <= 1 ? lead.tags : sortedUnique(members.flatMap((e) => e.tags)),
    events: events ?? NO_EVENTS,
  };
}

/** Why an enterprise is class T under the method (empty: it is not). */
function classifierT(method: Method, asOfDate: string): (e: EnterpriseInput) => string[] {
  const t = method.scope.classT;
  const youngAfter = t.productionYearsUnder === null ? null : shiftYears(asOfDate, -t.productionYearsUnder);
  return (e) => {
    const utility = t.utilities && (e.isUtility || isUtilityIndustry(e.industryCode));
    const young = youngAfter !== null && e.productionStartDate !== null && e.productionStartDate > youngAfter;
    const building = t.majorConstruction && e.inMajorConstruction;
    if (!utility && !young && !building) return [];
    const why: string[] = [];
    if (utility) why.push(`公用事业（${industryName(e.industryCode) ?? e.industryCode}）`);
    if (young) why.push(`投产不满 ${t.productionYearsUnder} 年（${e.productionStartDate} 投产）`);
    if (building) why.push('处于重大项目建设期');
    return why;
  };
}

function checkInput(snapshot: LedgerSnapshot): EnterpriseInput[] {
  if (!DATE.test(snapshot.asOfDate)) throw new EvaluationInputError(`asOfDate 应为 YYYY-MM-DD，实为 ${snapshot.asOfDate}`);
  const sorted = [...snapshot.enterprises].sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0));
  sorted.forEach((e, i) => {
    if (i > 0 && sorted[i - 1]!.uscc === e.uscc) throw new EvaluationInputError(`统一社会信用代码 ${e.uscc} 重复出现`);
    if (e.productionStartDate !== null && !DATE.test(e.productionStartDate)) {
      throw new EvaluationInputError(`${e.uscc} 的投产日期应为 YYYY-MM-DD，实为 ${e.productionStartDate}`);
    }
  });
  return sorted;
}

/** Connected groups of enterprises linked by shared parcels, each in credit-code order. */
function sharedParcelGroups(enterprises: readonly EnterpriseInput[]): EnterpriseInput[][] {
  const parent = Int32Array.from(enterprises, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const firstUser = new Map<string, number>();
  enterprises.forEach((e, i) => {
    for (const p of e.parcels) {
      const code = parcelCode(p.code);
      const j = firstUser.get(code);
      if (j === undefined) firstUser.set(code, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups: EnterpriseInput[][] = [];
  const byRoot = new Map<number, EnterpriseInput[]>();
  enterprises.forEach((e, i) => {
    const root = find(i);
    if (root === i && !byRoot.has(i)) {
      const g = [e];
      byRoot.set(i, g);
      groups.push(g);
      return;
    }
    let g = byRoot.get(root);
    if (!g) {
      g = [];
      byRoot.set(root, g);
      groups.push(g);
    }
    g.push(e);
  });
  return groups;
}

function sharedCode(members: readonly EnterpriseInput[]): string {
  const seen = new Set<string>();
  const shared: string[] = [];
  for (const e of members) {
    for (const code of new Set(e.parcels.map((p) => parcelCode(p.code)))) {
      if (seen.has(code)) shared.push(code);
      seen.add(code);
    }
  }
  return shared.sort()[0] ?? members[0]!.uscc;
}

export function planUnits(snapshot: LedgerSnapshot, method: Method): UnitPlan {
  const year = snapshot.year;
  const minMu = method.scope.belowMinLandMu;
  const plan: UnitPlan = { ranked: [], tenants: [], classT: [], outOfScope: [] };
  const tooSmall = (unit: EvalUnit) => unit.group === 'below' && unit.landMu < minMu;
  const single = (e: EnterpriseInput) => makeUnit(e.uscc, 'enterprise', [e], year);

  const classT = classifierT(method, snapshot.asOfDate);
  const graded: EnterpriseInput[] = [];
  for (const e of checkInput(snapshot)) {
    const why = classT(e);
    if (why.length === 0) graded.push(e);
    else {
      const unit = single(e);
      if (tooSmall(unit)) plan.outOfScope.push(outOfScope(unit, e, `规下企业用地 ${fmtMu(unit.landMu)} 亩，不足 ${minMu} 亩`));
      else plan.classT.push({ unit, why });
    }
  }

  const groups = method.scope.mergeSharedParcels ? sharedParcelGroups(graded) : graded.map((e) => [e]);
  for (const members of groups) {
    const merged = members.length > 1;
    const unit = merged ? makeUnit(`parcel:${sharedCode(members)}`, 'mergedParcel', members, year) : single(members[0]!);
    if (tooSmall(unit)) {
      for (const e of members) {
        const why = merged
          ? `与${members.filter((m) => m !== e).map((m) => m.name).join('、')}共用宗地合并计算，用地 ${fmtMu(unit.landMu)} 亩，不足 ${minMu} 亩`
          : `规下企业用地 ${fmtMu(unit.landMu)} 亩，不足 ${minMu} 亩`;
        plan.outOfScope.push(outOfScope(unit, e, why));
      }
      continue;
    }
    plan.ranked.push(unit);
    if (merged) for (const e of members) plan.tenants.push({ unit: single(e), sharedFrom: unit.id });
  }
  return plan;
}

function fmtMu(mu: number): string {
  return String(Math.round(mu * 100) / 100);
}

function outOfScope(unit: EvalUnit, e: EnterpriseInput, why: string): OutOfScope {
  const landAreaMu = Math.round(m2ToMu(landM2(e)) * 10000) / 10000;
  return { uscc: e.uscc, name: e.name, group: e.scale, landAreaMu, why: unit.kind === 'mergedParcel' ? `${why}（${unit.id}）` : why };
}
