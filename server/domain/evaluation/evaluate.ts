/**
 * The 亩均效益综合评价 engine: `evaluate(snapshot, method)` → one result per unit, with reasons.
 * Steps: scope and class T → merge shared parcels → indicator values → benchmarks → item scores
 * and missing-data rules → bonus/penalty → rank per pool → quota or threshold grade → protections →
 * vetoes → what it takes to reach the next grade. Pure: no IO, clock, randomness or env, and the
 * input is never mutated; the result depends only on the set of enterprises, not their order.
 */
import { adjustGrade } from './adjust.ts';
import { planUnits, type EvalUnit } from './build-units.ts';
import { r4 } from './format.ts';
import { rankPools } from './grade.ts';
import type { Method } from './method.ts';
import { toNextGrade } from './next-grade.ts';
import { poolKey, poolLabel } from './pools.ts';
import {
  adjustmentNotes, capNote, classTNote, exemptionNote, gradingBasis, indicatorLine, mergedNote, missingNotes, rankLine, sharedNote,
} from './reasons.ts';
import type { EvaluationResult, Grade, GradeCounts, IndicatorValue, UnitResult } from './result.ts';
import { indicatorsOnly, scoreGroup, type ScoredUnit } from './score.ts';
import type { LedgerSnapshot, Scale } from './types.ts';

const GROUPS: readonly Scale[] = ['above', 'below'];

/** Key order of a result in JSON: identity, then the grade and its reasons, then the figures. */
function ordered(u: UnitResult): UnitResult {
  return {
    unitId: u.unitId, kind: u.kind, members: u.members, name: u.name, group: u.group, pool: u.pool, industryCode: u.industryCode,
    parcels: u.parcels, landAreaM2: u.landAreaM2, landAreaMu: u.landAreaMu, grade: u.grade, baseGrade: u.baseGrade, total: u.total,
    rank: u.rank, rankOf: u.rankOf, sharedResultFrom: u.sharedResultFrom, reasons: u.reasons, toNextGrade: u.toNextGrade,
    exemptions: u.exemptions, bonus: u.bonus, penalty: u.penalty, indicators: u.indicators, items: u.items,
  };
}
const byId = (a: { unitId: string }, b: { unitId: string }) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);

function roundIndicators(indicators: Record<string, IndicatorValue>): Record<string, IndicatorValue> {
  return Object.fromEntries(Object.entries(indicators).map(([k, v]) => [k, { ...v, value: v.value === null ? null : r4(v.value) }]));
}

function baseResult(unit: EvalUnit, method: Method): Omit<UnitResult, 'indicators' | 'items' | 'bonus' | 'penalty' | 'total' | 'rank' | 'rankOf' | 'baseGrade' | 'grade' | 'sharedResultFrom' | 'reasons' | 'toNextGrade'> {
  const exemptions = method.exemptionTags.filter((t) => unit.tags.includes(t));
  return {
    unitId: unit.id, kind: unit.kind, members: unit.members.map((e) => e.uscc), name: unit.name, group: unit.group,
    pool: poolKey(unit, method.grading.within), industryCode: unit.industryCode, parcels: unit.parcels,
    landAreaM2: r4(unit.landAreaM2), landAreaMu: r4(unit.landMu), exemptions,
  };
}

function scoredParts(s: ScoredUnit) {
  return {
    indicators: roundIndicators(s.indicators),
    items: s.items.map((it) => ({
      ...it, value: it.value === null ? null : r4(it.value), benchmark: it.benchmark === null ? null : r4(it.benchmark),
      ratio: it.ratio === null ? null : r4(it.ratio), weightApplied: r4(it.weightApplied), score: r4(it.score),
    })),
    bonus: s.bonus, penalty: s.penalty, total: r4(s.total),
  };
}

