import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import schema from '../../../data/rules/land-status-rules.schema.json' with { type: 'json' };
import {
  changedAt, compareVerdicts, DROP, enumStrings, nodeAt, nodePaths, PROBES, schemaChecker, systematicDisagreements, type Json, type KnownDifference,
} from '../schema-testing.ts';
import { GRADES } from './grades.ts';
import { EXIT_PATHS, INDUSTRY_GROUPINGS } from './rules.ts';
import { changed, DEFAULT_DOC } from './testing.ts';
import { FLAG_CODES, validateLandRules } from './validate-rules.ts';

const SCHEMA = schema as unknown as Json;
const checker = schemaChecker(schema);
const validatorErrors = (doc: unknown) => {
  const result = validateLandRules(doc);
  return result.ok ? [] : result.errors;
};

/** Rules between fields, which draft-07 cannot state: only the server's validator checks them. */
const VALIDATOR_ONLY: KnownDifference[] = [
  { match: /^分子应小于分母，/, why: 'a share below 1 (numerator < denominator): a comparison of two fields' },
  { match: /^应不小于 idle\.feeAfterFullYears（/, why: 'recovery no sooner than the idle fee: a comparison of two thresholds' },
];

/** Where the schema is stricter than the validator, which lets these through. */
const SCHEMA_ONLY: KnownDifference[] = [
  { match: /^(\$schema|description|dateCounting|notes(\[\d+\])?)$|\.note$/, why: 'free texts that nothing reads: the validator allows the keys and does not check their values; the schema wants text' },
];
const KNOWN = { validatorOnly: VALIDATOR_ONLY, schemaOnly: SCHEMA_ONLY };

const DEFAULT = DEFAULT_DOC as Json;
/** The default rules with the optional free texts the default leaves out. */
const MAXIMAL = changedAt(changedAt(DEFAULT, ['notes'], ['附注']), ['idle', 'feeAfterFullYears', 'note'], '备注');
const BASES: [string, Json][] = [['land-status-default', DEFAULT], ['with notes', MAXIMAL]];

/** The malformed documents of rules.test.ts: the schema rejects them too. */
const MALFORMED: [string, unknown][] = [
  ['idle.feeShareOfLandPrice.value = 1.2', changed('idle.feeShareOfLandPrice.value', 1.2)],
  ['idle.feeAfterFullYears.value = 1.5', changed('idle.feeAfterFullYears.value', 1.5)],
  ['idle.feeAfterFullYears.value = "1"', changed('idle.feeAfterFullYears.value', '1')],
  ['version = 0', changed('version', 0)],
  ['id = "Land Status"', changed('id', 'Land Status')],
  ['the reserved id "schema" (its address serves the schema)', changed('id', 'schema')],
  ['exit.forcedExitConsecutiveDYears.value = 0', changed('exit.forcedExitConsecutiveDYears.value', 0)],
  ['lowEfficiency.industryGrouping.value = "section"', changed('lowEfficiency.industryGrouping.value', 'section')],
  ['consolidation.minCombinedAreaMu.value = 0', changed('consolidation.minCombinedAreaMu.value', 0)],
  ['no idle.haltedFullYears.source', changed('idle.haltedFullYears.source', undefined)],
  ['no exit.exemptTags', changed('exit.exemptTags', undefined)],
  ['no idle', changed('idle', undefined)],
  ['a floor-area table without byDivision', changed('lowEfficiency.farMinimum.value', { default: 0.8 })],
  ['a misspelt threshold', changed('lowEfficiency.taxPerMuBelowWann', { value: 3, unit: '万元/亩', source: 'x' })],
  ['a required threshold switched off', changed('idle.recoverAfterFullYears.value', null)],
  ['an empty and a repeated tag', changed('exit.exemptTags.value', ['链主企业', '', '链主企业'])],
  ['an unknown exit path', changed('exit.exemptionAppliesTo.value', ['倒逼退出', '强制退出'])],
  ['a division code with a letter, a negative ratio', changed('lowEfficiency.farMinimum.value', { default: 0.8, byDivision: { C36: 0.7, '39': -1 } })],
  ['an unknown flag code', changed('consolidation.candidateFlags.value', ['idle', 'idel'])],
  ['an unknown grade', changed('consolidation.candidateGrades.value', ['D', 'E'])],
  ['a zero target tax', changed('consolidation.targetTaxPerMuWan.value', 0)],
  ['null for a document', null],
  ['an array for a document', []],
];

