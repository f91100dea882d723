/**
 * What the exported picture says about itself: a title naming the district and what the colours
 * show, a subtitle with the run (or the compared runs) and the filters, a footer with the source,
 * the coordinates and the data version, and a file name a planner can file. Pure: the time is
 * passed in.
 */
import { formatDateTime } from '../../lib/format.ts';
import { runTitle } from '../../lib/run-label.ts';
import type { ColorMode } from '../../map/parcel-layers.ts';

export interface PictureContext {
  districtName: string;
  view3d: boolean;
  colorMode: ColorMode;
  /** "2024 年度 → 2025 年度" while comparing, else null. */
  compareTitle: string | null;
  run: { year: number; methodName: string; methodVersion: string } | null;
  /** The filters in words (lib/filters.ts describeFilters). */
  filters: readonly string[];
  dataVersion: string;
  /** Parcels shifted for a GCJ-02 basemap. */
  gcj02: boolean;
  now: Date;
}

export function pictureSubject(c: Pick<PictureContext, 'view3d' | 'colorMode' | 'compareTitle'>): string {
  if (c.view3d) return '亩均税收三维视图';
  if (c.compareTitle) return '评价等级升降';
  return { grade: '亩均效益评价等级', tax: '亩均税收分布', region: '区域亩均效益汇总' }[c.colorMode];
}


export interface PictureText {
  title: string;
  subtitle: string;
  footerLeft: string;
  footerRight: string;
  fileName: string;
}

export function pictureText(c: PictureContext): PictureText {
  const subject = pictureSubject(c);
  const runText = c.compareTitle ?? runTitle(c.run);
  const subtitle = [runText, ...(c.filters.length > 0 ? [`筛选：${c.filters.join(' · ')}`] : [])].join(' ｜ ');
  const crs = c.gcj02 ? 'WGS 84（按 GCJ-02 底图偏移显示）' : 'WGS 84';
  const time = formatDateTime(c.now);
  const fileStamp = time.replace(/[-:]/g, '').replace(' ', '-');
  const unsafe = /[\\/:*?"<>|\s]+/g;
  return {
    title: `${c.districtName} · ${subject}`,
    subtitle,
    footerLeft: `数据：${c.districtName}宗地与企业台账 · 坐标系 ${crs} · 数据版本 ${c.dataVersion}`,
    footerRight: `导出于 ${time} · 亩均论英雄 · 宗地一码关联`,
    fileName: `${[c.districtName, subject, c.run && !c.compareTitle ? `${c.run.year}年度` : null, fileStamp].filter(Boolean).join('-').replace(unsafe, '_')}.png`,
  };
}
