/** One enterprise on a parcel: who it is, how it uses the land, and its yearly figures. */
import { useEffect, useRef, useState } from 'react';
import { getEnterprise } from '../../api/client.ts';
import type { EnterpriseParcel, ParcelEnterprise } from '../../api/types.ts';
import { formatMu } from '../../lib/format.ts';
import { EvaluationBlock } from './EvaluationBlock.tsx';
import { GradeHistory } from './GradeHistory.tsx';
import { ROLE_LABEL, SCALE_LABEL } from './labels.ts';
import { buildMetricTable } from './metric-table.ts';

type Parcels = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; parcels: EnterpriseParcel[] };

/** All parcels the enterprise uses (一企多地). */
function useEnterpriseParcels(uscc: string): Parcels {
  const [parcels, setParcels] = useState<Parcels>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setParcels({ status: 'loading' });
    getEnterprise(uscc, controller.signal).then(
      (d) => setParcels({ status: 'ready', parcels: d.parcels }),
      () => {
        if (!controller.signal.aborted) setParcels({ status: 'failed' });
      },
    );
    return () => controller.abort();
  }, [uscc]);
  return parcels;
}

export interface EnterpriseCardProps {
  enterprise: ParcelEnterprise;
  focused: boolean;
  /** Open the score breakdown at once (the only enterprise on the parcel, or the one searched for). */
  breakdownOpen: boolean;
}

export function EnterpriseCard({ enterprise: e, focused, breakdownOpen }: EnterpriseCardProps) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [focused]);
  const lookup = useEnterpriseParcels(e.uscc);
  const allParcels = lookup.status === 'ready' ? lookup.parcels : null;
  // If the enterprise cannot be looked up, this parcel's area is the best figure we have.
  const totalAreaMu =
    lookup.status === 'ready' ? lookup.parcels.reduce((sum, p) => sum + p.areaUsedMu, 0) : lookup.status === 'failed' ? e.areaUsedMu : null;
  const table = buildMetricTable(e, totalAreaMu);

  return (
    <article ref={ref} className={focused ? 'enterprise-card focused' : 'enterprise-card'}>
      <h4>{e.name}</h4>
      <div className="chips">
        <span className={e.scale === 'above' ? 'tag tag-strong' : 'tag'}>{SCALE_LABEL[e.scale]}</span>
        <span className={e.role === 'tenant' ? 'tag tag-tenant' : 'tag'}>{ROLE_LABEL[e.role]}</span>
        {e.tags.map((t) => (
          <span key={t} className="tag tag-honour">
            {t}
          </span>
        ))}
      </div>
      {e.evaluation ? (
        <EvaluationBlock evaluation={e.evaluation} group={e.scale} breakdownOpen={breakdownOpen} />
      ) : (
        <p className="muted evaluation-none">未纳入最近一次评价（如规下企业用地不足起评面积）。</p>
      )}
      <GradeHistory uscc={e.uscc} />
      <dl className="fields compact">
        <div className="field">
          <dt>统一社会信用代码</dt>
          <dd className="mono">{e.uscc}</dd>
        </div>
        <div className="field">
          <dt>行业</dt>
          <dd>
            {e.industryName} <small className="mono">{e.industryCode}</small>
          </dd>
        </div>
        <div className="field">
          <dt>使用面积</dt>
          <dd>
            {formatMu(e.areaUsedMu)}
            {allParcels && allParcels.length > 1 ? (
              <small>
                {' '}
                一企多地：共 {allParcels.length} 宗 {formatMu(totalAreaMu)}
              </small>
            ) : null}
          </dd>
        </div>
      </dl>
      {table.years.length === 0 ? (
        <p className="muted">暂无年度数据。</p>
      ) : (
        <table className="metric-table">
          <thead>
            <tr>
              <th>指标</th>
              {table.years.map((y) => (
                <th key={y} className="num">
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" title={row.sources.length ? `数据来源：${row.sources.join('、')}` : '无数据来源'}>
                  {row.label}
                  <small className="unit">{row.unit}</small>
                  {row.sources.length ? <small className="source">{row.sources.join('、')}</small> : null}
                </th>
                {row.cells.map((c, i) => (
                  <td
                    key={table.years[i]}
                    className={c.value === null ? 'num missing' : 'num'}
                    title={c.source ? `${table.years[i]} 年 · 来源：${c.source}` : `${table.years[i]} 年 · 未报送`}
                  >
                    {c.text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
