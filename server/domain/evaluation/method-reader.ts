/**
 * Field-by-field reading of an untrusted JSON document, collecting every problem with its path
 * (`groups.above.indicators[2].weight`) and a message in Chinese, so an API can answer 400 naming
 * the field. Used by `validateMethod`; knows nothing about methods.
 */

export interface FieldError {
  path: string;
  message: string;
}

export function fieldPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '数组';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return '对象';
  return String(value);
}

type Obj = Record<string, unknown>;

export class Reader {
  readonly errors: FieldError[] = [];

  fail(path: string, message: string): undefined {
    this.errors.push({ path, message });
    return undefined;
  }

  /** An object whose keys are all in `allowed` (an unknown key is usually a typo, so it is an error). */
  object(path: string, value: unknown, allowed: readonly string[]): Obj | undefined {
    if (value === undefined) return this.fail(path, '缺少必填字段');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.fail(path, `应为对象，实为 ${describe(value)}`);
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.fail(fieldPath(path, key), `未知字段（可用字段：${allowed.join('、')}）`);
    }
    return value as Obj;
  }

  string(path: string, value: unknown, pattern?: { re: RegExp; hint: string }): string | undefined {
    if (value === undefined) return this.fail(path, '缺少必填字段');
    if (typeof value !== 'string') return this.fail(path, `应为字符串，实为 ${describe(value)}`);
    if (value.trim() === '') return this.fail(path, '不能为空');
    if (pattern && !pattern.re.test(value)) return this.fail(path, `格式不符：${pattern.hint}，实为 ${describe(value)}`);
    return value;
  }

  optionalString(path: string, value: unknown): string | undefined {
    return value === undefined ? undefined : this.string(path, value);
  }

  number(
    path: string,
    value: unknown,
    limits: { min?: number; greaterThan?: number; max?: number; integer?: boolean } = {},
  ): number | undefined {
    if (value === undefined) return this.fail(path, '缺少必填字段');
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(path, `应为数字，实为 ${describe(value)}`);
    if (limits.integer && !Number.isInteger(value)) return this.fail(path, `应为整数，实为 ${value}`);
    if (limits.greaterThan !== undefined && !(value > limits.greaterThan)) return this.fail(path, `应大于 ${limits.greaterThan}，实为 ${value}`);
    if (limits.min !== undefined && value < limits.min) return this.fail(path, `应不小于 ${limits.min}，实为 ${value}`);
    if (limits.max !== undefined && value > limits.max) return this.fail(path, `应不大于 ${limits.max}，实为 ${value}`);
    return value;
  }

  boolean(path: string, value: unknown): boolean | undefined {
    if (value === undefined) return this.fail(path, '缺少必填字段');
    if (typeof value !== 'boolean') return this.fail(path, `应为 true 或 false，实为 ${describe(value)}`);
    return value;
  }

  oneOf<T extends string>(path: string, value: unknown, options: readonly T[]): T | undefined {
    if (value === undefined) return this.fail(path, `缺少必填字段（可选值：${options.join('、')}）`);
    if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
      return this.fail(path, `应为以下之一：${options.join('、')}，实为 ${describe(value)}`);
    }
    return value as T;
  }

  array(path: string, value: unknown, minItems = 0): unknown[] | undefined {
    if (value === undefined) return this.fail(path, '缺少必填字段');
    if (!Array.isArray(value)) return this.fail(path, `应为数组，实为 ${describe(value)}`);
    if (value.length < minItems) return this.fail(path, `至少应有 ${minItems} 项`);
    return value;
  }

  /** Distinct non-empty strings. */
  stringList(path: string, value: unknown, minItems = 0): string[] | undefined {
    const items = this.array(path, value, minItems);
    if (!items) return undefined;
    const out: string[] = [];
    items.forEach((item, i) => {
      const s = this.string(fieldPath(path, i), item);
      if (s === undefined) return;
      if (out.includes(s)) this.fail(fieldPath(path, i), `与前面的“${s}”重复`);
      else out.push(s);
    });
    return out;
  }
}
