import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { deepFreeze, ledger, permute, YEAR } from './fixtures/arbitraries.ts';
import { loadPreset, PRESET_IDS } from './fixtures/load.ts';
import { GRADE_ORDER } from './grade.ts';
import { raisingMetrics } from './next-grade.ts';
import type { EvaluationResult, UnitResult } from './result.ts';
import type { Method } from './method.ts';
import type { EnterpriseInput, LedgerSnapshot } from './types.ts';

const methods = PRESET_IDS.map((id) => [id, loadPreset(id)] as const);
const RUNS = { numRuns: 150 };

/** The result that carries an enterprise's official grade (its own, or its merged parcel's). */
function officialOf(result: EvaluationResult, uscc: string): UnitResult | undefined {
  const own = result.units.find((u) => u.unitId === uscc);
  if (own?.sharedResultFrom) return result.units.find((u) => u.unitId === own.sharedResultFrom);
  return own;
}

function poolsOf(units: readonly UnitResult[]): UnitResult[][] {
  const pools = new Map<string, UnitResult[]>();
  for (const u of units) {
    if (u.rank === null) continue;
    const key = `${u.group}|${u.pool}`;
    pools.set(key, [...(pools.get(key) ?? []), u]);
  }
  return [...pools.values()];
}

const gradeIndex = (u: UnitResult) => (u.grade === 'T' ? -1 : GRADE_ORDER.indexOf(u.grade));

function monotone(method: Method) {
  return fc.property(ledger, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 1_000_000 }), (snapshot, pick, metricPick, add) => {
    fc.pre(snapshot.enterprises.length > 0);
    const target = snapshot.enterprises[pick % snapshot.enterprises.length]!;
    const candidates = raisingMetrics(method.groups[target.scale]).filter((m) => typeof target.metrics[YEAR]?.[m] === 'number');
    fc.pre(candidates.length > 0);
    const metric = candidates[metricPick % candidates.length]!;
    const raise = (e: EnterpriseInput): EnterpriseInput =>
      ({ ...e, metrics: { ...e.metrics, [YEAR]: { ...e.metrics[YEAR], [metric]: e.metrics[YEAR]![metric]! + add / 100 } } });
    const raised: LedgerSnapshot = { ...snapshot, enterprises: snapshot.enterprises.map((e) => (e === target ? raise(e) : e)) };
    const before = evaluate(snapshot, method);
    const after = evaluate(raised, method);
    const b = officialOf(before, target.uscc);
    const a = officialOf(after, target.uscc);
    if (!b || !a || b.total === null) return;
    expect(a.unitId).toBe(b.unitId);
    // A tenant merged into a unit of the other group is scored on that group's indicators.
    if (!raisingMetrics(method.groups[b.group]).includes(metric)) return;
    expect(a.total!).toBeGreaterThanOrEqual(b.total - 1e-9);
    const averaged = method.groups[b.group].indicators.filter((d) => d.missing === 'averageScore').map((d) => d.key);
    const coupled = before.units.some((u) => u.group === b.group && u.rank !== null
      && u.items.some((it) => averaged.includes(it.key) && it.missing !== null));
    if (!coupled) expect(gradeIndex(a)).toBeLessThanOrEqual(gradeIndex(b));
  });
}

describe.each(methods)('properties under %s', (_, method) => {
  it('permuting the input enterprises changes nothing', () => {
    fc.assert(
      fc.property(ledger, fc.array(fc.nat(), { maxLength: 30 }), (snapshot, swaps) => {
        const shuffled = { ...snapshot, enterprises: permute(snapshot.enterprises, swaps) };
        expect(evaluate(shuffled, method)).toEqual(evaluate(snapshot, method));
      }),
      RUNS,
    );
  });

  it('is deterministic and never mutates its input (deep-frozen)', () => {
    fc.assert(
      fc.property(ledger, (snapshot) => {
        const before = structuredClone(snapshot);
        const first = evaluate(deepFreeze(snapshot), deepFreeze(structuredClone(method)));
        expect(snapshot).toEqual(before);
        expect(JSON.stringify(evaluate(snapshot, method))).toBe(JSON.stringify(first));
      }),
      RUNS,
    );
  });

  it('lists every enterprise exactly once: ranked, tenant of a merged parcel, T, or out of scope', () => {
    fc.assert(
      fc.property(ledger, (snapshot) => {
        const r = evaluate(snapshot, method);
        const seen = [
          ...r.units.filter((u) => u.kind === 'enterprise').map((u) => u.unitId),
          ...r.outOfScope.map((o) => o.uscc),
        ].sort();
        expect(seen).toEqual(snapshot.enterprises.map((e) => e.uscc).sort());
      }),
      RUNS,
    );
  });

  it('never ranks T units, and ranks every ranked unit exactly once per pool', () => {
    fc.assert(
      fc.property(ledger, (snapshot) => {
        const r = evaluate(snapshot, method);
        for (const u of r.units.filter((x) => x.grade === 'T')) {
          expect([u.rank, u.rankOf, u.total, u.baseGrade]).toEqual([null, null, null, null]);
        }
        for (const list of poolsOf(r.units)) {
          expect(list.map((u) => u.rank).sort((a, b) => a! - b!)).toEqual(list.map((_, i) => i + 1));
          expect(new Set(list.map((u) => u.rankOf))).toEqual(new Set([list.length]));
        }
      }),
      RUNS,
    );
  });

  if (method.grading.kind === 'quotas') {
    const shares = method.grading.sharesPct;
    it('honours the quotas within rounding (before vetoes and protections)', () => {
      fc.assert(
        fc.property(ledger, (snapshot) => {
          const r = evaluate(snapshot, method);
          for (const list of poolsOf(r.units)) {
            const n = list.length;
            let cumCount = 0;
            let cumShare = 0;
            for (const g of GRADE_ORDER) {
              const count = list.filter((u) => u.baseGrade === g).length;
              cumCount += count;
              cumShare += shares[g];
              expect(Math.abs(count - (n * shares[g]) / 100)).toBeLessThanOrEqual(1);
              expect(Math.abs(cumCount - (n * cumShare) / 100)).toBeLessThanOrEqual(0.5 + 1e-9);
            }
          }
        }),
        RUNS,
      );
    });
  }

  /*
   * Monotonicity. Raising a metric that only ever appears as the numerator of higher-is-better
   * indicators never lowers a unit's total, because these presets' benchmarks are fixed or taken
   * from the previous year. (With a current-year mean, best value or min–max range the benchmark
   * moves with the unit: its own score still cannot fall, but other units' scores can, so the
   * property would have to be stated on rank instead.)
   * The grade cannot fall either, unless the 'averageScore' rule is in play: units missing an item
   * receive the group's average, which includes the raised unit's gain, and after reweighting they
   * could in principle gain more than it. So the grade is checked when no ranked unit of the group
   * is missing an averageScore item, and always under a variant of the method without that rule.
   */
  it('raising a positive metric of one enterprise never lowers its score or grade', () => {
    fc.assert(monotone(method), RUNS);
  });

  it('… and never lowers its grade when no item is scored by the group average', () => {
    const variant = structuredClone(method);
    for (const g of [variant.groups.above, variant.groups.below]) {
      for (const d of g.indicators) if (d.missing === 'averageScore') d.missing = 'zero';
    }
    fc.assert(monotone(variant), RUNS);
  });
});
