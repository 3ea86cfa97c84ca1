import { z } from 'zod';
import type { Grade } from '../../domain/grade';
import type { ClassId } from '../../domain/ids';
import { documentMetaShape } from '../documentMeta';
import { storedAs, storedId, text, type StoredDocument } from '../fields';
import { rxJsonSchemaOf } from '../rxJsonSchemaOf';

/** `classes` version 0 (current): one document per class in a school year, written by the principal. */
export const classesV0 = z.strictObject({
  id: storedId<ClassId>(80),
  grade: storedAs<Grade>()(z.int().min(1).max(5).multipleOf(1)),
  name: text(20),
  homeroomTeacherName: text(120),
  ...documentMetaShape,
});
export type ClassDocV0 = StoredDocument<typeof classesV0>;
export const classesV0Json = rxJsonSchemaOf(classesV0, {
  title: 'classes',
  version: 0,
  primaryKey: 'id',
  indexes: [['schoolId', 'schoolYear', 'grade']],
});
