import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { ledger, YEAR } from './fixtures/arbitraries.ts';
import { loadLedger, loadPreset, PRESET_IDS } from './fixtures/load.ts';
import { GRADE_ORDER, quotaBoundaries } from './grade.ts';
import type { Method } from './method.ts';
import type { EvaluationResult, UnitResult } from './result.ts';
import { addMetrics } from './build-units.ts';
import { EvaluationInputError, METRIC_KEYS, type EnterpriseInput, type LedgerSnapshot, type MetricValues } from './types.ts';
import { validateMethod } from './validate-method.ts';

const DISTRICT = { level: 'district' as const, code: '500106', name: '示范区' };

function firm(uscc: string, current: MetricValues, more: Partial<EnterpriseInput> = {}): EnterpriseInput {
  return {
    uscc, name: `企业${uscc}`, industryCode: 'C3670', scale: 'above', tags: [], isUtility: false, productionStartDate: '2010-01-01',
    inMajorConstruction: false, regions: [DISTRICT], parcels: [{ code: `P-${uscc}`, role: 'owner', areaUsedM2: 20000 }],
    metrics: { [YEAR]: current }, events: [], ...more,
  };
}

const snap = (enterprises: EnterpriseInput[]): LedgerSnapshot => ({ year: YEAR, asOfDate: `${YEAR}-12-31`, enterprises });

/** A one-indicator method (亩均税收, weight 100) with the given scoring, grading and extras. */
function taxMethod(extra: Record<string, unknown> = {}, scoring: unknown = { kind: 'ratio', benchmark: { kind: 'fixed', value: 10 } }): Method {
  const indicator = { key: 'tax_per_mu', label: '亩均税收', unit: '万元/亩', numerator: 'tax_wan', denominator: 'land_mu', polarity: 'higher',
    weight: 100, scoring, missing: 'zero' };
  const v = validateMethod({
    id: 'test', version: '1', name: '测试', source: { title: 't', publisher: 'p' },
    groups: { above: { indicators: [indicator] }, below: { indicators: [indicator] } },
    grading: { kind: 'quotas', sharesPct: { A: 20, B: 40, C: 35, D: 5 } }, ...extra,
  });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.method;
}

const unit = (r: EvaluationResult, id: string): UnitResult => r.units.find((u) => u.unitId === id)!;
const tax = (n: number): MetricValues => ({ tax_wan: n });

describe('reading metrics', () => {
  it('adds a year\'s metrics in METRIC_KEYS order (the reads are written out key by key)', () => {
    const probe = Object.fromEntries(METRIC_KEYS.map((k, i) => [k, i + 1])) as MetricValues;
    const out = METRIC_KEYS.map(() => 0);
    addMetrics(probe, out);
    addMetrics({ ...probe, employees: null }, out);
    expect(out).toEqual([2, 4, 6, 8, 10, 12, 14, NaN]);
  });
});

describe('quota boundaries (cumulative, halves up)', () => {
  it.each([
    [7, { A: 10, B: 35, C: 47, D: 8 }, [1, 3, 6, 7]],
    [20, { A: 20, B: 40, C: 35, D: 5 }, [4, 12, 19, 20]],
    [10, { A: 20, B: 40, C: 35, D: 5 }, [2, 6, 10, 10]],
    [2, { A: 20, B: 40, C: 35, D: 5 }, [0, 1, 2, 2]],
    [0, { A: 20, B: 40, C: 35, D: 5 }, [0, 0, 0, 0]],
  ])('n = %i, %o → last ranks %o', (n, shares, expected) => {
    expect(quotaBoundaries(n, shares)).toEqual(expected);
  });
});

