/**
 * Regions ranked by one figure of the chosen run's aggregates (区域排名), with the choice of level
 * and figure that the map's region choropleth also shows. A row selects the region as the filter.
 */
import type { AggregateLevel, RegionAggregates, RegionFigureKey } from '../../api/evaluation-types.ts';
import { AGGREGATE_LEVELS, REGION_FIGURES, regionFigure } from '../../lib/region-figures.ts';
import { gradeOf } from '../../map/grades.ts';
import { COVERAGE_NOTE, rankingRows } from './region-view.ts';
import './regions.css';
import { Segmented } from '../../lib/Segmented.tsx';

export interface RegionRankingProps {
  aggregates: RegionAggregates | null;
  loading: boolean;
  error: string | null;
  level: AggregateLevel;
  figure: RegionFigureKey;
  onLevelChange: (level: AggregateLevel) => void;
  onFigureChange: (figure: RegionFigureKey) => void;
  /** Whether the map shows the choropleth now. */
  onMap: boolean;
  onShowOnMap: (show: boolean) => void;
  selectedRegion: string | null;
  onPickRegion: (code: string | null) => void;
}

export function RegionRanking(props: RegionRankingProps) {
  const { aggregates, loading, error, level, figure, onLevelChange, onFigureChange, onMap, onShowOnMap, selectedRegion, onPickRegion } = props;
  const rows = aggregates ? rankingRows(aggregates.regions, figure) : [];
  const f = regionFigure(figure);
  return (
    <>
      <div className="region-controls">
        <Segmented label="区域层级" options={AGGREGATE_LEVELS.map((l) => ({ value: l.level, label: l.label }))} value={level} onChange={onLevelChange} />
        <select aria-label="区域指标" value={figure} onChange={(ev) => onFigureChange(ev.target.value as RegionFigureKey)}>
          {REGION_FIGURES.map((x) => (
            <option key={x.key} value={x.key}>
              {x.label}
            </option>
          ))}
        </select>
        <button type="button" className={onMap ? 'map-toggle on' : 'map-toggle'} aria-pressed={onMap} onClick={() => onShowOnMap(!onMap)}>
          {onMap ? '地图显示中' : '在地图上显示'}
        </button>
      </div>
      <div className="result-head">
        <span>
          {aggregates ? `${aggregates.year} 年度 · 按${f.label}排名 · ${rows.length} 个区域` : loading ? '读取中…' : ''}
        </span>
        <small>单位：{f.unit}</small>
      </div>
      <div className="result-scroll">
        {error ? <p className="error empty">读取区域汇总失败：{error}</p> : null}
        {aggregates && rows.length === 0 ? <p className="muted empty">该层级没有区域。</p> : null}
        <ol className="ranking-list" aria-label="区域排名">
          {rows.map((r) => {
            const active = r.code === selectedRegion;
            return (
              <li key={r.code}>
                <button
                  type="button"
                  className={active ? 'ranking-row active' : 'ranking-row'}
                  aria-current={active ? 'true' : undefined}
                  title={active ? '再次点击取消区域筛选' : '筛选该区域并在地图上定位'}
                  onClick={() => onPickRegion(active ? null : r.code)}
                >
                  <span className="ranking-rank">{r.rank ?? '—'}</span>
                  <span className="ranking-main">
                    <span className="ranking-line">
                      <span className="ranking-name">{r.name}</span>
                      <span className="ranking-value">{r.valueText}</span>
                    </span>
                    <span className="ranking-bar" aria-hidden>
                      <i style={{ width: `${r.barPct}%` }} />
                    </span>
                    <span className="ranking-meta">
                      <span className="grade-mix" aria-label="等级构成">
                        {r.gradeShares.map((s) => (
                          <i key={s.grade} style={{ width: `${s.pct}%`, background: gradeOf(s.grade).color }} title={`${s.grade} 级 ${s.count} 个`} />
                        ))}
                      </span>
                      <span>{r.units} 个单位</span>
                      {r.changeText ? <span className={r.changeUp ? 'up' : 'down'}>同比 {r.changeText}</span> : null}
                      <span className={r.lowCoverage ? 'warn' : undefined} title={r.lowCoverage ? COVERAGE_NOTE : undefined}>
                        {r.coverageText}
                        {r.lowCoverage ? ' ⚠' : ''}
                      </span>
                      {r.targets.of > 0 ? (
                        <span title="2027 年目标（增速与水平）达成数">
                          目标 {r.targets.met}/{r.targets.of}
                        </span>
                      ) : null}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </div>
    </>
  );
}
