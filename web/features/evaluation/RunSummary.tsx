/** The run's counts per grade for 规上 and 规下; a count is a shortcut to filter by it. */
import type { EvaluationGroup, EvaluationRun, Grade } from '../../api/evaluation-types.ts';
import { gradeOf } from '../../map/grades.ts';
import { GRADE_ORDER } from '../../lib/filters.ts';
import { summaryRows } from './results-view.ts';

export interface RunSummaryProps {
  run: EvaluationRun;
  selectedGrades: readonly Grade[];
  selectedGroup: EvaluationGroup | null;
  onPick: (grade: Grade, group: EvaluationGroup) => void;
}

export function RunSummary({ run, selectedGrades, selectedGroup, onPick }: RunSummaryProps) {
  const rows = summaryRows(run);
  return (
    <table className="run-summary" aria-label="各等级数量">
      <thead>
        <tr>
          <th />
          {GRADE_ORDER.map((g) => {
            const c = gradeOf(g);
            return (
              <th key={g} className="num" title={`${c.letter} ${c.name}`}>
                <span className="mini-badge" style={{ background: c.color, color: c.ink }}>
                  {g}
                </span>
              </th>
            );
          })}
          <th className="num">合计</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.group}>
            <th scope="row">{row.label}</th>
            {GRADE_ORDER.map((g) => {
              const on = selectedGroup === row.group && selectedGrades.length === 1 && selectedGrades[0] === g;
              return (
                <td key={g} className="num">
                  <button
                    type="button"
                    className={on ? 'count-button on' : 'count-button'}
                    title={`只看${row.label} ${g} 级`}
                    onClick={() => onPick(g, row.group)}
                  >
                    {row.counts[g]}
                  </button>
                </td>
              );
            })}
            <td className="num total">{row.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
