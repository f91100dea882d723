/** Region and industry aggregates of a stored run, with the targets shipped in data/targets/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Queryable } from '../db/database.ts';
import { allResults, industrialLandByRegion, snapshotRows, type RunRow } from '../db/queries/evaluation.ts';
import { aggregateByIndustry, aggregateByRegion, type EnterpriseFacts, type RankBy, type Targets } from '../domain/evaluation/aggregate.ts';
import type { UnitResult } from '../domain/evaluation/result.ts';
import type { RegionLevel } from '../domain/evaluation/types.ts';
import { industryName } from '../domain/industries.ts';
import { toSnapshot } from './snapshot.ts';

export const DEFAULT_TARGETS = 'chongqing-2027';

export function readTargets(name = DEFAULT_TARGETS): Targets {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'data', 'targets', `${name}.json`), 'utf8')) as Targets;
}

async function inputs(db: Queryable, run: RunRow) {
  const [results, rows] = await Promise.all([allResults(db, run.id), snapshotRows(db, run.year)]);
  const facts = new Map<string, EnterpriseFacts>(toSnapshot(run.year, rows).enterprises.map((e) => [e.uscc, e]));
  return { units: results.map((r) => r.detail as UnitResult), facts };
}

export async function regionAggregates(db: Queryable, run: RunRow, level: RegionLevel, rankBy: RankBy) {
  const { units, facts } = await inputs(db, run);
  const regions = (await industrialLandByRegion(db)).map((r) => ({ code: r.code, name: r.name, level: r.level as RegionLevel, industrialAreaM2: r.industrial_area_m2 }));
  return aggregateByRegion({ year: run.year, units, facts, regions, level, targets: readTargets(), rankBy });
}

export async function industryAggregates(db: Queryable, run: RunRow, level: 'class' | 'division', top: number, rankBy: RankBy) {
  const { units, facts } = await inputs(db, run);
  return aggregateByIndustry({ year: run.year, units, facts, level, top, targets: readTargets(), rankBy, nameOf: industryName });
}
