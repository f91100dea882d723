/**
 * Checks a method document (parsed JSON of unknown shape) and returns the `Method` with defaults
 * filled in, or every problem found, each with its path and a message in Chinese.
 */
import { RESERVED_ID, RESERVED_ID_MESSAGE } from '../document-ids.ts';
import {
  BENCHMARK_KINDS, BENCHMARK_YEARS, GRADING_KINDS, MEAN_AVERAGES, MISSING_RULES, OPERANDS, POLARITIES, POOLS, QUOTA_GRADES,
  QUOTA_ROUNDINGS, SCORING_KINDS, VETO_EFFECTS,
  type Adjustment, type Benchmark, type GroupMethod, type Grading, type IndicatorDef, type Method, type Protections, type Scoring, type Veto,
} from './method.ts';
import { fieldPath as at, Reader, type FieldError } from './method-reader.ts';

export type MethodValidation = { ok: true; method: Method } | { ok: false; errors: FieldError[] };

const TOTAL_WEIGHT = 100;
const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;

function readBenchmark(r: Reader, path: string, value: unknown): Benchmark | undefined {
  const o = r.object(path, value, ['kind', 'value', 'year', 'factor', 'within', 'average']);
  if (!o) return undefined;
  const kind = r.oneOf(at(path, 'kind'), o.kind, BENCHMARK_KINDS);
  const stray = (keys: string[]) => keys.forEach((k) => o[k] !== undefined && r.fail(at(path, k), `基准类型 ${kind} 不使用此字段`));
  const year = () => (o.year === undefined ? 'previous' : r.oneOf(at(path, 'year'), o.year, BENCHMARK_YEARS));
  const within = () => (o.within === undefined ? 'all' : r.oneOf(at(path, 'within'), o.within, POOLS));
  if (kind === 'fixed') {
    stray(['year', 'factor', 'within', 'average']);
    const v = r.number(at(path, 'value'), o.value, { greaterThan: 0 });
    return v === undefined ? undefined : { kind, value: v };
  }
  if (kind === 'mean') {
    stray(['value']);
    const factor = o.factor === undefined ? 1 : r.number(at(path, 'factor'), o.factor, { greaterThan: 0 });
    const average = o.average === undefined ? 'ratioOfSums' : r.oneOf(at(path, 'average'), o.average, MEAN_AVERAGES);
    const y = year();
    const w = within();
    if (factor === undefined || average === undefined || y === undefined || w === undefined) return undefined;
    return { kind, year: y, factor, within: w, average };
  }
  if (kind === 'best') {
    stray(['value', 'factor', 'average']);
    const y = year();
    const w = within();
    return y === undefined || w === undefined ? undefined : { kind, year: y, within: w };
  }
  return undefined;
}

function readScoring(r: Reader, path: string, value: unknown): Scoring | undefined {
  const o = r.object(path, value, ['kind', 'benchmark', 'cap', 'floorPct', 'within']);
  if (!o) return undefined;
  const kind = r.oneOf(at(path, 'kind'), o.kind, SCORING_KINDS);
  if (kind === 'ratio') {
    for (const k of ['floorPct', 'within']) if (o[k] !== undefined) r.fail(at(path, k), 'ratio 计分不使用此字段');
    const benchmark = readBenchmark(r, at(path, 'benchmark'), o.benchmark);
    const cap = o.cap === undefined || o.cap === null ? null : r.number(at(path, 'cap'), o.cap, { greaterThan: 0 });
    return benchmark && cap !== undefined ? { kind, benchmark, cap } : undefined;
  }
  if (kind === 'minMax') {
    for (const k of ['benchmark', 'cap']) if (o[k] !== undefined) r.fail(at(path, k), 'minMax 计分不使用此字段');
    const floorPct = r.number(at(path, 'floorPct'), o.floorPct, { min: 0, max: 100 });
    const within = o.within === undefined ? 'all' : r.oneOf(at(path, 'within'), o.within, POOLS);
    return floorPct === undefined || within === undefined ? undefined : { kind, floorPct, within };
  }
  return undefined;
}

