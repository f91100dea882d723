/**
 * Column names as departments write them. A header is matched after dropping a unit in brackets
 * (`营业收入（万元）` → `营业收入`) and spaces; English and registry pinyin aliases are accepted.
 */
import { toHalfWidth } from '../domain/codes.ts';

export type Kind = 'regions' | 'roads' | 'parcels' | 'enterprises' | 'occupancy' | 'buildings' | 'standardLand' | 'metrics' | 'events';

export const KINDS: readonly Kind[] = ['regions', 'roads', 'parcels', 'enterprises', 'occupancy', 'buildings', 'standardLand', 'metrics', 'events'];

type Columns = Record<string, { label: string; aliases: string[]; required?: boolean }>;

export const COLUMNS = {
  regions: {
    code: { label: '编码', aliases: ['code', 'XZQDM', '区划代码'], required: true },
    name: { label: '名称', aliases: ['name', 'MC'], required: true },
    level: { label: '层级', aliases: ['level', 'JB'], required: true },
    parentCode: { label: '上级编码', aliases: ['parent_code', 'parentCode'] },
  },
  roads: {
    name: { label: '名称', aliases: ['name', 'DLMC', '道路名称'], required: true },
    roadClass: { label: '等级', aliases: ['class', 'road_class', 'DLDJ', '道路等级'], required: true },
  },
  parcels: {
    unitCode: { label: '不动产单元代码', aliases: ['不动产单元号', 'BDCDYH', 'unit_code'], required: true },
    landUse: { label: '土地用途', aliases: ['TDYT', 'land_use', '用途'], required: true },
    registryAreaM2: { label: '宗地面积', aliases: ['ZDMJ', 'area_m2'] },
    far: { label: '容积率', aliases: ['RJL', 'far'] },
    floorAreaM2: { label: '建筑面积', aliases: ['JZMJ', 'floor_area_m2'] },
    holderUscc: { label: '权利人统一社会信用代码', aliases: ['QLRZJH', 'holder_uscc', '权利人证件号'] },
    approvalDate: { label: '批准日期', aliases: ['PZRQ', 'approval_date'] },
    supplyDate: { label: '供地日期', aliases: ['GDRQ', 'supply_date'] },
    supplyMethod: { label: '供地方式', aliases: ['GDFS', 'supply_method'] },
    startDeadline: { label: '约定开工日期', aliases: ['YDKGRQ', 'start_deadline'] },
    actualStartDate: { label: '实际开工日期', aliases: ['SJKGRQ', 'actual_start_date'] },
    completionDate: { label: '竣工日期', aliases: ['JGRQ', 'completion_date'] },
    landPriceWan: { label: '出让价款', aliases: ['CRJK', 'land_price_wan', '成交价款'] },
    devStatus: { label: '开发状态', aliases: ['KFZT', 'dev_status'] },
    developedAreaM2: { label: '已开发面积', aliases: ['developed_area_m2'] },
    investedWan: { label: '已投资额', aliases: ['invested_wan'] },
    haltedDate: { label: '停建日期', aliases: ['halted_date'] },
  },
  enterprises: {
    uscc: { label: '统一社会信用代码', aliases: ['uscc', 'TYSHXYDM', '信用代码'], required: true },
    name: { label: '企业名称', aliases: ['name', 'QYMC', '单位名称'], required: true },
    industryCode: { label: '行业代码', aliases: ['industry_code', 'HYDM', '国民经济行业代码'], required: true },
    scale: { label: '规模', aliases: ['scale', '是否规上', '企业规模'], required: true },
    tags: { label: '标签', aliases: ['tags'] },
    isUtility: { label: '公用事业', aliases: ['is_utility'] },
    productionStartDate: { label: '投产日期', aliases: ['production_start_date'] },
    inMajorConstruction: { label: '重大项目建设期', aliases: ['in_major_construction'] },
  },
  occupancy: {
    uscc: { label: '统一社会信用代码', aliases: ['uscc', 'TYSHXYDM'], required: true },
    unitCode: { label: '不动产单元代码', aliases: ['不动产单元号', 'BDCDYH', 'unit_code'], required: true },
    role: { label: '使用方式', aliases: ['role', '用地方式'], required: true },
    areaUsedM2: { label: '使用面积', aliases: ['area_used_m2', '用地面积'], required: true },
  },
  buildings: {
    unitCode: { label: '不动产单元代码', aliases: ['BDCDYH', 'unit_code'], required: true },
    name: { label: '建筑名称', aliases: ['name', 'JZMC'], required: true },
    floorAreaM2: { label: '建筑面积', aliases: ['floor_area_m2', 'JZMJ'] },
    floors: { label: '层数', aliases: ['floors', 'CS'] },
    vacantFloorAreaM2: { label: '空置面积', aliases: ['vacant_floor_area_m2'] },
  },
  standardLand: {
    unitCode: { label: '不动产单元代码', aliases: ['BDCDYH', 'unit_code'], required: true },
    investmentWanPerMu: { label: '固定资产投资强度', aliases: ['investment_wan_per_mu', '投资强度'] },
    farMin: { label: '容积率下限', aliases: ['far_min'] },
    farMax: { label: '容积率上限', aliases: ['far_max'] },
    taxPerMuWan: { label: '亩均税收', aliases: ['tax_per_mu_wan'] },
    vaPerTceWan: { label: '单位能耗增加值', aliases: ['va_per_tce_wan'] },
    rdRatioPct: { label: '研发经费占比', aliases: ['rd_ratio_pct'] },
    targetDate: { label: '达产日期', aliases: ['target_date'] },
  },
  metrics: {
    uscc: { label: '统一社会信用代码', aliases: ['uscc', 'TYSHXYDM'], required: true },
    year: { label: '年度', aliases: ['year', '年份'], required: true },
    revenue_wan: { label: '营业收入', aliases: ['revenue_wan', '主营业务收入', '销售收入'] },
    value_added_wan: { label: '工业增加值', aliases: ['value_added_wan'] },
    tax_wan: { label: '实缴税收', aliases: ['tax_wan', '税收实际贡献', '实缴税金'] },
    energy_tce: { label: '综合能耗', aliases: ['energy_tce', '能耗'] },
    electricity_wan_kwh: { label: '用电量', aliases: ['electricity_wan_kwh', '总用电量'] },
    emission_t: { label: '主要污染物排放量', aliases: ['emission_t', '排放量'] },
    rd_wan: { label: '研发经费', aliases: ['rd_wan', 'R&D经费', '研发经费支出'] },
    employees: { label: '年平均职工人数', aliases: ['employees', '从业人员', '职工人数'] },
  },
  events: {
    uscc: { label: '统一社会信用代码', aliases: ['uscc', 'TYSHXYDM'], required: true },
    year: { label: '年度', aliases: ['year', '年份'], required: true },
    kind: { label: '事件类型', aliases: ['kind', '类型'], required: true },
    note: { label: '说明', aliases: ['note', '备注'] },
  },
} as const satisfies Record<Kind, Columns>;

