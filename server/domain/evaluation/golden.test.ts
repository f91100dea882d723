import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { FIXTURES_DIR, loadLedger, loadPreset, PRESET_IDS, type PresetId } from './fixtures/load.ts';
import type { EvaluationResult } from './result.ts';

const update = process.env.UPDATE_GOLDEN === '1';

describe.each(PRESET_IDS)('golden result of %s on the hand-made ledger', (id) => {
  it(`matches fixtures/golden/${id}.json`, () => {
    const path = join(FIXTURES_DIR, 'golden', `${id}.json`);
    const text = `${JSON.stringify(evaluate(loadLedger(), loadPreset(id)), null, 2)}\n`;
    if (update) writeFileSync(path, text);
    expect(existsSync(path), `${path} missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  });
});

interface HandRow {
  preset: PresetId;
  unit: string;
  what: string;
  expected: string;
}

/** The rows between the `hand` markers of fixtures/README.md. */
function handRows(): HandRow[] {
  const readme = readFileSync(join(FIXTURES_DIR, 'README.md'), 'utf8');
  const block = readme.split('<!-- hand:begin -->')[1]!.split('<!-- hand:end -->')[0]!;
  return block
    .split('\n')
    .filter((line) => /^\| [a-z]/.test(line) && !line.startsWith('| preset'))
    .map((line) => {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      return { preset: cells[0] as PresetId, unit: cells[1]!, what: cells[2]!, expected: cells[4]! };
    });
}

describe('numbers worked out by hand in fixtures/README.md', () => {
  const results = new Map<PresetId, EvaluationResult>(PRESET_IDS.map((id) => [id, evaluate(loadLedger(), loadPreset(id))]));
  const rows = handRows();

  it('the table is there', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
  });

  it.each(rows.map((r) => [`${r.preset} ${r.unit} ${r.what} = ${r.expected}`, r] as const))('%s', (_, row) => {
    const unit = results.get(row.preset)!.units.find((u) => u.unitId === row.unit && u.sharedResultFrom === null);
    expect(unit, `unit ${row.unit}`).toBeDefined();
    if (row.what === 'grade') return expect(unit!.grade).toBe(row.expected);
    const expected = Number(row.expected);
    let actual: number | null | undefined;
    if (row.what === 'total') actual = unit!.total;
    else if (row.what.startsWith('benchmark:')) actual = unit!.items.find((it) => it.key === row.what.slice(10))?.benchmark;
    else actual = unit!.items.find((it) => it.key === row.what)?.score;
    expect(actual).toBeTypeOf('number');
    expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1.01e-4);
  });
});
