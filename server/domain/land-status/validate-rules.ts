/**
 * Checks a land-status rules document field by field and says, in Chinese and with the exact path,
 * what is wrong. Unknown fields are errors too: a misspelt threshold would otherwise be silently
 * ignored and its default never applied.
 */
import { RESERVED_ID, RESERVED_ID_MESSAGE } from '../document-ids.ts';
import { GRADES, type Grade } from './grades.ts';
import type { FlagCode } from './model.ts';
import {
  EXIT_PATHS,
  INDUSTRY_GROUPINGS,
  type ClassRule,
  type ExitPath,
  type FarMinimum,
  type Fraction,
  type IndustryGrouping,
  type LandRules,
  type LandRulesResult,
  type RuleError,
  type Threshold,
} from './rules.ts';

type Obj = Record<string, unknown>;

// A Record so that a flag code added to the model without being listed here fails to compile.
export const FLAG_CODES: Readonly<Record<FlagCode, true>> = {
  idle: true, idle_halted: true, approved_not_supplied: true, supplied_not_used: true, used_not_fully: true,
  built_not_producing: true, producing_below_target: true, low_tax_per_mu: true, low_tax_vs_industry: true, low_far: true,
  vacant_floor_share: true, vacant_floor_area: true, standard_land_failed: true,
};
type Reader<T> = (value: unknown, path: string) => T;

const at = (path: string, key: string) => (path ? `${path}.${key}` : key);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '数组';
  if (typeof value === 'string') return `文字“${value}”`;
  return typeof value === 'object' ? '对象' : String(value);
}

/**
 * Readers return a placeholder after recording an error. `undefined` can only be a field that is
 * absent (JSON has no undefined), already reported by its parent as 缺少此项, so it passes silently.
 */
class Checker {
  readonly errors: RuleError[] = [];

  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  /** An object with exactly the `required` keys and possibly the `optional` ones. */
  object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Obj {
    if (value === undefined) return {};
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, `应为对象，实为 ${describe(value)}`);
      return {};
    }
    const obj = value as Obj;
    for (const key of required) if (!(key in obj)) this.fail(at(path, key), '缺少此项');
    for (const key of Object.keys(obj)) {
      if (!required.includes(key) && !optional.includes(key)) this.fail(at(path, key), `未知字段“${key}”，请检查拼写`);
    }
    return obj;
  }

  /** An object whose keys are data, not field names. */
  record(value: unknown, path: string): Obj {
    if (value === undefined) return {};
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Obj;
    this.fail(path, `应为对象，实为 ${describe(value)}`);
    return {};
  }

  text(value: unknown, path: string): string {
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (value === undefined) return '';
    this.fail(path, `应为非空文字，实为 ${describe(value)}`);
    return '';
  }

  number(value: unknown, path: string, opts: { min?: number; max?: number; integer?: boolean; positive?: boolean } = {}): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      if (value === undefined) return Number.NaN;
      this.fail(path, `应为数字，实为 ${describe(value)}`);
      return Number.NaN;
    }
    if (opts.integer && !Number.isInteger(value)) this.fail(path, `应为整数，实为 ${value}`);
    else if (opts.positive && value <= 0) this.fail(path, `应大于 0，实为 ${value}`);
    else if (opts.min !== undefined && value < opts.min) this.fail(path, `应不小于 ${opts.min}，实为 ${value}`);
    else if (opts.max !== undefined && value > opts.max) this.fail(path, `应不大于 ${opts.max}，实为 ${value}`);
    return value;
  }

  /** `{ value, unit, source }`; `nullable` tests may be switched off with `value: null`. */
  threshold<T>(parent: Obj, key: string, path: string, read: Reader<T>): Threshold<T> {
    const p = at(path, key);
    const o = this.object(parent[key], p, ['value', 'unit', 'source'], ['note']);
    return { value: 'value' in o ? read(o.value, at(p, 'value')) : (null as T), unit: this.text(o.unit, at(p, 'unit')), source: this.text(o.source, at(p, 'source')) };
  }

  classRule(value: unknown, path: string, thresholds: readonly string[] = []): { obj: Obj; rule: ClassRule } {
    const obj = this.object(value, path, ['definition', 'source', ...thresholds]);
    return { obj, rule: { definition: this.text(obj.definition, at(path, 'definition')), source: this.text(obj.source, at(path, 'source')) } };
  }
}

