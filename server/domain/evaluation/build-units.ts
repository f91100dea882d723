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
  EvaluationInputError, METRIC_INFO, METRIC_KEYS, type EnterpriseInput, type LedgerSnapshot, type MetricKey, type MetricValues, type RegionRef, type Scale,
} from './types.ts';

/** Where metrics are added up, by `METRIC_KEYS` index from some offset. */
export type MetricArray = number[] | Float64Array;

export const METRIC_COUNT = METRIC_KEYS.length;

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
  /**
   * Metric k (by `METRIC_KEYS` index) of the evaluation year at `metrics[row + k]`, of the year
   * before at `metrics[row + METRIC_COUNT + k]`; NaN when not reported (for a merged unit: when any
   * member did not report it). The units of a plan share one array: 10⁵ small arrays cost the GC.
   */
  metrics: Float64Array;
  row: number;
  tags: readonly string[];
  /** Events of the evaluation year. */
  events: readonly UnitEvent[];
}

export interface UnitPlan {
  ranked: EvalUnit[];
  /** Each member of a merged unit, evaluated on its own figures; it shares the merged unit's grade. */
  tenants: { unit: EvalUnit; sharedFrom: string }[];
  classT: { unit: EvalUnit; why: readonly string[] }[];
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
 * Adds one enterprise's metrics of a year into `out` from `at`, in `METRIC_KEYS` order (NaN when
 * missing). Written out key by key: named reads are several times faster than `m[key]` over 10⁶ reads.
 */
export function addMetrics(m: MetricValues | undefined, out: MetricArray, at = 0): void {
  if (m === undefined) {
    for (let k = 0; k < METRIC_COUNT; k++) out[at + k] = NaN;
    return;
  }
  out[at] = out[at]! + num(m.revenue_wan);
  out[at + 1] = out[at + 1]! + num(m.value_added_wan);
  out[at + 2] = out[at + 2]! + num(m.tax_wan);
  out[at + 3] = out[at + 3]! + num(m.energy_tce);
  out[at + 4] = out[at + 4]! + num(m.electricity_wan_kwh);
  out[at + 5] = out[at + 5]! + num(m.emission_t);
  out[at + 6] = out[at + 6]! + num(m.rd_wan);
  out[at + 7] = out[at + 7]! + num(m.employees);
}

function reported(e: EnterpriseInput, year: number, key: MetricKey): number {
  return num(e.metrics[year]?.[key]);
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
  const metrics = new Float64Array(2 * METRIC_COUNT);
  for (const e of members) addMetrics(e.metrics[year], metrics, 0);
  for (const e of members) addMetrics(e.metrics[year - 1], metrics, METRIC_COUNT);
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
    metrics,
    row: 0,
    tags: members.length === 1 && lead.tags.length <= 1 ? lead.tags : sortedUnique(members.flatMap((e) => e.tags)),
    events: events ?? NO_EVENTS,
  };
}

const NOT_T: readonly string[] = Object.freeze([]);

/**
 * `makeUnit(e.uscc, 'enterprise', [e], year)`, given e's parcel codes already normalised, with its
 * metrics at `row` of `metrics` (zeros there).
 */
function singleUnit(e: EnterpriseInput, codes: string[], year: number, metrics: Float64Array, row: number): EvalUnit {
  addMetrics(e.metrics[year], metrics, row);
  addMetrics(e.metrics[year - 1], metrics, row + METRIC_COUNT);
  const landAreaM2 = landM2(e);
  let events: UnitEvent[] | null = null;
  for (const ev of e.events) {
    if (ev.year !== year) continue;
    (events ??= []).push(ev.note ? { uscc: e.uscc, name: e.name, kind: ev.kind, note: ev.note } : { uscc: e.uscc, name: e.name, kind: ev.kind });
  }
  return {
    id: e.uscc,
    kind: 'enterprise',
    members: [e],
    name: e.name,
    group: e.scale === 'above' ? 'above' : 'below',
    industryCode: e.industryCode,
    regions: e.regions,
    parcels: sortedUnique(codes),
    landAreaM2,
    landMu: m2ToMu(landAreaM2),
    year,
    metrics,
    row,
    tags: e.tags.length <= 1 ? e.tags : sortedUnique([...e.tags]),
    events: events ?? NO_EVENTS,
  };
}

/** Why an enterprise is class T under the method (empty: it is not). */
function classifierT(method: Method, asOfDate: string): (e: EnterpriseInput) => readonly string[] {
  const t = method.scope.classT;
  const youngAfter = t.productionYearsUnder === null ? null : shiftYears(asOfDate, -t.productionYearsUnder);
  return (e) => {
    const utility = t.utilities && (e.isUtility || isUtilityIndustry(e.industryCode));
    const young = youngAfter !== null && e.productionStartDate !== null && e.productionStartDate > youngAfter;
    const building = t.majorConstruction && e.inMajorConstruction;
    if (!utility && !young && !building) return NOT_T;
    const why: string[] = [];
    if (utility) why.push(`公用事业（${industryName(e.industryCode) ?? e.industryCode}）`);
    if (young) why.push(`投产不满 ${t.productionYearsUnder} 年（${e.productionStartDate} 投产）`);
    if (building) why.push('处于重大项目建设期');
    return why;
  };
}

function byCreditCode(snapshot: LedgerSnapshot): readonly EnterpriseInput[] {
  if (!DATE.test(snapshot.asOfDate)) throw new EvaluationInputError(`asOfDate 应为 YYYY-MM-DD，实为 ${snapshot.asOfDate}`);
  const list = snapshot.enterprises;
  // The database hands the ledger over in this order already; then there is nothing to sort.
  for (let i = 1; i < list.length; i++) {
    if (!(list[i - 1]!.uscc < list[i]!.uscc)) return [...list].sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0));
  }
  return list;
}