describe('ranking', () => {
  it('breaks ties by credit code, whatever the input order', () => {
    const firms = ['U3', 'U1', 'U2', 'U4', 'U5'].map((id) => firm(id, tax(300)));
    const r = evaluate(snap(firms), taxMethod());
    expect(r.units.map((u) => [u.unitId, u.rank, u.grade])).toEqual([
      ['U1', 1, 'A'], ['U2', 2, 'B'], ['U3', 3, 'B'], ['U4', 4, 'C'], ['U5', 5, 'C'],
    ]);
  });

  it('ranks per pool when quotas apply per industry', () => {
    const firms = [firm('U1', tax(100)), firm('U2', tax(200), { industryCode: 'C3982' }), firm('U3', tax(300))];
    const r = evaluate(snap(firms), taxMethod({ grading: { kind: 'quotas', within: 'industry', sharesPct: { A: 50, B: 0, C: 50, D: 0 } } }));
    expect(r.units.map((u) => [u.unitId, u.pool, u.rank, u.rankOf, u.grade])).toEqual([
      ['U3', '3670', 1, 2, 'A'], ['U1', '3670', 2, 2, 'C'], ['U2', '3982', 1, 1, 'A'],
    ]);
  });
});

describe('vetoes and protections, applied after the ranked list in that order', () => {
  const vetoes = [{ eventKinds: ['环保事故'], effect: 'cannotBeAOrB' }, { eventKinds: ['亩产数据不实'], effect: 'straightToD' }];
  const method = taxMethod({ vetoes, protections: { tags: ['小升规'] }, grading: { kind: 'thresholds', minScore: { A: 200, B: 100, C: 50 } } });

  it('a veto takes A down to C; a protection lifts D to C; a straight-to-D veto wins over a protection', () => {
    const r = evaluate(snap([
      firm('U1', tax(900), { events: [{ year: YEAR, kind: '环保事故' }] }),
      firm('U2', tax(30), { tags: ['小升规'] }),
      firm('U3', tax(30), { tags: ['小升规'], events: [{ year: YEAR, kind: '亩产数据不实' }] }),
      firm('U4', tax(30), { events: [{ year: YEAR, kind: '环保事故' }] }),
      firm('U5', tax(900), { events: [{ year: YEAR - 1, kind: '环保事故' }] }),
    ]), method);
    expect(r.units.map((u) => [u.unitId, u.baseGrade, u.grade])).toEqual([
      ['U1', 'A', 'C'], ['U5', 'A', 'A'], ['U2', 'D', 'C'], ['U3', 'D', 'D'], ['U4', 'D', 'D'],
    ]);
    expect(unit(r, 'U1').reasons).toContain('否决：2025 年环保事故，不得评为 A/B（A → C）');
    expect(unit(r, 'U2').reasons).toContain('保护：“小升规”企业，不评 D（D → C）');
    expect(unit(r, 'U3').reasons.slice(-3)).toEqual([
      '定档顺序：先按分数线定为 D，再适用保护（不评 D），最后适用否决',
      '保护：“小升规”企业，不评 D（D → C）',
      '否决：2025 年亩产数据不实，直接评为 D（C → D）',
    ]);
    expect(unit(r, 'U4').reasons).toContain('否决：2025 年环保事故，不得评为 A/B（维持 D）');
    expect(unit(r, 'U1').toNextGrade).toBeNull();
  });
});

