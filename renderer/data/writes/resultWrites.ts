import type {
  CharacterLevel,
  PeriodCode,
  SubjectLevel,
} from '../../../shared/domain/evaluation/catalogueSchema';
import { evaluationStrings } from '../../../shared/domain/evaluation/evaluationStrings';
import {
  characterResultIdOf,
  emptyPeriodSubjectValue,
  splitRowKey,
  subjectResultIdOf,
  type PeriodSubjectValue,
  type TraitValue,
} from '../../../shared/domain/evaluation/resultDocuments';
import { allowsRetest, isValidScore } from '../../../shared/domain/evaluation/resolveEntries';
import type { ClassId, StudentId } from '../../../shared/domain/ids';
import { cleanText } from '../../../shared/domain/text';
import type { CharacterResultDoc } from '../collections/characterResultsCollection';
import type { SubjectResultDoc } from '../collections/subjectResultsCollection';
import type { HocbaDatabase } from '../database';
import { auditedWriteMany, type WriteResult, type WriteSettles } from './auditedWrite';
import { writeStrings } from './writeStrings';
import { WriteRefused, type WriteContext } from './writeContext';

/** Where a value lives: which student, class, year and grade. */
export type StudentPlace = {
  readonly studentId: StudentId;
  readonly classId: ClassId;
  readonly schoolId: string;
  readonly schoolYear: string;
  readonly grade: number;
  readonly electives: readonly string[];
};

export type SubjectCellValue =
  | { readonly field: 'level'; readonly value: SubjectLevel | null }
  | { readonly field: 'score' | 'retestScore'; readonly value: number | null }
  | { readonly field: 'comment'; readonly value: string };

export type SubjectCellWrite = {
  readonly place: StudentPlace;
  readonly rowKey: string;
  readonly period: PeriodCode;
} & SubjectCellValue;

export type TraitCellValue =
  | { readonly field: 'level'; readonly value: CharacterLevel | null }
  | { readonly field: 'comment'; readonly value: string };
export type TraitCellWrite = {
  readonly place: StudentPlace;
  readonly trait: string;
  readonly period: PeriodCode;
} & TraitCellValue;

const maxCommentLength = 2000;

function meta(place: StudentPlace) {
  return { schoolId: place.schoolId, schoolYear: place.schoolYear, updatedAt: '', updatedBy: '', rev: 0 };
}

/** Checks one subject value against the rights and the catalogue; returns the cleaned value. */
function checkedSubjectValue(context: WriteContext, cell: SubjectCellWrite): SubjectCellValue {
  const plan = context.catalogue.plan(cell.place.grade);
  const row = plan.rowsByKey.get(cell.rowKey);
  if (!row) throw new WriteRefused(writeStrings.subjectNotInGrade(cell.place.grade));
  if (!context.permissions.canEditSubject(cell.place.classId, cell.rowKey))
    throw new WriteRefused(writeStrings.notAssignedSubject(row.label));
  if (row.status === 'elective' && !cell.place.electives.includes(row.subject.code))
    throw new WriteRefused(writeStrings.electiveNotTaken(row.label));
  const period = context.catalogue.periodShortName(cell.period);
  if (cell.field === 'comment') {
    const comment = cleanText(cell.value);
    if (comment.length > maxCommentLength)
      throw new WriteRefused(writeStrings.commentTooLong(maxCommentLength));
    return { field: 'comment', value: comment };
  }
  if (cell.field === 'level') return cell;
  if (cell.value === null) return cell;
  if (!row.testPeriods.has(cell.period))
    throw new WriteRefused(evaluationStrings.noTest(cell.place.grade, period, row.phrase));
  if (cell.field === 'retestScore' && !allowsRetest(cell.period))
    throw new WriteRefused(evaluationStrings.retestOutsideTermEnd(row.phrase, period));
  const { minimum, maximum } = context.catalogue.catalogue.score;
  if (!isValidScore(context.catalogue, cell.value))
    throw new WriteRefused(evaluationStrings.badScore(row.phrase, period, cell.value, minimum, maximum));
  return cell;
}

/** Writes levels, scores and comments of the grade book (one cell, a pasted block, an undo). */
export function writeSubjectCells(
  database: HocbaDatabase,
  context: WriteContext,
  cells: readonly SubjectCellWrite[],
  /** The grade book passes `durable`: it shows the typed value itself until RxDB has it. */
  settles: WriteSettles = 'visible',
): Promise<WriteResult> {
  const writes = cells.map((cell) => {
    const value = checkedSubjectValue(context, cell);
    const docId = subjectResultIdOf(cell.place.studentId, cell.rowKey, cell.place.schoolYear);
    const { subject, part } = splitRowKey(cell.rowKey);
    const blank: SubjectResultDoc = {
      id: docId,
      studentId: cell.place.studentId,
      classId: cell.place.classId,
      subject,
      part,
      rowKey: cell.rowKey,
      GK1: null,
      CK1: null,
      GK2: null,
      CN: null,
      ...meta(cell.place),
    };
    return {
      target: { docId, studentId: cell.place.studentId, classId: cell.place.classId, blank },
      build: (current: SubjectResultDoc): SubjectResultDoc => {
        const period: PeriodSubjectValue = current[cell.period] ?? emptyPeriodSubjectValue;
        return {
          ...current,
          classId: cell.place.classId,
          [cell.period]: { ...period, [value.field]: value.value },
        };
      },
    };
  });
  return auditedWriteMany(database, context, 'subjectResults', writes, settles);
}

/** Writes qualities and competencies (homeroom teacher only). */
export function writeTraitCells(
  database: HocbaDatabase,
  context: WriteContext,
  cells: readonly TraitCellWrite[],
  settles: WriteSettles = 'visible',
): Promise<WriteResult> {
  const writes = cells.map((cell) => {
    const trait = context.catalogue.plan(cell.place.grade).traitsByCode.get(cell.trait);
    if (!trait) throw new WriteRefused(writeStrings.traitNotInGrade(cell.place.grade));
    if (!context.permissions.isHomeroomOf(cell.place.classId))
      throw new WriteRefused(writeStrings.notHomeroom);
    const value: TraitCellValue =
      cell.field === 'comment' ? { field: 'comment', value: cleanText(cell.value) } : cell;
    if (value.field === 'comment' && value.value.length > maxCommentLength)
      throw new WriteRefused(writeStrings.commentTooLong(maxCommentLength));
    const docId = characterResultIdOf(cell.place.studentId, cell.place.schoolYear);
    const blank: CharacterResultDoc = {
      id: docId,
      studentId: cell.place.studentId,
      classId: cell.place.classId,
      GK1: {},
      CK1: {},
      GK2: {},
      CN: {},
      ...meta(cell.place),
    };
    return {
      target: { docId, studentId: cell.place.studentId, classId: cell.place.classId, blank },
      build: (current: CharacterResultDoc): CharacterResultDoc => {
        const periodValues = current[cell.period];
        const previous: TraitValue = periodValues[cell.trait] ?? { level: null, comment: '' };
        return {
          ...current,
          [cell.period]: { ...periodValues, [cell.trait]: { ...previous, [value.field]: value.value } },
        };
      },
    };
  });
  return auditedWriteMany(database, context, 'characterResults', writes, settles);
}
