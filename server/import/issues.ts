/** Something wrong with one field of one row of one file, said so the sender can fix it. */
export interface ImportIssue {
  file: string;
  /** Spreadsheet row (the header is row 1) or GeoJSON feature number (from 1); null for the file itself. */
  row: number | null;
  field: string | null;
  message: string;
}

export function formatIssue(issue: ImportIssue): string {
  const where = [issue.file, issue.row !== null ? `第 ${issue.row} 行` : null, issue.field ? `字段“${issue.field}”` : null]
    .filter(Boolean)
    .join(' ');
  return `${where}：${issue.message}`;
}

/** An import refused as a whole; nothing was written. */
export class ImportError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    const shown = issues.slice(0, 20).map(formatIssue);
    const more = issues.length > shown.length ? `\n……另有 ${issues.length - shown.length} 处问题` : '';
    super(`导入被拒绝，数据库未做任何改动。共 ${issues.length} 处问题：\n${shown.join('\n')}${more}`);
    this.name = 'ImportError';
  }
}

/** Collects errors and warnings while a delivery is read; errors refuse the import. */
export class IssueLog {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  error(file: string, row: number | null, field: string | null, message: string): void {
    this.errors.push({ file, row, field, message });
  }
  warn(file: string, row: number | null, field: string | null, message: string): void {
    this.warnings.push({ file, row, field, message });
  }
}
