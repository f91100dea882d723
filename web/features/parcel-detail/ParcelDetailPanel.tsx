/**
 * The 一码关联 view of one parcel: its latest grade and why, every enterprise on it with its own
 * evaluation, yearly figures and where each figure came from, then the land record.
 */
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { getParcel } from '../../api/client.ts';
import type { Grade } from '../../api/evaluation-types.ts';
import type { ParcelDetail } from '../../api/types.ts';
import { MISSING, formatDate, formatDateTime, formatMu, formatMuFromM2, formatNumber, withUnit } from '../../lib/format.ts';
import { gradeOf } from '../../map/grades.ts';
import { TAX_UNIT, classOf } from '../../map/tax-classes.ts';
import { EnterpriseCard } from './EnterpriseCard.tsx';
import { LandStatusSection } from './LandStatusSection.tsx';
import { EvaluationBlock, GradeBadge } from './EvaluationBlock.tsx';
import { unitGroup } from './evaluation-view.ts';
import { LEVEL_LABEL, LEVEL_ORDER } from './labels.ts';

/** What the map draws the parcel with: its grade in the chosen run and its 亩均税收. */
export interface ParcelSummary {
  grade: Grade | null;
  taxPerMuWan: number | null;
}

export interface ParcelDetailPanelProps {
  /** 不动产单元代码 of the parcel to show. */
  code: string;
  /** The map's summary of the parcel, once the map knows it. */
  summary: ParcelSummary | null;
  /** An enterprise to scroll to and highlight (after a search by enterprise). */
  focusUscc: string | null;
  onLoaded?: (detail: ParcelDetail) => void;
  onClose: () => void;
  /** Heads the printed report: district, run, data version. */
  printHeading: string;
}

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; detail: ParcelDetail };

function Field({ label, children, hint, wide }: { label: string; children: React.ReactNode; hint?: string; wide?: boolean }) {
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <dt>{label}</dt>
      <dd title={hint}>{children}</dd>
    </div>
  );
}

/** The parcel at a glance: the grade it is drawn with, and its 亩均税收. */
function SummaryBar({ summary, detail }: { summary: ParcelSummary | null; detail: ParcelDetail | null }) {
  if (!summary) return null;
  const cls = classOf(summary.taxPerMuWan);
  const g = gradeOf(summary.grade);
  const enterpriseName = detail ? (detail.parcel.holderName ?? detail.enterprises[0]?.name ?? null) : null;
  const year = detail?.enterprises.flatMap((e) => e.metrics.map((m) => m.year)).reduce((a, b) => Math.max(a, b), 0) || null;
  return (
    <div className="summary-bar">
      <GradeBadge grade={summary.grade} size="lg" />
      <div className="summary-text">
        <div className="summary-grade">{summary.grade ? `${g.letter} 级 · ${g.name}` : '未评价'}</div>
        {enterpriseName ? <div className="summary-name">{enterpriseName}</div> : null}
        <div className="summary-tax">
          <span className="swatch" style={{ background: cls.color }} aria-hidden />
          亩均税收{year ? `（${year} 年）` : ''} <strong>{withUnit(summary.taxPerMuWan, TAX_UNIT, 2)}</strong>
          {cls.note ? <span className="tag tag-warn">{cls.note}</span> : null}
          {detail ? <span className="summary-area">{formatMu(detail.parcel.areaMu)}</span> : null}
        </div>
      </div>
    </div>
  );
}

/** A multi-tenant parcel evaluated as one unit: its result, shared by every tenant. */
function MergedSection({ detail }: { detail: ParcelDetail }) {
  const ev = detail.mergedEvaluation;
  if (!ev) return null;
  return (
    <section className="merged-section">
      <h3>
        合并评价 <span className="tag">一地多企</span>
      </h3>
      <p className="merged-note">
        <strong>共用宗地合并评价，各企业共享结果。</strong>
        {ev.members.length} 家企业的数据合并后作为一个单位参评、排名；下方各企业卡片另列其自身得分，仅供参考。
      </p>
      <EvaluationBlock evaluation={ev} group={unitGroup(ev, detail.enterprises)} breakdownOpen />
    </section>
  );
}

