/**
 * The difference between two runs: who changed grade and why, in words. Pure; works on the stored
 * `UnitResult`s of each run, keyed by unit id.
 */
import type { Grade, ItemResult, UnitResult } from './result.ts';

const GRADE_RANK: Record<Grade, number> = { A: 4, B: 3, C: 2, D: 1, T: 0 };

export interface GradeChange {
  unitId: string;
  name: string;
  from: Grade | null;
  to: Grade | null;
  direction: 'up' | 'down' | 'new' | 'gone' | 'toT' | 'fromT';
  totalFrom: number | null;
  totalTo: number | null;
  reasons: string[];
}

export interface RunDiff {
  changed: GradeChange[];
  counts: { up: number; down: number; new: number; gone: number; toT: number; fromT: number; unchanged: number };
}

/** How a grade moved: up or down the A–D scale, into or out of T, or in or out of the run. */
export function gradeDirection(from: Grade | null, to: Grade | null): GradeChange['direction'] {
  if (from === null) return 'new';
  if (to === null) return 'gone';
  if (to === 'T') return 'toT';
  if (from === 'T') return 'fromT';
  return GRADE_RANK[to] > GRADE_RANK[from] ? 'up' : 'down';
}

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2).replace(/\.?0+$/, ''));

/** The items whose score moved the most, as "亩均税收 得分 12.3 → 8.1（值 15.2 → 9.8 万元/亩）". */
function itemReasons(a: readonly ItemResult[], b: readonly ItemResult[]): string[] {
  const before = new Map(a.map((i) => [i.key, i]));
  return b
    .map((i) => ({ now: i, then: before.get(i.key) }))
    .filter((x): x is { now: ItemResult; then: ItemResult } => x.then !== undefined && Math.abs(x.now.score - x.then.score) >= 0.01)
    .sort((x, y) => Math.abs(y.now.score - y.then.score) - Math.abs(x.now.score - x.then.score) || x.now.key.localeCompare(y.now.key))
    .slice(0, 3)
    .map(({ now, then }) => {
      const values = now.value !== null && then.value !== null ? `（值 ${fmt(then.value)} → ${fmt(now.value)} ${now.unit}）` : '';
      const bench = now.benchmark !== null && then.benchmark !== null && Math.abs(now.benchmark - then.benchmark) > 1e-9
        ? `，基准 ${fmt(then.benchmark)} → ${fmt(now.benchmark)}` : '';
      return `${now.label} 得分 ${fmt(then.score)} → ${fmt(now.score)}${values}${bench}`;
    });
}

export function diffRuns(from: readonly UnitResult[], to: readonly UnitResult[]): RunDiff {
  const a = new Map(from.map((u) => [u.unitId, u]));
  const b = new Map(to.map((u) => [u.unitId, u]));
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changed: GradeChange[] = [];
  let unchanged = 0;
  for (const id of ids) {
    const x = a.get(id);
    const y = b.get(id);
    const g0 = x?.grade ?? null;
    const g1 = y?.grade ?? null;
    if (g0 === g1) {
      unchanged++;
      continue;
    }
    const reasons: string[] = [];
    if (!x) reasons.push('新纳入评价');
    else if (!y) reasons.push('不再纳入评价');
    else {
      if (x.total !== null && y.total !== null) reasons.push(`综合得分 ${fmt(x.total)} → ${fmt(y.total)}`);
      if (x.rank !== null && y.rank !== null) reasons.push(`排名 ${x.rank}/${x.rankOf} → ${y.rank}/${y.rankOf}`);
      reasons.push(...itemReasons(x.items, y.items));
      const newReasons = y.reasons.filter((r) => !x.reasons.includes(r) && /否决|保护|不定等级|加分|减分/.test(r));
      reasons.push(...newReasons);
    }
    changed.push({
      unitId: id, name: (y ?? x)!.name, from: g0, to: g1, direction: gradeDirection(g0, g1),
      totalFrom: x?.total ?? null, totalTo: y?.total ?? null, reasons,
    });
  }
  const counts = { up: 0, down: 0, new: 0, gone: 0, toT: 0, fromT: 0, unchanged };
  for (const c of changed) counts[c.direction]++;
  return { changed, counts };
}
