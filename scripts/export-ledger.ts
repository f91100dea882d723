/**
 * Writes a year's ledger as the evaluation engine reads it (a LedgerSnapshot JSON), from the database
 * named by DATABASE_URL or the embedded one:  npx tsx scripts/export-ledger.ts --year 2025 --out ledger-2025.json
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrate } from '../server/db/migrate.ts';
import { snapshotRows } from '../server/db/queries/evaluation.ts';
import { toSnapshot } from '../server/evaluation/snapshot.ts';

const { values } = parseArgs({ options: { year: { type: 'string' }, out: { type: 'string' } } });
const year = Number(values.year);
if (!Number.isInteger(year) || !values.out) {
  console.error('用法：tsx scripts/export-ledger.ts --year 2025 --out ledger-2025.json');
  process.exit(2);
}
const config = readConfig(process.env, new URL('..', import.meta.url).pathname);
const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrate(db);
  const snapshot = toSnapshot(year, await snapshotRows(db, year));
  writeFileSync(values.out, `${JSON.stringify(snapshot, null, 1)}\n`);
  console.log(`${year} 年台账：${snapshot.enterprises.length} 家企业 → ${values.out}`);
} finally {
  await db.close();
}