const INDICATOR_KEYS = ['key', 'label', 'unit', 'numerator', 'denominator', 'multiplier', 'polarity', 'weight', 'scoring', 'missing', 'note'];

function readIndicator(r: Reader, path: string, value: unknown): IndicatorDef | undefined {
  const o = r.object(path, value, INDICATOR_KEYS);
  if (!o) return undefined;
  const def = {
    key: r.string(at(path, 'key'), o.key, { re: /^[a-z][a-z0-9_]*$/, hint: '小写字母开头，只含小写字母、数字和下划线' }),
    label: r.string(at(path, 'label'), o.label),
    unit: r.string(at(path, 'unit'), o.unit),
    numerator: r.oneOf(at(path, 'numerator'), o.numerator, OPERANDS),
    denominator: r.oneOf(at(path, 'denominator'), o.denominator, OPERANDS),
    multiplier: o.multiplier === undefined ? 1 : r.number(at(path, 'multiplier'), o.multiplier, { greaterThan: 0 }),
    polarity: r.oneOf(at(path, 'polarity'), o.polarity, POLARITIES),
    weight: r.number(at(path, 'weight'), o.weight, { greaterThan: 0 }),
    scoring: readScoring(r, at(path, 'scoring'), o.scoring),
    missing: r.oneOf(at(path, 'missing'), o.missing, MISSING_RULES),
    note: r.optionalString(at(path, 'note'), o.note),
  };
  if (def.numerator !== undefined && def.numerator === def.denominator) r.fail(at(path, 'denominator'), '分母不能与分子相同');
  const { note, ...required } = def;
  if (Object.values(required).some((v) => v === undefined)) return undefined;
  return (note === undefined ? required : def) as IndicatorDef;
}

function readGroup(r: Reader, path: string, value: unknown): GroupMethod | undefined {
  const o = r.object(path, value, ['indicators']);
  if (!o) return undefined;
  const list = r.array(at(path, 'indicators'), o.indicators, 1);
  if (!list) return undefined;
  const indicators = list.map((item, i) => readIndicator(r, at(at(path, 'indicators'), i), item));
  const keys = list.map((item) => (typeof item === 'object' && item !== null ? (item as { key?: unknown }).key : undefined));
  keys.forEach((key, i) => {
    const first = keys.indexOf(key);
    if (typeof key === 'string' && first < i) r.fail(at(at(at(path, 'indicators'), i), 'key'), `与 indicators[${first}] 的 key “${key}” 重复`);
  });
  if (indicators.every((d) => d !== undefined)) {
    const sum = indicators.reduce((s, d) => s + d.weight, 0);
    if (!near(sum, TOTAL_WEIGHT)) r.fail(at(path, 'indicators'), `各指标权重之和应为 ${TOTAL_WEIGHT}，实为 ${sum}`);
    return { indicators };
  }
  return undefined;
}

function readAdjustment(r: Reader, path: string, value: unknown): Adjustment | undefined {
  const o = r.object(path, value, ['label', 'when', 'points']);
  if (!o) return undefined;
  const label = r.string(at(path, 'label'), o.label);
  const points = r.number(at(path, 'points'), o.points);
  if (points === 0) r.fail(at(path, 'points'), '加减分不能为 0');
  const w = r.object(at(path, 'when'), o.when, ['tag', 'eventKind']);
  let when: Adjustment['when'] | undefined;
  if (w) {
    if ((w.tag === undefined) === (w.eventKind === undefined)) r.fail(at(path, 'when'), '应有且只有 tag 或 eventKind 之一');
    else if (w.tag !== undefined) when = (s => s === undefined ? undefined : { tag: s })(r.string(at(at(path, 'when'), 'tag'), w.tag));
    else when = (s => s === undefined ? undefined : { eventKind: s })(r.string(at(at(path, 'when'), 'eventKind'), w.eventKind));
  }
  return label !== undefined && points !== undefined && points !== 0 && when ? { label, when, points } : undefined;
}

