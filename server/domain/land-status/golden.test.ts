/**
 * The whole pipeline on a hand-made district, compared with golden/district-2025.json.
 * Regenerate with UPDATE_GOLDEN=1 after a deliberate change, and read the diff in review.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessParcel } from './assess.ts';
import { exitCandidates } from './exit.ts';
import { industryMedians } from './figures.ts';
import { GOLDEN_ENTERPRISES, GOLDEN_PARCELS, GOLDEN_YEAR } from './golden-fixture.ts';
import type { FlagCode } from './model.ts';
import { EXIT_PATHS } from './rules.ts';
import { RULES } from './testing.ts';

const FILE = new URL('./golden/district-2025.json', import.meta.url);

function run() {
  const medians = industryMedians(GOLDEN_PARCELS, RULES);
  const parcels = GOLDEN_PARCELS.map((p) => assessParcel({ ...p, industryMedians: medians }, RULES));
  const exit = exitCandidates({ evaluationYear: GOLDEN_YEAR, parcels, enterprises: GOLDEN_ENTERPRISES }, RULES);
  return { industryMedians: medians, parcels, exit };
}

describe('golden district', () => {
  const result = run();

  it('matches golden/district-2025.json', () => {
    const text = `${JSON.stringify(result, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(FILE, text);
    if (!existsSync(FILE)) throw new Error('golden/district-2025.json 不存在：用 UPDATE_GOLDEN=1 生成后审阅');
    expect(text).toBe(readFileSync(FILE, 'utf8'));
  });

  it('raises every flag and every exit path, and keeps someone apart', () => {
    const all: FlagCode[] = [
      'idle', 'idle_halted', 'approved_not_supplied', 'supplied_not_used', 'used_not_fully', 'built_not_producing',
      'producing_below_target', 'low_tax_per_mu', 'low_tax_vs_industry', 'low_far', 'vacant_floor_share', 'vacant_floor_area',
      'standard_land_failed',
    ];
    const seen = new Set(result.parcels.flatMap((p) => p.flags.map((f) => f.code)));
    expect(all.filter((c) => !seen.has(c))).toEqual([]);
    expect(EXIT_PATHS.filter((path) => !result.exit.candidates.some((c) => c.path === path))).toEqual([]);
    expect(result.exit.keptOff.map((k) => [k.path, k.subject])).toEqual([
      ['倒逼退出', 'enterprise:91500106MA5U1T0U4B'],
      ['引导退还', 'parcel:500106001001GB00011W00000000'],
    ]);
  });
});