function readers(c: Checker) {
  const years: Reader<number> = (v, p) => c.number(v, p, { integer: true, min: 0 });
  const share: Reader<number> = (v, p) => c.number(v, p, { min: 0, max: 1 });
  const nonNegative: Reader<number> = (v, p) => c.number(v, p, { min: 0 });
  const nullable =
    <T>(read: Reader<T>): Reader<T | null> =>
    (v, p) =>
      v === null ? null : read(v, p);
  const fraction: Reader<Fraction> = (v, p) => {
    const o = c.object(v, p, ['numerator', 'denominator']);
    const numerator = c.number(o.numerator, at(p, 'numerator'), { positive: true });
    const denominator = c.number(o.denominator, at(p, 'denominator'), { positive: true });
    if (numerator >= denominator) c.fail(p, `分子应小于分母，实为 ${numerator}/${denominator}`);
    return { numerator, denominator };
  };
  const tags: Reader<string[]> = (v, p) => {
    if (!Array.isArray(v)) {
      if (v !== undefined) c.fail(p, `应为文字数组，实为 ${describe(v)}`);
      return [];
    }
    const seen = new Set<string>();
    return v.map((item, i) => {
      const tag = c.text(item, `${p}[${i}]`);
      if (tag && seen.has(tag)) c.fail(`${p}[${i}]`, `标签“${tag}”重复`);
      seen.add(tag);
      return tag;
    });
  };
  const paths: Reader<ExitPath[]> = (v, p) =>
    tags(v, p).filter((name, i): name is ExitPath => {
      const known = (EXIT_PATHS as readonly string[]).includes(name);
      if (name && !known) c.fail(`${p}[${i}]`, `应为 ${EXIT_PATHS.join('、')} 之一，实为“${name}”`);
      return known;
    });
  const grouping: Reader<IndustryGrouping> = (v, p) => {
    if ((INDUSTRY_GROUPINGS as readonly unknown[]).includes(v)) return v as IndustryGrouping;
    if (v !== undefined) c.fail(p, `应为 "division"（大类）或 "class"（小类），实为 ${describe(v)}`);
    return 'division';
  };
  const farMinimum: Reader<FarMinimum> = (v, p) => {
    const o = c.object(v, p, ['default', 'byDivision']);
    const far = (x: unknown, q: string) => c.number(x, q, { positive: true, max: 20 });
    const table = c.record(o.byDivision, at(p, 'byDivision'));
    const byDivision: Record<string, number> = {};
    for (const [division, value] of Object.entries(table)) {
      const q = at(at(p, 'byDivision'), division);
      if (!/^\d{2}$/.test(division)) c.fail(q, `大类代码应为 2 位数字（GB/T 4754-2017），实为“${division}”`);
      byDivision[division] = far(value, q);
    }
    return { default: far(o.default, at(p, 'default')), byDivision };
  };
  const flagCodes: Reader<FlagCode[]> = (v, p) =>
    tags(v, p).filter((code, i): code is FlagCode => {
      const known = Object.hasOwn(FLAG_CODES, code);
      if (code && !known) c.fail(`${p}[${i}]`, `应为地块状态标记代码（${Object.keys(FLAG_CODES).join('、')}）之一，实为“${code}”`);
      return known;
    });
  const grades: Reader<Grade[]> = (v, p) =>
    tags(v, p).filter((g, i): g is Grade => {
      const known = (GRADES as readonly string[]).includes(g);
      if (g && !known) c.fail(`${p}[${i}]`, `应为评价等级 ${GRADES.join('/')} 之一，实为“${g}”`);
      return known;
    });
  return { years, share, nonNegative, nullable, fraction, tags, paths, grouping, farMinimum, flagCodes, grades };
}