function checkEnterprise(sorted: readonly EnterpriseInput[], i: number): void {
  const e = sorted[i]!;
  if (i > 0 && sorted[i - 1]!.uscc === e.uscc) throw new EvaluationInputError(`统一社会信用代码 ${e.uscc} 重复出现`);
  if (e.productionStartDate !== null && !DATE.test(e.productionStartDate)) {
    throw new EvaluationInputError(`${e.uscc} 的投产日期应为 YYYY-MM-DD，实为 ${e.productionStartDate}`);
  }
}

/**
 * The first unit to use each parcel code: open addressing over typed arrays. At 10⁵ codes a `Map`
 * spends most of its time on cache misses along its entry chains; here a probe reads one slot.
 */
class FirstUsers {
  private keys: string[];
  private hashes: Int32Array;
  /** User + 1; 0 marks an empty slot. */
  private users: Int32Array;
  private size = 0;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < 2 * expected) capacity *= 2;
    this.keys = new Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.users = new Int32Array(capacity);
  }

  /** The first user of `code`; `user` when there was none (it is then recorded). */
  claim(code: string, user: number): number {
    if (2 * (this.size + 1) > this.users.length) this.grow();
    let h = 0x811c9dc5;
    for (let k = 0; k < code.length; k++) h = Math.imul(h ^ code.charCodeAt(k), 0x01000193);
    const mask = this.users.length - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const u = this.users[at]!;
      if (u === 0) {
        this.users[at] = user + 1;
        this.hashes[at] = h;
        this.keys[at] = code;
        this.size += 1;
        return user;
      }
      if (this.hashes[at] === h && this.keys[at] === code) return u - 1;
    }
  }

  private grow(): void {
    const { keys, hashes, users } = this;
    this.keys = new Array(2 * users.length);
    this.hashes = new Int32Array(2 * users.length);
    this.users = new Int32Array(2 * users.length);
    const mask = this.users.length - 1;
    for (let from = 0; from < users.length; from++) {
      if (users[from] === 0) continue;
      let at = hashes[from]! & mask;
      while (this.users[at] !== 0) at = (at + 1) & mask;
      this.users[at] = users[from]!;
      this.hashes[at] = hashes[from]!;
      this.keys[at] = keys[from]!;
    }
  }
}

/** Root of i in a union-find forest, halving the path on the way. */
function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
  return i;
}

/**
 * Groups linked by shared parcels, directly or not, from a union-find forest over `n` units: for each
 * unit, its group's unit indexes in order (one array shared by all members), or null when alone.
 */
function groupsOf(parent: Int32Array, n: number): (number[] | null)[] {
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) size[find(parent, i)]! += 1;
  const groupOf: (number[] | null)[] = new Array(n).fill(null);
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(parent, i);
    if (size[root]! < 2) continue;
    let g = byRoot.get(root);
    if (!g) byRoot.set(root, (g = []));
    g.push(i);
    groupOf[i] = g;
  }
  return groupOf;
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
  const smallWhy = (unit: EvalUnit) => `规下企业用地 ${fmtMu(unit.landMu)} 亩，不足 ${minMu} 亩`;
  const classT = classifierT(method, snapshot.asOfDate);
  const merge = method.scope.mergeSharedParcels;
  const sorted = byCreditCode(snapshot);

  // One pass over the ledger: every enterprise as a unit of its own (what a T unit, a lone firm and a
  // tenant's own result all are), and the first user of each parcel, to find shared ones.
  const graded: EvalUnit[] = [];
  const metrics = new Float64Array(sorted.length * 2 * METRIC_COUNT);
  const parent = new Int32Array(sorted.length);
  const firstUser = new FirstUsers(sorted.length);
  let shared = false;
  for (let i = 0; i < sorted.length; i++) {
    checkEnterprise(sorted, i);
    const e = sorted[i]!;
    const codes = e.parcels.map((p) => parcelCode(p.code));
    const unit = singleUnit(e, codes, year, metrics, i * 2 * METRIC_COUNT);
    const why = classT(e);
    if (why.length > 0) {
      if (tooSmall(unit)) plan.outOfScope.push(outOfScope(unit, e, smallWhy(unit)));
      else plan.classT.push({ unit, why });
      continue;
    }
    const k = graded.length;
    graded.push(unit);
    parent[k] = k;
    if (!merge) continue;
    for (const code of codes) {
      const j = firstUser.claim(code, k);
      if (j !== k) (parent[find(parent, k)] = find(parent, j)), (shared = true);
    }
  }

  const groupOf = shared ? groupsOf(parent, graded.length) : null;
  for (let k = 0; k < graded.length; k++) {
    const group = groupOf === null ? null : groupOf[k]!;
    if (group === null) {
      const unit = graded[k]!;
      if (tooSmall(unit)) plan.outOfScope.push(outOfScope(unit, unit.members[0]!, smallWhy(unit)));
      else plan.ranked.push(unit);
      continue;
    }
    // A merged unit is planned where its first member comes.
    if (group[0] !== k) continue;
    const members = group.map((m) => graded[m]!.members[0]!);
    const unit = makeUnit(`parcel:${sharedCode(members)}`, 'mergedParcel', members, year);
    if (tooSmall(unit)) {
      for (const e of members) {
        const others = members.filter((m) => m !== e).map((m) => m.name).join('、');
        plan.outOfScope.push(outOfScope(unit, e, `与${others}共用宗地合并计算，用地 ${fmtMu(unit.landMu)} 亩，不足 ${minMu} 亩`));
      }
      continue;
    }
    plan.ranked.push(unit);
    for (const m of group) plan.tenants.push({ unit: graded[m]!, sharedFrom: unit.id });
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