function readVeto(r: Reader, path: string, value: unknown): Veto | undefined {
  const o = r.object(path, value, ['eventKinds', 'effect']);
  if (!o) return undefined;
  const eventKinds = r.stringList(at(path, 'eventKinds'), o.eventKinds, 1);
  const effect = r.oneOf(at(path, 'effect'), o.effect, VETO_EFFECTS);
  return eventKinds && effect ? { eventKinds, effect } : undefined;
}

function readProtections(r: Reader, path: string, value: unknown): Protections | undefined {
  if (value === undefined) return { newEnterpriseYears: null, tags: [], majorConstruction: false };
  const o = r.object(path, value, ['newEnterpriseYears', 'tags', 'majorConstruction']);
  if (!o) return undefined;
  const years = o.newEnterpriseYears === undefined || o.newEnterpriseYears === null ? null
    : r.number(at(path, 'newEnterpriseYears'), o.newEnterpriseYears, { greaterThan: 0, integer: true });
  const tags = o.tags === undefined ? [] : r.stringList(at(path, 'tags'), o.tags);
  const major = o.majorConstruction === undefined ? false : r.boolean(at(path, 'majorConstruction'), o.majorConstruction);
  return years !== undefined && tags && major !== undefined ? { newEnterpriseYears: years, tags, majorConstruction: major } : undefined;
}

function readGrading(r: Reader, path: string, value: unknown): Grading | undefined {
  const o = r.object(path, value, ['kind', 'within', 'sharesPct', 'rounding', 'minScore']);
  if (!o) return undefined;
  const kind = r.oneOf(at(path, 'kind'), o.kind, GRADING_KINDS);
  const within = o.within === undefined ? 'all' : r.oneOf(at(path, 'within'), o.within, POOLS);
  if (kind === 'quotas') {
    if (o.minScore !== undefined) r.fail(at(path, 'minScore'), '配额定档不使用此字段');
    const s = r.object(at(path, 'sharesPct'), o.sharesPct, QUOTA_GRADES);
    const rounding = o.rounding === undefined ? 'cumulativeNearest' : r.oneOf(at(path, 'rounding'), o.rounding, QUOTA_ROUNDINGS);
    if (!s) return undefined;
    const shares = { A: s.A, B: s.B, C: s.C, D: s.D } as Record<string, unknown>;
    const read = Object.fromEntries(Object.entries(shares).map(([g, v]) => [g, r.number(at(at(path, 'sharesPct'), g), v, { min: 0, max: 100 })]));
    const values = Object.values(read);
    if (values.every((v) => v !== undefined)) {
      const sum = (values as number[]).reduce((a, b) => a + b, 0);
      if (!near(sum, 100)) return r.fail(at(path, 'sharesPct'), `A、B、C、D 配额之和应为 100，实为 ${sum}`);
      if (within && rounding) return { kind, within, rounding, sharesPct: read as Record<'A' | 'B' | 'C' | 'D', number> };
    }
    return undefined;
  }
  if (kind === 'thresholds') {
    for (const k of ['sharesPct', 'rounding']) if (o[k] !== undefined) r.fail(at(path, k), '分数线定档不使用此字段');
    const m = r.object(at(path, 'minScore'), o.minScore, ['A', 'B', 'C']);
    if (!m) return undefined;
    const A = r.number(at(at(path, 'minScore'), 'A'), m.A);
    const B = r.number(at(at(path, 'minScore'), 'B'), m.B);
    const C = r.number(at(at(path, 'minScore'), 'C'), m.C);
    if (A !== undefined && B !== undefined && !(B < A)) r.fail(at(at(path, 'minScore'), 'B'), `应低于 A 档分数线 ${A}`);
    if (B !== undefined && C !== undefined && !(C < B)) r.fail(at(at(path, 'minScore'), 'C'), `应低于 B 档分数线 ${B}`);
    return A !== undefined && B !== undefined && C !== undefined && within ? { kind, within, minScore: { A, B, C } } : undefined;
  }
  return undefined;
}

