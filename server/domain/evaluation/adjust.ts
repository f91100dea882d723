/**
 * After the ranked list has given a base grade: protections first (cannot be D), then vetoes
 * (一票否决), so a veto always wins over a protection. Grades moved here do not hand their quota
 * place to anyone else. A merged parcel is vetoed when any member has a vetoing event, and
 * protected only when every member qualifies.
 */
import type { EvalUnit } from './build-units.ts';
import { inProductionUnder } from './build-units.ts';
import type { Method, QuotaGrade, Veto } from './method.ts';

export interface AdjustedGrade {
  grade: QuotaGrade;
  lines: readonly string[];
  /** The veto that applies, if any (it also blocks the next-grade hints). */
  veto: 'cannotBeAOrB' | 'straightToD' | null;
}

function protectionReasons(unit: EvalUnit, method: Method, asOfDate: string): string[] {
  const p = method.protections;
  const why: string[] = [];
  const all = unit.members;
  if (p.newEnterpriseYears !== null && all.every((e) => inProductionUnder(e.productionStartDate, p.newEnterpriseYears!, asOfDate))) {
    why.push(`新投产企业（${all.map((e) => `${e.productionStartDate} 投产`).join('、')}，不满 ${p.newEnterpriseYears} 年）`);
  }
  for (const tag of p.tags) if (all.every((e) => e.tags.includes(tag))) why.push(`“${tag}”企业`);
  if (p.majorConstruction && all.every((e) => e.inMajorConstruction)) why.push('重大项目建设期');
  return why;
}

const unchanged = (grade: QuotaGrade): AdjustedGrade => Object.freeze({ grade, lines: Object.freeze([]), veto: null });
const UNCHANGED: Record<QuotaGrade, AdjustedGrade> = { A: unchanged('A'), B: unchanged('B'), C: unchanged('C'), D: unchanged('D') };

/** The grade adjuster of a method for one evaluation (veto kinds gathered once). */
export function makeAdjuster(method: Method, asOfDate: string, year: number, basis: string) {
  const kindsOf = (effect: Veto['effect']) => new Set(method.vetoes.filter((v) => v.effect === effect).flatMap((v) => v.eventKinds));
  const vetoKinds = [['straightToD', kindsOf('straightToD')], ['cannotBeAOrB', kindsOf('cannotBeAOrB')]] as const;

  return (unit: EvalUnit, base: QuotaGrade): AdjustedGrade => {
    if (base !== 'D' && unit.events.length === 0) return UNCHANGED[base];
    let grade = base;
    const lines: string[] = [];

    const protectedBy = grade === 'D' ? protectionReasons(unit, method, asOfDate) : [];
    if (protectedBy.length > 0) {
      grade = 'C';
      lines.push(`保护：${protectedBy.join('；')}，不评 D（D → C）`);
    }

    let veto: AdjustedGrade['veto'] = null;
    for (const [effect, kinds] of vetoKinds) {
      const hits = kinds.size === 0 ? [] : unit.events.filter((ev) => kinds.has(ev.kind));
      if (hits.length === 0 || veto !== null) continue;
      veto = effect;
      const what = hits.map((ev) => `${year} 年${ev.kind}${unit.members.length > 1 ? `（${ev.name}）` : ''}`).join('、');
      const before = grade;
      if (effect === 'straightToD') grade = 'D';
      else if (grade === 'A' || grade === 'B') grade = 'C';
      const rule = effect === 'straightToD' ? '直接评为 D' : '不得评为 A/B';
      lines.push(`否决：${what}，${rule}（${before === grade ? `维持 ${grade}` : `${before} → ${grade}`}）`);
    }

    if (lines.length > 0) lines.unshift(`定档顺序：先按${basis}定为 ${base}，再适用保护（不评 D），最后适用否决`);
    return { grade, lines, veto };
  };
}
