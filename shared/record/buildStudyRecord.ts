import type { PeriodCode } from '../domain/evaluation/catalogueSchema';
import type { CompiledCatalogue, EvaluatedTrait } from '../domain/evaluation/compiledCatalogue';
import { computeYearResult } from '../domain/evaluation/computeYearResult';
import { rowApplies, takenElectives } from '../domain/evaluation/resolveEntries';
import type { StudentYearInput, SubjectEntry } from '../domain/evaluation/studentYearInput';
import { foreignLanguage1Label, foreignLanguage1SubjectCode } from '../domain/foreignLanguages';
import type { StudentIdentity } from '../domain/student';
import {
  studyRecordFormat,
  studyRecordIdOf,
  studyRecordSchema,
  type RecordAward,
  type RecordSignerPerson,
  type RecordSignerSchool,
  type RecordSubjectRow,
  type RecordTraitRow,
  type RecordYearResult,
  type StudyRecord,
  type StudyRecordStatus,
} from './studyRecord';

/** One year of the study history as the app holds it; the record's schema checks it. */
export type StudyHistoryEntry = {
  readonly schoolYear: string;
  readonly grade: number;
  readonly className: string;
  readonly schoolName: string;
  readonly schoolCode: string;
  readonly registerNumber: string;
  readonly entryDate: string | null;
};

/** Everything a record is made of, as the app and the sample data hold it. */
export type StudyRecordSource = {
  readonly school: {
    readonly code: string;
    readonly name: string;
    readonly province: string;
    readonly commune: string;
  };
  readonly schoolClass: {
    readonly schoolYear: string;
    readonly grade: number;
    readonly name: string;
    readonly homeroomTeacherName: string;
  };
  readonly principalName: string;
  readonly student: StudentIdentity;
  readonly photoSha256?: string | null;
  /** Số đăng bộ and the date of entry or transfer, where the school keeps them. */
  readonly registerNumber?: string;
  readonly entryDate?: string | null;
  /** The language taught as Ngoại ngữ 1 ("Tiếng Anh"), named beside the subject; absent: not named. */
  readonly foreignLanguage1?: string;
  /** The years before this one (at this school or another), as the study history lists them. */
  readonly priorYears?: readonly StudyHistoryEntry[];
  /** The year's evaluations as the engine reads them (comments included). */
  readonly year: StudentYearInput;
  /**
   * Awards the teacher confirmed. Absent: the engine's proposals that need no confirmation
   * ("Học sinh Xuất sắc"); a "Tiêu biểu" proposal never enters a record unconfirmed.
   */
  readonly confirmedAwards?: readonly RecordAward[];
  /** Defaults to `final` when the year's result is computed, `draft` otherwise. */
  readonly status?: StudyRecordStatus;
  /** When the homeroom teacher confirmed the year's result (ISO-8601 UTC); required for a final record. */
  readonly resultConfirmedAt?: string | null;
  /**
   * What setup knows of the people who sign (personal IDs, pinned certificates) and of the
   * school (tax and budget codes); the names always come from the class and the school.
   */
  readonly signerIdentities?: {
    readonly homeroomTeacher?: Partial<Omit<RecordSignerPerson, 'name'>>;
    readonly principal?: Partial<Omit<RecordSignerPerson, 'name'>>;
    readonly schoolSeal?: Partial<Omit<RecordSignerSchool, 'name'>>;
  };
};

function signerPerson(
  name: string,
  known: Partial<Omit<RecordSignerPerson, 'name'>> | undefined,
): RecordSignerPerson {
  return {
    name,
    personalId: known?.personalId ?? null,
    formerIdNumber: known?.formerIdNumber ?? null,
    pinnedCertificate: known?.pinnedCertificate ?? null,
  };
}

type PeriodValue = { level: RecordSubjectRow['CN']['level']; score: number | null; comment: string };

