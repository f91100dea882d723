/** Results of a run as a table with Chinese headers, written as CSV (UTF-8 with BOM, for Excel) or XLSX. */
import ExcelJS from 'exceljs';
import type { ResultRow } from '../db/queries/evaluation.ts';
import type { UnitResult } from '../domain/evaluation/result.ts';
import { m2ToMu, round } from '../domain/units.ts';

const GROUP_LABEL = { above: '规上', below: '规下' } as const;
const KIND_LABEL = { enterprise: '企业', mergedParcel: '共用宗地合并评价' } as const;

export interface Table {
  header: string[];
  rows: (string | number | null)[][];
}

export function resultsTable(rows: readonly ResultRow[]): Table {
  // Indicator columns: every item any unit has, in first-seen order, labelled with its unit.
  const items = new Map<string, string>();
  for (const r of rows) for (const i of (r.detail as UnitResult).items) if (!items.has(i.key)) items.set(i.key, `${i.label}（${i.unit}）`);
  const header = [
    '组别', '排名', '参评数', '等级', '排名等级', '综合得分', '评价单元', '单元类型', '企业名称', '统一社会信用代码', '行业代码',
    '用地面积（亩）', ...[...items.values()].flatMap((label) => [label, `${label.replace(/（.*）$/, '')}得分`]), '共享结果来自', '评价理由',
  ];
  const body = rows.map((r) => {
    const d = r.detail as UnitResult;
    const byKey = new Map(d.items.map((i) => [i.key, i]));
    return [
      GROUP_LABEL[r.grp], r.rank, r.rank_of, r.grade, r.base_grade, round(r.total), r.unit_id, KIND_LABEL[r.kind], r.name,
      r.members.join('、'), r.industry_code, round(m2ToMu(r.land_area_m2)),
      ...[...items.keys()].flatMap((k) => [round(byKey.get(k)?.value ?? null, 4), round(byKey.get(k)?.score ?? null)]),
      r.shared_result_from, d.reasons.join('；'),
    ];
  });
  return { header, rows: body };
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(t: Table): string {
  return `\uFEFF${[t.header, ...t.rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export async function toXlsx(t: Table, sheetName: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(t.header).font = { bold: true };
  for (const row of t.rows) sheet.addRow(row);
  sheet.columns.forEach((col, i) => {
    col.width = Math.min(40, Math.max(8, (t.header[i] ?? '').length * 2 + 2));
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
