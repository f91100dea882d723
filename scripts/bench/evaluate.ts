/**
 * Budget (evaluation engine): 100k enterprises evaluated with the Chongqing default method (seven
 * indicators, previous-year district means, quotas per district) in ≤ 2 s, median of 5 runs.
 * The ledger is synthetic and seeded: 12 districts, ~30 industries, 1–2 parcels per firm with ~4%
 * of parcels shared by tenants, a few utilities, new plants, missing emissions and vetoing events.
 * Run: `node --expose-gc --import tsx scripts/bench/evaluate.ts [enterprises=100000]`
 * (plain `npx tsx scripts/bench/evaluate.ts` works too; heap figures are then less precise).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { evaluate } from '../../server/domain/evaluation/evaluate.ts';
import type { EnterpriseInput, LedgerSnapshot, MetricValues } from '../../server/domain/evaluation/types.ts';
import { validateMethod } from '../../server/domain/evaluation/validate-method.ts';

const count = Number(process.argv[2] ?? 100_000);
const YEAR = 2025;

/** mulberry32: small seeded generator (the bench must not depend on Math.random). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function synthLedger(n: number, seed: number): LedgerSnapshot {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const logn = (median: number, sigma: number) => median * Math.exp(sigma * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()));
  const industries = Array.from({ length: 30 }, (_, i) => `C${3000 + i * 37}`).concat(['D4411', 'D4620']);
  const districts = Array.from({ length: 12 }, (_, i) => ({ level: 'district' as const, code: String(500100 + i), name: `区县${i + 1}` }));
  const tags = ['专精特新"小巨人"', '链主企业', '小升规', '本地培育重点企业'];
  const events = ['安全事故', '环保事故', '能耗超标', '亩产数据不实', '环保处罚'];
  let parcelSeq = 0;
  const enterprises: EnterpriseInput[] = [];
  for (let i = 0; i < n; i++) {
    const above = next() < 0.7;
    const district = pick(districts);
    const own = next() < 0.04 && parcelSeq > 0 ? [Math.max(1, parcelSeq - Math.floor(next() * 50))] : [++parcelSeq];
    if (next() < 0.1) own.push(++parcelSeq);
    const land = own.map((p) => ({ code: `${district.code}001001GB${String(p).padStart(8, '0')}W00000000`, role: 'owner' as const, areaUsedM2: Math.round(logn(above ? 15_000 : 3_000, 0.8)) }));
    const mu = land.reduce((s, p) => s + p.areaUsedM2, 0) / (10000 / 15);
    const year = (k: number): MetricValues => {
      const revenue = logn(above ? 400 : 150, 0.7) * mu * k;
      return {
        revenue_wan: revenue, value_added_wan: revenue * logn(0.22, 0.3), tax_wan: revenue * logn(0.05, 0.5),
        energy_tce: revenue * logn(0.08, 0.6), electricity_wan_kwh: revenue * logn(0.05, 0.5),
        emission_t: next() < 0.05 ? null : revenue * logn(0.0002, 0.8), rd_wan: revenue * logn(0.02, 0.8),
        employees: next() < 0.02 ? null : Math.max(1, Math.round(revenue / logn(80, 0.4))),
      };
    };
    enterprises.push({
      uscc: `91${String(i).padStart(15, '0')}X`,
      name: `企业${i}`,
      industryCode: next() < 0.02 ? pick(industries.slice(-2)) : pick(industries.slice(0, -2)),
      scale: above ? 'above' : 'below',
      tags: next() < 0.08 ? [pick(tags)] : [],
      isUtility: false,
      productionStartDate: next() < 0.05 ? '2024-06-01' : next() < 0.05 ? '2023-03-01' : '2012-01-01',
      inMajorConstruction: next() < 0.01,
      regions: [district],
      parcels: land,
      metrics: { [YEAR]: year(1), [YEAR - 1]: year(0.95) },
      events: next() < 0.02 ? [{ year: YEAR, kind: pick(events) }] : [],
    });
  }
  return { year: YEAR, asOfDate: `${YEAR}-12-31`, enterprises };
}

const doc = JSON.parse(readFileSync(new URL('../../data/methods/chongqing-default.json', import.meta.url), 'utf8'));
const v = validateMethod(doc);
if (!v.ok) throw new Error(JSON.stringify(v.errors));
const snapshot = synthLedger(count, 20251);
const gc = (globalThis as { gc?: () => void }).gc;

gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const times: number[] = [];
const cpuTimes: number[] = [];
let summary = '';
let heapAfter = 0;
for (let run = 0; run < 5; run++) {
  gc?.(); // each run starts from the same heap: the ledger only
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = evaluate(snapshot, v.method);
  const c = process.cpuUsage(c0);
  times.push(performance.now() - t0);
  cpuTimes.push((c.user + c.system) / 1000);
  heapAfter = Math.max(heapAfter, process.memoryUsage().heapUsed);
  summary = JSON.stringify(result.summary);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const median = times[2]!;
const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
console.log(`evaluate(): ${count} enterprises, chongqing-default`);
console.log(`runs (ms): ${times.map((t) => t.toFixed(0)).join(', ')} → median ${median.toFixed(0)} ms`);
console.log(`CPU time (all threads, GC helpers included): median ${cpuTimes[2]!.toFixed(0)} ms; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} CPUs`);
console.log(`heap used: ${mb(heapBefore)} MB with the ledger loaded, peak ${mb(heapAfter)} MB while evaluating${gc ? '' : ' (run with --expose-gc for a clean baseline)'}`);
console.log(`summary: ${summary}`);
console.log(`budget: median ≤ 2000 ms for 100k → ${median <= 2000 ? 'met' : 'MISSED'}`);
