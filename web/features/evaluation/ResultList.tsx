/** One page of results: grade, name, score, rank; a click opens the unit's parcel. */
import type { UnitResult } from '../../api/evaluation-types.ts';
import { gradeOf } from '../../map/grades.ts';
import { resultCaption, scoreCell } from './results-view.ts';

export interface ResultListProps {
  results: UnitResult[];
  activeUnitId: string | null;
  onOpen: (result: UnitResult) => void;
}

export function ResultList({ results, activeUnitId, onOpen }: ResultListProps) {
  return (
    <ol className="result-list" aria-label="评价结果列表">
      {results.map((r) => {
        const g = gradeOf(r.grade);
        const active = r.unitId === activeUnitId;
        return (
          <li key={r.unitId}>
            <button
              type="button"
              className={active ? 'result-row active' : 'result-row'}
              aria-current={active ? 'true' : undefined}
              title={r.reasons[0] ?? r.name}
              onClick={() => onOpen(r)}
            >
              <span className="row-badge" style={{ background: g.color, color: g.ink }} aria-label={`${g.letter} 级`}>
                {g.letter}
              </span>
              <span className="row-text">
                <span className="row-name">
                  {r.name}
                  {r.kind === 'mergedParcel' ? <span className="tag tag-merged">合并评价</span> : null}
                  {r.sharedResultFrom ? <span className="tag tag-shared">共享</span> : null}
                </span>
                <span className="row-caption">{resultCaption(r)}</span>
              </span>
              <span className="row-score">
                {scoreCell(r)}
                {r.total !== null ? <small>分</small> : null}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