describe('units: class T, scope and merged parcels', () => {
  const shared = (uscc: string, areaUsedM2: number, more: Partial<EnterpriseInput> = {}) =>
    firm(uscc, { tax_wan: 10, revenue_wan: 100 }, { parcels: [{ code: '500106001001ＧＢ00008W00000000', role: 'tenant', areaUsedM2 }], ...more });

  it('merges the users of a shared parcel (codes normalised), keeps each tenant’s own result, and leaves T firms out of the merge', () => {
    const r = evaluate(snap([
      shared('U1', 4000),
      shared('U2', 1000, { scale: 'below', parcels: [{ code: '500106001001GB00008W00000000 ', role: 'tenant', areaUsedM2: 1000 }] }),
      shared('U3', 2000, { industryCode: 'D4620' }),
      firm('U4', tax(50)),
    ]), taxMethod());
    const merged = unit(r, 'parcel:500106001001GB00008W00000000');
    expect([merged.kind, merged.members, merged.group, merged.landAreaM2, merged.landAreaMu]).toEqual(['mergedParcel', ['U1', 'U2'], 'above', 5000, 7.5]);
    expect(merged.items.find((it) => it.key === 'tax_per_mu')!.value).toBeCloseTo(20 / 7.5, 4);
    for (const id of ['U1', 'U2']) {
      expect(unit(r, id)).toMatchObject({ kind: 'enterprise', sharedResultFrom: merged.unitId, grade: merged.grade, rank: null });
    }
    expect(unit(r, 'U2').items.find((it) => it.key === 'tax_per_mu')!.value).toBeCloseTo(10 / 1.5, 4);
    expect(unit(r, 'U3')).toMatchObject({ grade: 'T', rank: null, reasons: ['不定等级（T）：公用事业（污水处理及其再生利用）'] });
    expect(r.summary.counts).toEqual({ enterprises: 4, ranked: 2, mergedParcels: 1, classT: 1, sharedTenantResults: 2, outOfScope: 0 });
  });

  it('puts 规下 units under the land threshold out of scope, merged or not', () => {
    const r = evaluate(snap([
      shared('U1', 1000, { scale: 'below' }), shared('U2', 500, { scale: 'below' }), firm('U3', tax(5), { scale: 'below', parcels: [] }),
    ]), taxMethod());
    expect(r.units).toEqual([]);
    expect(r.outOfScope.map((o) => o.why)).toEqual([
      '与企业U2共用宗地合并计算，用地 2.25 亩，不足 3 亩（parcel:500106001001GB00008W00000000）',
      '与企业U1共用宗地合并计算，用地 2.25 亩，不足 3 亩（parcel:500106001001GB00008W00000000）',
      '规下企业用地 0 亩，不足 3 亩',
    ]);
  });

  it('refuses duplicate credit codes and malformed dates', () => {
    expect(() => evaluate(snap([firm('U1', {}), firm('U1', {})]), taxMethod())).toThrow(EvaluationInputError);
    expect(() => evaluate({ ...snap([]), asOfDate: '2025/12/31' }, taxMethod())).toThrow(/asOfDate/);
  });
});

describe('scoring rules', () => {
  it('min–max as in Jingde: weight × (20 + 80 × (x − min)/(max − min)) / 100', () => {
    const r = evaluate(snap([firm('U1', tax(300)), firm('U2', tax(600)), firm('U3', tax(1200))]), taxMethod({}, { kind: 'minMax', floorPct: 20 }));
    expect(['U1', 'U2', 'U3'].map((id) => unit(r, id).total)).toEqual([20, 46.6667, 100]);
  });

  it('best performer and per-industry previous-year means as benchmarks', () => {
    const best = evaluate(snap([firm('U1', tax(300)), firm('U2', tax(1200))]), taxMethod({}, { kind: 'ratio', benchmark: { kind: 'best', year: 'current' } }));
    expect([unit(best, 'U1').total, unit(best, 'U2').total]).toEqual([25, 100]);
    const prev = (n: number) => ({ [YEAR]: tax(300), [YEAR - 1]: tax(n) });
    const r = evaluate(snap([
      firm('U1', {}, { metrics: prev(150) }), firm('U2', {}, { metrics: prev(450) }), firm('U3', {}, { industryCode: 'C3982', metrics: prev(600) }),
    ]), taxMethod({}, { kind: 'ratio', benchmark: { kind: 'mean', within: 'industry', factor: 2 } }));
    // 3670: 2 × (150 + 450) / 60 亩 = 20 万元/亩; 3982: 2 × 600 / 30 = 40.
    expect(['U1', 'U2', 'U3'].map((id) => [unit(r, id).items[0]!.benchmark, unit(r, id).total])).toEqual([[20, 50], [20, 50], [40, 25]]);
  });

  it('missing data: average score, zero, or left out with the other items scaled up', () => {
    const base = taxMethod();
    const two = (rule: string): Method => ({
      ...base,
      groups: { ...base.groups, above: { indicators: [
        { ...base.groups.above.indicators[0]!, weight: 60 },
        { ...base.groups.above.indicators[0]!, key: 'va_per_mu', label: '亩均增加值', numerator: 'value_added_wan', weight: 40, missing: rule as 'zero' },
      ] } },
    });
    const firms = [firm('U1', { tax_wan: 300, value_added_wan: 600 }), firm('U2', { tax_wan: 300, value_added_wan: 300 }), firm('U3', { tax_wan: 300 })];
    // U1: 60 + 40 × 2 = 140; U2: 60 + 40 = 100. U3 has no value added.
    expect(unit(evaluate(snap(firms), two('averageScore')), 'U3').total).toBe(60 + 60);
    expect(unit(evaluate(snap(firms), two('zero')), 'U3').total).toBe(60);
    const reweighted = unit(evaluate(snap(firms), two('reweight')), 'U3');
    expect([reweighted.total, reweighted.items.map((it) => it.weightApplied)]).toEqual([100, [100, 0]]);
  });
});

