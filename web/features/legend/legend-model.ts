/**
 * What the legend says, as data: its heading, caption, rows and hints for each way the map is
 * coloured (grade, 亩均税收 class, region choropleth, year compare, 3D). The on-screen legend
 * (Legend.tsx) and the exported picture (features/picture) both draw this one model, so the
 * picture handed to leadership keys the colours exactly as the map did.
 */
import type { Grade } from '../../api/evaluation-types.ts';
import { formatNumber } from '../../lib/format.ts';
import { AGGREGATE_LEVELS, COVERAGE_MIN_PCT, regionFigure } from '../../lib/region-figures.ts';
import type { Choropleth } from '../../map/choropleth.ts';
import { CHANGE_CLASSES, type ChangeClassId } from '../../map/compare.ts';
import { METRES_PER_TAX_PER_MU, TAX_CAP_WAN_PER_MU } from '../../map/extrusion.ts';
import { GRADE_CLASSES, LEGEND_GRADES, type GradeClass } from '../../map/grades.ts';
import type { ColorMode } from '../../map/parcel-layers.ts';
import { TAX_CLASSES, TAX_UNIT } from '../../map/tax-classes.ts';

/** How a key is drawn: a fill; a thick outline; a dashed one; diagonal lines; a marker. */
export type SwatchGlyph = 'fill' | 'outline' | 'dashed' | 'hatch' | 'dot';

export interface LegendRow {
  id: string;
  color: string;
  glyph: SwatchGlyph;
  /** A grade letter printed before the label. */
  letter: string | null;
  label: string;
  /** A quieter note after the label (a tax class's meaning). */
  note: string | null;
  /** A count with its unit, e.g. "186 个". */
  count: string | null;
  /** The grade this row filters by, when a click on it does. */
  grade: Grade | null;
  /** Shown but faded: a filter keeps other grades bright. */
  dimmed: boolean;
  /** Its grade is one the filter keeps. */
  on: boolean;
}

export interface LegendModel {
  /** Replaces the colour switch: "年度对比", "三维展示". Null when the switch shows. */
  heading: string | null;
  /** What the heights mean, in 3D. */
  heightKey: { text: string; note: string; bars: readonly { color: string; heightShare: number }[] } | null;
  caption: string | null;
  rows: LegendRow[];
  hints: string[];
  /** The region boundary line samples (区界, 片区, 组团). */
  boundaryLines: boolean;
}

export interface LegendInput {
  view3d: boolean;
  colorMode: ColorMode;
  /** Year of the tax figures. */
  taxYear: number | null;
  /** Year of the evaluation run the grades come from. */
  runYear: number | null;
  /** Evaluated units per grade in the run ('none' is left out). */
  gradeCounts: Partial<Record<GradeClass['id'], number>>;
  /** Grades kept bright on the map; empty = all. */
  selectedGrades: readonly Grade[];
  /** Below zoom 12 the map shows grid cells by 亩均税收, whatever the mode. */
  showingCells: boolean;
  /** The region choropleth (colour mode 'region'); null while loading. */
  choropleth: Choropleth | null;
  /** Year compare in progress: its runs and parcel counts per class. */
  compare: { title: string; counts: Record<Exclude<ChangeClassId, 'same'>, number> | null } | null;
}

const row = (r: Pick<LegendRow, 'id' | 'color' | 'label'> & Partial<LegendRow>): LegendRow => ({
  glyph: 'fill',
  letter: null,
  note: null,
  count: null,
  grade: null,
  dimmed: false,
  on: false,
  ...r,
});

function gradeRows(input: LegendInput): LegendRow[] {
  const filtering = input.selectedGrades.length > 0;
  return LEGEND_GRADES.map((g) => {
    if (g.id === 'none') return row({ id: g.id, color: g.color, label: g.name, dimmed: filtering });
    const on = input.selectedGrades.includes(g.id);
    return row({
      id: g.id,
      color: g.color,
      letter: g.letter,
      label: g.name,
      count: `${formatNumber(input.gradeCounts[g.id] ?? 0, 0)} 个`,
      grade: g.id,
      dimmed: filtering && !on,
      on,
    });
  });
}

