/** Candidate lists as tables with Chinese headers, for CSV and XLSX (server/evaluation/export.ts writes them). */
import type { Table } from '../evaluation/export.ts';
import { basisCategory } from '../domain/consolidation/basis.ts';
import type { ClusterView } from './clusters-view.ts';
import type { ExitView } from './exit-view.ts';

const ROLE_LABEL = { holder: '权利人', owner: '自有使用', tenant: '租赁使用' } as const;

export function exitTable(rows: readonly ExitView[]): Table {
  return {
    header: ['年度', '退出路径', '是否另列', '另列原因', '对象', '宗地代码', '相关企业（角色）', '影响面积（亩）', '可释放土地（亩）', '理由', '状态标记', '备注', '所在区域'],
    rows: rows.map((r) => [
      r.year,
      r.path,
      r.keptOff ? '另列（不列入）' : '列入',
      r.keptOffBecause.join('；'),
      r.subject.replace(/^parcel:/, '宗地 ').replace(/^enterprise:/, '企业 '),
      r.unitCodes.join('、'),
      r.enterprises.map((e) => `${e.name}（${e.uscc}，${ROLE_LABEL[e.role]}）`).join('、'),
      r.affectedAreaMu,
      r.landReleasedMu,
      r.reasons.join('；'),
      r.flags.join('、'),
      r.notes.join('；'),
      r.regionCodes.join('、'),
    ]),
  };
}

export function consolidationTable(rows: readonly ClusterView[]): Table {
  return {
    header: [
      '编号', '年度', '宗地数', '合计面积（亩）', '连片范围面积（亩）', '现状税收（万元）', '无税收数据宗数', '标准地亩均税收基准（万元/亩）',
      '潜在税收（万元）', '可增加税收（万元）', '成员宗地', '候选依据', '权利人及使用企业', '所在区域', '理由', '备注',
    ],
    rows: rows.map((c) => [
      c.id,
      c.year,
      c.parcelCount,
      c.areaMu,
      c.footprintAreaMu,
      c.currentTaxWan,
      c.parcelsWithoutTax,
      c.targetTaxPerMuWan,
      c.potentialTaxWan,
      c.upliftWan,
      c.members.map((m) => `${m.unitCode}（${m.areaMu} 亩）`).join('、'),
      c.members.map((m) => `${m.unitCode}：${[...new Set(m.basis.map(basisCategory))].join('、')}`).join('；'),
      c.owners.map((o) => `${o.name}（${o.uscc}，${o.roles.map((x) => ROLE_LABEL[x]).join('/')}）`).join('、'),
      c.regionCodes.join('、'),
      c.reasons.join('；'),
      c.notes.join('；'),
    ]),
  };
}
