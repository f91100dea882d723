import { describe, expect, it } from 'vitest';
import { effectiveGrade, gradeValueExpression, type GradeOverrides } from './grade-overrides.ts';
import { evaluate } from './test-expressions.ts';

describe('grade overrides', () => {
  it('read the tiles’ grade when the chosen run is the tiles’ run', () => {
    for (const o of [null, new Map()] as (GradeOverrides | null)[]) {
      expect(evaluate(gradeValueExpression(o), 'string', { code: 'P1', grade: 'B' })).toBe('B');
      expect(evaluate(gradeValueExpression(o), 'string', { code: 'P1' })).toBe('');
    }
  });

  it('look the code up first: a grade, or not evaluated in that run', () => {
    const o: GradeOverrides = new Map([
      ['P1', 'A'],
      ['P2', null],
      ['P3', 'A'],
    ]);
    const expr = gradeValueExpression(o);
    const cases: [Record<string, unknown>, string][] = [
      [{ code: 'P1', grade: 'D' }, 'A'],
      [{ code: 'P2', grade: 'C' }, ''],
      [{ code: 'P3' }, 'A'],
      [{ code: 'P4', grade: 'T' }, 'T'],
      [{ grade: 'B' }, 'B'],
    ];
    for (const [props, want] of cases) {
      expect(evaluate(expr, 'string', props), JSON.stringify(props)).toBe(want);
      expect(effectiveGrade(props as { code?: string; grade?: string }, o)).toBe(want);
    }
  });
});
