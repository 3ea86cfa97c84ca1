import { splitRowKey, subjectResultIdOf } from '../../domain/evaluation/resultDocuments';
import { allowed, commonVerdict, firstRefusal, refused, writeRuleOf, type WriteCheck } from '../writeRule';
import { writeRuleStrings as text } from '../writeRuleStrings';
import type { SubjectResultDoc } from './subjectResults';

/** `subjectResult:<student id>:<row key>:<năm học>`, and the row key names its subject and part. */
export const subjectResultNaturalIdOf = (doc: SubjectResultDoc): string => {
  const { subject, part } = splitRowKey(doc.rowKey);
  return subject === doc.subject && part === doc.part
    ? subjectResultIdOf(doc.studentId, doc.rowKey, doc.schoolYear)
    : '';
};

/**
 * A student's results in one subject row are written by a teacher assigned that row (or its whole
 * subject) in that class, never by anyone else: one writer per document (architecture.md). A
 * result stays with its student, class and row.
 */
export const checkSubjectResultWrite: WriteCheck<SubjectResultDoc> = (writer, _controls, before, after) => {
  return firstRefusal(
    () => commonVerdict(writer, before, after, subjectResultNaturalIdOf),
    () =>
      before &&
      after &&
      (before.studentId !== after.studentId ||
        before.classId !== after.classId ||
        before.rowKey !== after.rowKey)
        ? refused(text.rowChanged)
        : allowed,
    () =>
      [before, after].every((side) => !side || writer.permissions.canEditSubject(side.classId, side.rowKey))
        ? allowed
        : refused(text.notAssignedSubject),
  );
};

export const subjectResultWriteRule = writeRuleOf(checkSubjectResultWrite);
