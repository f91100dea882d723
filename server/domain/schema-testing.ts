/**
 * Test-only: checks documents against the JSON Schema files in data/ (with Ajv, which the server
 * never loads), and makes systematic mutations of a document, so that each schema and the
 * hand-written validator beside it can be held to the same verdicts.
 */
import Ajv from 'ajv';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Step = string | number;

export interface Problem {
  path: string;
  message: string;
}

/** `groups.above.indicators[2].weight`, as the validators write paths; '' for the document itself. */
function pathText(steps: readonly Step[]): string {
  return steps.reduce<string>((p, s) => (typeof s === 'number' ? `${p}[${s}]` : p ? `${p}.${s}` : s), '');
}

/** The steps of an Ajv instance path (a JSON pointer), numbered where they index an array of `doc`. */
function stepsOf(doc: unknown, pointer: string): Step[] {
  const steps: Step[] = [];
  let node = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    const step = Array.isArray(node) ? Number(key) : key;
    steps.push(step);
    node = (node as Record<Step, unknown> | undefined)?.[step];
  }
  return steps;
}

/**
 * A checker for one schema, in strict mode: an unknown keyword, a misplaced one or a typo in the
 * schema throws here. `patternErrorMessage` is VS Code's, a message shown instead of the regex.
 */
export function schemaChecker(schema: object): { isValidSchema: boolean; check(doc: unknown): Problem[] } {
  const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  const isValidSchema = ajv.validateSchema(schema) === true;
  const validate = ajv.compile(schema);
  return {
    isValidSchema,
    check(doc) {
      if (validate(doc)) return [];
      return (validate.errors ?? []).map((e) => {
        const steps = stepsOf(doc, e.instancePath);
        const child = e.keyword === 'additionalProperties' ? e.params.additionalProperty : e.keyword === 'required' ? e.params.missingProperty : undefined;
        return { path: pathText(typeof child === 'string' ? [...steps, child] : steps), message: `${e.keyword}: ${e.message ?? ''}` };
      });
    },
  };
}

/** Every string in an `enum` or `const` of the schema: probes for the places that hold closed sets. */
export function enumStrings(schema: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'enum' && Array.isArray(value)) value.forEach((v) => typeof v === 'string' && found.add(v));
        else if (key === 'const' && typeof value === 'string') found.add(value);
        else walk(value);
      }
    }
  };
  walk(schema);
  return [...found];
}

/**
 * Field names that depend on a discriminator: those of `then` branches (a benchmark's `factor`, a
 * scoring's `cap`) and of objects that must have one of several fields (`tag` or `eventKind`).
 * Added where they do not belong, they find a branch that lets through what the validator refuses.
 */
export function branchKeys(schema: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown, inBranch: boolean): void => {
    if (Array.isArray(node)) node.forEach((n) => walk(n, inBranch));
    else if (typeof node === 'object' && node !== null) {
      const o = node as Record<string, unknown>;
      if ((inBranch || 'oneOf' in o) && typeof o.properties === 'object' && o.properties !== null) {
        Object.keys(o.properties).forEach((k) => found.add(k));
      }
      for (const [key, value] of Object.entries(o)) walk(value, key === 'then');
    }
  };
  walk(schema, false);
  return [...found];
}

export const DROP = Symbol('drop');

/**
 * `doc` with the node at `steps` replaced or dropped, as JSON.parse would have made it. Only the
 * nodes along the path are copied: the rest is shared, which is safe as neither checker mutates.
 */
export function changedAt(doc: Json, steps: readonly Step[], value: Json | typeof DROP): Json {
  if (steps.length === 0) return value === DROP ? null : (JSON.parse(JSON.stringify(value)) as Json);
  const [step, ...rest] = steps as [Step, ...Step[]];
  if (Array.isArray(doc)) {
    const copy = [...doc];
    if (rest.length === 0 && value === DROP) copy.splice(step as number, 1);
    else copy[step as number] = changedAt(doc[step as number] ?? null, rest, value);
    return copy;
  }
  const copy = { ...(doc as Record<string, Json>) };
  if (rest.length === 0 && value === DROP) delete copy[step];
  else Object.defineProperty(copy, step, { value: changedAt(copy[step] ?? null, rest, value), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Paths of every node of `doc`, the document itself first. */
export function nodePaths(doc: Json): Step[][] {
  const out: Step[][] = [];
  const walk = (node: Json, steps: Step[]) => {
    out.push(steps);
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...steps, i]));
    else if (typeof node === 'object' && node !== null) for (const [k, v] of Object.entries(node)) walk(v, [...steps, k]);
  };
  walk(doc, []);
  return out;
}

export function nodeAt(doc: Json, steps: readonly Step[]): Json | undefined {
  let node: Json | undefined = doc;
  for (const step of steps) node = typeof node === 'object' && node !== null ? (node as Record<Step, Json>)[step] : undefined;
  return node;
}

