/**
 * `npm run import -- <delivery folder>`: loads a delivery (manifest.json + files) into the database
 * named by DATABASE_URL, or the embedded one. All or nothing; problems are listed by file, row, field.
 */
import { readConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrate } from '../server/db/migrate.ts';
import { formatIssue, ImportError } from '../server/import/issues.ts';
import { importDelivery } from '../server/import/load.ts';
import { refreshLandStatus } from '../server/land/refresh.ts';

const folder = process.argv[2];
if (!folder) {
  console.error('用法：npm run import -- <数据包文件夹（含 manifest.json）>');
  process.exit(2);
}
const config = readConfig(process.env, new URL('..', import.meta.url).pathname);
const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrate(db);
  const report = await importDelivery(db, folder);
  if (report.alreadyImported) console.log(`该数据包已导入过（批次 ${report.batchId}），未做改动。`);
  else {
    console.log(`导入完成（批次 ${report.batchId}）：${JSON.stringify(report.counts)}`);
    const land = await refreshLandStatus(db);
    console.log(`用地状态已更新（${land.years.join('、')} 年）：退出候选 ${land.exit.candidates} 项，连片开发候选 ${land.consolidation?.clusters ?? 0} 片`);
  }
  for (const w of report.warnings) console.warn(`警告：${formatIssue(w)}`);
} catch (err) {
  if (err instanceof ImportError) {
    console.error(err.message);
    process.exitCode = 1;
  } else throw err;
} finally {
  await db.close();
}
