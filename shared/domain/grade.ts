/** Khối lớp — primary grades 1 to 5. */
export type Grade = 1 | 2 | 3 | 4 | 5;

export const grades: readonly Grade[] = [1, 2, 3, 4, 5];

export function isGrade(value: number): value is Grade {
  return Number.isInteger(value) && value >= 1 && value <= 5;
}

/**
 * The usual birth year of a child in a grade: children enter grade 1 in the calendar year
 * they turn six (Luật Giáo dục 2019, Điều 28).
 */
export function usualBirthYear(grade: Grade, schoolYearStart: number): number {
  return schoolYearStart - 5 - grade;
}
