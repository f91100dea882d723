/** The method presets shipped in data/methods/, each citing its source inside the file, and their JSON Schema. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PRESETS_DIR = join(import.meta.dirname, '..', '..', 'data', 'methods');

/** The preset a newcomer's district is evaluated with on first start. */
export const DEFAULT_PRESET = 'chongqing-default';

export function presetNames(): string[] {
  return readdirSync(PRESETS_DIR)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** The parsed preset document, or null when there is no such preset. */
export function readPreset(name: string): unknown | null {
  if (!presetNames().includes(name)) return null;
  return JSON.parse(readFileSync(join(PRESETS_DIR, `${name}.json`), 'utf8'));
}

/** data/methods/method.schema.json as written (the presets name it in their `$schema` line). */
export function readMethodSchema(): string {
  return readFileSync(join(PRESETS_DIR, 'method.schema.json'), 'utf8');
}
