import { z } from 'zod';
import type { ClassId, UserId } from '../../domain/ids';
import { documentMetaShape } from '../documentMeta';
import { storedId, text, type StoredDocument } from '../fields';
import { rxJsonSchemaOf } from '../rxJsonSchemaOf';

/**
 * `assignments` version 0 (current): teacher × class × school year (subjects, homeroom flag),
 * written by the principal.
 */
export const assignmentsV0 = z.strictObject({
  id: text(160),
  teacherId: storedId<UserId>(60),
  classId: storedId<ClassId>(80),
  homeroom: z.boolean(),
  subjects: z.array(text(60)).max(40),
  ...documentMetaShape,
});
export type AssignmentDocV0 = StoredDocument<typeof assignmentsV0>;
export const assignmentsV0Json = rxJsonSchemaOf(assignmentsV0, {
  title: 'assignments',
  version: 0,
  primaryKey: 'id',
  indexes: ['classId', 'teacherId'],
});
