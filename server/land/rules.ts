/** Land-status rules documents: the shipped default, and the stored versions checked on loading. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Queryable } from '../db/database.ts';
import { activeLandRules, getLandRules, insertLandRules, landRefresh, type LandRulesRow } from '../db/queries/land-rules.ts';
import type { LandRules } from '../domain/land-status/rules.ts';
import { validateLandRules } from '../domain/land-status/validate-rules.ts';

const RULES_DIR = join(import.meta.dirname, '..', '..', 'data', 'rules');
const DEFAULT_FILE = join(RULES_DIR, 'land-status-default.json');

export class LandRulesNotFound extends Error {}
export class InvalidStoredLandRules extends Error {}

/** The shipped default document (data/rules/land-status-default.json), parsed. */
export function readDefaultLandRules(): unknown {
  return JSON.parse(readFileSync(DEFAULT_FILE, 'utf8'));
}

/** data/rules/land-status-rules.schema.json as written (the default document names it in its `$schema` line). */
export function readLandRulesSchema(): string {
  return readFileSync(join(RULES_DIR, 'land-status-rules.schema.json'), 'utf8');
}

function checked(row: LandRulesRow): LandRules {
  const result = validateLandRules(row.document);
  if (!result.ok) throw new InvalidStoredLandRules(`已存的用地规则 ${row.id}@${row.version} 无效：${result.errors.map((e) => `${e.path} ${e.message}`).join('；')}`);
  return result.rules;
}

export async function loadLandRules(db: Queryable, id: string, version: number | null): Promise<{ row: LandRulesRow; rules: LandRules }> {
  const row = await getLandRules(db, id, version);
  if (!row) throw new LandRulesNotFound(version === null ? `用地规则 ${id} 不存在` : `用地规则 ${id} 版本 ${version} 不存在`);
  return { row, rules: checked(row) };
}

/** The rules in force (the document stored last); the shipped default is stored first if there is none. */
export async function activeRules(db: Queryable): Promise<{ row: LandRulesRow; rules: LandRules }> {
  let row = await activeLandRules(db);
  if (!row) {
    const doc = readDefaultLandRules();
    const result = validateLandRules(doc);
    if (!result.ok) throw new InvalidStoredLandRules(`默认用地规则无效：${JSON.stringify(result.errors)}`);
    await insertLandRules(db, { id: result.rules.id, version: result.rules.version, name: result.rules.name, document: doc });
    row = (await activeLandRules(db))!;
  }
  return { row, rules: checked(row) };
}

/** The rules the stored statuses and candidates were computed with (the last refresh), else those in force. */
export async function rulesOfLastRefresh(db: Queryable): Promise<{ row: LandRulesRow; rules: LandRules }> {
  const last = await landRefresh(db);
  return last ? loadLandRules(db, last.rules_id, last.rules_version) : activeRules(db);
}