export interface Mutation {
  label: string;
  doc: Json;
}

/** One value of every JSON type, and numbers on and around the bounds the documents use (0, 1, 20, 100, 500). */
export const PROBES: readonly Json[] = [null, true, 'x', ' ', '', 0, -1, 0.5, 1, 2, 20, 100, 100.5, 500.5, [], ['x'], {}, { x: 1 }];

/**
 * Mutations at every node of `doc`: an object loses each of its keys in turn and gains an unknown
 * one and each of `extraKeys` it lacks (with the value 1); an array loses its first item, gains a copy of it and is emptied; every node is replaced by
 * each of `PROBES`, and a string also by each of `enumValues` (wrong members of closed sets).
 * Items of an array after the second are left alone: in these documents they repeat the shape of
 * the first two (a preset's seventh indicator is checked by the same rules as its first).
 */
export function* mutationsOf(doc: Json, enumValues: readonly string[], extraKeys: readonly string[] = []): Generator<Mutation> {
  for (const steps of nodePaths(doc)) {
    if (steps.some((s) => typeof s === 'number' && s >= 2)) continue;
    const where = pathText(steps) || '(文档)';
    const node = nodeAt(doc, steps)!;
    if (Array.isArray(node)) {
      if (node.length > 0) {
        yield { label: `${where}: drop the first item`, doc: changedAt(doc, [...steps, 0], DROP) };
        yield { label: `${where}: repeat the first item`, doc: changedAt(doc, steps, [...node, node[0]!]) };
        yield { label: `${where}: empty`, doc: changedAt(doc, steps, []) };
      }
    } else if (typeof node === 'object' && node !== null) {
      for (const key of Object.keys(node)) yield { label: `${where}: drop ${key}`, doc: changedAt(doc, [...steps, key], DROP) };
      for (const key of ['unknownKey', ...extraKeys.filter((k) => !(k in node))]) {
        yield { label: `${where}: add ${key}`, doc: changedAt(doc, [...steps, key], 1) };
      }
    }
    const probes = typeof node === 'string' ? [...PROBES, ...enumValues] : PROBES;
    for (const probe of probes) yield { label: `${where} = ${JSON.stringify(probe)}`, doc: changedAt(doc, steps, probe) };
  }
}

/** A disagreement the two checkers are known to have, and why. */
export interface KnownDifference {
  /** Matched against the validator's messages (validator-only rules) or the schema's paths (schema-only). */
  match: RegExp;
  why: string;
}

export type Verdict = { agree: true } | { agree: false; explained: KnownDifference[] | null };

/**
 * Compares the verdicts on one document. A document only the validator rejects is explained when
 * each of its messages is a known validator-only (cross-field) rule; one only the schema rejects,
 * when each schema error lies on a path the validator is known not to check.
 */
export function compareVerdicts(
  schemaErrors: readonly Problem[],
  validatorErrors: readonly Problem[],
  known: { validatorOnly: readonly KnownDifference[]; schemaOnly: readonly KnownDifference[] },
): Verdict {
  if ((schemaErrors.length === 0) === (validatorErrors.length === 0)) return { agree: true };
  const [errors, list, field] = schemaErrors.length === 0
    ? [validatorErrors, known.validatorOnly, 'message' as const]
    : [schemaErrors, known.schemaOnly, 'path' as const];
  const reasons = errors.map((e) => list.find((k) => k.match.test(e[field])));
  return { agree: false, explained: reasons.every((r) => r !== undefined) ? [...new Set(reasons as KnownDifference[])] : null };
}

/**
 * Every systematic mutation of each base document (mutationsOf), checked by both: the ones they
 * disagree on without a known reason, the known differences met, and how many were tried.
 */
export function systematicDisagreements(
  bases: readonly (readonly [string, Json])[],
  schema: unknown,
  check: { schema: (doc: Json) => Problem[]; validator: (doc: Json) => Problem[] },
  known: { validatorOnly: readonly KnownDifference[]; schemaOnly: readonly KnownDifference[] },
) {
  const [values, keys] = [enumStrings(schema), branchKeys(schema)];
  const unexplained: { label: string; schema: Problem[]; validator: Problem[] }[] = [];
  const used = new Set<KnownDifference>();
  let count = 0;
  for (const [name, base] of bases) {
    for (const m of mutationsOf(base, values, keys)) {
      count++;
      const [s, v] = [check.schema(m.doc), check.validator(m.doc)];
      const verdict = compareVerdicts(s, v, known);
      if (verdict.agree) continue;
      if (verdict.explained) verdict.explained.forEach((k) => used.add(k));
      else unexplained.push({ label: `${name}: ${m.label}`, schema: s, validator: v });
    }
  }
  const unmet = [...known.validatorOnly, ...known.schemaOnly].filter((k) => !used.has(k)).map((k) => k.why);
  return { unexplained, unmet, count };
}
