/** enterprises, occupancy, buildings, 标准地 and metrics from department CSV tables. */
import { checkUscc, normaliseCode, parseUnitCode } from '../domain/codes.ts';
import { METRIC_KEYS, type MetricKey } from './columns.ts';
import type { IssueLog } from './issues.ts';
import { cellOf, textOf } from './read-geo.ts';
import type { BuildingRecord, EnterpriseRecord, EventRecord, MetricRecord, OccupancyRecord, StandardLandRecord } from './records.ts';
import type { Row } from './table.ts';
import { isBlank, parseAmount, parseChoice, parseDate, parseInteger, parseList, parseYesNo } from './values.ts';

const SCALES: Record<string, 'above' | 'below'> = { 规上: 'above', 规下: 'below', 是: 'above', 否: 'below', above: 'above', below: 'below' };
const ROLES: Record<string, 'owner' | 'tenant'> = { 自有: 'owner', 租赁: 'tenant', 承租: 'tenant', owner: 'owner', tenant: 'tenant' };

function usccOf(row: Row<'enterprises' | 'occupancy' | 'metrics' | 'events'>, log: IssueLog, warnings?: string[]): string | undefined {
  const raw = textOf(row, 'uscc', log);
  if (raw === undefined) return undefined;
  const code = normaliseCode(raw);
  const check = checkUscc(code);
  if (!check.ok) {
    log.error(row.file, row.row, row.label('uscc'), `“${raw}”：${check.message}`);
    return undefined;
  }
  for (const w of check.warnings) {
    log.warn(row.file, row.row, row.label('uscc'), `“${raw}”：${w}`);
    warnings?.push(w);
  }
  return code;
}

function unitCodeOf(row: Row<'occupancy' | 'buildings' | 'standardLand'>, log: IssueLog): string | undefined {
  const raw = textOf(row, 'unitCode', log);
  if (raw === undefined) return undefined;
  const code = normaliseCode(raw);
  const parsed = parseUnitCode(code);
  if (!parsed.ok) {
    log.error(row.file, row.row, row.label('unitCode'), `“${raw}”：${parsed.message}`);
    return undefined;
  }
  return code;
}

export function readEnterprises(rows: Row<'enterprises'>[], log: IssueLog): EnterpriseRecord[] {
  const out: EnterpriseRecord[] = [];
  for (const row of rows) {
    const before = log.errors.length;
    const usccWarnings: string[] = [];
    const uscc = usccOf(row, log, usccWarnings);
    const name = textOf(row, 'name', log);
    const industryRaw = textOf(row, 'industryCode', log);
    const industryCode = industryRaw === undefined ? undefined : normaliseCode(industryRaw);
    if (industryCode !== undefined && !/^[A-T]?\d{4}$/.test(industryCode)) {
      log.error(row.file, row.row, row.label('industryCode'), `“${industryRaw}”不是 GB/T 4754 四位行业代码（如 C3670）`);
    }
    const scale = cellOf(row, 'scale', (c) => parseChoice(c, SCALES, '规模'), log);
    if (scale === null) log.error(row.file, row.row, row.label('scale'), '不能为空（规上 或 规下）');
    const isUtility = cellOf(row, 'isUtility', parseYesNo, log);
    const inMajorConstruction = cellOf(row, 'inMajorConstruction', parseYesNo, log);
    const productionStartDate = cellOf(row, 'productionStartDate', parseDate, log);
    if (log.errors.length > before || !uscc || !name || !industryCode || !scale) continue;
    out.push({
      origin: { file: row.file, row: row.row }, uscc, usccWarnings, name, industryCode, scale,
      tags: parseList(row.get('tags')), isUtility: isUtility ?? false,
      productionStartDate: productionStartDate ?? null, inMajorConstruction: inMajorConstruction ?? false,
    });
  }
  return out;
}

export function readOccupancy(rows: Row<'occupancy'>[], log: IssueLog): OccupancyRecord[] {
  const out: OccupancyRecord[] = [];
  for (const row of rows) {
    const before = log.errors.length;
    const uscc = usccOf(row, log);
    const unitCode = unitCodeOf(row, log);
    const role = cellOf(row, 'role', (c) => parseChoice(c, ROLES, '使用方式'), log);
    if (role === null) log.error(row.file, row.row, row.label('role'), '不能为空（自有 或 租赁）');
    const area = cellOf(row, 'areaUsedM2', parseAmount, log);
    if (area === null || area === 0) log.error(row.file, row.row, row.label('areaUsedM2'), '应为大于 0 的面积（平方米）');
    if (log.errors.length > before || !uscc || !unitCode || !role || !area) continue;
    out.push({ origin: { file: row.file, row: row.row }, uscc, unitCode, role, areaUsedM2: area });
  }
  return out;
}

