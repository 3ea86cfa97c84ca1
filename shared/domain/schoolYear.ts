/** Năm học — a school year written `2025-2026` (conventions.md). */
export type SchoolYear = `${number}-${number}`;

const schoolYearPattern = /^(\d{4})-(\d{4})$/;

export function isSchoolYear(value: string): value is SchoolYear {
  const match = schoolYearPattern.exec(value);
  if (!match) return false;
  return Number(match[2]) === Number(match[1]) + 1;
}

export function schoolYearStarting(startYear: number): SchoolYear {
  return `${startYear}-${startYear + 1}`;
}

/** The calendar year in which the school year begins (September). */
export function startYearOf(schoolYear: SchoolYear): number {
  return Number(schoolYear.slice(0, 4));
}

/**
 * The school year in progress on a given date: a Vietnamese school year starts in September
 * and ends in May, so June–August belong to the year that is about to start.
 */
export function schoolYearOn(date: Date): SchoolYear {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  return schoolYearStarting(month >= 6 ? year : year - 1);
}