function subjectValue(entry: SubjectEntry | undefined): PeriodValue {
  return {
    level: entry?.level ?? null,
    // A retest replaces the score; the record shows the last one (TT27 Điều 7 khoản 1 điểm d).
    score: entry?.retestScore ?? entry?.score ?? null,
    comment: entry?.comment ?? '',
  };
}

const recordPeriods: readonly PeriodCode[] = ['CK1', 'CN'];

function subjectRows(
  compiled: CompiledCatalogue,
  year: StudentYearInput,
  foreignLanguage1: string | undefined,
): RecordSubjectRow[] {
  const plan = compiled.plan(year.grade);
  const electives = takenElectives(year);
  const rows = plan.rows
    .filter((row) => rowApplies(row, electives))
    .sort((a, b) => a.subject.recordOrder - b.subject.recordOrder);
  return rows.map((row) => {
    const entryAt = (period: PeriodCode) =>
      year.subjects.find(
        (entry) =>
          entry.subject === row.subject.code &&
          (entry.part ?? undefined) === row.partCode &&
          entry.period === period,
      );
    const [ck1, cn] = recordPeriods.map((period) => subjectValue(entryAt(period)));
    const tested = row.testPeriods.has('CN') || row.testPeriods.has('CK1');
    return {
      key: row.key,
      label:
        row.subject.code === foreignLanguage1SubjectCode && foreignLanguage1 !== undefined
          ? foreignLanguage1Label(row.label, foreignLanguage1)
          : row.label,
      kind: row.subject.kind,
      status: row.status,
      tested,
      CK1: { level: ck1?.level ?? null, score: tested ? (ck1?.score ?? null) : null },
      CN: { level: cn?.level ?? null, score: tested ? (cn?.score ?? null) : null },
      comment: cn?.comment ?? '',
    };
  });
}

function traitRows(
  traits: readonly EvaluatedTrait[],
  entries: readonly {
    code: string;
    period: PeriodCode;
    level?: RecordTraitRow['CN'] | undefined;
    comment?: string | undefined;
  }[],
): RecordTraitRow[] {
  return traits.map((trait) => {
    const at = (period: PeriodCode) =>
      entries.find((entry) => entry.code === trait.code && entry.period === period);
    return {
      code: trait.code,
      name: trait.name,
      kind:
        trait.kind === 'quality'
          ? 'quality'
          : trait.competencyKind === 'general'
            ? 'generalCompetency'
            : 'specificCompetency',
      CK1: at('CK1')?.level ?? null,
      CN: at('CN')?.level ?? null,
      comment: at('CN')?.comment ?? '',
    };
  });
}

/** The source of one year's line of the study history: the year's class, the school, the register. */
export type StudyYearSource = Pick<
  StudyRecordSource,
  'school' | 'schoolClass' | 'registerNumber' | 'entryDate' | 'priorYears'
>;

/**
 * The line of the study history for the source's own year. The date of entry or transfer belongs
 * to the first year at a school: a student who was here last year did not enter again this year.
 * The year roll-over writes this line into the student's `priorYears`.
 */
export function studyYearEntryOf(source: StudyYearSource): StudyHistoryEntry {
  const { schoolClass, school } = source;
  const previous = earlierYearsOf(source).at(-1);
  const continuing = previous?.schoolCode === school.code;
  return {
    schoolYear: schoolClass.schoolYear,
    grade: schoolClass.grade,
    className: schoolClass.name,
    schoolName: school.name,
    schoolCode: school.code,
    registerNumber: source.registerNumber ?? '',
    entryDate: continuing ? null : (source.entryDate ?? null),
  };
}

function earlierYearsOf(source: StudyYearSource): StudyHistoryEntry[] {
  return [...(source.priorYears ?? [])]
    .filter((prior) => prior.schoolYear < source.schoolClass.schoolYear)
    .sort((a, b) => a.schoolYear.localeCompare(b.schoolYear));
}

/** Every year the student has, oldest first, this year last. */
function studyHistoryOf(source: StudyRecordSource): StudyHistoryEntry[] {
  return [...earlierYearsOf(source), studyYearEntryOf(source)];
}