describe('toNextGrade', () => {
  it('gives per-metric increases that reach the next grade, and no less would (fixture, Huangyan)', () => {
    const ledger2025 = loadLedger();
    const method = loadPreset('huangyan-2022');
    const result = evaluate(ledger2025, method);
    const e01 = unit(result, '91500106MA6C0101XA');
    expect(e01.toNextGrade).toMatchObject({ grade: 'A', scoreGap: 7.97 });
    expect(e01.toNextGrade!.hints[1]).toBe('按现有用地面积，实缴税收增加 192 万元即可（亩均税收 +6.4 万元/亩）');
  });

  const variants = PRESET_IDS.map((id) => {
    const m = structuredClone(loadPreset(id));
    for (const g of [m.groups.above, m.groups.below]) for (const d of g.indicators) if (d.missing === 'averageScore') d.missing = 'zero';
    return [id, m] as const;
  });

  it.each(variants)('each hint closes the gap under %s (averageScore rule off), and 0.15 less does not', (_, method) => {
    fc.assert(
      fc.property(ledger, (snapshot) => {
        const result = evaluate(snapshot, method);
        for (const u of result.units) {
          if (!u.toNextGrade || u.sharedResultFrom) continue;
          const targetGrade = u.toNextGrade.grade;
          const target = GRADE_ORDER.indexOf(targetGrade);
          // The score to reach: a threshold, or the last unit of the pool holding the target grade.
          const boundary = method.grading.kind === 'thresholds'
            ? method.grading.minScore[targetGrade as 'A']
            : Math.min(...result.units.filter((o) => o.group === u.group && o.pool === u.pool && o.baseGrade === targetGrade).map((o) => o.total!));
          for (const hint of u.toNextGrade.byMetric) {
            const after = (increase: number) => {
              const raised = snapshot.enterprises.map((e) => e.uscc !== u.members[0] ? e
                : { ...e, metrics: { ...e.metrics, [YEAR]: { ...e.metrics[YEAR], [hint.metric]: e.metrics[YEAR]![hint.metric]! + increase } } });
              return unit(evaluate({ ...snapshot, enterprises: raised }, method), u.unitId);
            };
            expect(GRADE_ORDER.indexOf(after(hint.increase).grade as 'A')).toBeLessThanOrEqual(target);
            if (hint.increase <= 0.15) continue;
            const less = after(hint.increase - 0.15);
            // Less does not reach the grade, unless the shortfall is below what a double can tell apart at
            // these scores (totals are compared at 1e-6; uncapped ratios can make them 10^12 points).
            if (GRADE_ORDER.indexOf(less.grade as 'A') <= target) expect(Math.abs(less.total! - boundary)).toBeLessThan(Math.max(1e-3, Math.abs(boundary) * 1e-12));
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
