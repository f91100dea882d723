/** Row access by column key for CSV tables and GeoJSON properties alike. */
import { COLUMNS, columnLabel, mapColumns, normaliseHeader, requiredColumns, type Kind } from './columns.ts';
import type { IssueLog } from './issues.ts';

export interface Row<K extends Kind> {
  file: string;
  row: number;
  /** The raw cell for a column key, or undefined when the column is absent. */
  get(key: keyof (typeof COLUMNS)[K] & string): string | undefined;
  label(key: keyof (typeof COLUMNS)[K] & string): string;
}

/** Checks the required columns exist; returns false (and logs) when the file cannot be read on. */
export function checkHeader(kind: Kind, file: string, header: readonly string[], log: IssueLog): boolean {
  const index = mapColumns(kind, header) as Record<string, number>;
  const missing = requiredColumns(kind).filter((key) => index[key] === -1);
  for (const key of missing) log.error(file, 1, columnLabel(kind, key), '缺少必填列');
  return missing.length === 0;
}

export function tableRows<K extends Kind>(kind: K, file: string, header: readonly string[], rows: { rowNumber: number; cells: string[] }[]): Row<K>[] {
  const index = mapColumns(kind, header) as Record<string, number>;
  return rows.map(({ rowNumber, cells }) => ({
    file,
    row: rowNumber,
    get: (key) => {
      const i = index[key] ?? -1;
      return i >= 0 ? cells[i] : undefined;
    },
    label: (key) => columnLabel(kind, key),
  }));
}

/** Properties of a GeoJSON feature seen through the same column names as a table. */
export function propertyRow<K extends Kind>(kind: K, file: string, featureNumber: number, properties: Record<string, unknown> | null): Row<K> {
  const entries = Object.entries(properties ?? {});
  const header = entries.map(([k]) => k);
  const index = mapColumns(kind, header) as Record<string, number>;
  return {
    file,
    row: featureNumber,
    get: (key) => {
      const i = index[key] ?? -1;
      if (i < 0) return undefined;
      const v = entries[i]![1];
      return v === null || v === undefined ? '' : String(v);
    },
    label: (key) => columnLabel(kind, key),
  };
}

export { normaliseHeader };
