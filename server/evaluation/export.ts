/** Results of a run as a table with Chinese headers, written as CSV (UTF-8 with BOM, for Excel) or XLSX. */
import ExcelJS from 'exceljs';
import type { UnitResult } from '../domain/evaluation/result.ts';
import { m2ToMu, round } from '../domain/units.ts';

const GROUP_LABEL = { above: '规上', below: '规下' } as const;
const KIND_LABEL = { enterprise: '企业', mergedParcel: '共用宗地合并评价' } as const;

export interface Table {
  header: string[];
  rows: (string | number | null)[][];
}

export function resultsTable(units: readonly UnitResult[]): Table {
  // Indicator columns: every item any unit has, in first-seen order, labelled with its unit.
  const items = new Map<string, string>();
  for (const u of units) for (const i of u.items) if (!items.has(i.key)) items.set(i.key, `${i.label}（${i.unit}）`);
  const header = [
    '组别', '排名', '参评数', '等级', '排名等级', '综合得分', '评价单元', '单元类型', '企业名称', '统一社会信用代码', '行业代码',
    '用地面积（亩）', ...[...items.values()].flatMap((label) => [label, `${label.replace(/（.*）$/, '')}得分`]), '共享结果来自', '评价理由',
  ];
  const body = units.map((u) => {
    const byKey = new Map(u.items.map((i) => [i.key, i]));
    return [
      GROUP_LABEL[u.group], u.rank, u.rankOf, u.grade, u.baseGrade, round(u.total), u.unitId, KIND_LABEL[u.kind], u.name,
      u.members.join('、'), u.industryCode, round(m2ToMu(u.landAreaM2)),
      ...[...items.keys()].flatMap((k) => [round(byKey.get(k)?.value ?? null, 4), round(byKey.get(k)?.score ?? null)]),
      u.sharedResultFrom, u.reasons.join('；'),
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
