/**
 * The 亩均效益综合评价 engine: `evaluate(snapshot, method)` → one result per unit, with reasons.
 * Steps: scope and class T → merge shared parcels → indicator values → benchmarks → item scores
 * and missing-data rules → bonus/penalty → rank per pool → quota or threshold grade → protections →
 * vetoes → what it takes to reach the next grade. Pure: no IO, clock, randomness or env, and the
 * input is never mutated; the result depends only on the set of enterprises, not their order.
 */
import { makeAdjuster } from './adjust.ts';
import { planUnits, type EvalUnit } from './build-units.ts';
import { r4 } from './format.ts';
import { rankPools } from './grade.ts';
import type { Method } from './method.ts';
import { raisingMetrics, toNextGrade } from './next-grade.ts';
import { poolKey, poolLabel } from './pools.ts';
import {
  adjustmentNotes, capNote, classTNote, exemptionNote, gradingBasis, gradingText, indicatorLine, mergedNote, missingNotes, rankLine, sharedNote,
} from './reasons.ts';
import type { EvaluationResult, Grade, GradeCounts, UnitResult } from './result.ts';
import { indicatorsOnly, preciseRatio, scoreGroup, type ScoredUnit } from './score.ts';
import type { LedgerSnapshot, Scale } from './types.ts';

const GROUPS: readonly Scale[] = ['above', 'below'];
const byId = (a: UnitResult, b: UnitResult) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);
type Graded = Pick<UnitResult, 'grade' | 'baseGrade' | 'rank' | 'rankOf' | 'sharedResultFrom' | 'reasons' | 'toNextGrade'>;

/** One result, keys in reading order: identity, the grade and its reasons, then the figures. */
function unitResult(unit: EvalUnit, method: Method, exemptions: string[], s: ScoredUnit | null, g: Graded): UnitResult {
  return {
    unitId: unit.id, kind: unit.kind, members: unit.members.length === 1 ? [unit.id] : unit.members.map((e) => e.uscc), name: unit.name, group: unit.group,
    pool: poolKey(unit, method.grading.within), industryCode: unit.industryCode, parcels: unit.parcels,
    landAreaM2: r4(unit.landAreaM2), landAreaMu: r4(unit.landMu),
    grade: g.grade, baseGrade: g.baseGrade, total: s === null ? null : r4(s.total), rank: g.rank, rankOf: g.rankOf,
    sharedResultFrom: g.sharedResultFrom, reasons: g.reasons, toNextGrade: g.toNextGrade, exemptions,
    bonus: s?.bonus ?? [], penalty: s?.penalty ?? [],
    indicators: s?.indicators ?? indicatorsOnly(unit, method.groups[unit.group]),
    items: s?.items ?? [],
  };
}

