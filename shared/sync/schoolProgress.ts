import { periodCodes, type PeriodCode } from '../domain/evaluation/catalogueSchema';
import type { CompiledCatalogue } from '../domain/evaluation/compiledCatalogue';
import { rowApplies } from '../domain/evaluation/resolveEntries';
import { profileCompleteness, type StudentProfile } from '../domain/studentProfile';

/**
 * Tiến độ của trường: how far a school has come with one school year, as the province follows it
 * (issue 12, point 7). Pure, from what the school synced: its classes, its students' profiles,
 * its subject results counted per class and row, its confirmed year results and the signed
 * records the server keeps. The server aggregates in SQL what it can and calls this for the rest.
 */
export type ProgressClass = { readonly id: string; readonly schoolYear: string; readonly grade: number };

export type ProgressStudent = StudentProfile & {
  readonly id: string;
  readonly classId: string;
  readonly electives: readonly string[];
  /** Set when the student left (chuyển đi, thôi học): not counted. */
  readonly departure: unknown;
};

/** Subject result documents of one class and row, and how many have a level in each period. */
export type RowResultCount = {
  readonly classId: string;
  readonly rowKey: string;
  readonly levels: Readonly<Record<PeriodCode, number>>;
};

export type ProgressInput = {
  readonly compiled: CompiledCatalogue;
  readonly classes: readonly ProgressClass[];
  readonly students: readonly ProgressStudent[];
  readonly rowResults: readonly RowResultCount[];
  /** Students whose year result the homeroom teacher confirmed, by class. */
  readonly confirmedByClass: ReadonlyMap<string, number>;
  /** The latest version the server keeps of each signed record, with the year it is of. */
  readonly signedRecords: readonly {
    readonly schoolYear: string;
    readonly verdict: 'complete' | 'partial';
  }[];
  /** The year to report; the latest year of the school's classes when absent. */
  readonly schoolYear?: string;
};

export type Fraction = { readonly done: number; readonly of: number };

export type SchoolProgress = {
  /** null when the school has no class yet. */
  readonly schoolYear: string | null;
  readonly classes: number;
  readonly students: number;
  readonly profilesComplete: Fraction;
  /** Subject levels entered in each period, against those the catalogue asks for. */
  readonly periods: Readonly<Record<PeriodCode, Fraction>>;
  readonly yearResultsConfirmed: Fraction;
  /** Records signed in every box (kept by the server), against the students. */
  readonly recordsSigned: Fraction;
  /** Records with some boxes signed (kept), not yet every one. */
  readonly recordsPartlySigned: number;
};

const none = (of: number): Fraction => ({ done: 0, of });

/** The share a fraction stands for, 0–100 (a fraction of nothing is complete). */
export function percentOf(fraction: Fraction): number {
  return fraction.of === 0 ? 100 : Math.min(100, Math.round((fraction.done / fraction.of) * 100));
}

export function schoolProgress(input: ProgressInput): SchoolProgress {
  const years = [...new Set(input.classes.map((schoolClass) => schoolClass.schoolYear))].sort();
  const schoolYear = input.schoolYear ?? years.at(-1) ?? null;
  const classes = new Map(
    input.classes
      .filter((c) => c.schoolYear === schoolYear)
      .map((schoolClass) => [schoolClass.id, schoolClass]),
  );
  const students = input.students.filter(
    (student) => classes.has(student.classId) && (student.departure ?? null) === null,
  );
  const studentsByClass = new Map<string, ProgressStudent[]>();
  for (const student of students)
    studentsByClass.set(student.classId, [...(studentsByClass.get(student.classId) ?? []), student]);

  // Expected levels: per student, every compulsory row of the grade and the electives they take.
  let expectedPerPeriod = 0;
  const rowsOfClass = new Map<string, Set<string>>();
  for (const [classId, schoolClass] of classes) {
    const plan = input.compiled.plan(schoolClass.grade);
    const keys = new Set<string>();
    for (const student of studentsByClass.get(classId) ?? []) {
      const electives = new Set(student.electives);
      for (const row of plan.rows)
        if (rowApplies(row, electives)) {
          expectedPerPeriod += 1;
          keys.add(row.key);
        }
    }
    rowsOfClass.set(classId, keys);
  }
  const entered = Object.fromEntries(periodCodes.map((period) => [period, 0])) as Record<PeriodCode, number>;
  for (const count of input.rowResults) {
    if (rowsOfClass.get(count.classId)?.has(count.rowKey) !== true) continue;
    for (const period of periodCodes) entered[period] += count.levels[period];
  }
  const periods = Object.fromEntries(
    periodCodes.map((period) => [
      period,
      { done: Math.min(entered[period], expectedPerPeriod), of: expectedPerPeriod },
    ]),
  ) as Record<PeriodCode, Fraction>;

  let confirmed = 0;
  for (const classId of classes.keys()) confirmed += input.confirmedByClass.get(classId) ?? 0;
  const records = input.signedRecords.filter((record) => record.schoolYear === schoolYear);
  const complete = records.filter((record) => record.verdict === 'complete').length;

  if (schoolYear === null)
    return {
      schoolYear,
      classes: 0,
      students: 0,
      profilesComplete: none(0),
      periods,
      yearResultsConfirmed: none(0),
      recordsSigned: none(0),
      recordsPartlySigned: 0,
    };
  return {
    schoolYear,
    classes: classes.size,
    students: students.length,
    profilesComplete: {
      done: students.filter((student) => profileCompleteness(student).missing.length === 0).length,
      of: students.length,
    },
    periods,
    yearResultsConfirmed: { done: Math.min(confirmed, students.length), of: students.length },
    recordsSigned: { done: Math.min(complete, students.length), of: students.length },
    recordsPartlySigned: records.length - complete,
  };
}
