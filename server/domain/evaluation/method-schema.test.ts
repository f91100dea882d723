import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import schema from '../../../data/methods/method.schema.json' with { type: 'json' };
import {
  branchKeys, changedAt, compareVerdicts, DROP, enumStrings, nodeAt, nodePaths, PROBES, schemaChecker, systematicDisagreements, type Json, type KnownDifference, type Step,
} from '../schema-testing.ts';
import { PRESET_IDS, readPresetDoc } from './fixtures/load.ts';
import { edit, edits, minimal, REMOVE } from './fixtures/method-docs.ts';
import {
  BENCHMARK_KINDS, BENCHMARK_YEARS, GRADING_KINDS, MEAN_AVERAGES, MISSING_RULES, OPERANDS, POLARITIES, POOLS, QUOTA_GRADES, QUOTA_ROUNDINGS,
  SCORING_KINDS, VETO_EFFECTS, type Benchmark, type Grading, type Scoring,
} from './method.ts';
import { METRIC_KEYS, REGION_LEVELS } from './types.ts';
import { validateMethod } from './validate-method.ts';

const SCHEMA = schema as unknown as Json;
const checker = schemaChecker(schema);
const validatorErrors = (doc: unknown) => {
  const v = validateMethod(doc);
  return v.ok ? [] : v.errors;
};

/** Rules between fields, which draft-07 cannot state: only the server's validator checks them. */
const VALIDATOR_ONLY: KnownDifference[] = [
  { match: /^各指标权重之和应为 100，/, why: 'weights add up to 100: a sum over the items of an array' },
  { match: /^与 indicators\[\d+\] 的 key “.*” 重复$/, why: 'distinct indicator keys: uniqueItems compares whole items, not one field of them' },
  { match: /^分母不能与分子相同$/, why: 'denominator ≠ numerator: a comparison of two fields ($data is not standard JSON Schema)' },
  { match: /^A、B、C、D 配额之和应为 100，/, why: 'quota shares add up to 100: a sum over fields' },
  { match: /^应低于 [AB] 档分数线 /, why: 'score thresholds A > B > C: a comparison of fields' },
];

/** Where the schema is stricter than the validator, which lets these through. */
const SCHEMA_ONLY: KnownDifference[] = [
  { match: /^\$schema$/, why: 'the validator allows `$schema` and never reads it, whatever its type; the schema wants the string editors read' },
  { match: /^scope(\.classT)?$/, why: 'the validator reads a null scope or classT as absent (`?? {}`) and fills the defaults; the schema wants an object or nothing' },
];
const KNOWN = { validatorOnly: VALIDATOR_ONLY, schemaOnly: SCHEMA_ONLY };

// Each list names every kind of its union: a kind added to the type alone fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const KIND_LISTS_COMPLETE: [
  Same<Benchmark['kind'], (typeof BENCHMARK_KINDS)[number]>,
  Same<Scoring['kind'], (typeof SCORING_KINDS)[number]>,
  Same<Grading['kind'], (typeof GRADING_KINDS)[number]>,
] = [true, true, true];

/** Every optional field written out, each with a value other than its default. */
const maximal = (): Json => edits(minimal(), [
  ['$schema', './method.schema.json'],
  ['source', { title: '测试', publisher: '测试', date: '2024-05-31', url: 'https://example.org/method', note: '摘录' }],
  ['notes', ['假设一', '假设二']],
  ['scope', { belowMinLandMu: 5, mergeSharedParcels: false, classT: { utilities: false, productionYearsUnder: null, majorConstruction: false } }],
  ['groups.above.indicators[0].multiplier', 100],
  ['groups.above.indicators[0].note', '备注'],
  ['groups.above.indicators[0].scoring.cap', null],
  ['groups.above.indicators[1].scoring.benchmark', { kind: 'mean', year: 'current', factor: 2, within: 'district', average: 'meanOfRatios' }],
  ['groups.below.indicators[0].weight', 50],
  ['groups.below.indicators[0].scoring.within', 'industry'],
  ['groups.below.indicators[1]', {
    key: 'kwh_per_tax', label: '单位税收电耗', unit: '万千瓦时/万元', numerator: 'electricity_wan_kwh', denominator: 'tax_wan', polarity: 'lower', weight: 50,
    scoring: { kind: 'ratio', benchmark: { kind: 'best', year: 'previous', within: 'town' } }, missing: 'zero',
  }],
  ['adjustments', [{ label: '链主企业', when: { tag: '链主企业' }, points: 2 }, { label: '环保处罚', when: { eventKind: '环保处罚' }, points: -2 }]],
  ['vetoes', [{ eventKinds: ['安全事故', '环保事故'], effect: 'cannotBeAOrB' }, { eventKinds: ['亩产数据不实'], effect: 'straightToD' }]],
  ['protections', { newEnterpriseYears: 3, tags: ['小升规'], majorConstruction: true }],
  ['exemptionTags', ['链主企业']],
  ['grading', { kind: 'quotas', within: 'park', sharesPct: { A: 10, B: 35, C: 47, D: 8 }, rounding: 'cumulativeNearest' }],
]);

