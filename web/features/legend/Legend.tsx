/**
 * The map legend with the colour-mode switch (着色：评价等级 / 亩均税收 / 区域), drawn from the
 * same tables as the map layers (map/grades.ts, map/tax-classes.ts, map/choropleth.ts,
 * map/compare.ts). In grade mode each row also toggles that grade in the filter, so the legend
 * doubles as a quick filter. Year compare and 3D replace the colour switch with their own key.
 */
import type { Grade } from '../../api/evaluation-types.ts';
import { formatNumber } from '../../lib/format.ts';
import { regionFigure, AGGREGATE_LEVELS, COVERAGE_MIN_PCT } from '../../lib/region-figures.ts';
import { CHANGE_CLASSES, type ChangeClassId } from '../../map/compare.ts';
import type { Choropleth } from '../../map/choropleth.ts';
import { METRES_PER_TAX_PER_MU, TAX_CAP_WAN_PER_MU } from '../../map/extrusion.ts';
import { GRADE_CLASSES, LEGEND_GRADES, type GradeClass } from '../../map/grades.ts';
import type { ColorMode } from '../../map/parcel-layers.ts';
import { TAX_CLASSES, TAX_UNIT } from '../../map/tax-classes.ts';
import './legend.css';

/** A line of an overlay's key (land status, candidates), with how it is drawn. */
export interface OverlayKey {
  id: string;
  label: string;
  color: string;
  /** outline: a thick outline; dashed: a dashed one; hatch: diagonal lines; dot: a marker. */
  glyph: 'outline' | 'dashed' | 'hatch' | 'dot' | 'fill';
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

export interface LegendProps {
  /** 3D mode: colour is always the grade, height the 亩均税收. */
  view3d: boolean;
  colorMode: ColorMode;
  onColorModeChange: (mode: ColorMode) => void;
  /** Year of the tax figures. */
  taxYear: number | null;
  /** Year of the evaluation run the grades come from. */
  runYear: number | null;
  /** Evaluated units per grade in the run ('none' is left out). */
  gradeCounts: Partial<Record<GradeClass['id'], number>>;
  /** Grades kept bright on the map; empty = all. */
  selectedGrades: readonly Grade[];
  onToggleGrade: (grade: Grade) => void;
  /** Below zoom 12 the map shows grid cells by 亩均税收, whatever the mode. */
  showingCells: boolean;
  /** The region choropleth (colour mode 'region'); null while loading. */
  choropleth: Choropleth | null;
  /** Year compare in progress: its runs and parcel counts per class. */
  compare: { title: string; counts: Record<Exclude<ChangeClassId, 'same'>, number> | null } | null;
}

const MODES: { mode: ColorMode; label: string }[] = [
  { mode: 'grade', label: '评价等级' },
  { mode: 'tax', label: '亩均税收' },
  { mode: 'region', label: '区域' },
];

function Swatch({ color, glyph = 'fill' }: { color: string; glyph?: OverlayKey['glyph'] }) {
  return <span className={`swatch swatch-${glyph}`} style={glyph === 'fill' ? { background: color } : { borderColor: color, color }} aria-hidden />;
}

export function Legend(props: LegendProps) {
  const { colorMode, onColorModeChange, view3d, compare } = props;
  let body: React.ReactNode;
  if (view3d) body = <Legend3D {...props} />;
  else if (compare) body = <CompareLegend compare={compare} />;
  else if (colorMode === 'grade') body = <GradeLegend {...props} />;
  else if (colorMode === 'tax') body = <TaxLegend {...props} />;
  else body = <RegionLegend {...props} />;
  return (
    <section className="legend" aria-label="图例">
      {view3d || compare ? null : (
        <div className="legend-mode" role="radiogroup" aria-label="着色">
          <span className="legend-mode-label">着色</span>
          {MODES.map((m) => (
            <button
              key={m.mode}
              type="button"
              role="radio"
              aria-checked={colorMode === m.mode}
              className={colorMode === m.mode ? 'seg active' : 'seg'}
              onClick={() => onColorModeChange(m.mode)}
            >
              {m.label}
            </button>
          ))}
        </div>
      )}
      {body}
      {props.showingCells && !view3d && colorMode !== 'region' ? (
        <div className="legend-hint">12 级以下为网格汇总，按亩均税收着色；放大查看宗地</div>
      ) : null}
      {view3d ? null : (
        <div className="legend-lines">
          <span className="line-sample line-district" aria-hidden /> 区界
          <span className="line-sample line-zone" aria-hidden /> 片区
          <span className="line-sample line-cluster" aria-hidden /> 组团
        </div>
      )}
    </section>
  );
}

function Legend3D(props: LegendProps) {
  return (
    <>
      <div className="legend-mode">
        <span className="legend-mode-label">三维展示</span>
      </div>
      <div className="legend-3d">
        <span className="height-glyph" aria-hidden>
          <i style={{ height: '45%', background: GRADE_CLASSES[2]!.color }} />
          <i style={{ height: '100%', background: GRADE_CLASSES[0]!.color }} />
          <i style={{ height: '70%', background: GRADE_CLASSES[1]!.color }} />
        </span>
        <span>
          高度 = 亩均税收
          <small className="block">
            每 1 万元/亩 {METRES_PER_TAX_PER_MU} 米，{TAX_CAP_WAN_PER_MU} 万元/亩封顶
          </small>
        </span>
      </div>
      <div className="legend-year">颜色 = 评价等级</div>
      <GradeLegend {...props} />
    </>
  );
}

function GradeLegend({ runYear, gradeCounts, selectedGrades, onToggleGrade, view3d }: LegendProps) {
  const filtering = selectedGrades.length > 0;
  return (
    <>
      {view3d ? null : <div className="legend-year">{runYear ? `${runYear} 年度评价 · 单位数` : '尚无评价结果'}</div>}
      <ul>
        {LEGEND_GRADES.map((g) => {
          const count = g.id === 'none' ? null : <span className="legend-count">{formatNumber(gradeCounts[g.id] ?? 0, 0)} 个</span>;
          const swatch = <Swatch color={g.color} />;
          if (g.id === 'none') {
            return (
              <li key={g.id} className={filtering ? 'legend-row dimmed' : 'legend-row'}>
                {swatch}
                <span className="legend-label">{g.name}</span>
              </li>
            );
          }
          const grade = g.id;
          const on = selectedGrades.includes(grade);
          return (
            <li key={g.id}>
              <button
                type="button"
                className={`legend-row legend-toggle${filtering && !on ? ' dimmed' : ''}${on ? ' on' : ''}`}
                aria-pressed={on}
                title={on ? `取消筛选 ${g.letter} 级` : `只看 ${g.letter} 级（可多选）`}
                onClick={() => onToggleGrade(grade)}
              >
                {swatch}
                <span className="legend-letter">{g.letter}</span>
                <span className="legend-label">{g.name}</span>
                {count}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function TaxLegend({ taxYear, selectedGrades }: LegendProps) {
  return (
    <>
      <div className="legend-year">
        亩均税收（{TAX_UNIT}）{taxYear ? ` · ${taxYear} 年度` : ''}
      </div>
      <ul>
        {[...TAX_CLASSES].reverse().map((c) => (
          <li key={c.id} className="legend-row">
            <Swatch color={c.color} />
            <span className="legend-label">{c.label}</span>
            <span className="legend-note">{c.note}</span>
          </li>
        ))}
      </ul>
      {selectedGrades.length > 0 ? <div className="legend-hint">只突出 {selectedGrades.join('、')} 级宗地</div> : null}
    </>
  );
}

function RegionLegend({ choropleth }: LegendProps) {
  if (!choropleth) return <div className="legend-year">正在读取区域汇总…</div>;
  const f = regionFigure(choropleth.figure);
  const level = AGGREGATE_LEVELS.find((l) => l.level === choropleth.level)?.label ?? '';
  return (
    <>
      <div className="legend-year">
        {f.label}（{f.unit}）· {level} · {choropleth.year} 年度
      </div>
      <ul>
        {[...choropleth.classes].reverse().map((c, i) => (
          <li key={i} className="legend-row">
            <Swatch color={c.color} />
            <span className="legend-label">
              {formatNumber(c.min, f.digits)} – {formatNumber(c.max, f.digits)}
            </span>
            <span className="legend-count">{c.count} 个</span>
          </li>
        ))}
        <li className="legend-row">
          <Swatch color="#3b3355" glyph="hatch" />
          <span className="legend-label">评价覆盖不足 {COVERAGE_MIN_PCT}%</span>
          <span className="legend-count">{choropleth.lowCoverage.length} 个</span>
        </li>
      </ul>
    </>
  );
}

function CompareLegend({ compare }: { compare: NonNullable<LegendProps['compare']> }) {
  return (
    <>
      <div className="legend-mode">
        <span className="legend-mode-label">年度对比</span>
      </div>
      <div className="legend-year">{compare.title} · 按宗地</div>
      <ul>
        {CHANGE_CLASSES.map((c) => (
          <li key={c.id} className="legend-row">
            <Swatch color={c.color} />
            <span className="legend-label">{c.label}</span>
            {compare.counts && c.id !== 'same' ? <span className="legend-count">{compare.counts[c.id]} 宗</span> : null}
          </li>
        ))}
      </ul>
      {compare.counts ? null : <div className="legend-hint">正在比较…</div>}
    </>
  );
}

