/** regions, roads and parcels from GeoJSON FeatureCollections. */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { checkUscc, normaliseCode, parseUnitCode, toHalfWidth } from '../domain/codes.ts';
import { isUtf8 } from 'node:buffer';
import type { IssueLog } from './issues.ts';
import { splitFeatureCollection } from './split-geojson.ts';
import { decodeText } from './text.ts';
import { checkLinear, checkPolygonal } from './geometry.ts';
import type { DevStatus, ParcelRecord, RegionLevel, RegionRecord, RoadClass, RoadRecord, SupplyMethod } from './records.ts';
import { propertyRow, type Row } from './table.ts';
import { isBlank, parseAmount, parseChoice, parseDate, type Parsed } from './values.ts';
import type { Kind } from './columns.ts';
import type { Polygon, MultiPolygon, LineString, MultiLineString } from 'geojson';

const LEVELS: Record<string, RegionLevel> = {
  区县: 'district', 片区: 'zone', 组团: 'cluster', 镇街: 'town', 园区: 'park',
  district: 'district', zone: 'zone', cluster: 'cluster', town: 'town', park: 'park',
};
const ROAD_CLASSES: Record<string, RoadClass> = {
  主干路: 'arterial', 次干路: 'secondary', 支路: 'branch', arterial: 'arterial', secondary: 'secondary', branch: 'branch',
};
const SUPPLY_METHODS: Record<string, SupplyMethod> = { 出让: '出让', 划拨: '划拨', 租赁: '租赁' };
const DEV_STATUSES: Record<string, DevStatus> = {
  未供: '未供', 未开工: '未开工', 在建: '在建', 停建: '停建', 已竣工: '已竣工', 已投产: '已投产',
};

/**
 * The features of a GeoJSON FeatureCollection file. UTF-8 (as RFC 7946 requires) is split feature
 * by feature, so a cadastre larger than a JavaScript string still loads and a syntax error names the
 * feature; anything else (GBK exports from older desktop GIS) is decoded and parsed whole.
 */
export function parseFeatureCollection(file: string, bytes: Uint8Array, log: IssueLog): Feature[] | null {
  if (isUtf8(bytes)) {
    const split = splitFeatureCollection(bytes);
    if (!split.ok) {
      log.error(file, null, null, split.message);
      return null;
    }
    return split.features as Feature[];
  }
  let json: unknown;
  try {
    json = JSON.parse(decodeText(bytes));
  } catch (err) {
    log.error(file, null, null, `不是有效的 JSON：${(err as Error).message}`);
    return null;
  }
  const fc = json as FeatureCollection;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    log.error(file, null, null, '应为 GeoJSON FeatureCollection');
    return null;
  }
  return fc.features;
}

/** Reads a cell with a parser; logs and returns undefined when it does not parse. */
export function cellOf<K extends Kind, T>(row: Row<K>, key: Parameters<Row<K>['get']>[0], parse: (cell: string | undefined) => Parsed<T>, log: IssueLog): T | undefined {
  const parsed = parse(row.get(key));
  if (parsed.ok) return parsed.value;
  log.error(row.file, row.row, row.label(key), parsed.message);
  return undefined;
}

/** A required text cell; logs when blank. */
export function textOf<K extends Kind>(row: Row<K>, key: Parameters<Row<K>['get']>[0], log: IssueLog): string | undefined {
  const cell = row.get(key);
  if (isBlank(cell)) {
    log.error(row.file, row.row, row.label(key), '不能为空');
    return undefined;
  }
  return String(cell).trim();
}

/** Region codes keep their separators (500106-ZT01); only width and spaces are normalised. */
const regionCode = (raw: string) => toHalfWidth(raw).replace(/\s/g, '').toUpperCase();

export function readRegions(file: string, features: Feature[], log: IssueLog): RegionRecord[] {
  const out: RegionRecord[] = [];
  features.forEach((f, i) => {
    const row = propertyRow('regions', file, i + 1, f.properties);
    const before = log.errors.length;
    const code = textOf(row, 'code', log);
    const name = textOf(row, 'name', log);
    const level = cellOf(row, 'level', (c) => parseChoice(c, LEVELS, '层级'), log);
    if (level === null) log.error(file, i + 1, row.label('level'), '不能为空');
    const geomIssue = checkPolygonal(f.geometry as Geometry);
    if (geomIssue) log.error(file, i + 1, 'geometry', geomIssue);
    const parent = row.get('parentCode');
    if (log.errors.length > before || !code || !name || !level) return;
    out.push({
      origin: { file, row: i + 1 }, code: regionCode(code), name, level,
      parentCode: isBlank(parent) ? null : regionCode(String(parent)),
      geometry: f.geometry as Polygon | MultiPolygon,
    });
  });
  return out;
}