export function evaluate(snapshot: LedgerSnapshot, method: Method): EvaluationResult {
  const year = snapshot.year;
  const plan = planUnits(snapshot, method);
  const basis = gradingBasis(method.grading);
  const adjust = makeAdjuster(method, snapshot.asOfDate, year, basis);
  const exemptionsOf = (unit: EvalUnit) => (unit.tags.length === 0 ? [] : method.exemptionTags.filter((t) => unit.tags.includes(t)));
  const rule = gradingText(method.grading);
  const ranked: UnitResult[] = [];
  const ownScored: ScoredUnit[] = [];
  const finalGrade = new Map<string, Grade>();

  for (const group of GROUPS) {
    const gm = method.groups[group];
    const metrics = raisingMetrics(gm);
    const units = plan.ranked.filter((u) => u.group === group);
    const tenants = plan.tenants.filter((t) => t.unit.group === group).map((t) => t.unit);
    const scored = scoreGroup(units, tenants, gm, method.adjustments, year);
    for (let i = units.length; i < scored.length; i++) ownScored.push(scored[i]!);
    const capOf = (key: string) => {
      const sc = gm.indicators.find((d) => d.key === key)?.scoring;
      return sc?.kind === 'ratio' ? sc.cap : null;
    };
    const entries = scored.slice(0, units.length).map((s) => ({ id: s.unit.id, total: s.total, pool: poolKey(s.unit, method.grading.within), s }));
    const { ranked: list, cutoffs } = rankPools(entries, method.grading);
    for (const { entry, rank, rankOf, baseGrade } of list) {
      const s = entry.s;
      const adjusted = adjust(s.unit, baseGrade);
      finalGrade.set(s.unit.id, adjusted.grade);
      const exemptions = exemptionsOf(s.unit);
      const ratioOf = (d: number) => preciseRatio(s, d);
      const reasons = [rankLine(adjusted.grade, baseGrade, s.total, rank, rankOf, group, poolLabel(s.unit, method.grading.within), method.grading, rule)];
      const highlights = indicatorLine(baseGrade, s.items, ratioOf);
      if (highlights !== null) reasons.push(highlights);
      if (s.items.some((it) => it.missing !== null)) reasons.push(...missingNotes(s.items));
      const capped = capNote(s.items, ratioOf, capOf);
      if (capped !== null) reasons.push(capped);
      if (s.bonus.length + s.penalty.length > 0) reasons.push(...adjustmentNotes(s.bonus, s.penalty));
      for (const line of adjusted.lines) reasons.push(line);
      if (s.unit.kind === 'mergedParcel') reasons.push(mergedNote(s.unit));
      if (exemptions.length > 0) reasons.push(exemptionNote(exemptions));
      const next = toNextGrade(s, gm, adjusted.grade, adjusted.veto, method.grading, cutoffs.get(entry.pool)!, metrics);
      ranked.push(unitResult(s.unit, method, exemptions, s, {
        grade: adjusted.grade, baseGrade, rank, rankOf, sharedResultFrom: null, reasons, toNextGrade: next,
      }));
    }
  }

  const mergedUnits = new Map(plan.ranked.map((u) => [u.id, u]));
  const sharedFromOf = new Map(plan.tenants.map((t) => [t.unit, t.sharedFrom]));
  const tenantResults = ownScored.map((s) => {
    const sharedFrom = sharedFromOf.get(s.unit)!;
    const grade = finalGrade.get(sharedFrom)!;
    const exemptions = exemptionsOf(s.unit);
    const reasons = [
      sharedNote(s.unit, mergedUnits.get(sharedFrom)!, grade, s.total),
      ...missingNotes(s.items),
      ...adjustmentNotes(s.bonus, s.penalty),
      ...(exemptions.length > 0 ? [exemptionNote(exemptions)] : []),
    ];
    return unitResult(s.unit, method, exemptions, s, {
      grade, baseGrade: null, rank: null, rankOf: null, sharedResultFrom: sharedFrom, reasons, toNextGrade: null,
    });
  }).sort(byId);

  const classT = plan.classT.map(({ unit, why }) => {
    const exemptions = exemptionsOf(unit);
    const reasons = [classTNote(why), ...(exemptions.length > 0 ? [exemptionNote(exemptions)] : [])];
    return unitResult(unit, method, exemptions, null, {
      grade: 'T', baseGrade: null, rank: null, rankOf: null, sharedResultFrom: null, reasons, toNextGrade: null,
    });
  }).sort(byId);

  const zero = (): GradeCounts => ({ A: 0, B: 0, C: 0, D: 0, T: 0 });
  const byGrade: Record<Scale, GradeCounts> = { above: zero(), below: zero() };
  for (const u of ranked) byGrade[u.group][u.grade] += 1;
  for (const u of classT) byGrade[u.group][u.grade] += 1;

  return {
    methodId: method.id,
    methodVersion: method.version,
    year,
    asOfDate: snapshot.asOfDate,
    units: ranked.concat(tenantResults, classT),
    outOfScope: [...plan.outOfScope].sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0)),
    summary: {
      byGrade,
      counts: {
        enterprises: snapshot.enterprises.length,
        ranked: ranked.length,
        mergedParcels: plan.ranked.filter((u) => u.kind === 'mergedParcel').length,
        classT: classT.length,
        sharedTenantResults: tenantResults.length,
        outOfScope: plan.outOfScope.length,
      },
    },
  };
}