const presets = PRESET_IDS.map((id) => [id, readPresetDoc(id) as Json] as const);
const BASES: (readonly [string, Json])[] = [...presets, ['minimal', minimal()], ['maximal', maximal()]];

/** The malformed documents of validate-method.test.ts: the schema rejects them too. */
const MALFORMED: [string, Json][] = [
  ['a weight written as text', edit(minimal(), 'groups.above.indicators[1].weight', '40')],
  ['a misspelt weight', edits(minimal(), [['groups.below.indicators[0].wieght', 100], ['groups.below.indicators[0].weight', REMOVE]])],
  ['an unknown metric', edit(minimal(), 'groups.above.indicators[0].numerator', 'profit_wan')],
  ['a fixed benchmark of 0', edit(minimal(), 'groups.above.indicators[0].scoring.benchmark.value', 0)],
  ['a negative cap', edit(minimal(), 'groups.above.indicators[1].scoring.cap', -1)],
  ['a min–max scoring with a cap and a floor over 100', edit(minimal(), 'groups.below.indicators[0].scoring', { kind: 'minMax', floorPct: 120, cap: 1.5 })],
  ['a veto on no events with an unknown effect', edit(minimal(), 'vetoes', [{ eventKinds: [], effect: 'toD' }])],
  ['an adjustment on a tag and an event at once, of 0 points', edit(minimal(), 'adjustments', [{ label: '加分', when: { tag: '小巨人', eventKind: '环保事故' }, points: 0 }])],
  ['a protection of 2.5 years', edit(minimal(), 'protections', { newEnterpriseYears: 2.5 })],
  ['no id and an empty version', edits(minimal(), [['id', REMOVE], ['version', '']])],
  ['an id with capitals and a space', edit(minimal(), 'id', 'Huangyan 2022')],
  ['the reserved id "schema" (its address serves the schema)', edit(minimal(), 'id', 'schema')],
  ['an array for a document', []],
];

/** The cross-field mistakes of validate-method.test.ts: the validator alone rejects them. */
const CROSS_FIELD: [string, Json][] = [
  ['weights adding up to 95', edit(minimal(), 'groups.above.indicators[0].weight', 55)],
  ['quotas adding up to 105', edit(minimal(), 'grading.sharesPct.D', 10)],
  ['an indicator key used twice', edit(minimal(), 'groups.above.indicators[1].key', 'tax_per_mu')],
  ['a denominator equal to the numerator', edit(minimal(), 'groups.below.indicators[0].denominator', 'tax_wan')],
  ['score thresholds A = B', edit(minimal(), 'grading', { kind: 'thresholds', minScore: { A: 90, B: 90, C: 60 } })],
];

