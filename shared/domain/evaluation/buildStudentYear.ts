import type { CharacterLevel, PeriodCode, SubjectLevel } from './catalogueSchema';
import { periodCodes } from './catalogueSchema';
import type { CompiledCatalogue, EvaluatedRow, EvaluatedTrait } from './compiledCatalogue';
import { rowApplies } from './resolveEntries';
import type { StudentYearInput, SubjectEntry } from './studentYearInput';

/** How to fill each value; `undefined` leaves it out (not entered). */
export type StudentYearPolicy = {
  readonly grade: number;
  readonly electives?: readonly string[];
  readonly periods?: readonly PeriodCode[];
  readonly subjectLevel: (row: EvaluatedRow, period: PeriodCode) => SubjectLevel | undefined;
  readonly score: (row: EvaluatedRow, period: PeriodCode) => number | undefined;
  readonly traitLevel: (trait: EvaluatedTrait, period: PeriodCode) => CharacterLevel | undefined;
  readonly id?: string;
};

/**
 * Builds a complete student-year input from a policy, entering a score exactly where the grade
 * has a test. Used by tests, property tests, benchmarks and sample data.
 */
export function buildStudentYear(compiled: CompiledCatalogue, policy: StudentYearPolicy): StudentYearInput {
  const plan = compiled.plan(policy.grade);
  const electives = new Set(policy.electives ?? []);
  const periods = policy.periods ?? periodCodes;
  const subjects: SubjectEntry[] = [];
  const qualities: StudentYearInput['qualities'] = [];
  const competencies: StudentYearInput['competencies'] = [];
  for (const period of periods) {
    for (const row of plan.rows) {
      if (!rowApplies(row, electives)) continue;
      const level = policy.subjectLevel(row, period);
      const score = row.testPeriods.has(period) ? policy.score(row, period) : undefined;
      if (level === undefined && score === undefined) continue;
      subjects.push({
        subject: row.subject.code,
        ...(row.partCode === undefined ? {} : { part: row.partCode }),
        period,
        ...(level === undefined ? {} : { level }),
        ...(score === undefined ? {} : { score }),
      });
    }
    for (const trait of [...plan.qualities, ...plan.competencies]) {
      const level = policy.traitLevel(trait, period);
      if (level === undefined) continue;
      if (trait.kind === 'quality') qualities.push({ quality: trait.code, period, level });
      else competencies.push({ competency: trait.code, period, level });
    }
  }
  return {
    ...(policy.id === undefined ? {} : { id: policy.id }),
    grade: policy.grade,
    electives: [...electives],
    subjects,
    qualities,
    competencies,
  };
}

/** The best possible year: every level at the top, every score 10. */
export function topStudentYear(
  compiled: CompiledCatalogue,
  grade: number,
  electives: readonly string[] = [],
): StudentYearInput {
  return buildStudentYear(compiled, {
    grade,
    electives,
    subjectLevel: () => 'T',
    score: () => 10,
    traitLevel: () => 'T',
  });
}
