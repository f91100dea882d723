/**
 * The delivery's per-cluster files: roads, parcels, enterprises, occupancy, buildings, 标准地 and
 * one metrics file per department, in the columns and units of data/README.md.
 */
import { join } from 'node:path';
import { isoOf, METRIC_YEARS, yearOf, type Day } from './dates.ts';
import type { ClusterPeople } from './enterprises.ts';
import { lineGeometry, polygonGeometry } from './geojson.ts';
import { typedByHand } from './identifiers.ts';
import { enterpriseMetrics, gapsFor, withGaps } from './metrics.ts';
import type { ParcelRecord } from './model.ts';
import type { Projection } from './projection.ts';
import { Rng } from './random.ts';
import type { RoadLine } from './road.ts';
import type { DistrictStats } from './stats.ts';
import { CsvWriter, FeatureWriter, fixed, rounded } from './write.ts';

export const MANIFEST_FILES = [
  { path: 'regions.geojson', kind: 'regions', source: '规划自然资源局' },
  { path: 'roads.geojson', kind: 'roads', source: '规划自然资源局' },
  { path: 'parcels.geojson', kind: 'parcels', source: '规划自然资源局' },
  { path: 'enterprises.csv', kind: 'enterprises', source: '市场监管局' },
  { path: 'occupancy.csv', kind: 'occupancy', source: '经信委' },
  { path: 'buildings.csv', kind: 'buildings', source: '规划自然资源局' },
  { path: 'standard-land.csv', kind: 'standardLand', source: '规划自然资源局' },
  { path: 'metrics-统计局.csv', kind: 'metrics', source: '统计局' },
  { path: 'metrics-税务局.csv', kind: 'metrics', source: '税务局' },
  { path: 'metrics-供电公司.csv', kind: 'metrics', source: '供电公司' },
  { path: 'metrics-生态环境局.csv', kind: 'metrics', source: '生态环境局' },
  { path: 'events.csv', kind: 'events', source: '应急管理局、生态环境局、发展改革委' },
] as const;

/** Yearly chance that an enterprise in production reports each kind of event (vetoes in the evaluation). */
const EVENT_CHANCES: readonly { kind: string; chance: number; note: string }[] = [
  { kind: '安全事故', chance: 0.004, note: '发生一般生产安全事故' },
  { kind: '环保事故', chance: 0.006, note: '超标排放受到行政处罚' },
  { kind: '能耗超标', chance: 0.005, note: '单位产品能耗超过限额标准' },
];

const iso = (day: Day | null) => (day === null ? null : isoOf(day));

/** Share of occupancy rows whose parcel code, and whose credit code, are typed by hand. */
const DIRTY_UNIT_CODE = 0.03;
const DIRTY_CREDIT_CODE = 0.01;

export class DeliveryWriters {
  private readonly roads: FeatureWriter;
  private readonly parcels: FeatureWriter;
  private readonly enterprises: CsvWriter;
  private readonly occupancy: CsvWriter;
  private readonly buildings: CsvWriter;
  private readonly standardLand: CsvWriter;
  private readonly statistics: CsvWriter;
  private readonly tax: CsvWriter;
  private readonly power: CsvWriter;
  private readonly environment: CsvWriter;
  private readonly events: CsvWriter;

  constructor(
    out: string,
    private readonly projection: Projection,
    private readonly stats: DistrictStats,
  ) {
    const keyYear = ['统一社会信用代码', '年度'];
    this.roads = new FeatureWriter(join(out, 'roads.geojson'));
    this.parcels = new FeatureWriter(join(out, 'parcels.geojson'));
    this.enterprises = new CsvWriter(join(out, 'enterprises.csv'), [
      '统一社会信用代码', '企业名称', '行业代码', '规模', '标签', '公用事业', '投产日期', '重大项目建设期',
    ]);
    this.occupancy = new CsvWriter(join(out, 'occupancy.csv'), ['统一社会信用代码', '不动产单元代码', '使用方式', '使用面积']);
    this.buildings = new CsvWriter(join(out, 'buildings.csv'), ['不动产单元代码', '建筑名称', '建筑面积', '层数', '空置面积']);
    this.standardLand = new CsvWriter(join(out, 'standard-land.csv'), [
      '不动产单元代码', '固定资产投资强度', '容积率下限', '容积率上限', '亩均税收', '单位能耗增加值', '研发经费占比', '达产日期',
    ]);
    this.statistics = new CsvWriter(join(out, 'metrics-统计局.csv'), [...keyYear, '营业收入', '工业增加值', '综合能耗', '研发经费', '年平均职工人数']);
    this.tax = new CsvWriter(join(out, 'metrics-税务局.csv'), [...keyYear, '实缴税收']);
    this.power = new CsvWriter(join(out, 'metrics-供电公司.csv'), [...keyYear, '用电量']);
    this.environment = new CsvWriter(join(out, 'metrics-生态环境局.csv'), [...keyYear, '主要污染物排放量']);
    this.events = new CsvWriter(join(out, 'events.csv'), [...keyYear, '事件类型', '说明']);
  }