/**
 * Builds a student's học bạ for one school year from the year's evaluations, computing the
 * result, awards and completion with the same engine the class summary uses (TT27 Điều 9, 11 and 13).
 * An incomplete year gives a draft that lists what is missing. The result is validated, so a
 * bad input fails here and not in a signer's hands.
 */
export function buildStudyRecord(compiled: CompiledCatalogue, source: StudyRecordSource): StudyRecord {
  const { year, student, schoolClass } = source;
  const plan = compiled.plan(year.grade);
  const outcome = computeYearResult(compiled, year);
  const result: RecordYearResult =
    outcome.status === 'computed'
      ? { status: 'computed', code: outcome.result, name: outcome.resultName }
      : outcome.status === 'individualPlan'
        ? { status: 'individualPlan', name: outcome.resultName }
        : { status: 'incomplete', missing: outcome.missing.map((missing) => missing.message) };
  const concluded = outcome.status !== 'incomplete';
  const awards: RecordAward[] =
    source.confirmedAwards !== undefined
      ? [...source.confirmedAwards]
      : outcome.status === 'computed'
        ? outcome.awards
            .filter((award) => !award.requiresConfirmation)
            .map((award) => ({ kind: award.award, title: award.title }))
        : [];
  const supplementary = year.supplementaryEvaluation ?? null;
  const decision = year.principalDecision ?? null;
  const draft = {
    format: studyRecordFormat,
    formatVersion: 2,
    id: studyRecordIdOf(student.studentCode, schoolClass.schoolYear),
    // A CHT student's record is not final until the supplementary evaluation (and, after an
    // unsuccessful one, the principal's decision) is on it (TT27 Điều 11 khoản 2–3); a student on
    // an individual education plan's, until the principal's decision (Điều 8).
    status:
      concluded && outcome.completion.status === 'pending'
        ? 'draft'
        : (source.status ?? (concluded ? 'final' : 'draft')),
    version: { number: 1, previousHash: null, amendmentId: null },
    catalogueVersion: compiled.catalogue.version,
    school: {
      code: source.school.code,
      name: source.school.name,
      province: source.school.province,
      commune: source.school.commune,
    },
    student: { ...student, photoSha256: source.photoSha256 ?? null },
    studyHistory: studyHistoryOf(source),
    year: {
      schoolYear: schoolClass.schoolYear,
      grade: year.grade,
      className: schoolClass.name,
      homeroomTeacherName: schoolClass.homeroomTeacherName,
      principalName: source.principalName,
      subjects: subjectRows(compiled, year, source.foreignLanguage1),
      qualities: traitRows(
        plan.qualities,
        year.qualities.map((entry) => ({ ...entry, code: entry.quality })),
      ),
      competencies: traitRows(
        plan.competencies,
        year.competencies.map((entry) => ({ ...entry, code: entry.competency })),
      ),
      result,
      resultConfirmedAt: source.resultConfirmedAt ?? null,
      awards,
      completion: concluded ? { status: outcome.completion.status, label: outcome.completion.label } : null,
      supplementaryEvaluation: supplementary
        ? { outcome: supplementary.outcome, date: supplementary.date, note: supplementary.note ?? '' }
        : null,
      principalDecision: decision ? { decision: decision.decision, date: decision.date } : null,
    },
    signers: {
      homeroomTeacher: signerPerson(
        schoolClass.homeroomTeacherName,
        source.signerIdentities?.homeroomTeacher,
      ),
      principal: signerPerson(source.principalName, source.signerIdentities?.principal),
      schoolSeal: {
        name: source.school.name,
        taxCode: source.signerIdentities?.schoolSeal?.taxCode ?? null,
        budgetCode: source.signerIdentities?.schoolSeal?.budgetCode ?? null,
        pinnedCertificate: source.signerIdentities?.schoolSeal?.pinnedCertificate ?? null,
      },
    },
  };
  return studyRecordSchema.parse(draft);
}
