/**
 * A hand-made district of 13 parcels, as of 2025-12-31, that raises every flag and every exit path
 * once: the golden test's input (golden/district-2025.json is its output).
 */
import type { EnterpriseExitFacts } from './exit.ts';
import type { OccupantYear, ParcelFacts, SupplyFacts } from './model.ts';
import { muToM2 } from '../units.ts';

const AS_OF = '2025-12-31';
const code = (n: number) => `500106001001GB${String(n).padStart(5, '0')}W00000000`;

const E = {
  jia: '91500106MA5U1A2B9B',
  yi: '91500106MA5U1C3D7B',
  bing: '91500106MA5U1E4F5B',
  ding: '91500106MA5U1G5H3B',
  wu: '91500106MA5U1J6K1B',
  ji: '91500106MA5U1L7M0B',
  geng: '91500106MA5U1N8P8B',
  xin: '91500106MA5U1Q9R6B',
  ren: '91500106MA5U1T0U4B',
  gui: '91500106MA5U1W1X2B',
  zi: '91500106MA5U1Y2A0B',
} as const;

const NAMES: Record<string, string> = {
  [E.jia]: '重庆甲精密机械有限公司',
  [E.yi]: '重庆乙电子科技有限公司',
  [E.bing]: '重庆丙新材料有限公司',
  [E.ding]: '重庆丁智能装备有限公司',
  [E.wu]: '重庆戊汽车零部件有限公司',
  [E.ji]: '重庆己通用机械有限公司',
  [E.geng]: '重庆庚光电有限公司',
  [E.xin]: '重庆辛五金制品有限公司',
  [E.ren]: '重庆壬轴承有限公司',
  [E.gui]: '重庆癸包装有限公司',
  [E.zi]: '重庆子锻造有限公司',
};

const supply = (s: Partial<SupplyFacts>): SupplyFacts => ({
  approvalDate: null,
  supplyDate: null,
  supplyMethod: '出让',
  startDeadline: null,
  actualStartDate: null,
  completionDate: null,
  landPriceWan: null,
  devStatus: null,
  developedAreaM2: null,
  investedWan: null,
  haltedDate: null,
  ...s,
});

const uses = (uscc: string, role: OccupantYear['role'], areaMu: number, figures: OccupantYear['figures'], totalMu = areaMu): OccupantYear => ({
  uscc,
  name: NAMES[uscc] ?? uscc,
  role,
  areaUsedM2: muToM2(areaMu),
  totalAreaUsedM2: muToM2(totalMu),
  figures,
});

function parcel(n: number, areaMu: number, o: Partial<ParcelFacts> & { supply: SupplyFacts }): ParcelFacts {
  return { unitCode: code(n), areaM2: muToM2(areaMu), far: null, floorAreaM2: null, holderUscc: null, buildings: [], standardLand: null, industryCode: null, occupants: [], asOfDate: AS_OF, ...o };
}

const producingSince = (year: number, s: Partial<SupplyFacts> = {}) =>
  supply({ approvalDate: `${year}-01-10`, supplyDate: `${year}-03-01`, startDeadline: `${year}-09-01`, actualStartDate: `${year}-08-20`, completionDate: `${year + 1}-10-30`, devStatus: '已投产', ...s });