  road(road: RoadLine): void {
    this.roads.add(lineGeometry(this.projection, road.path), { 名称: road.name, 等级: road.grade });
    this.stats.roads++;
  }

  cluster(seed: number, clusterIndex: number, parcels: readonly ParcelRecord[], people: ClusterPeople): void {
    for (const p of parcels) this.parcel(p);

    for (const e of people.enterprises) {
      this.enterprises.row([
        e.code, e.name, e.industry, e.scale, e.tags.join(';'), e.utility ? '是' : '否', iso(e.production), e.majorProject ? '是' : '否',
      ]);
    }

    const typing = new Rng(seed, 'typing', clusterIndex);
    for (const o of people.occupancy) {
      const dirtyUnit = typing.chance(DIRTY_UNIT_CODE);
      const dirtyCredit = typing.chance(DIRTY_CREDIT_CODE);
      if (dirtyUnit || dirtyCredit) this.stats.dirtyCodes++;
      this.occupancy.row([
        dirtyCredit ? typedByHand(typing, o.enterprise.code, 'credit') : o.enterprise.code,
        dirtyUnit ? typedByHand(typing, o.parcel.code, 'unit') : o.parcel.code,
        o.role,
        fixed(o.areaM2),
      ]);
    }

    for (const p of parcels) {
      for (const b of p.buildings) this.buildings.row([p.code, b.name, fixed(b.floorM2), b.floors, fixed(b.vacantM2)]);
      const s = p.standard;
      if (s) {
        this.standardLand.row([
          p.code, s.investmentPerMu, fixed(s.farMin, 1), fixed(s.farMax, 1), s.taxPerMu, fixed(s.valueAddedPerTce, 1),
          fixed(s.rdPercent, 1), isoOf(s.fullProduction),
        ]);
      }
    }

    const rng = new Rng(seed, 'metrics', clusterIndex);
    for (const e of people.enterprises) {
      const rows = enterpriseMetrics(rng, e);
      if (rows.length === 0) continue;
      this.stats.addMetrics(e, rows);
      const gaps = gapsFor(rng, e);
      if (gaps.missingFromStatistics) this.stats.missingFromStatistics++;
      for (const m of withGaps(rng, e, rows, gaps)) {
        if (!gaps.missingFromStatistics) {
          this.statistics.row([e.code, m.year, fixed(m.revenue), fixed(m.valueAdded), fixed(m.energyTce), fixed(m.rd), m.employees]);
        }
        this.tax.row([e.code, m.year, fixed(m.tax)]);
        this.power.row([e.code, m.year, fixed(m.electricity)]);
        this.environment.row([e.code, m.year, fixed(m.emission, 3)]);
      }
    }

    // Its own stream, so adding events changed none of the other files.
    const incidents = new Rng(seed, 'events', clusterIndex);
    for (const e of people.enterprises) {
      if (e.production === null) continue;
      for (const year of METRIC_YEARS.filter((y) => y >= yearOf(e.production!))) {
        for (const ev of EVENT_CHANCES) {
          if (incidents.chance(ev.chance)) this.events.row([e.code, year, ev.kind, `${year} 年${ev.note}`]);
        }
      }
    }
  }

  private parcel(p: ParcelRecord): void {
    const floorM2 = p.buildings.length > 0 ? p.buildings.reduce((s, b) => s + b.floorM2, 0) : null;
    this.parcels.add(polygonGeometry(this.projection, p.polygons), {
      不动产单元代码: p.code,
      土地用途: p.landUse,
      宗地面积: rounded(p.areaM2),
      容积率: floorM2 === null ? null : rounded(floorM2 / p.areaM2),
      建筑面积: rounded(floorM2),
      权利人统一社会信用代码: p.holder?.code ?? null,
      批准日期: iso(p.approved),
      供地日期: iso(p.supplied),
      约定开工日期: iso(p.agreedStart),
      实际开工日期: iso(p.actualStart),
      竣工日期: iso(p.completed),
      供地方式: p.supplyMethod,
      出让价款: rounded(p.priceWan),
      开发状态: p.status,
      已开发面积: rounded(p.developedM2),
      已投资额: rounded(p.investedWan),
      停建日期: iso(p.halted),
    });
  }

  close(): void {
    for (const w of [this.roads, this.parcels, this.enterprises, this.occupancy, this.buildings, this.standardLand, this.statistics, this.tax, this.power, this.environment, this.events]) {
      w.close();
    }
  }
}