export function validateLandRules(doc: unknown): LandRulesResult {
  if (doc === undefined) return { ok: false, errors: [{ path: '', message: '应为对象，实为 undefined' }] };
  const c = new Checker();
  const r = readers(c);
  // `$schema` names data/rules/land-status-rules.schema.json for editors; like the other free texts it is not read.
  const root = c.object(doc, '', ['id', 'version', 'name', 'idle', 'classes', 'lowEfficiency', 'standardLand', 'exit', 'consolidation'], [
    '$schema',
    'description',
    'dateCounting',
    'notes',
  ]);
  const id = c.text(root.id, 'id');
  const name = c.text(root.name, 'name');
  if (id && !/^[a-z0-9][a-z0-9-]*$/.test(id)) c.fail('id', `应由小写字母、数字和连字符组成，实为“${id}”`);
  else if (id === RESERVED_ID) c.fail('id', RESERVED_ID_MESSAGE);
  const version = c.number(root.version, 'version', { integer: true, min: 1 });

  const idleObj = c.object(root.idle, 'idle', [
    'feeAfterFullYears',
    'feeShareOfLandPrice',
    'recoverAfterFullYears',
    'assumedStartAfterSupplyFullYears',
    'haltedDevelopedShareBelow',
    'haltedInvestedShareBelow',
    'haltedFullYears',
  ]);
  const idle: LandRules['idle'] = {
    feeAfterFullYears: c.threshold(idleObj, 'feeAfterFullYears', 'idle', (v, p) => c.number(v, p, { integer: true, min: 1 })),
    feeShareOfLandPrice: c.threshold(idleObj, 'feeShareOfLandPrice', 'idle', r.share),
    recoverAfterFullYears: c.threshold(idleObj, 'recoverAfterFullYears', 'idle', (v, p) => c.number(v, p, { integer: true, min: 1 })),
    assumedStartAfterSupplyFullYears: c.threshold(idleObj, 'assumedStartAfterSupplyFullYears', 'idle', r.nullable(r.years)),
    haltedDevelopedShareBelow: c.threshold(idleObj, 'haltedDevelopedShareBelow', 'idle', r.fraction),
    haltedInvestedShareBelow: c.threshold(idleObj, 'haltedInvestedShareBelow', 'idle', r.fraction),
    haltedFullYears: c.threshold(idleObj, 'haltedFullYears', 'idle', (v, p) => c.number(v, p, { integer: true, min: 1 })),
  };
  if (idle.recoverAfterFullYears.value < idle.feeAfterFullYears.value) {
    c.fail('idle.recoverAfterFullYears.value', `应不小于 idle.feeAfterFullYears（${idle.feeAfterFullYears.value} 年）：先征闲置费，后收回`);
  }

  const classesObj = c.object(root.classes, 'classes', ['approvedNotSupplied', 'suppliedNotUsed', 'usedNotFully', 'builtNotProducing', 'producingBelowTarget']);
  const ans = c.classRule(classesObj.approvedNotSupplied, 'classes.approvedNotSupplied', ['minFullYearsSinceApproval']);
  const unf = c.classRule(classesObj.usedNotFully, 'classes.usedNotFully', ['minUndevelopedShare', 'minUndevelopedAreaMu']);
  const bnp = c.classRule(classesObj.builtNotProducing, 'classes.builtNotProducing', ['minFullYearsSinceCompletion']);
  const classes: LandRules['classes'] = {
    approvedNotSupplied: { ...ans.rule, minFullYearsSinceApproval: c.threshold(ans.obj, 'minFullYearsSinceApproval', 'classes.approvedNotSupplied', r.years) },
    suppliedNotUsed: c.classRule(classesObj.suppliedNotUsed, 'classes.suppliedNotUsed').rule,
    usedNotFully: {
      ...unf.rule,
      minUndevelopedShare: c.threshold(unf.obj, 'minUndevelopedShare', 'classes.usedNotFully', r.share),
      minUndevelopedAreaMu: c.threshold(unf.obj, 'minUndevelopedAreaMu', 'classes.usedNotFully', r.nonNegative),
    },
    builtNotProducing: { ...bnp.rule, minFullYearsSinceCompletion: c.threshold(bnp.obj, 'minFullYearsSinceCompletion', 'classes.builtNotProducing', r.years) },
    producingBelowTarget: c.classRule(classesObj.producingBelowTarget, 'classes.producingBelowTarget').rule,
  };

  const lowObj = c.object(root.lowEfficiency, 'lowEfficiency', [
    'taxPerMuBelowWan',
    'taxPerMuBelowIndustryMedianShare',
    'industryGrouping',
    'minParcelsForIndustryMedian',
    'farMinimum',
    'vacantFloorShareAtLeast',
    'vacantFloorAreaAtLeastM2',
  ]);
  const low = 'lowEfficiency';
  const lowEfficiency: LandRules['lowEfficiency'] = {
    taxPerMuBelowWan: c.threshold(lowObj, 'taxPerMuBelowWan', low, r.nullable(r.nonNegative)),
    taxPerMuBelowIndustryMedianShare: c.threshold(lowObj, 'taxPerMuBelowIndustryMedianShare', low, r.nullable(r.share)),
    industryGrouping: c.threshold(lowObj, 'industryGrouping', low, r.grouping),
    minParcelsForIndustryMedian: c.threshold(lowObj, 'minParcelsForIndustryMedian', low, (v, p) => c.number(v, p, { integer: true, min: 1 })),
    farMinimum: c.threshold(lowObj, 'farMinimum', low, r.nullable(r.farMinimum)),
    vacantFloorShareAtLeast: c.threshold(lowObj, 'vacantFloorShareAtLeast', low, r.nullable(r.share)),
    vacantFloorAreaAtLeastM2: c.threshold(lowObj, 'vacantFloorAreaAtLeastM2', low, r.nullable(r.nonNegative)),
  };

  const std = c.classRule(root.standardLand, 'standardLand', ['targetAfterSupplyFullYears']);
  const standardLand: LandRules['standardLand'] = {
    ...std.rule,
    targetAfterSupplyFullYears: c.threshold(std.obj, 'targetAfterSupplyFullYears', 'standardLand', r.nullable(r.years)),
  };

  const exitObj = c.object(root.exit, 'exit', [
    'forcedExitConsecutiveDYears',
    'guidedReturnMinLowEfficiencyTests',
    'transferWillingTags',
    'exemptTags',
    'exemptionAppliesTo',
  ]);
  const exit: LandRules['exit'] = {
    forcedExitConsecutiveDYears: c.threshold(exitObj, 'forcedExitConsecutiveDYears', 'exit', (v, p) => c.number(v, p, { integer: true, min: 1 })),
    guidedReturnMinLowEfficiencyTests: c.threshold(exitObj, 'guidedReturnMinLowEfficiencyTests', 'exit', (v, p) => c.number(v, p, { integer: true, min: 1 })),
    transferWillingTags: c.threshold(exitObj, 'transferWillingTags', 'exit', r.tags),
    exemptTags: c.threshold(exitObj, 'exemptTags', 'exit', r.tags),
    exemptionAppliesTo: c.threshold(exitObj, 'exemptionAppliesTo', 'exit', r.paths),
  };

  const consObj = c.object(root.consolidation, 'consolidation', ['maxGapM', 'minCombinedAreaMu', 'candidateFlags', 'candidateGrades', 'targetTaxPerMuWan']);
  const consolidation: LandRules['consolidation'] = {
    maxGapM: c.threshold(consObj, 'maxGapM', 'consolidation', (v, p) => c.number(v, p, { min: 0, max: 500 })),
    minCombinedAreaMu: c.threshold(consObj, 'minCombinedAreaMu', 'consolidation', (v, p) => c.number(v, p, { positive: true })),
    candidateFlags: c.threshold(consObj, 'candidateFlags', 'consolidation', r.flagCodes),
    candidateGrades: c.threshold(consObj, 'candidateGrades', 'consolidation', r.grades),
    targetTaxPerMuWan: c.threshold(consObj, 'targetTaxPerMuWan', 'consolidation', (v, p) => c.number(v, p, { positive: true })),
  };

  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  return { ok: true, rules: { id, version, name, idle, classes, lowEfficiency, standardLand, exit, consolidation } };
}
