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
  EvaluationInputError, METRIC_INFO, METRIC_KEYS, type EnterpriseInput, type LedgerSnapshot, type MetricKey, type RegionRef, type Scale,
} from './types.ts';

export interface UnitMetrics {
  values: Record<MetricKey, number | null>;
  /** Why a value is null, in Chinese. */
  why: Partial<Record<MetricKey, string>>;
}

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
  current: UnitMetrics;
  previous: UnitMetrics;
  tags: string[];
  /** Events of the evaluation year. */
  events: UnitEvent[];
}

export interface UnitPlan {
  ranked: EvalUnit[];
  /** Each member of a merged unit, evaluated on its own figures; it shares the merged unit's grade. */
  tenants: { unit: EvalUnit; sharedFrom: string }[];
  classT: { unit: EvalUnit; why: string[] }[];
  outOfScope: OutOfScope[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `start` plus `years` is later than `asOf` (both 'YYYY-MM-DD'): fewer than `years` in production. */
export function inProductionUnder(start: string | null, years: number, asOf: string): boolean {
  if (start === null) return false;
  return `${Number(start.slice(0, 4)) + years}${start.slice(4)}` > asOf;
}

function landM2(e: EnterpriseInput): number {
  return e.parcels.reduce((s, p) => s + p.areaUsedM2, 0);
}

function metricsOf(members: readonly EnterpriseInput[], year: number): UnitMetrics {
  const values = {} as Record<MetricKey, number | null>;
  const why: Partial<Record<MetricKey, string>> = {};
  for (const key of METRIC_KEYS) {
    let sum = 0;
    const lacking: string[] = [];
    for (const e of members) {
      const v = e.metrics[year]?.[key];
      if (v === null || v === undefined || !Number.isFinite(v)) lacking.push(e.name);
      else sum += v;
    }
    values[key] = lacking.length === 0 ? sum : null;
    if (lacking.length > 0) {
      why[key] = members.length === 1
        ? `缺少 ${year} 年${METRIC_INFO[key].label}数据`
        : `成员${lacking.join('、')}缺少 ${year} 年${METRIC_INFO[key].label}数据`;
    }
  }
  return { values, why };
}

function makeUnit(id: string, kind: EvalUnit['kind'], members: readonly EnterpriseInput[], year: number): EvalUnit {
  const lead = members.reduce((best, e) => (landM2(e) > landM2(best) ? e : best));
  const landAreaM2 = members.reduce((s, e) => s + landM2(e), 0);
  return {
    id,
    kind,
    members,
    name: members.map((e) => e.name).join('、'),
    group: members.some((e) => e.scale === 'above') ? 'above' : 'below',
    industryCode: lead.industryCode,
    regions: lead.regions,
    parcels: [...new Set(members.flatMap((e) => e.parcels.map((p) => normaliseCode(p.code))))].sort(),
    landAreaM2,
    landMu: m2ToMu(landAreaM2),
    current: metricsOf(members, year),
    previous: metricsOf(members, year - 1),
    tags: [...new Set(members.flatMap((e) => e.tags))].sort(),
    events: members.flatMap((e) =>
      e.events.filter((ev) => ev.year === year).map((ev) => ({ uscc: e.uscc, name: e.name, kind: ev.kind, ...(ev.note && { note: ev.note }) })),
    ),
  };
}

/** Why an enterprise is class T under the method (empty: it is not). */
export function classTReasons(e: EnterpriseInput, method: Method, asOfDate: string): string[] {
  const t = method.scope.classT;
  const why: string[] = [];
  if (t.utilities && (e.isUtility || isUtilityIndustry(e.industryCode))) {
    why.push(`公用事业（${industryName(e.industryCode) ?? e.industryCode}）`);
  }
  if (t.productionYearsUnder !== null && inProductionUnder(e.productionStartDate, t.productionYearsUnder, asOfDate)) {
    why.push(`投产不满 ${t.productionYearsUnder} 年（${e.productionStartDate} 投产）`);
  }
  if (t.majorConstruction && e.inMajorConstruction) why.push('处于重大项目建设期');
  return why;
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
  const parent = enterprises.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const firstUser = new Map<string, number>();
  enterprises.forEach((e, i) => {
    for (const p of e.parcels) {
      const code = normaliseCode(p.code);
      const j = firstUser.get(code);
      if (j === undefined) firstUser.set(code, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, EnterpriseInput[]>();
  enterprises.forEach((e, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(e);
    else groups.set(root, [e]);
  });
  return [...groups.values()];
}

function sharedCode(members: readonly EnterpriseInput[]): string {
  const seen = new Set<string>();
  const shared: string[] = [];
  for (const e of members) {
    for (const code of new Set(e.parcels.map((p) => normaliseCode(p.code)))) {
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

  const graded: EnterpriseInput[] = [];
  for (const e of checkInput(snapshot)) {
    const why = classTReasons(e, method, snapshot.asOfDate);
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