function LandSection({ detail }: { detail: ParcelDetail }) {
  const p = detail.parcel;
  const regions = [...p.regions].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  return (
    <section>
      <h3>宗地信息</h3>
      <dl className="fields">
        <Field label="面积" hint={`${formatNumber(p.areaM2, 0)} m²（椭球面计算）`}>
          {formatMu(p.areaMu)}
          {p.registryAreaM2 !== null ? <small> 登记 {formatMuFromM2(p.registryAreaM2)}</small> : null}
        </Field>
        <Field label="土地用途">
          {p.landUseName} <small className="mono">{p.landUse}</small>
        </Field>
        <Field label="容积率">{formatNumber(p.far, 2)}</Field>
        <Field label="建筑面积">{withUnit(p.floorAreaM2, 'm²', 0)}</Field>
        <Field label="权利人">
          {p.holderName ?? MISSING}
          {p.holderUscc ? <small className="mono block">{p.holderUscc}</small> : null}
        </Field>
        <Field label="所在区域" wide hint={regions.map((r) => `${LEVEL_LABEL[r.level]}：${r.name}`).join('\n')}>
          {regions.length ? regions.map((r) => r.name).join(' › ') : MISSING}
        </Field>
      </dl>
    </section>
  );
}

function SupplySection({ detail }: { detail: ParcelDetail }) {
  const s = detail.parcel.supply;
  return (
    <section>
      <h3>供地记录</h3>
      <dl className="fields">
        <Field label="开发状态">{s.status ?? MISSING}</Field>
        <Field label="供地方式">{s.supplyMethod ?? MISSING}</Field>
        <Field label="批准日期">{formatDate(s.approvalDate)}</Field>
        <Field label="供地日期">{formatDate(s.supplyDate)}</Field>
        <Field label="约定开工">{formatDate(s.startDeadline)}</Field>
        <Field label="实际开工">{formatDate(s.actualStartDate)}</Field>
        <Field label="竣工日期">{formatDate(s.completionDate)}</Field>
        {s.haltedDate ? <Field label="停建日期">{formatDate(s.haltedDate)}</Field> : null}
        <Field label="出让价款">{withUnit(s.landPriceWan, '万元', 1)}</Field>
        <Field label="已开发面积">{formatMuFromM2(s.developedAreaM2)}</Field>
        <Field label="已投资额" hint="不含土地价款">
          {withUnit(s.investedWan, '万元', 1)}
        </Field>
      </dl>
    </section>
  );
}

function StandardLandSection({ detail }: { detail: ParcelDetail }) {
  const c = detail.parcel.standardLand;
  if (!c) return null;
  const far = c.farMin !== null || c.farMax !== null ? `${formatNumber(c.farMin, 1)} – ${formatNumber(c.farMax, 1)}` : MISSING;
  return (
    <section>
      <h3>
        标准地承诺 <span className="tag">出让合同</span>
      </h3>
      <dl className="fields">
        <Field label="投资强度">{withUnit(c.investmentWanPerMu, '万元/亩', 0)}</Field>
        <Field label="容积率">{far}</Field>
        <Field label="亩均税收">{withUnit(c.taxPerMuWan, TAX_UNIT, 1)}</Field>
        <Field label="单位能耗增加值">{withUnit(c.vaPerTceWan, '万元/吨标准煤', 2)}</Field>
        <Field label="研发经费占比">{withUnit(c.rdRatioPct, '%', 1)}</Field>
        <Field label="达产日期">{formatDate(c.targetDate)}</Field>
      </dl>
    </section>
  );
}