/** Switched-off optional tests of rules.test.ts: both accept them. */
const SWITCHED_OFF: [string, unknown][] = [
  ['no absolute tax test', changed('lowEfficiency.taxPerMuBelowWan.value', null)],
  ['no floor-area table', changed('lowEfficiency.farMinimum.value', null)],
];

/** The cross-field mistakes of rules.test.ts: the validator alone rejects them. */
const CROSS_FIELD: [string, unknown][] = [
  ['a share of 3/3', changed('idle.haltedDevelopedShareBelow.value', { numerator: 3, denominator: 3 })],
  ['the idle fee after recovery', changed('idle.feeAfterFullYears.value', 3)],
];

describe('data/rules/land-status-rules.schema.json', () => {
  it('is a valid draft-07 schema that compiles in strict mode, with an id and a title', () => {
    expect(checker.isValidSchema).toBe(true);
    expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', $id: 'urn:mujun:schema:land-status-rules' });
    expect(schema.title).toContain('地块状态规则');
  });

  it.each(BASES)('accepts %s, as the validator does', (_, doc) => {
    expect(checker.check(doc)).toEqual([]);
    expect(validatorErrors(doc)).toEqual([]);
  });

  it('is named by the default rules, first', () => {
    expect(Object.entries(DEFAULT_DOC as object)[0]).toEqual(['$schema', './land-status-rules.schema.json']);
  });

  it('lists exactly the closed sets the validator checks against', () => {
    expect(nodeAt(SCHEMA, ['definitions', 'flagCodes', 'items', 'enum'])).toEqual(Object.keys(FLAG_CODES));
    expect(nodeAt(SCHEMA, ['definitions', 'grades', 'items', 'enum'])).toEqual([...GRADES]);
    expect(nodeAt(SCHEMA, ['definitions', 'exitPaths', 'items', 'enum'])).toEqual([...EXIT_PATHS]);
    expect(nodeAt(SCHEMA, ['properties', 'lowEfficiency', 'properties', 'industryGrouping', 'properties', 'value', 'enum'])).toEqual([...INDUSTRY_GROUPINGS]);
  });

  it.each(MALFORMED)('rejects %s, as the validator does', (_, doc) => {
    expect(checker.check(doc)).not.toEqual([]);
    expect(validatorErrors(doc)).not.toEqual([]);
  });

  it.each(SWITCHED_OFF)('accepts %s, as the validator does', (_, doc) => {
    expect(checker.check(doc)).toEqual([]);
    expect(validatorErrors(doc)).toEqual([]);
  });

  it.each(CROSS_FIELD)('leaves %s to the validator', (_, doc) => {
    expect(checker.check(doc)).toEqual([]);
    expect(compareVerdicts([], validatorErrors(doc), KNOWN)).toMatchObject({ explained: [expect.objectContaining({ why: expect.any(String) })] });
  });

  it('agrees with the validator on every systematic mutation of the default rules', () => {
    const { unexplained, unmet, count } = systematicDisagreements(BASES, SCHEMA, { schema: (d) => checker.check(d), validator: validatorErrors }, KNOWN);
    expect(unexplained.slice(0, 5)).toEqual([]);
    expect(count).toBeGreaterThan(10_000);
    // Every known difference is met, so the lists above say no more than is true.
    expect(unmet).toEqual([]);
  });

  it('agrees with the validator on random mutations', () => {
    const value = fc.oneof(fc.constantFrom(...PROBES, ...enumStrings(SCHEMA)), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>);
    const change = fc.tuple(fc.nat(), fc.oneof(fc.constant(DROP), value));
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(change, { minLength: 1, maxLength: 3 }), ([, base], changes) => {
        const paths = nodePaths(base).slice(1);
        let doc = base;
        for (const [n, to] of changes) {
          const path = paths[n % paths.length]!;
          if (nodeAt(doc, path) !== undefined) doc = changedAt(doc, path, to);
        }
        const [s, v] = [checker.check(doc), validatorErrors(doc)];
        const verdict = compareVerdicts(s, v, KNOWN);
        if (!verdict.agree && !verdict.explained) throw new Error(JSON.stringify({ doc, schema: s, validator: v }));
      }),
      { numRuns: 300 },
    );
  });
});
