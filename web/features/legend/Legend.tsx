/**
 * The map legend with the colour-mode switch (着色：评价等级 / 亩均税收 / 区域), drawn from the
 * legend model (legend-model.ts), itself built from the same tables as the map layers, and shared
 * with the exported picture. In grade mode each row also toggles that grade in the filter, so the legend
 * doubles as a quick filter. Year compare and 3D replace the colour switch with their own key.
 */
import type { Grade } from '../../api/evaluation-types.ts';
import type { ColorMode } from '../../map/parcel-layers.ts';
import { legendModel, type LegendInput, type LegendRow, type SwatchGlyph } from './legend-model.ts';
import './legend.css';
import { Segmented, type SegmentOption } from '../../lib/Segmented.tsx';

/** A line of an overlay's key (land status, candidates), with how it is drawn. */
export interface OverlayKey {
  id: string;
  label: string;
  color: string;
  glyph: SwatchGlyph;
}

/** An overlay the planner can switch on, and its key. */
export interface OverlayToggle {
  id: string;
  label: string;
  on: boolean;
  /** Why it cannot be switched on, if it cannot. */
  unavailable: string | null;
  /** On, but what it draws is still being fetched. */
  loading: boolean;
  /** On, but what it draws could not be fetched: what failed and why, in words for the planner. */
  failed: string | null;
  keys: readonly OverlayKey[];
}

export interface LegendProps extends LegendInput {
  onColorModeChange: (mode: ColorMode) => void;
  onToggleGrade: (grade: Grade) => void;
}

const MODES: readonly SegmentOption<ColorMode>[] = [
  { value: 'grade', label: '评价等级' },
  { value: 'tax', label: '亩均税收' },
  { value: 'region', label: '区域' },
];

function Swatch({ color, glyph = 'fill' }: { color: string; glyph?: SwatchGlyph }) {
  return <span className={`swatch swatch-${glyph}`} style={glyph === 'fill' ? { background: color } : { borderColor: color, color }} aria-hidden />;
}

export function Legend(props: LegendProps) {
  const { colorMode, onColorModeChange, onToggleGrade } = props;
  const m = legendModel(props);
  return (
    <section className="legend" aria-label="图例">
      {m.heading === null ? (
        <Segmented
          label="着色"
          className="legend-mode"
          caption={{ text: '着色', className: 'legend-mode-label' }}
          options={MODES}
          value={colorMode}
          onChange={onColorModeChange}
        />
      ) : (
        <div className="legend-mode">
          <span className="legend-mode-label">{m.heading}</span>
        </div>
      )}
      {m.heightKey ? (
        <div className="legend-3d">
          <span className="height-glyph" aria-hidden>
            {m.heightKey.bars.map((bar, i) => (
              <i key={i} style={{ height: `${bar.heightShare * 100}%`, background: bar.color }} />
            ))}
          </span>
          <span>
            {m.heightKey.text}
            <small className="block">{m.heightKey.note}</small>
          </span>
        </div>
      ) : null}
      {m.caption !== null ? <div className="legend-year">{m.caption}</div> : null}
      {m.rows.length > 0 ? (
        <ul>
          {m.rows.map((r) => (
            <li key={r.id}>{r.grade ? <GradeToggle row={r} grade={r.grade} onToggle={onToggleGrade} /> : <Row row={r} />}</li>
          ))}
        </ul>
      ) : null}
      {m.hints.map((h) => (
        <div key={h} className="legend-hint">
          {h}
        </div>
      ))}
      {m.boundaryLines ? (
        <div className="legend-lines">
          <span className="line-sample line-district" aria-hidden /> 区界
          <span className="line-sample line-zone" aria-hidden /> 片区
          <span className="line-sample line-cluster" aria-hidden /> 组团
        </div>
      ) : null}
    </section>
  );
}

function Row({ row }: { row: LegendRow }) {
  return (
    <div className={row.dimmed ? 'legend-row dimmed' : 'legend-row'}>
      <Swatch color={row.color} glyph={row.glyph} />
      <span className="legend-label">{row.label}</span>
      {row.note !== null ? <span className="legend-note">{row.note}</span> : null}
      {row.count !== null ? <span className="legend-count">{row.count}</span> : null}
    </div>
  );
}

/** A grade row doubles as a quick filter. */
function GradeToggle({ row, grade, onToggle }: { row: LegendRow; grade: Grade; onToggle: (grade: Grade) => void }) {
  return (
    <button
      type="button"
      className={`legend-row legend-toggle${row.dimmed ? ' dimmed' : ''}${row.on ? ' on' : ''}`}
      aria-pressed={row.on}
      title={row.on ? `取消筛选 ${row.letter} 级` : `只看 ${row.letter} 级（可多选）`}
      onClick={() => onToggle(grade)}
    >
      <Swatch color={row.color} />
      <span className="legend-letter">{row.letter}</span>
      <span className="legend-label">{row.label}</span>
      {row.count !== null ? <span className="legend-count">{row.count}</span> : null}
    </button>
  );
}
