/**
 * Exit candidates (土地退出路径) from parcel statuses and enterprises' grade histories.
 *
 * - 依规回收 recovered under the rules or the contract: idle land recoverable without compensation
 *   (not started, or halted, for `idle.recoverAfterFullYears`), or a 标准地 commitment failed after
 *   its 达产日期. The whole parcel is released.
 * - 规范转让 regulated transfer: 建而未投 or 用而未尽, and the holder (or an owner on the parcel) has
 *   said it is willing to transfer (a tag in `exit.transferWillingTags`). Releases the whole parcel
 *   when built but idle, the undeveloped part when used but not fully.
 * - 引导退还 guided return with compensation: halted projects that Order 53 cannot recover for free,
 *   and parcels failing at least `exit.guidedReturnMinLowEfficiencyTests` low-efficiency tests.
 *   The whole parcel is released.
 * - 倒逼退出 forced out: enterprises graded D for `exit.forcedExitConsecutiveDYears` years in a row
 *   up to the evaluation year. A registered holder answers for its whole parcels, rented plots
 *   included (affected and released: the parcel); an owner-occupant who is not the holder, for the
 *   land it uses; a tenant's land is affected but not released (it stays with the holder).
 * A parcel takes the first parcel path that applies, in the order above. A parcel with an exempt
 * enterprise on it (holder, owner or tenant: moving the parcel would move the tenant), and an
 * exempt enterprise itself, are kept off the paths named in `exit.exemptionAppliesTo` (by default
 * 倒逼退出 and 引导退还),
 * as are protected enterprises (e.g. major-project construction period) from 倒逼退出; both are
 * listed apart with the reason. Every list is sorted, so the result does not depend on input order.
 */
import { m2ToMu } from '../units.ts';
import { consecutiveYearsInGrade, type GradeRecord } from './grades.ts';
import { LOW_EFFICIENCY_CODES } from './low-efficiency.ts';
import type { Flag, FlagCode, ParcelStatus } from './model.ts';
import { EXIT_PATHS, rulesRef, type ExitPath, type LandRules } from './rules.ts';
import { r } from './text.ts';

export interface EnterpriseExitFacts {
  uscc: string;
  name: string;
  tags: readonly string[];
  grades: readonly GradeRecord[];
  /** Why it may not be pushed out this year, e.g. `重大项目建设期`, `新建企业`. */
  protections?: readonly string[];
}

export interface ExitInput {
  evaluationYear: number;
  parcels: readonly ParcelStatus[];
  enterprises: readonly EnterpriseExitFacts[];
}

export interface ConcernedEnterprise {
  uscc: string;
  name: string;
  role: 'holder' | 'owner' | 'tenant';
  tags: string[];
}

export interface ExitCandidate {
  path: ExitPath;
  /** `parcel:<不动产单元代码>` or `enterprise:<统一社会信用代码>`. */
  subject: string;
  unitCodes: string[];
  enterprises: ConcernedEnterprise[];
  reasons: string[];
  flags: FlagCode[];
  affectedAreaMu: number;
  landReleasedMu: number;
  notes: string[];
}

export interface KeptOff extends ExitCandidate {
  keptOffBecause: string[];
}

export interface ExitResult {
  evaluationYear: number;
  rules: string;
  candidates: ExitCandidate[];
  keptOff: KeptOff[];
}

const ROLE_RANK = { holder: 0, owner: 1, tenant: 2 } as const;
const LOW: ReadonlySet<FlagCode> = new Set(LOW_EFFICIENCY_CODES);
const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
const describeFlag = (f: Flag) => `${f.label}：${f.reason}`;
const codesOf = (flags: readonly Flag[]) => [...new Set(flags.map((f) => f.code))];

function indexBy<T>(items: readonly T[], key: (x: T) => string, what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(key(item))) throw new Error(`${what}“${key(item)}”重复`);
    map.set(key(item), item);
  }
  return map;
}