export const GOLDEN_PARCELS: ParcelFacts[] = [
  // 批而未供: approved in 2023, never supplied.
  parcel(1, 15, { supply: supply({ supplyMethod: null, approvalDate: '2023-05-01', devStatus: '未供' }) }),
  // 供而未用: past the agreed start date by half a year.
  parcel(2, 12, { holderUscc: E.bing, supply: supply({ approvalDate: '2024-05-01', supplyDate: '2024-08-01', startDeadline: '2025-06-30', landPriceWan: 500, devStatus: '未开工' }) }),
  // 闲置土地 ≥ 1 year: fee 20% of 800.
  parcel(3, 20, { holderUscc: E.ding, supply: supply({ supplyDate: '2023-12-01', startDeadline: '2024-09-30', landPriceWan: 800, devStatus: '未开工' }) }),
  // 闲置土地 ≥ 2 years, holder is a 专精特新"小巨人": 依规回收 anyway, with a note.
  parcel(4, 15, { holderUscc: E.yi, supply: supply({ supplyDate: '2021-06-01', startDeadline: '2022-05-01', landPriceWan: 600, devStatus: '未开工' }) }),
  // Started, 15% developed, halted since mid-2022: idle (halted variant), recoverable.
  parcel(5, 20, {
    holderUscc: E.zi,
    supply: supply({ supplyDate: '2020-03-01', startDeadline: '2020-09-01', actualStartDate: '2020-10-15', haltedDate: '2022-06-30', devStatus: '停建', developedAreaM2: muToM2(3), investedWan: 900, plannedInvestmentWan: 6000, landPriceWan: 700 }),
  }),
  // Halted this year, half built: not idle, guided return.
  parcel(6, 12, {
    holderUscc: E.gui,
    supply: supply({ supplyDate: '2021-01-01', startDeadline: '2021-07-01', actualStartDate: '2021-08-01', haltedDate: '2025-03-01', devStatus: '停建', developedAreaM2: muToM2(6), investedWan: 2000, plannedInvestmentWan: 3000, landPriceWan: 380 }),
  }),
  // 用而未尽: producing on 18 of 30 亩; the holder is willing to sell the rest.
  parcel(7, 30, {
    holderUscc: E.wu,
    industryCode: 'C3484',
    far: 1.1,
    occupants: [uses(E.wu, 'owner', 30, { taxWan: 900 })],
    supply: producingSince(2012, { developedAreaM2: muToM2(18), landPriceWan: 450 }),
  }),
  // 建而未投: completed in 2023, never producing; holder willing to transfer.
  parcel(8, 10, {
    holderUscc: E.geng,
    industryCode: 'C3976',
    far: 1.3,
    supply: supply({ supplyDate: '2021-03-01', startDeadline: '2021-09-01', actualStartDate: '2021-08-15', completionDate: '2023-09-30', devStatus: '已竣工', landPriceWan: 300 }),
  }),
  // 标准地 in production, below its tax and energy commitments after 2024-10-01.
  parcel(9, 10, {
    holderUscc: E.ji,
    industryCode: 'C3982',
    far: 1.5,
    standardLand: { investmentWanPerMu: 300, farMin: 1.2, farMax: 2.5, taxPerMuWan: 20, vaPerTceWan: 2, rdRatioPct: 3, targetDate: '2024-10-01' },
    occupants: [uses(E.ji, 'owner', 10, { taxWan: 123, valueAddedWan: 900, energyTce: 600, rdWan: 150, revenueWan: 4000 })],
    supply: producingSince(2020, { investedWan: 3500, landPriceWan: 420 }),
  }),
  // Low efficiency on every test; shared with a tenant (一地多企); the owner graded D twice.
  parcel(10, 30, {
    holderUscc: E.xin,
    industryCode: 'C3411',
    far: 0.6,
    buildings: [
      { name: '1号厂房', floorAreaM2: 8000, vacantFloorAreaM2: 3000 },
      { name: '2号厂房', floorAreaM2: 4000, vacantFloorAreaM2: 2500 },
    ],
    occupants: [uses(E.xin, 'owner', 21, { taxWan: 70 }), uses(E.gui, 'tenant', 9, { taxWan: 20 })],
    supply: producingSince(2010, { landPriceWan: 360 }),
  }),
  // Low tax, but the enterprise is a 链主企业: kept off 引导退还 and 倒逼退出.
  parcel(11, 12, {
    holderUscc: E.ren,
    industryCode: 'C3451',
    far: 0.9,
    occupants: [uses(E.ren, 'owner', 12, { taxWan: 48 })],
    supply: producingSince(2011, { landPriceWan: 260 }),
  }),
  // One enterprise on two parcels (一企多地): its tax is shared by land used, 35 万元/亩 on each.
  parcel(12, 20, { holderUscc: E.jia, industryCode: 'C3489', far: 1.3, occupants: [uses(E.jia, 'owner', 20, { taxWan: 1050 }, 30)], supply: producingSince(2015) }),
  parcel(13, 10, { holderUscc: E.jia, industryCode: 'C3489', far: 1.4, occupants: [uses(E.jia, 'owner', 10, { taxWan: 1050 }, 30)], supply: producingSince(2018) }),
];

const grades = (text: string) => [...text].flatMap((g, i) => (g === '-' ? [] : [{ year: 2021 + i, grade: g as 'A' | 'B' | 'C' | 'D' | 'T' }]));

export const GOLDEN_ENTERPRISES: EnterpriseExitFacts[] = [
  { uscc: E.jia, name: NAMES[E.jia]!, tags: [], grades: grades('ABAAA') },
  { uscc: E.yi, name: NAMES[E.yi]!, tags: ['专精特新"小巨人"'], grades: grades('BBAAA') },
  { uscc: E.bing, name: NAMES[E.bing]!, tags: [], grades: [] },
  { uscc: E.ding, name: NAMES[E.ding]!, tags: [], grades: [] },
  { uscc: E.wu, name: NAMES[E.wu]!, tags: ['有意转让'], grades: grades('BBBCB') },
  { uscc: E.ji, name: NAMES[E.ji]!, tags: [], grades: grades('---CC') },
  { uscc: E.geng, name: NAMES[E.geng]!, tags: ['有意转让'], grades: [] },
  { uscc: E.xin, name: NAMES[E.xin]!, tags: [], grades: grades('CCCDD') },
  { uscc: E.ren, name: NAMES[E.ren]!, tags: ['链主企业'], grades: grades('CCDDD') },
  // D in 2023 and 2025 but not graded in 2024: the run is broken, no 倒逼退出.
  { uscc: E.gui, name: NAMES[E.gui]!, tags: [], grades: grades('CDD-D') },
  { uscc: E.zi, name: NAMES[E.zi]!, tags: [], grades: [] },
];

export const GOLDEN_YEAR = 2025;