export function readBuildings(rows: Row<'buildings'>[], log: IssueLog): BuildingRecord[] {
  const out: BuildingRecord[] = [];
  for (const row of rows) {
    const before = log.errors.length;
    const unitCode = unitCodeOf(row, log);
    const name = textOf(row, 'name', log);
    const floorAreaM2 = cellOf(row, 'floorAreaM2', parseAmount, log) ?? null;
    const floors = cellOf(row, 'floors', parseInteger, log) ?? null;
    const vacantFloorAreaM2 = cellOf(row, 'vacantFloorAreaM2', parseAmount, log) ?? null;
    if (floorAreaM2 !== null && vacantFloorAreaM2 !== null && vacantFloorAreaM2 > floorAreaM2) {
      log.error(row.file, row.row, row.label('vacantFloorAreaM2'), `空置面积 ${vacantFloorAreaM2} 大于建筑面积 ${floorAreaM2}`);
    }
    if (log.errors.length > before || !unitCode || !name) continue;
    out.push({ origin: { file: row.file, row: row.row }, unitCode, name, floorAreaM2, floors, vacantFloorAreaM2 });
  }
  return out;
}

export function readStandardLand(rows: Row<'standardLand'>[], log: IssueLog): StandardLandRecord[] {
  const out: StandardLandRecord[] = [];
  for (const row of rows) {
    const before = log.errors.length;
    const unitCode = unitCodeOf(row, log);
    const num = (key: Parameters<typeof row.get>[0]) => cellOf(row, key, parseAmount, log) ?? null;
    const record = {
      investmentWanPerMu: num('investmentWanPerMu'), farMin: num('farMin'), farMax: num('farMax'),
      taxPerMuWan: num('taxPerMuWan'), vaPerTceWan: num('vaPerTceWan'), rdRatioPct: num('rdRatioPct'),
      targetDate: cellOf(row, 'targetDate', parseDate, log) ?? null,
    };
    if (record.farMin !== null && record.farMax !== null && record.farMin > record.farMax) {
      log.error(row.file, row.row, row.label('farMin'), `容积率下限 ${record.farMin} 大于上限 ${record.farMax}`);
    }
    if (log.errors.length > before || !unitCode) continue;
    out.push({ origin: { file: row.file, row: row.row }, unitCode, ...record });
  }
  return out;
}

/** One department's wide table → one record per non-blank metric cell, tagged with the department. */
export function readMetrics(rows: Row<'metrics'>[], source: string, log: IssueLog): MetricRecord[] {
  const out: MetricRecord[] = [];
  for (const row of rows) {
    const before = log.errors.length;
    const uscc = usccOf(row, log);
    const year = cellOf(row, 'year', parseInteger, log);
    if (year === null) log.error(row.file, row.row, row.label('year'), '不能为空');
    else if (year !== undefined && (year < 1990 || year > 2100)) log.error(row.file, row.row, row.label('year'), `年度 ${year} 不合理`);
    const values: [MetricKey, number][] = [];
    for (const key of METRIC_KEYS) {
      const cell = row.get(key);
      if (isBlank(cell)) continue;
      const value = key === 'employees' ? cellOf(row, key, parseInteger, log) : cellOf(row, key, parseAmount, log);
      if (value !== undefined && value !== null) values.push([key, value]);
    }
    if (log.errors.length > before || !uscc || !year) continue;
    for (const [metric, value] of values) {
      out.push({ origin: { file: row.file, row: row.row }, uscc, year, metric, value, source });
    }
  }
  return out;
}

export function readEvents(rows: Row<'events'>[], source: string, log: IssueLog): EventRecord[] {
  const out: EventRecord[] = [];
  for (const row of rows) {
    const before = log.errors.length;
    const uscc = usccOf(row, log);
    const year = cellOf(row, 'year', parseInteger, log);
    if (year === null) log.error(row.file, row.row, row.label('year'), '不能为空');
    else if (year !== undefined && (year < 1990 || year > 2100)) log.error(row.file, row.row, row.label('year'), `年度 ${year} 不合理`);
    const kind = textOf(row, 'kind', log);
    const note = row.get('note');
    if (log.errors.length > before || !uscc || !year || !kind) continue;
    out.push({ origin: { file: row.file, row: row.row }, uscc, year, kind, note: isBlank(note) ? null : String(note).trim(), source });
  }
  return out;
}
