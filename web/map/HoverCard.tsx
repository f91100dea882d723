/** The card beside the pointer: what the parcel (or, at low zoom, the grid cell) under it is. */
import type { MapParcel, ParcelCellProperties, ParcelFeatureProperties } from '../api/types.ts';
import { formatMu, formatNumber, withUnit } from '../lib/format.ts';
import { landUseName } from '../lib/land-use.ts';
import type { ParcelChange } from '../lib/parcel-changes.ts';
import { changeClass, changeClassOf } from './compare.ts';
import { effectiveGrade, type GradeOverrides } from './grade-overrides.ts';
import { gradeOf } from './grades.ts';
import type { ColorMode } from './parcel-layers.ts';
import { TAX_UNIT, classOf } from './tax-classes.ts';

export type HoverTarget =
  | { kind: 'parcel'; parcel: MapParcel; summary?: ParcelFeatureProperties }
  | { kind: 'cell'; cell: ParcelCellProperties };

export interface Hover {
  x: number;
  y: number;
  /** Canvas size in CSS pixels, to keep the card on screen. */
  width: number;
  height: number;
  target: HoverTarget;
}

export interface HoverContext {
  colorMode: ColorMode;
  gradeOverrides: GradeOverrides | null;
  /** Year compare: the parcel's change, by code. */
  changes: ReadonlyMap<string, ParcelChange> | null;
  regionNames: Readonly<Record<string, string>>;
}

function position({ x, y, width, height }: Hover) {
  // Open towards the larger free side, so the card never runs off the map.
  return {
    ...(x < width - 320 ? { left: x + 14 } : { right: width - x + 14 }),
    ...(y < height - 150 ? { top: y + 14 } : { bottom: height - y + 14 }),
  };
}

function CellCard({ cell }: { cell: ParcelCellProperties }) {
  const cls = classOf(cell.taxPerMuWan);
  return (
    <>
      <div className="hover-title">网格汇总</div>
      <div>
        {formatNumber(cell.count, 0)} 宗 · {formatMu(cell.areaMu)}
      </div>
      <div>
        <span className="swatch" style={{ background: cls.color }} aria-hidden />
        亩均税收 {withUnit(cell.taxPerMuWan, TAX_UNIT, 2)}
        {cls.note ? ` · ${cls.note}` : ''}
      </div>
      <div className="hover-hint">放大到 12 级查看各宗地</div>
    </>
  );
}

function ParcelCard({ target, context }: { target: Extract<HoverTarget, { kind: 'parcel' }>; context: HoverContext }) {
  const p = target.parcel.properties;
  const summary = target.summary;
  const cls = classOf(p.taxPerMuWan);
  const g = gradeOf(effectiveGrade(p, context.gradeOverrides));
  const change = context.changes?.get(p.code) ?? null;
  const gradeLine = (
    <div key="grade">
      <span className="swatch" style={{ background: g.color }} aria-hidden />
      {g.id === 'none' ? '未评价' : `${g.letter} 级 · ${g.name}`}
      {p.group ? ` · ${p.group === 'above' ? '规上' : '规下'}` : ''}
    </div>
  );
  const taxLine = (
    <div key="tax">
      <span className="swatch" style={{ background: cls.color }} aria-hidden />
      亩均税收 {withUnit(p.taxPerMuWan, TAX_UNIT, 2)}
      {cls.note ? ` · ${cls.note}` : ''}
    </div>
  );
  const where = [p.region ? (context.regionNames[p.region] ?? p.region) : null, landUseName(p.landUse), p.industry ? `行业 ${p.industry}` : null]
    .filter(Boolean)
    .join(' · ');
  const who = summary?.enterpriseNames
    ? `${summary.enterpriseNames}${summary.enterpriseCount > 3 ? ` 等 ${summary.enterpriseCount} 家` : ''}`
    : p.enterpriseCount
      ? `${p.enterpriseCount} 家用地企业`
      : '无关联企业';
  return (
    <>
      <div className="hover-title">{who}</div>
      <div className="mono hover-code">{p.code}</div>
      {where || summary ? <div>{[summary ? formatMu(summary.areaMu) : null, where].filter(Boolean).join(' · ')}</div> : null}
      {change ? (
        <div className="hover-change">
          <span className="swatch" style={{ background: changeClass(changeClassOf(change.direction)).color }} aria-hidden />
          {gradeOf(change.from).letter} → {gradeOf(change.to).letter} · {changeClass(changeClassOf(change.direction)).label}
        </div>
      ) : null}
      {context.colorMode === 'tax' ? [taxLine, gradeLine] : [gradeLine, taxLine]}
    </>
  );
}

export function HoverCard({ hover, context }: { hover: Hover; context: HoverContext }) {
  return (
    <div className="hover-card" style={position(hover)} role="tooltip">
      {hover.target.kind === 'cell' ? <CellCard cell={hover.target.cell} /> : <ParcelCard target={hover.target} context={context} />}
    </div>
  );
}
