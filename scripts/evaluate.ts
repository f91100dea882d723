/**
 * Runs the evaluation engine outside the app, so a county can check its method on its own data:
 *   npx tsx scripts/evaluate.ts --method data/methods/huaian-2024.json --ledger ledger-2025.json --out results.xlsx
 * The ledger is a JSON LedgerSnapshot (format in data/README.md, "Ledger export"); export one from a
 * database with scripts/export-ledger.ts. --out ends in .json (the engine's full result), .csv or .xlsx.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluate } from '../server/domain/evaluation/evaluate.ts';
import type { LedgerSnapshot } from '../server/domain/evaluation/types.ts';
import { validateMethod } from '../server/domain/evaluation/validate-method.ts';
import { resultsTable, toCsv, toXlsx } from '../server/evaluation/export.ts';

const { values } = parseArgs({ options: { method: { type: 'string' }, ledger: { type: 'string' }, out: { type: 'string' } } });
if (!values.method || !values.ledger || !values.out) {
  console.error('用法：tsx scripts/evaluate.ts --method <办法.json> --ledger <台账.json> --out <结果.json|.csv|.xlsx>');
  process.exit(2);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    console.error(`${path}：无法读取 JSON（${(err as Error).message}）`);
    process.exit(2);
  }
}

const checked = validateMethod(readJson(values.method));
if (!checked.ok) {
  console.error(`${values.method}：评价办法无效`);
  for (const e of checked.errors) console.error(`  ${e.path}：${e.message}`);
  process.exit(2);
}
const ledger = readJson(values.ledger) as LedgerSnapshot;
if (typeof ledger?.year !== 'number' || typeof ledger.asOfDate !== 'string' || !Array.isArray(ledger.enterprises)) {
  console.error(`${values.ledger}：应为 { year, asOfDate, enterprises: [...] }（见 data/README.md“Ledger export”）`);
  process.exit(2);
}

const result = evaluate(ledger, checked.method);
const out = values.out;
if (out.endsWith('.json')) writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
else if (out.endsWith('.csv')) writeFileSync(out, toCsv(resultsTable(result.units)));
else if (out.endsWith('.xlsx')) writeFileSync(out, await toXlsx(resultsTable(result.units), `${result.year} 年评价结果`));
else {
  console.error(`--out 应以 .json、.csv 或 .xlsx 结尾：${out}`);
  process.exit(2);
}
const g = result.summary.byGrade;
const line = (s: keyof typeof g) => `A ${g[s].A} / B ${g[s].B} / C ${g[s].C} / D ${g[s].D} / T ${g[s].T}`;
console.log(`${result.methodId}@${result.methodVersion}，${result.year} 年：规上 ${line('above')}；规下 ${line('below')} → ${out}`);