describe('data/methods/method.schema.json', () => {
  it('is a valid draft-07 schema that compiles in strict mode, with an id and a title', () => {
    expect(checker.isValidSchema).toBe(true);
    expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', $id: 'urn:mujun:schema:method', title: '亩均效益综合评价办法' });
    expect(KIND_LISTS_COMPLETE).toEqual([true, true, true]);
  });

  it.each(BASES)('accepts %s, as the validator does', (_, doc) => {
    expect(checker.check(doc)).toEqual([]);
    expect(validatorErrors(doc)).toEqual([]);
  });

  it.each(PRESET_IDS)('is named by the preset %s, first', (id) => {
    expect(Object.entries(readPresetDoc(id) as object)[0]).toEqual(['$schema', './method.schema.json']);
  });

  it('lists exactly the closed sets the validator checks against', () => {
    const def = (...steps: Step[]) => nodeAt(SCHEMA, ['definitions', ...steps]);
    const branchKinds = (name: string) => (def(name, 'allOf') as Json[]).map((b) => nodeAt(b, ['if', 'properties', 'kind', 'const']));
    expect(def('operand', 'enum')).toEqual([...METRIC_KEYS, 'land_mu']);
    expect(def('operand', 'enum')).toEqual([...OPERANDS]);
    expect(def('pool', 'enum')).toEqual(['all', 'industry', ...REGION_LEVELS]);
    expect(def('pool', 'enum')).toEqual([...POOLS]);
    expect(def('benchmarkYear', 'enum')).toEqual([...BENCHMARK_YEARS]);
    expect(def('indicator', 'properties', 'polarity', 'enum')).toEqual([...POLARITIES]);
    expect(def('indicator', 'properties', 'missing', 'enum')).toEqual([...MISSING_RULES]);
    expect(def('scoring', 'properties', 'kind', 'enum')).toEqual([...SCORING_KINDS]);
    expect(branchKinds('scoring')).toEqual([...SCORING_KINDS]);
    expect(def('benchmark', 'properties', 'kind', 'enum')).toEqual([...BENCHMARK_KINDS]);
    expect(branchKinds('benchmark')).toEqual([...BENCHMARK_KINDS]);
    expect(def('benchmark', 'allOf', 1, 'then', 'properties', 'average', 'enum')).toEqual([...MEAN_AVERAGES]);
    expect(def('veto', 'properties', 'effect', 'enum')).toEqual([...VETO_EFFECTS]);
    expect(def('grading', 'properties', 'kind', 'enum')).toEqual([...GRADING_KINDS]);
    expect(branchKinds('grading')).toEqual([...GRADING_KINDS]);
    const quotas = (...steps: Step[]) => def('grading', 'allOf', 0, 'then', 'properties', ...steps);
    expect(quotas('sharesPct', 'required')).toEqual([...QUOTA_GRADES]);
    expect(Object.keys(quotas('sharesPct', 'properties') as object)).toEqual([...QUOTA_GRADES]);
    expect(quotas('rounding', 'enum')).toEqual([...QUOTA_ROUNDINGS]);
  });

  it.each(MALFORMED)('rejects %s, as the validator does', (_, doc) => {
    expect(checker.check(doc)).not.toEqual([]);
    expect(validatorErrors(doc)).not.toEqual([]);
  });

  it.each(CROSS_FIELD)('leaves %s to the validator', (_, doc) => {
    expect(checker.check(doc)).toEqual([]);
    expect(compareVerdicts([], validatorErrors(doc), KNOWN)).toMatchObject({ explained: [expect.objectContaining({ why: expect.any(String) })] });
  });

  it('agrees with the validator on every systematic mutation of the presets and of a minimal and a maximal document', () => {
    expect(branchKeys(SCHEMA)).toEqual(expect.arrayContaining(['value', 'factor', 'average', 'cap', 'floorPct', 'sharesPct', 'minScore', 'tag', 'eventKind']));
    const { unexplained, unmet, count } = systematicDisagreements(BASES, SCHEMA, { schema: (d) => checker.check(d), validator: validatorErrors }, KNOWN);
    expect(unexplained.slice(0, 5)).toEqual([]);
    expect(count).toBeGreaterThan(10_000);
    // Every known difference is met, so the lists above say no more than is true.
    expect(unmet).toEqual([]);
  });

  it('agrees with the validator on random mutations', () => {
    const values = enumStrings(SCHEMA);
    const value = fc.oneof(fc.constantFrom(...PROBES, ...values), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>);
    const change = fc.tuple(fc.nat(), fc.oneof(fc.constant(DROP), value));
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(change, { minLength: 1, maxLength: 3 }), ([, base], changes) => {
        const paths = nodePaths(base).slice(1);
        let doc = base;
        for (const [n, to] of changes) {
          const path = paths[n % paths.length]!;
          if (nodeAt(doc, path) === undefined) continue;
          doc = changedAt(doc, path, to);
        }
        const [s, v] = [checker.check(doc), validatorErrors(doc)];
        const verdict = compareVerdicts(s, v, KNOWN);
        if (!verdict.agree && !verdict.explained) throw new Error(JSON.stringify({ doc, schema: s, validator: v }));
      }),
      { numRuns: 300 },
    );
  });
});
