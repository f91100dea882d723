/** Numbers and citations in the words a planner reads. */
import { m2ToMu, round } from '../units.ts';
import type { ParcelFacts, RuleCitation } from './model.ts';
import type { Progress } from './stage.ts';
import type { Derived } from './figures.ts';
import { rulesRef, sourceAt, type LandRules } from './rules.ts';

/** What every rule module reads about one parcel. */
export interface Context {
  p: ParcelFacts;
  progress: Progress;
  d: Derived;
  rules: LandRules;
}

/** A number as shown: at most `digits` decimals, no trailing zeros (12.30 → "12.3"). */
export function num(value: number, digits = 2): string {
  return String(round(value, digits) ?? value);
}

/** A share as a percentage with one decimal: 0.2 → "20%", 1/3 → "33.3%". */
export function pct(share: number): string {
  return `${num(share * 100, 1)}%`;
}

export function mu(areaM2: number): string {
  return `${num(m2ToMu(areaM2))} 亩`;
}

/** Rounded for facts in JSON; null stays null. */
export function r(value: number | null, digits = 2): number | null {
  return round(value, digits);
}

export function cite(rules: LandRules, paths: string[], threshold: string): RuleCitation {
  const sources = [...new Set(paths.map((path) => sourceAt(rules, path)))];
  return { rules: rulesRef(rules), paths, threshold, sources };
}
