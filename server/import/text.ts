import { parse } from 'csv-parse/sync';

/**
 * Decodes a department's file: UTF-8 (with or without BOM) when it is valid UTF-8, otherwise GBK,
 * which is what Excel on a Chinese Windows writes as "CSV".
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

export interface CsvTable {
  header: string[];
  /** Data rows; `rowNumber` counts the header as row 1, as a spreadsheet does. */
  rows: { rowNumber: number; cells: string[] }[];
}

export function parseCsv(text: string): CsvTable {
  const records: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true });
  const [header = [], ...body] = records;
  const rows = body
    .map((cells, i) => ({ rowNumber: i + 2, cells }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { header: header.map((h) => h.trim()), rows };
}
