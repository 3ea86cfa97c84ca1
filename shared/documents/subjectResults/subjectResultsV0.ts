import { z } from 'zod';
import { subjectLevelCodes } from '../../domain/evaluation/catalogueSchema';
import type { ClassId, StudentId } from '../../domain/ids';
import { documentMetaShape } from '../documentMeta';
import { storedId, text, type StoredDocument } from '../fields';
import { rxJsonSchemaOf } from '../rxJsonSchemaOf';

/** One period's values of one subject row: level, periodic test score, retest, comment. */
const periodValue = z
  .strictObject({
    level: z.enum(subjectLevelCodes).nullable(),
    score: z.int().min(0).max(10).nullable(),
    retestScore: z.int().min(0).max(10).nullable(),
    comment: text(2000),
  })
  .nullable();

/**
 * `subjectResults` version 0, frozen: student × subject row × school year, written by that
 * subject's teacher. `part` is '' for a subject not evaluated in parts.
 */
export const subjectResultsV0 = z.strictObject({
  id: text(160),
  studentId: storedId<StudentId>(40),
  classId: storedId<ClassId>(80),
  subject: text(40),
  part: text(40),
  rowKey: text(80),
  GK1: periodValue,
  CK1: periodValue,
  GK2: periodValue,
  CN: periodValue,
  ...documentMetaShape,
});
export type SubjectResultDocV0 = StoredDocument<typeof subjectResultsV0>;
export const subjectResultsV0Json = rxJsonSchemaOf(subjectResultsV0, {
  title: 'subjectResults',
  version: 0,
  primaryKey: 'id',
  indexes: [['classId', 'rowKey'], 'studentId'],
});