const TOP_KEYS = ['$schema', 'id', 'version', 'name', 'source', 'notes', 'scope', 'groups', 'adjustments', 'vetoes', 'protections', 'exemptionTags', 'grading'];

/** Validates a method document; on success the returned method has every default filled in. */
export function validateMethod(doc: unknown): MethodValidation {
  const r = new Reader();
  const o = r.object('', doc, TOP_KEYS);
  if (!o) return { ok: false, errors: r.errors.map((e) => ({ ...e, path: e.path || '(文档)' })) };

  const id = r.string('id', o.id, { re: /^[a-z0-9][a-z0-9-]*$/, hint: '小写字母、数字和连字符，如 huangyan-2022' });
  if (id === RESERVED_ID) r.fail('id', RESERVED_ID_MESSAGE);
  const version = r.string('version', o.version);
  const name = r.string('name', o.name);
  const src = r.object('source', o.source, ['title', 'publisher', 'date', 'url', 'note']);
  const source = src && {
    title: r.string('source.title', src.title),
    publisher: r.string('source.publisher', src.publisher),
    ...(src.date !== undefined && { date: r.string('source.date', src.date) }),
    ...(src.url !== undefined && { url: r.string('source.url', src.url) }),
    ...(src.note !== undefined && { note: r.string('source.note', src.note) }),
  };
  const notes = o.notes === undefined ? [] : r.stringList('notes', o.notes);

  const sc = r.object('scope', o.scope ?? {}, ['belowMinLandMu', 'mergeSharedParcels', 'classT']);
  const ct = sc && r.object('scope.classT', sc.classT ?? {}, ['utilities', 'productionYearsUnder', 'majorConstruction']);
  const scope = sc && ct && {
    belowMinLandMu: sc.belowMinLandMu === undefined ? 3 : r.number('scope.belowMinLandMu', sc.belowMinLandMu, { min: 0 }),
    mergeSharedParcels: sc.mergeSharedParcels === undefined ? true : r.boolean('scope.mergeSharedParcels', sc.mergeSharedParcels),
    classT: {
      utilities: ct.utilities === undefined ? true : r.boolean('scope.classT.utilities', ct.utilities),
      productionYearsUnder: ct.productionYearsUnder === undefined ? 2 : ct.productionYearsUnder === null ? null
        : r.number('scope.classT.productionYearsUnder', ct.productionYearsUnder, { greaterThan: 0, integer: true }),
      majorConstruction: ct.majorConstruction === undefined ? true : r.boolean('scope.classT.majorConstruction', ct.majorConstruction),
    },
  };

  const g = r.object('groups', o.groups, ['above', 'below']);
  const groups = g && { above: readGroup(r, 'groups.above', g.above), below: readGroup(r, 'groups.below', g.below) };
  const list = <T>(path: string, value: unknown, read: (r: Reader, p: string, v: unknown) => T | undefined) =>
    value === undefined ? [] : r.array(path, value)?.map((v, i) => read(r, at(path, i), v));
  const adjustments = list('adjustments', o.adjustments, readAdjustment);
  const vetoes = list('vetoes', o.vetoes, readVeto);
  const protections = readProtections(r, 'protections', o.protections);
  const exemptionTags = o.exemptionTags === undefined ? [] : r.stringList('exemptionTags', o.exemptionTags);
  const grading = readGrading(r, 'grading', o.grading);

  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  const method = { id, version, name, source, notes, scope, groups, adjustments, vetoes, protections, exemptionTags, grading };
  return { ok: true, method: method as Method };
}