export function readRoads(file: string, features: Feature[], log: IssueLog): RoadRecord[] {
  const out: RoadRecord[] = [];
  features.forEach((f, i) => {
    const row = propertyRow('roads', file, i + 1, f.properties);
    const before = log.errors.length;
    const name = textOf(row, 'name', log);
    const roadClass = cellOf(row, 'roadClass', (c) => parseChoice(c, ROAD_CLASSES, '道路等级'), log);
    if (roadClass === null) log.error(file, i + 1, row.label('roadClass'), '不能为空');
    const geomIssue = checkLinear(f.geometry as Geometry);
    if (geomIssue) log.error(file, i + 1, 'geometry', geomIssue);
    if (log.errors.length > before || !name || !roadClass) return;
    out.push({ origin: { file, row: i + 1 }, name, roadClass, geometry: f.geometry as LineString | MultiLineString });
  });
  return out;
}

export function readParcels(file: string, features: Feature[], log: IssueLog): ParcelRecord[] {
  const out: ParcelRecord[] = [];
  features.forEach((f, i) => {
    const n = i + 1;
    const row = propertyRow('parcels', file, n, f.properties);
    const before = log.errors.length;
    const rawCode = textOf(row, 'unitCode', log);
    const unitCode = rawCode === undefined ? undefined : normaliseCode(rawCode);
    if (unitCode !== undefined) {
      const parsed = parseUnitCode(unitCode);
      if (!parsed.ok) log.error(file, n, row.label('unitCode'), `“${rawCode}”：${parsed.message}`);
    }
    const landUse = textOf(row, 'landUse', log);
    if (landUse !== undefined && !/^\d{2}(\d{2})?$/.test(normaliseCode(landUse))) {
      log.error(file, n, row.label('landUse'), `“${landUse}”不是 GB/T 21010 用途代码（如 0601）`);
    }
    const rawHolder = row.get('holderUscc');
    let holderUscc: string | null = null;
    if (!isBlank(rawHolder)) {
      holderUscc = normaliseCode(String(rawHolder));
      const check = checkUscc(holderUscc);
      if (!check.ok) log.error(file, n, row.label('holderUscc'), `“${rawHolder}”：${check.message}`);
    }
    const num = (key: Parameters<typeof row.get>[0]) => cellOf(row, key, parseAmount, log) ?? null;
    const date = (key: Parameters<typeof row.get>[0]) => cellOf(row, key, parseDate, log) ?? null;
    const record = {
      registryAreaM2: num('registryAreaM2'),
      far: num('far'),
      floorAreaM2: num('floorAreaM2'),
      approvalDate: date('approvalDate'),
      supplyDate: date('supplyDate'),
      supplyMethod: cellOf(row, 'supplyMethod', (c) => parseChoice(c, SUPPLY_METHODS, '供地方式'), log) ?? null,
      startDeadline: date('startDeadline'),
      actualStartDate: date('actualStartDate'),
      completionDate: date('completionDate'),
      landPriceWan: num('landPriceWan'),
      devStatus: cellOf(row, 'devStatus', (c) => parseChoice(c, DEV_STATUSES, '开发状态'), log) ?? null,
      developedAreaM2: num('developedAreaM2'),
      investedWan: num('investedWan'),
      haltedDate: date('haltedDate'),
    };
    const geomIssue = checkPolygonal(f.geometry as Geometry);
    if (geomIssue) log.error(file, n, 'geometry', geomIssue);
    if (record.approvalDate && record.supplyDate && record.supplyDate < record.approvalDate) {
      log.warn(file, n, row.label('supplyDate'), `供地日期 ${record.supplyDate} 早于批准日期 ${record.approvalDate}`);
    }
    if (log.errors.length > before || !unitCode || !landUse) return;
    out.push({ origin: { file, row: n }, unitCode, geometry: f.geometry as Polygon | MultiPolygon, landUse: normaliseCode(landUse), holderUscc, ...record });
  });
  return out;
}
