/** The parcel colour legend, drawn from the same table as the map layer (map/tax-classes.ts). */
import { TAX_CLASSES, TAX_UNIT, type TaxClass } from '../../map/tax-classes.ts';

export interface LegendProps {
  year: number | null;
  /** Parcels per class id, to show how many fall in each. */
  counts?: Partial<Record<TaxClass['id'], number>>;
}

export function Legend({ year, counts }: LegendProps) {
  return (
    <section className="legend" aria-label="图例">
      <h2>
        亩均税收 <span className="unit">（{TAX_UNIT}）</span>
      </h2>
      {year ? <div className="legend-year">{year} 年度 · 按宗地</div> : null}
      <ul>
        {[...TAX_CLASSES].reverse().map((c) => (
          <li key={c.id}>
            <span className="swatch" style={{ background: c.color }} aria-hidden />
            <span className="legend-label">{c.label}</span>
            <span className="legend-note">{c.note}</span>
            {counts ? <span className="legend-count">{counts[c.id] ?? 0} 宗</span> : null}
          </li>
        ))}
      </ul>
      <div className="legend-lines">
        <span className="line-sample district" aria-hidden /> 区界
        <span className="line-sample zone" aria-hidden /> 片区
        <span className="line-sample cluster" aria-hidden /> 组团
      </div>
    </section>
  );
}
