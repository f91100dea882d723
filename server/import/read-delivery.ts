/**
 * Reads a delivery folder (manifest.json and the files it names) into validated records. Pure
 * apart from reading the files: nothing touches the database here. Every problem is collected, so
 * a sender gets the whole list in one go.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { KINDS, mapColumns, METRIC_KEYS, type Kind } from './columns.ts';
import { ImportError, IssueLog } from './issues.ts';
import { parseFeatureCollection, readParcels, readRegions, readRoads } from './read-geo.ts';
import { readBuildings, readEnterprises, readEvents, readMetrics, readOccupancy, readStandardLand } from './read-tables.ts';
import type { Delivery } from './records.ts';
import { checkHeader, tableRows } from './table.ts';
import { decodeText, parseCsv } from './text.ts';

export interface ManifestFile {
  path: string;
  kind: Kind;
  source: string;
}

export interface Manifest {
  name: string;
  files: ManifestFile[];
}

const MANIFEST = 'manifest.json';

/** push(...items) overflows the call stack beyond ~100k items. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function readManifest(folder: string, log: IssueLog): Manifest | null {
  let json: unknown;
  try {
    json = JSON.parse(decodeText(readFileSync(join(folder, MANIFEST))));
  } catch (err) {
    log.error(MANIFEST, null, null, `无法读取：${(err as Error).message}`);
    return null;
  }
  const m = json as Partial<Manifest>;
  if (typeof m?.name !== 'string' || !Array.isArray(m.files)) {
    log.error(MANIFEST, null, null, '应包含 name（字符串）和 files（数组）');
    return null;
  }
  m.files.forEach((f, i) => {
    if (typeof f?.path !== 'string') log.error(MANIFEST, null, `files[${i}].path`, '应为文件名');
    if (!KINDS.includes(f?.kind)) log.error(MANIFEST, null, `files[${i}].kind`, `“${f?.kind}”不是已知类型（${KINDS.join(', ')}）`);
    if (typeof f?.source !== 'string' || f.source.trim() === '') log.error(MANIFEST, null, `files[${i}].source`, '应写明报送部门');
  });
  return log.errors.length > 0 ? null : (m as Manifest);
}

/** Reads and validates a delivery. Throws ImportError listing every problem found. */
export function readDelivery(folder: string): { delivery: Delivery; warnings: IssueLog['warnings'] } {
  const log = new IssueLog();
  const manifest = readManifest(folder, log);
  if (!manifest) throw new ImportError(log.errors);

  const hash = createHash('sha256');
  const delivery: Delivery = {
    name: manifest.name, contentHash: '', regions: [], roads: null, parcels: [], enterprises: [],
    occupancy: [], buildings: [], standardLand: [], metrics: [], events: [],
  };

  for (const entry of manifest.files) {
    const file = basename(entry.path);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(folder, entry.path));
    } catch (err) {
      log.error(file, null, null, `无法读取：${(err as Error).message}`);
      continue;
    }
    hash.update(`${entry.kind}\0${entry.source}\0${file}\0`).update(bytes);

    if (entry.kind === 'regions' || entry.kind === 'roads' || entry.kind === 'parcels') {
      const features = parseFeatureCollection(file, bytes, log);
      if (!features) continue;
      if (entry.kind === 'regions') append(delivery.regions, readRegions(file, features, log));
      else if (entry.kind === 'roads') append((delivery.roads ??= []), readRoads(file, features, log));
      else append(delivery.parcels, readParcels(file, features, log));
      continue;
    }

    const table = parseCsvSafely(file, decodeText(bytes), log);
    if (!table || !checkHeader(entry.kind, file, table.header, log)) continue;
    switch (entry.kind) {
      case 'enterprises':
        append(delivery.enterprises, readEnterprises(tableRows('enterprises', file, table.header, table.rows), log));
        break;
      case 'occupancy':
        append(delivery.occupancy, readOccupancy(tableRows('occupancy', file, table.header, table.rows), log));
        break;
      case 'buildings':
        append(delivery.buildings, readBuildings(tableRows('buildings', file, table.header, table.rows), log));
        break;
      case 'standardLand':
        append(delivery.standardLand, readStandardLand(tableRows('standardLand', file, table.header, table.rows), log));
        break;
      case 'events':
        append(delivery.events, readEvents(tableRows('events', file, table.header, table.rows), entry.source.trim(), log));
        break;
      case 'metrics': {
        const index = mapColumns('metrics', table.header) as Record<string, number>;
        if (!METRIC_KEYS.some((k) => index[k]! >= 0)) {
          log.error(file, 1, null, '没有可识别的指标列（如 营业收入、实缴税收、用电量）');
          break;
        }
        append(delivery.metrics, readMetrics(tableRows('metrics', file, table.header, table.rows), entry.source.trim(), log));
        break;
      }
    }
  }

  checkDuplicates(delivery, log);
  if (log.errors.length > 0) throw new ImportError(log.errors);
  delivery.contentHash = hash.digest('hex');
  return { delivery, warnings: log.warnings };
}

function parseCsvSafely(file: string, text: string, log: IssueLog) {
  try {
    return parseCsv(text);
  } catch (err) {
    const e = err as Error & { lines?: number };
    log.error(file, e.lines ?? null, null, `CSV 格式错误：${e.message}`);
    return null;
  }
}

/** The same key twice in one delivery is refused: which of the two is right cannot be guessed. */
function checkDuplicates(d: Delivery, log: IssueLog): void {
  // One map per kind of key (and per metric): a Map holds at most 2^24 keys, and a 1M-parcel
  // district sends ~17M metric figures.
  const maps = new Map<string, Map<string, { file: string; row: number }>>();
  const once = (kind: string, key: string, origin: { file: string; row: number }, field: string, what: string) => {
    let seen = maps.get(kind);
    if (!seen) maps.set(kind, (seen = new Map()));
    const first = seen.get(key);
    if (first) log.error(origin.file, origin.row, field, `${what}重复（已见于 ${first.file} 第 ${first.row} 行）`);
    else seen.set(key, origin);
  };
  for (const r of d.regions) once('region', r.code, r.origin, '编码', `区域编码 ${r.code} `);
  for (const p of d.parcels) once('parcel', p.unitCode, p.origin, '不动产单元代码', `不动产单元代码 ${p.unitCode} `);
  for (const e of d.enterprises) once('enterprise', e.uscc, e.origin, '统一社会信用代码', `统一社会信用代码 ${e.uscc} `);
  for (const o of d.occupancy) once('occupancy', `${o.uscc}:${o.unitCode}`, o.origin, '不动产单元代码', `企业与宗地的对应 ${o.uscc}–${o.unitCode} `);
  for (const s of d.standardLand) once('standard', s.unitCode, s.origin, '不动产单元代码', `标准地承诺 ${s.unitCode} `);
  for (const e of d.events) once('event', `${e.uscc}:${e.year}:${e.kind}`, e.origin, '事件类型', `${e.year} 年事件 ${e.kind} `);
  for (const m of d.metrics) once(`metric:${m.metric}:${m.year}`, m.uscc, m.origin, m.metric, `${m.year} 年指标 ${m.metric} `);
}