export function evaluate(snapshot: LedgerSnapshot, method: Method): EvaluationResult {
  const year = snapshot.year;
  const plan = planUnits(snapshot, method);
  const ranked: UnitResult[] = [];
  const ownScored: ScoredUnit[] = [];
  const finalGrade = new Map<string, Grade>();
  const mergedUnits = new Map(plan.ranked.map((u) => [u.id, u]));

  for (const group of GROUPS) {
    const gm = method.groups[group];
    const units = plan.ranked.filter((u) => u.group === group);
    const tenants = plan.tenants.filter((t) => t.unit.group === group).map((t) => t.unit);
    const scored = scoreGroup(units, tenants, gm, method.adjustments, year);
    ownScored.push(...scored.slice(units.length));
    const capOf = (key: string) => {
      const s = gm.indicators.find((d) => d.key === key)?.scoring;
      return s?.kind === 'ratio' ? s.cap : null;
    };
    const entries = scored.slice(0, units.length).map((s) => ({ id: s.unit.id, total: s.total, pool: poolKey(s.unit, method.grading.within), s }));
    const { ranked: list, cutoffs } = rankPools(entries, method.grading);
    for (const { entry, rank, rankOf, baseGrade } of list) {
      const s = entry.s;
      const adjusted = adjustGrade(s.unit, baseGrade, method, snapshot.asOfDate, year, gradingBasis(method.grading));
      finalGrade.set(s.unit.id, adjusted.grade);
      const base = baseResult(s.unit, method);
      const reasons = [
        rankLine(adjusted.grade, baseGrade, s.total, rank, rankOf, group, poolLabel(s.unit, method.grading.within), method.grading),
        indicatorLine(baseGrade, s.items),
        ...missingNotes(s.items),
        capNote(s.items, capOf),
        ...adjustmentNotes(s.bonus, s.penalty),
        ...adjusted.lines,
        s.unit.kind === 'mergedParcel' ? mergedNote(s.unit) : null,
        base.exemptions.length > 0 ? exemptionNote(base.exemptions) : null,
      ].filter((line): line is string => line !== null);
      ranked.push({
        ...base, ...scoredParts(s), rank, rankOf, baseGrade, grade: adjusted.grade, sharedResultFrom: null, reasons,
        toNextGrade: toNextGrade(s, gm, adjusted.grade, adjusted.veto, method.grading, cutoffs.get(entry.pool)!),
      });
    }
  }

  const sharedFromOf = new Map(plan.tenants.map((t) => [t.unit, t.sharedFrom]));
  const tenantResults = ownScored.map((s): UnitResult => {
    const sharedFrom = sharedFromOf.get(s.unit)!;
    const grade = finalGrade.get(sharedFrom)!;
    const base = baseResult(s.unit, method);
    const reasons = [
      sharedNote(s.unit, mergedUnits.get(sharedFrom)!, grade, s.total),
      ...missingNotes(s.items),
      ...adjustmentNotes(s.bonus, s.penalty),
      ...(base.exemptions.length > 0 ? [exemptionNote(base.exemptions)] : []),
    ];
    return {
      ...base, ...scoredParts(s), rank: null, rankOf: null, baseGrade: null, grade, sharedResultFrom: sharedFrom, reasons, toNextGrade: null,
    };
  }).sort(byId);

  const classT = plan.classT.map(({ unit, why }): UnitResult => {
    const base = baseResult(unit, method);
    return {
      ...base, indicators: roundIndicators(indicatorsOnly(unit, method.groups[unit.group])), items: [], bonus: [], penalty: [],
      total: null, rank: null, rankOf: null, baseGrade: null, grade: 'T', sharedResultFrom: null,
      reasons: [classTNote(why), ...(base.exemptions.length > 0 ? [exemptionNote(base.exemptions)] : [])], toNextGrade: null,
    };
  }).sort(byId);

  const zero = (): GradeCounts => ({ A: 0, B: 0, C: 0, D: 0, T: 0 });
  const byGrade: Record<Scale, GradeCounts> = { above: zero(), below: zero() };
  for (const u of [...ranked, ...classT]) byGrade[u.group][u.grade] += 1;

  return {
    methodId: method.id,
    methodVersion: method.version,
    year,
    asOfDate: snapshot.asOfDate,
    units: [...ranked, ...tenantResults, ...classT].map(ordered),
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
