import type { ClassId, StudentId } from '../ids';
import type { CharacterLevel, PeriodCode, SubjectLevel } from './catalogueSchema';
import { periodCodes } from './catalogueSchema';
import type { CompiledCatalogue } from './compiledCatalogue';
import type { StudentYearInput, SubjectEntry } from './studentYearInput';

/** One period's values of one subject row: level, periodic test score, retest, comment. */
export type PeriodSubjectValue = {
  readonly level: SubjectLevel | null;
  readonly score: number | null;
  readonly retestScore: number | null;
  readonly comment: string;
};

export const emptyPeriodSubjectValue: PeriodSubjectValue = {
  level: null,
  score: null,
  retestScore: null,
  comment: '',
};

/**
 * A student's results in one subject row for one school year (`subjectResults`): one document per
 * student × row × year, so the teachers of Tin học and Công nghệ never write the same document.
 */
export type SubjectResultValues = {
  readonly studentId: StudentId;
  readonly classId: ClassId;
  readonly subject: string;
  /** '' for a subject not evaluated in parts. */
  readonly part: string;
  readonly rowKey: string;
} & Readonly<Record<PeriodCode, PeriodSubjectValue | null>>;

/** One quality or competency in one period. */
export type TraitValue = { readonly level: CharacterLevel | null; readonly comment: string };

/** A student's qualities and competencies for one school year (`characterResults`), by period and code. */
export type CharacterResultValues = {
  readonly studentId: StudentId;
  readonly classId: ClassId;
} & Readonly<Record<PeriodCode, Readonly<Record<string, TraitValue>>>>;

export function subjectResultIdOf(studentId: StudentId, rowKey: string, schoolYear: string): string {
  return `subjectResult:${studentId}:${rowKey}:${schoolYear}`;
}

export function characterResultIdOf(studentId: StudentId, schoolYear: string): string {
  return `characterResult:${studentId}:${schoolYear}`;
}

export function yearResultIdOf(studentId: StudentId, schoolYear: string): string {
  return `yearResult:${studentId}:${schoolYear}`;
}

/** Splits `tin-hoc-cong-nghe/tin-hoc` into its subject and part ('' when undivided). */
export function splitRowKey(rowKey: string): { subject: string; part: string } {
  const [subject = rowKey, part = ''] = rowKey.split('/');
  return { subject, part };
}

/** The engine's view of a student's year, from the stored documents. */
export function studentYearInputFrom(
  compiled: CompiledCatalogue,
  grade: number,
  electives: readonly string[],
  subjectResults: readonly SubjectResultValues[],
  characterResult: CharacterResultValues | undefined,
  extra: Pick<
    StudentYearInput,
    'supplementaryEvaluation' | 'principalDecision' | 'individualEducationPlan'
  > = {},
): StudentYearInput {
  const subjects: SubjectEntry[] = [];
  for (const result of subjectResults) {
    for (const period of periodCodes) {
      const value = result[period];
      if (!value) continue;
      subjects.push({
        subject: result.subject,
        ...(result.part ? { part: result.part } : {}),
        period,
        level: value.level,
        score: value.score,
        retestScore: value.retestScore,
        ...(value.comment ? { comment: value.comment } : {}),
      });
    }
  }
  const qualities: StudentYearInput['qualities'] = [];
  const competencies: StudentYearInput['competencies'] = [];
  if (characterResult) {
    const qualityCodes = new Set(compiled.catalogue.qualities.map((quality) => quality.code));
    for (const period of periodCodes) {
      for (const [code, value] of Object.entries(characterResult[period])) {
        const comment = value.comment ? { comment: value.comment } : {};
        if (qualityCodes.has(code)) qualities.push({ quality: code, period, level: value.level, ...comment });
        else competencies.push({ competency: code, period, level: value.level, ...comment });
      }
    }
  }
  return { grade, electives: [...electives], subjects, qualities, competencies, ...extra };
}
