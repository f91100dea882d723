/**
 * The parcel colour legend with the colour-mode switch (着色：评价等级 / 亩均税收), drawn from the
 * same tables as the map layer (map/grades.ts, map/tax-classes.ts). In grade mode each row also
 * toggles that grade in the evaluation filter, so the legend doubles as a quick filter.
 */
import type { Grade } from '../../api/evaluation-types.ts';
import { GRADE_CLASSES, LEGEND_GRADES, type GradeClass } from '../../map/grades.ts';
import { METRES_PER_TAX_PER_MU, TAX_CAP_WAN_PER_MU } from '../../map/extrusion.ts';
import type { ColorMode } from '../../map/parcel-layers.ts';
import { TAX_CLASSES, TAX_UNIT, type TaxClass } from '../../map/tax-classes.ts';
import './legend.css';

export interface LegendProps {
  /** 3D mode: colour is always the grade, height the 亩均税收. */
  view3d: boolean;
  colorMode: ColorMode;
  onColorModeChange: (mode: ColorMode) => void;
  /** Year of the tax figures. */
  taxYear: number | null;
  /** Year of the evaluation run the grades come from. */
  runYear: number | null;
  /** Parcels per grade ('none' = not evaluated) and per tax class. */
  gradeCounts: Partial<Record<GradeClass['id'], number>>;
  taxCounts: Partial<Record<TaxClass['id'], number>>;
  /** Grades kept bright on the map; empty = all. */
  selectedGrades: readonly Grade[];
  onToggleGrade: (grade: Grade) => void;
  /** Set when the list is filtered by 规上/规下 but the map cannot show that split. */
  groupNote?: string | null;
}

const MODES: { mode: ColorMode; label: string }[] = [
  { mode: 'grade', label: '评价等级' },
  { mode: 'tax', label: '亩均税收' },
];

export function Legend(props: LegendProps) {
  const { colorMode, onColorModeChange, view3d } = props;
  if (view3d) {
    return (
      <section className="legend" aria-label="图例">
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
      </section>
    );
  }
  return (
    <section className="legend" aria-label="图例">
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
      {colorMode === 'grade' ? <GradeLegend {...props} /> : <TaxLegend {...props} />}
      <div className="legend-lines">
        <span className="line-sample line-district" aria-hidden /> 区界
        <span className="line-sample line-zone" aria-hidden /> 片区
        <span className="line-sample line-cluster" aria-hidden /> 组团
      </div>
    </section>
  );
}

function GradeLegend({ runYear, gradeCounts, selectedGrades, onToggleGrade, groupNote, view3d }: LegendProps) {
  const filtering = selectedGrades.length > 0;
  return (
    <>
      {view3d ? null : <div className="legend-year">{runYear ? `${runYear} 年度评价 · 按宗地` : '尚无评价结果'}</div>}
      <ul>
        {LEGEND_GRADES.map((g) => {
          const count = <span className="legend-count">{gradeCounts[g.id] ?? 0} 宗</span>;
          const swatch = <span className="swatch" style={{ background: g.color }} aria-hidden />;
          if (g.id === 'none') {
            return (
              <li key={g.id} className={filtering ? 'legend-row dimmed' : 'legend-row'}>
                {swatch}
                <span className="legend-label">{g.name}</span>
                {count}
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
      {groupNote ? <div className="legend-hint">{groupNote}</div> : null}
    </>
  );
}

function TaxLegend({ taxYear, taxCounts, selectedGrades }: LegendProps) {
  return (
    <>
      <div className="legend-year">
        亩均税收（{TAX_UNIT}）{taxYear ? ` · ${taxYear} 年度` : ''}
      </div>
      <ul>
        {[...TAX_CLASSES].reverse().map((c) => (
          <li key={c.id} className="legend-row">
            <span className="swatch" style={{ background: c.color }} aria-hidden />
            <span className="legend-label">{c.label}</span>
            <span className="legend-note">{c.note}</span>
            <span className="legend-count">{taxCounts[c.id] ?? 0} 宗</span>
          </li>
        ))}
      </ul>
      {selectedGrades.length > 0 ? <div className="legend-hint">只突出 {selectedGrades.join('、')} 级宗地</div> : null}
    </>
  );
}