function gradeModel(input: LegendInput): LegendModel {
  return {
    heading: null,
    heightKey: null,
    caption: input.runYear ? `${input.runYear} 年度评价 · 单位数` : '尚无评价结果',
    rows: gradeRows(input),
    hints: [],
    boundaryLines: true,
  };
}

function taxModel(input: LegendInput): LegendModel {
  return {
    heading: null,
    heightKey: null,
    caption: `亩均税收（${TAX_UNIT}）${input.taxYear ? ` · ${input.taxYear} 年度` : ''}`,
    rows: [...TAX_CLASSES].reverse().map((c) => row({ id: c.id, color: c.color, label: c.label, note: c.note })),
    hints: input.selectedGrades.length > 0 ? [`只突出 ${input.selectedGrades.join('、')} 级宗地`] : [],
    boundaryLines: true,
  };
}

function regionModel({ choropleth }: LegendInput): LegendModel {
  if (!choropleth) return { heading: null, heightKey: null, caption: '正在读取区域汇总…', rows: [], hints: [], boundaryLines: true };
  const f = regionFigure(choropleth.figure);
  const level = AGGREGATE_LEVELS.find((l) => l.level === choropleth.level)?.label ?? '';
  return {
    heading: null,
    heightKey: null,
    caption: `${f.label}（${f.unit}）· ${level} · ${choropleth.year} 年度`,
    rows: [
      ...[...choropleth.classes].reverse().map((c, i) =>
        row({ id: `class-${i}`, color: c.color, label: `${formatNumber(c.min, f.digits)} – ${formatNumber(c.max, f.digits)}`, count: `${c.count} 个` }),
      ),
      row({ id: 'low-coverage', color: '#3b3355', glyph: 'hatch', label: `评价覆盖不足 ${COVERAGE_MIN_PCT}%`, count: `${choropleth.lowCoverage.length} 个` }),
    ],
    hints: [],
    boundaryLines: true,
  };
}

function compareModel(compare: NonNullable<LegendInput['compare']>): LegendModel {
  return {
    heading: '年度对比',
    heightKey: null,
    caption: `${compare.title} · 按宗地`,
    rows: CHANGE_CLASSES.map((c) =>
      row({ id: c.id, color: c.color, label: c.label, count: compare.counts && c.id !== 'same' ? `${compare.counts[c.id]} 宗` : null }),
    ),
    hints: compare.counts ? [] : ['正在比较…'],
    boundaryLines: true,
  };
}

function model3d(input: LegendInput): LegendModel {
  return {
    heading: '三维展示',
    heightKey: {
      text: '高度 = 亩均税收',
      note: `每 1 万元/亩 ${METRES_PER_TAX_PER_MU} 米，${TAX_CAP_WAN_PER_MU} 万元/亩封顶`,
      // Three bars of differing height in grade colours: a picture of the encoding, not data.
      bars: [
        { color: GRADE_CLASSES[2]!.color, heightShare: 0.45 },
        { color: GRADE_CLASSES[0]!.color, heightShare: 1 },
        { color: GRADE_CLASSES[1]!.color, heightShare: 0.7 },
      ],
    },
    caption: '颜色 = 评价等级',
    rows: gradeRows(input),
    hints: [],
    boundaryLines: false,
  };
}

const CELLS_HINT = '12 级以下为网格汇总，按亩均税收着色；放大查看宗地';

export function legendModel(input: LegendInput): LegendModel {
  let m: LegendModel;
  if (input.view3d) m = model3d(input);
  else if (input.compare) m = compareModel(input.compare);
  else if (input.colorMode === 'grade') m = gradeModel(input);
  else if (input.colorMode === 'tax') m = taxModel(input);
  else m = regionModel(input);
  if (input.showingCells && !input.view3d && input.colorMode !== 'region') m = { ...m, hints: [...m.hints, CELLS_HINT] };
  return m;
}
