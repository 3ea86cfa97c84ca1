import { z } from 'zod';
import type { ClassId, StudentId } from '../../domain/ids';
import { documentMetaShape } from '../documentMeta';
import { storedId, text, type StoredDocument } from '../fields';
import { rxJsonSchemaOf } from '../rxJsonSchemaOf';
import { identityV0Overrides } from './peopleV0';
import { peopleV2Shape } from './peopleV2';

/** One year of the study history as version 3 stores it. */
export const studyHistoryEntryV3 = z.strictObject({
  schoolYear: text(9),
  grade: z.int().min(1).max(5),
  className: text(20),
  schoolName: text(200),
  schoolCode: text(20),
  registerNumber: text(40),
  entryDate: text(10).nullable(),
});

/**
 * `people` version 3, frozen: v2 plus the study history (`listNumber`, `registerNumber`,
 * `entryDate`, `priorYears`) and `individualEducationPlan` (TT27 Điều 8). From here on the ids are
 * typed: `student:<studentCode>` (studentIdOf) and the class's id (classIdOf).
 */
export const peopleV3Shape = {
  ...peopleV2Shape,
  id: storedId<StudentId>(40),
  classId: storedId<ClassId>(80),
  listNumber: z.int().min(1).max(9999).nullable(),
  registerNumber: text(40),
  entryDate: text(10).nullable(),
  priorYears: z.array(studyHistoryEntryV3).max(12),
  individualEducationPlan: z.boolean(),
} as const;

export const peopleV3 = z.strictObject({ ...peopleV3Shape, ...documentMetaShape });
export type PersonDocV3 = StoredDocument<typeof peopleV3>;
export const peopleV3Json = rxJsonSchemaOf(peopleV3, {
  title: 'people',
  version: 3,
  primaryKey: 'id',
  indexes: ['classId'],
  overrides: identityV0Overrides,
});