export const METRIC_KEYS = ['revenue_wan', 'value_added_wan', 'tax_wan', 'energy_tce', 'electricity_wan_kwh', 'emission_t', 'rd_wan', 'employees'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export function normaliseHeader(header: string): string {
  return toHalfWidth(header)
    .replace(/\(.*?\)|\[.*?\]/g, '')
    .replace(/\s/g, '')
    .toLowerCase();
}

/** For each column key of `kind`, the index of its header in `header` (or -1). */
export function mapColumns<K extends Kind>(kind: K, header: readonly string[]): Record<keyof (typeof COLUMNS)[K], number> {
  const wanted = COLUMNS[kind] as Columns;
  const normalised = header.map(normaliseHeader);
  const result: Record<string, number> = {};
  for (const [key, col] of Object.entries(wanted)) {
    const names = [col.label, ...col.aliases].map(normaliseHeader);
    result[key] = normalised.findIndex((h) => names.includes(h));
  }
  return result as Record<keyof (typeof COLUMNS)[K], number>;
}

export function columnLabel(kind: Kind, key: string): string {
  return (COLUMNS[kind] as Columns)[key]?.label ?? key;
}

export function requiredColumns(kind: Kind): string[] {
  return Object.entries(COLUMNS[kind] as Columns)
    .filter(([, c]) => 'required' in c && c.required)
    .map(([k]) => k);
}
