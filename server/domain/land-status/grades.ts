/** Grade histories from the yearly evaluation (A 优先发展 … D 倒逼整治, T 不定等级). */

export const GRADES = ['A', 'B', 'C', 'D', 'T'] as const;
export type Grade = (typeof GRADES)[number];

export interface GradeRecord {
  year: number;
  grade: Grade;
}

/**
 * How many years in a row, ending with `endYear`, the enterprise was graded `grade`. A year with no
 * evaluation breaks the run: D in 2023 and 2025 with nothing for 2024 counts 1 for 2025.
 * Two different grades for one year are a data error and throw.
 */
export function consecutiveYearsInGrade(grades: readonly GradeRecord[], grade: Grade, endYear: number): number {
  const byYear = new Map<number, Grade>();
  for (const g of grades) {
    const seen = byYear.get(g.year);
    if (seen !== undefined && seen !== g.grade) throw new Error(`${g.year} 年有两个不同的评价等级：${seen} 和 ${g.grade}`);
    byYear.set(g.year, g.grade);
  }
  let run = 0;
  while (byYear.get(endYear - run) === grade) run += 1;
  return run;
}