export function exitCandidates(input: ExitInput, rules: LandRules): ExitResult {
  const enterprises = indexBy(input.enterprises, (e) => e.uscc, '企业');
  const parcels = [...indexBy(input.parcels, (p) => p.unitCode, '宗地').values()].sort(byKey((p) => p.unitCode));
  const exemptTags = rules.exit.exemptTags.value;
  const willingTags = rules.exit.transferWillingTags.value;
  const appliesTo = new Set(rules.exit.exemptionAppliesTo.value);

  const tagsOf = (uscc: string) => [...(enterprises.get(uscc)?.tags ?? [])];
  const concerned = (p: ParcelStatus): ConcernedEnterprise[] => {
    const out = new Map<string, ConcernedEnterprise>();
    const add = (uscc: string, name: string, role: ConcernedEnterprise['role']) => {
      const seen = out.get(uscc);
      if (!seen || ROLE_RANK[role] < ROLE_RANK[seen.role]) out.set(uscc, { uscc, name: enterprises.get(uscc)?.name ?? name, role, tags: tagsOf(uscc) });
    };
    for (const o of p.occupants) add(o.uscc, o.name, o.role);
    if (p.holderUscc) add(p.holderUscc, '（未在企业名录中）', 'holder');
    return [...out.values()].sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || byKey<ConcernedEnterprise>((e) => e.uscc)(a, b));
  };
  const exemptions = (list: readonly ConcernedEnterprise[]) =>
    list.flatMap((e) => e.tags.filter((t) => exemptTags.includes(t)).map((t) => `${e.name}（${e.uscc}）带有“${t}”标签`));

  const candidates: ExitCandidate[] = [];
  const keptOff: KeptOff[] = [];
  const place = (c: ExitCandidate, exempt: string[], protectedBy: string[] = []) => {
    if (appliesTo.has(c.path) && exempt.length > 0) {
      keptOff.push({ ...c, keptOffBecause: exempt.map((x) => `${x}，属豁免企业（exit.exemptTags），不列入${c.path}`).concat(protectedBy) });
    } else if (protectedBy.length > 0) keptOff.push({ ...c, keptOffBecause: protectedBy });
    else {
      const notes = exempt.map((x) => `${x}；${c.path}不因企业标签豁免，建议会商`);
      candidates.push({ ...c, notes: [...c.notes, ...notes] });
    }
  };

  for (const p of parcels) {
    const list = concerned(p);
    const base = { subject: `parcel:${p.unitCode}`, unitCodes: [p.unitCode], enterprises: list, affectedAreaMu: p.areaMu, notes: [] };
    const recover = p.flags.filter((f) => ((f.code === 'idle' || f.code === 'idle_halted') && f.facts.recoverable === true) || f.code === 'standard_land_failed');
    const transfer = p.flags.filter((f) => f.code === 'built_not_producing' || f.code === 'used_not_fully');
    const willing = list.filter((e) => e.role !== 'tenant' && e.tags.some((t) => willingTags.includes(t)));
    const low = p.flags.filter((f) => LOW.has(f.code));
    const minLow = rules.exit.guidedReturnMinLowEfficiencyTests.value;
    if (recover.length > 0) {
      place({ ...base, path: '依规回收', reasons: recover.map(describeFlag), flags: codesOf(recover), landReleasedMu: p.areaMu }, exemptions(list));
    } else if (transfer.length > 0 && willing.length > 0) {
      const whole = transfer.some((f) => f.code === 'built_not_producing');
      const undeveloped = transfer.find((f) => f.code === 'used_not_fully')?.facts.undevelopedAreaMu;
      const released = whole || typeof undeveloped !== 'number' ? p.areaMu : undeveloped;
      const who = willing.map((e) => `${e.name} 有转让意向（${e.tags.filter((t) => willingTags.includes(t)).join('、')}）`);
      const what = whole ? '整宗转让' : `分割转让未开发部分 ${released} 亩`;
      place({ ...base, path: '规范转让', reasons: [...transfer.map(describeFlag), ...who, `建议${what}`], flags: codesOf(transfer), landReleasedMu: released }, exemptions(list));
    } else if (p.stage === 'halted' || low.length >= minLow) {
      const reasons =
        p.stage === 'halted'
          ? [
              ...p.flags.filter((f) => f.code === 'idle_halted').map(describeFlag),
              `项目停建${p.keyDates.haltedDate ? `（停建日期 ${p.keyDates.haltedDate}）` : ''}，未达到无偿收回条件，引导协议退还并给予补偿`,
            ]
          : [...low.map(describeFlag), `${low.length} 项低效用地检验不合格（不少于 ${minLow} 项），引导协议退还并给予补偿`];
      const flags = codesOf(p.stage === 'halted' ? p.flags.filter((f) => f.code === 'idle_halted') : low);
      place({ ...base, path: '引导退还', reasons, flags, landReleasedMu: p.areaMu }, exemptions(list));
    }
  }

  const years = rules.exit.forcedExitConsecutiveDYears.value;
  // Each enterprise's parcels (as occupant or holder), in code order: looked up, not scanned per enterprise.
  const parcelsOf = new Map<string, ParcelStatus[]>();
  for (const p of parcels) {
    for (const uscc of new Set([...p.occupants.map((o) => o.uscc), ...(p.holderUscc ? [p.holderUscc] : [])])) {
      const list = parcelsOf.get(uscc);
      if (list) list.push(p);
      else parcelsOf.set(uscc, [p]);
    }
  }
  for (const e of [...enterprises.values()].sort(byKey((x) => x.uscc))) {
    const run = consecutiveYearsInGrade(e.grades, 'D', input.evaluationYear);
    if (run < years) continue;
    const used = (parcelsOf.get(e.uscc) ?? []).flatMap((p) => {
      const occupant = p.occupants.find((o) => o.uscc === e.uscc);
      const holds = p.holderUscc === e.uscc;
      if (!occupant && !holds) return [];
      // The registered holder answers for the whole parcel, rented plots included.
      const affectedM2 = holds ? p.areaM2 : (occupant?.areaUsedM2 ?? 0);
      const releasedM2 = holds ? p.areaM2 : occupant?.role === 'owner' ? occupant.areaUsedM2 : 0;
      const own = occupant ? `（自用 ${r(m2ToMu(occupant.areaUsedM2))} 亩）` : '';
      const text = holds
        ? `持有宗地 ${p.unitCode} ${p.areaMu} 亩${own}，${p.stageLabel}`
        : `${occupant?.role === 'owner' ? '自有' : '租赁'}使用宗地 ${p.unitCode} ${r(m2ToMu(affectedM2))} 亩，${p.stageLabel}`;
      return [{ p, holds, owner: occupant?.role === 'owner', affectedM2, releasedM2, text }];
    });
    const first = input.evaluationYear - run + 1;
    const role: ConcernedEnterprise['role'] = used.some((u) => u.holds) ? 'holder' : used.some((u) => u.owner) ? 'owner' : 'tenant';
    const candidate: ExitCandidate = {
      path: '倒逼退出',
      subject: `enterprise:${e.uscc}`,
      unitCodes: used.map((u) => u.p.unitCode),
      enterprises: [{ uscc: e.uscc, name: e.name, role, tags: [...e.tags] }],
      reasons: [`综合评价 ${first}–${input.evaluationYear} 年连续 ${run} 年为 D 类（倒逼整治），达到 ${years} 年`, ...used.map((u) => u.text)],
      flags: [],
      affectedAreaMu: r(m2ToMu(used.reduce((sum, u) => sum + u.affectedM2, 0))) ?? 0,
      landReleasedMu: r(m2ToMu(used.reduce((sum, u) => sum + u.releasedM2, 0))) ?? 0,
      notes: used.length === 0 ? ['本次核查的宗地中没有该企业的用地'] : [],
    };
    const protectedBy = (e.protections ?? []).map((x) => `${e.name}（${e.uscc}）处于保护情形：${x}，不列入倒逼退出`);
    place(candidate, exemptions(candidate.enterprises), protectedBy);
  }

  const order = (path: ExitPath) => EXIT_PATHS.indexOf(path);
  const sort = <T extends ExitCandidate>(list: T[]) => list.sort((a, b) => order(a.path) - order(b.path) || byKey<T>((c) => c.subject)(a, b));
  return { evaluationYear: input.evaluationYear, rules: rulesRef(rules), candidates: sort(candidates), keptOff: sort(keptOff) };
}