function BuildingsSection({ detail }: { detail: ParcelDetail }) {
  if (detail.buildings.length === 0) return null;
  return (
    <section>
      <h3>建筑（{detail.buildings.length}）</h3>
      <table className="mini-table">
        <thead>
          <tr>
            <th>名称</th>
            <th className="num">建筑面积 m²</th>
            <th className="num">层数</th>
            <th className="num">空置 m²</th>
          </tr>
        </thead>
        <tbody>
          {detail.buildings.map((b, i) => (
            <tr key={`${b.name}-${i}`}>
              <td>{b.name}</td>
              <td className="num">{formatNumber(b.floorAreaM2, 0)}</td>
              <td className="num">{formatNumber(b.floors, 0)}</td>
              <td className={b.vacantFloorAreaM2 ? 'num warn' : 'num'}>{formatNumber(b.vacantFloorAreaM2, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ParcelDetailPanel({ code, summary, focusUscc, onLoaded, onClose, printHeading }: ParcelDetailPanelProps) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const panelRef = useRef<HTMLElement>(null);
  const [printedAt, setPrintedAt] = useState<Date | null>(null);
  /**
   * The panel as a report (打印, or 另存为 PDF in the print dialog): the print stylesheet keeps the
   * panel alone at page width, every folded section opened for the print and folded back after.
   */
  const print = () => {
    const closed = [...(panelRef.current?.querySelectorAll('details:not([open])') ?? [])];
    closed.forEach((d) => d.setAttribute('open', ''));
    flushSync(() => setPrintedAt(new Date()));
    window.print();
    closed.forEach((d) => d.removeAttribute('open'));
  };
  const onLoadedRef = useRef(onLoaded);
  onLoadedRef.current = onLoaded;

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    getParcel(code, controller.signal).then(
      (detail) => {
        setState({ status: 'ready', detail });
        onLoadedRef.current?.(detail);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => controller.abort();
  }, [code]);

  const enterprises = state.status === 'ready' ? state.detail.enterprises : [];

  return (
    <aside className="detail-panel" aria-label="宗地详情" ref={panelRef}>
      <div className="print-only print-heading">
        <strong>宗地一码关联报告</strong>
        <span>{printHeading}</span>
        {printedAt ? <span>打印于 {formatDateTime(printedAt)}</span> : null}
      </div>
      <header className="detail-header">
        <div>
          <div className="eyebrow">宗地 · 不动产单元代码</div>
          <div className="parcel-code mono" data-testid="parcel-code">
            {code}
          </div>
        </div>
        <span className="detail-actions">
          <button type="button" className="text-button" onClick={print} disabled={state.status !== 'ready'} aria-label="打印本宗地报告" title="打印，或在打印对话框中另存为 PDF">
            打印
          </button>
          <button type="button" className="icon-button" onClick={onClose} aria-label="关闭详情" title="关闭">
            ×
          </button>
        </span>
      </header>
      <div className="detail-body">
        <SummaryBar summary={summary} detail={state.status === 'ready' ? state.detail : null} />
        {state.status === 'loading' ? <p className="muted">正在读取宗地信息…</p> : null}
        {state.status === 'error' ? <p className="error">读取失败：{state.message}</p> : null}
        {state.status === 'ready' ? (
          <>
            <MergedSection detail={state.detail} />
            <LandStatusSection code={code} />
            <section>
              <h3>
                关联企业（{enterprises.length}）
                {enterprises.length > 1 ? <span className="tag">一地多企</span> : null}
              </h3>
              {enterprises.length === 0 ? <p className="muted">该宗地暂无关联企业。</p> : null}
              {enterprises.map((e) => (
                <EnterpriseCard
                  key={e.uscc}
                  enterprise={e}
                  focused={e.uscc === focusUscc}
                  breakdownOpen={e.uscc === focusUscc || (enterprises.length === 1 && !state.detail.mergedEvaluation)}
                />
              ))}
            </section>
            <LandSection detail={state.detail} />
            <StandardLandSection detail={state.detail} />
            <SupplySection detail={state.detail} />
            <BuildingsSection detail={state.detail} />
          </>
        ) : null}
      </div>
    </aside>
  );
}
