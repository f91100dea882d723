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
import { GRADE_ORDER, rankPools } from './grade.ts';
import type { Method } from './method.ts';
import { nextGradePlan, toNextGrade } from './next-grade.ts';
import { poolKey, poolLabel } from './pools.ts';
import {
  adjustmentNotes, capNote, classTNote, exemptionNote, gradingBasis, gradingText, indicatorLine, itemTexts, mergedNote, missingNotes, rankLineWriter,
  sharedNote,
} from './reasons.ts';
import type { EvaluationResult, Grade, GradeCounts, UnitResult } from './result.ts';
import { scoreGroup, type GroupScores } from './score.ts';
import type { LedgerSnapshot, Scale } from './types.ts';

const GROUPS: readonly Scale[] = ['above', 'below'];
const byId = (a: UnitResult, b: UnitResult) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);
type Graded = Pick<UnitResult, 'grade' | 'baseGrade' | 'rank' | 'rankOf' | 'sharedResultFrom' | 'reasons' | 'toNextGrade'>;

/** One result, keys in reading order: identity, the grade and its reasons, then the figures. */
function unitResult(unit: EvalUnit, pool: string, exemptions: string[], g: GroupScores | null, i: number, graded: Graded): UnitResult {
  return {
    unitId: unit.id, kind: unit.kind, members: unit.members.length === 1 ? [unit.id] : unit.members.map((e) => e.uscc), name: unit.name, group: unit.group,
    pool, industryCode: unit.industryCode, parcels: unit.parcels,
    landAreaM2: r4(unit.landAreaM2), landAreaMu: r4(unit.landMu),
    grade: graded.grade, baseGrade: graded.baseGrade, total: g === null ? null : r4(g.totals[i]!), rank: graded.rank, rankOf: graded.rankOf,
    sharedResultFrom: graded.sharedResultFrom, reasons: graded.reasons, toNextGrade: graded.toNextGrade, exemptions,
    bonus: g === null ? [] : g.bonus[i]!, penalty: g === null ? [] : g.penalty[i]!,
    items: g === null ? [] : g.items[i]!,
  };
}

export function evaluate(snapshot: LedgerSnapshot, method: Method): EvaluationResult {
  const year = snapshot.year;
  const plan = planUnits(snapshot, method);
  const basis = gradingBasis(method.grading);
  const adjust = makeAdjuster(method, snapshot.asOfDate, year, basis);
  const exemptionsOf = (unit: EvalUnit) => (unit.tags.length === 0 ? [] : method.exemptionTags.filter((t) => unit.tags.includes(t)));
  const rankLine = rankLineWriter(method.grading, gradingText(method.grading));
  const within = method.grading.within;
  const ranked: UnitResult[] = [];
  const zero = (): GradeCounts => ({ A: 0, B: 0, C: 0, D: 0, T: 0 });
  const byGrade: Record<Scale, GradeCounts> = { above: zero(), below: zero() };
  const tenants: { g: GroupScores; i: number; sharedFrom: string }[] = [];
  /** Final grades of merged units, which their tenants share. */
  const mergedGrade = new Map<string, Grade>();
  // Reasons are gathered here and copied out at their exact length (a grown array keeps room for 16 more).
  const lines: string[] = [];

  for (const group of GROUPS) {
    const gm = method.groups[group];
    const units = plan.ranked.filter((u) => u.group === group);
    const groupTenants = plan.tenants.filter((t) => t.unit.group === group);
    const g = scoreGroup(units, groupTenants.map((t) => t.unit), gm, method.adjustments, year);
    groupTenants.forEach((t, k) => tenants.push({ g, i: units.length + k, sharedFrom: t.sharedFrom }));
    const caps = gm.indicators.map((d) => {
      const sc = gm.indicators.find((x) => x.key === d.key)?.scoring;
      return sc?.kind === 'ratio' ? sc.cap : null;
    });
    const texts = itemTexts(gm.indicators, caps);
    const next = nextGradePlan(gm);
    const pools = g.pools(within);
    const { order, rank, rankOf, grade, cutoffs } = rankPools(units.length, units, pools, g.totals, method.grading);
    // Results are built in unit order, the order their figures were allocated in (far fewer cache
    // misses than walking the heap in rank order), and placed at their rank.
    const positionOf = new Int32Array(order.length);
    for (let at = 0; at < order.length; at++) positionOf[order[at]!] = at;
    const results: UnitResult[] = new Array(order.length);
    for (let i = 0; i < order.length; i++) {
      const at = positionOf[i]!;
      const unit = units[i]!;
      const items = g.items[i]!;
      const baseGrade = GRADE_ORDER[grade[at]!]!;
      const adjusted = adjust(unit, baseGrade);
      if (unit.kind === 'mergedParcel') mergedGrade.set(unit.id, adjusted.grade);
      byGrade[group][adjusted.grade] += 1;
      const exemptions = exemptionsOf(unit);
      lines.length = 0;
      lines.push(rankLine(adjusted.grade, baseGrade, g.totals[i]!, rank[at]!, rankOf[at]!, group, poolLabel(unit, within)));
      const highlights = indicatorLine(baseGrade, g, i, texts);
      if (highlights !== null) lines.push(highlights);
      if (g.missingCount[i]! > 0) missingNotes(items, lines);
      const capped = capNote(g, i, texts);
      if (capped !== null) lines.push(capped);
      adjustmentNotes(g.bonus[i]!, g.penalty[i]!, lines);
      for (const line of adjusted.lines) lines.push(line);
      if (unit.kind === 'mergedParcel') lines.push(mergedNote(unit));
      if (exemptions.length > 0) lines.push(exemptionNote(exemptions));
      const pool = pools.of[i]!;
      results[at] = unitResult(unit, pools.keys[pool]!, exemptions, g, i, {
        grade: adjusted.grade, baseGrade, rank: rank[at]!, rankOf: rankOf[at]!, sharedResultFrom: null, reasons: lines.slice(),
        toNextGrade: toNextGrade(g, i, next, adjusted.grade, adjusted.veto, method.grading, cutoffs[pool]!),
      });
    }
    for (const r of results) ranked.push(r);
  }

  const mergedUnits = new Map(plan.ranked.filter((u) => u.kind === 'mergedParcel').map((u) => [u.id, u]));
  const tenantResults = tenants.map(({ g, i, sharedFrom }) => {
    const unit = g.units[i]!;
    const grade = mergedGrade.get(sharedFrom)!;
    const exemptions = exemptionsOf(unit);
    const reasons = [sharedNote(unit, mergedUnits.get(sharedFrom)!, grade, g.totals[i]!)];
    missingNotes(g.items[i]!, reasons);
    adjustmentNotes(g.bonus[i]!, g.penalty[i]!, reasons);
    if (exemptions.length > 0) reasons.push(exemptionNote(exemptions));
    return unitResult(unit, poolKey(unit, within), exemptions, g, i, {
      grade, baseGrade: null, rank: null, rankOf: null, sharedResultFrom: sharedFrom, reasons, toNextGrade: null,
    });
  }).sort(byId);

  const classT = plan.classT.map(({ unit, why }) => {
    const exemptions = exemptionsOf(unit);
    const reasons = [classTNote(why), ...(exemptions.length > 0 ? [exemptionNote(exemptions)] : [])];
    return unitResult(unit, poolKey(unit, within), exemptions, null, -1, {
      grade: 'T', baseGrade: null, rank: null, rankOf: null, sharedResultFrom: null, reasons, toNextGrade: null,
    });
  }).sort(byId);
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
