/**
 * Streaming writers: text goes to disk in ~1 MiB chunks as it is produced, so a million-parcel
 * district never sits in memory as one string. CSV files are UTF-8 with a BOM and CRLF line ends,
 * as Excel writes them; GeoJSON files hold one feature per line.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const CHUNK = 1 << 20;

export class TextSink {
  private readonly fd: number;
  private chunks: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.chunks.length === 0) return;
    writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export type Cell = string | number | null | undefined;

/** One CSV field: empty for null, quoted when it holds a comma, quote or line break. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export class CsvWriter {
  private readonly sink: TextSink;
  rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.sink = new TextSink(path);
    this.sink.write(`\uFEFF${header.map(csvField).join(',')}\r\n`);
  }

  row(cells: readonly Cell[]): void {
    this.sink.write(`${cells.map(csvField).join(',')}\r\n`);
    this.rows++;
  }

  close(): void {
    this.sink.close();
  }
}

/** A GeoJSON FeatureCollection written feature by feature. */
export class FeatureWriter {
  private readonly sink: TextSink;
  features = 0;

  constructor(path: string) {
    this.sink = new TextSink(path);
    this.sink.write('{"type":"FeatureCollection","features":[\n');
  }

  /** `geometry` is already-serialised GeoJSON geometry. */
  add(geometry: string, properties: Record<string, string | number | null>): void {
    const sep = this.features === 0 ? '' : ',\n';
    this.sink.write(`${sep}{"type":"Feature","properties":${JSON.stringify(properties)},"geometry":${geometry}}`);
    this.features++;
  }

  close(): void {
    this.sink.write('\n]}\n');
    this.sink.close();
  }
}

/** Fixed decimals for CSV and GeoJSON numbers; null stays null. */
export function fixed(value: number | null, digits = 2): string | null {
  if (value === null) return null;
  const text = value.toFixed(digits);
  return text === '-0.00' ? '0.00' : text;
}

/** A number rounded to `digits` decimals, for GeoJSON properties. */
export function rounded(value: number | null, digits = 2): number | null {
  return value === null ? null : Number(value.toFixed(digits));
}
