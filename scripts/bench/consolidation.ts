/**
 * Budget (issue 4): consolidation over a 100k-parcel district ≤ 10 s on a PostGIS server.
 * Times the consolidation step alone (links, union-find, summaries, footprints and their storage,
 * in one transaction; median of `--runs`) and the whole land refresh (statuses for every year, exit
 * candidates, consolidation), on the database named by DATABASE_URL holding an imported district:
 *
 *   npx tsx scripts/generate-district.ts --parcels 100000 --out /tmp/d100k
 *   psql -h 127.0.0.1 -p 55432 -U postgres -c 'CREATE DATABASE bench_consolidation'
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55432/bench_consolidation npx tsx scripts/import.ts /tmp/d100k
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55432/bench_consolidation npx tsx scripts/bench/consolidation.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../server/db/database.ts';
import { migrate } from '../../server/db/migrate.ts';
import { reconsolidate } from '../../server/land/reconsolidate.ts';
import { ensureLandStatus, refreshLandStatus } from '../../server/land/refresh.ts';
import { activeRules } from '../../server/land/rules.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, 'skip-refresh': { type: 'boolean', default: false } } });
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL must name a PostGIS server holding an imported district');
  process.exit(2);
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const database = new URL(url).pathname.slice(1);

/**
 * CPU time (user + system, ms) of this database's server backends, read from /proc when the server
 * runs on this machine: on a shared, loaded machine it says what the work costs, whatever the wall
 * clock says. null when /proc is not there or shows no backend.
 */
function backendCpuMs(): number | null {
  try {
    const tick = 10; // ms per clock tick (USER_HZ = 100 on Linux)
    let total = 0;
    let found = false;
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let cmd: string;
      try {
        cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!cmd.startsWith('postgres: ') || !cmd.includes(` ${database} `)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * tick;
      found = true;
    }
    return found ? total : null;
  } catch {
    return null;
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const db = await openDatabase({ url, dataDir: '' });
try {
  await migrate(db);
  const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM parcel')) as [{ n: number }];
  console.log(`parcels: ${n}; ${availableParallelism()} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const [{ runs }] = (await db.query<{ runs: number }>('SELECT count(*)::int AS runs FROM evaluation_run')) as [{ runs: number }];
  if (runs === 0) {
    const { ensureFirstEvaluation } = await import('../../server/evaluation/run.ts');
    await ensureFirstEvaluation(db);
    console.log('evaluated the latest two years (first start)');
  }
  await ensureLandStatus(db);

  if (!values['skip-refresh']) {
    const refresh = await refreshLandStatus(db);
    console.log(`whole refresh: ${seconds(refresh.timingsMs.total)} ${JSON.stringify(refresh.timingsMs)}`);
    console.log(`  years ${refresh.years.join(', ')}; exit ${JSON.stringify(refresh.exit)}`);
  }

  const { rules } = await activeRules(db);
  const times: number[] = [];
  const cpu: number[] = [];
  let outcome = null;
  for (let i = 0; i < Number(values.runs); i++) {
    const [t, pg0, node0] = [performance.now(), backendCpuMs(), process.cpuUsage()];
    outcome = await reconsolidate(db, rules);
    times.push(performance.now() - t);
    const [pg1, node1] = [backendCpuMs(), process.cpuUsage(node0)];
    if (pg0 !== null && pg1 !== null) cpu.push(pg1 - pg0 + (node1.user + node1.system) / 1000);
  }
  const [largest] = await db.query<{ parcels: number; mu: number }>(
    `SELECT parcel_count AS parcels, round((area_m2 / (10000.0 / 15))::numeric, 1) AS mu FROM consolidation_cluster ORDER BY parcel_count DESC LIMIT 1`,
  );
  console.log(`consolidation alone: median ${seconds(median(times))} of ${times.map(seconds).join(', ')} wall clock (budget 10 s)`);
  if (cpu.length > 0) console.log(`  CPU time (PostgreSQL backend + node): median ${seconds(median(cpu))} of ${cpu.map(seconds).join(', ')}; load now ${loadavg()[0]!.toFixed(1)}`);
  console.log(`  ${JSON.stringify(outcome)}; largest cluster ${largest?.parcels ?? 0} parcels, ${largest?.mu ?? 0} 亩`);
} finally {
  await db.close();
}
